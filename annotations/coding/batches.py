"""Writes of many annotations at once: code every hit of a search as one step, and undo
(or redo) that step as one.

The workspace's "code all hits" calls these, and so does corpus search across meetings
(annotations.monitoring.search_coding): give the analyst, the code and the spans, each a
(statement, start, end) in code points. All or nothing: one bad span refuses the whole
batch with a message naming it. Queries stay fixed however many spans and meetings: the
checks read in bulk and the rows (and their history) are written in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tracker.models import Statement

from ..codebook.selectors import scheme_ids_for_meetings
from ..models import Annotation, AnnotationSource, Code
from .anchoring import quote_context
from .spans import span_errors

Span = tuple[Statement, int, int]
MAX_BATCH = 5000


def _check_code_for_meetings(code: Code, statements: Iterable[Statement]) -> None:
    if code.statement_level:
        raise ValidationError(
            {"code": f'"{code.slug}" is a statement-level code, not a passage code.'}
        )
    if code.retired:
        raise ValidationError({"code": f'Code "{code.slug}" is retired.'})
    # In bulk: a batch from corpus search can span many meetings.
    meetings = {s.meeting_id: s for s in statements}
    for meeting_id, scheme_id in sorted(scheme_ids_for_meetings(set(meetings)).items()):
        if scheme_id != code.scheme_id:
            symbol = meetings[meeting_id].meeting.symbol
            raise ValidationError(
                {"code": f'Code "{code.slug}" is not in the scheme of meeting {symbol}.'}
            )


def _span_problems(
    code: Code, spans: Sequence[Span], quotes: Sequence[str | None] | None
) -> list[str]:
    problems, seen = [], set()
    for number, (statement, start, end) in enumerate(spans, start=1):
        quote = quotes[number - 1] if quotes else None
        errors = span_errors(code=code, text=statement.text, start=start, end=end, quote=quote)
        if errors:
            problems.append(
                f"span {number} (statement {statement.pk}): " + " ".join(errors.values())
            )
        elif (statement.pk, start, end) in seen:
            problems.append(f"span {number} (statement {statement.pk}): given twice.")
        seen.add((statement.pk, start, end))
    return problems


def _already_coded(*, analyst, code: Code, spans: Sequence[Span]) -> list[str]:
    wanted = {(s.pk, start, end) for s, start, end in spans}
    existing = (
        Annotation.objects.live()
        .filter(analyst=analyst, code=code, statement__in={s.pk for s, _, _ in spans})
        .values_list("statement_id", "start", "end")
    )
    return [
        f"statement {pk} {start}–{end} is already coded with this code."
        for pk, start, end in existing
        if (pk, start, end) in wanted
    ]


@transaction.atomic
def annotations_create_batch(
    *,
    analyst: AbstractBaseUser,
    code: Code,
    spans: Sequence[Span],
    memo: str = "",
    source: str = AnnotationSource.MANUAL,
    quotes: Sequence[str | None] | None = None,
) -> list[Annotation]:
    """Code every span with `code` for `analyst`, all or nothing; in the order given.

    `quotes`, if given, holds the text the client saw at each span (None: not checked).
    """
    if not spans:
        raise ValidationError({"spans": "Give at least one passage to code."})
    if len(spans) > MAX_BATCH:
        raise ValidationError({"spans": f"At most {MAX_BATCH} passages at once."})
    _check_code_for_meetings(code, [s for s, _, _ in spans])
    problems = _span_problems(code, spans, quotes) or _already_coded(
        analyst=analyst, code=code, spans=spans
    )
    if problems:
        raise ValidationError({"spans": problems})
    annotations = []
    for statement, start, end in spans:
        prefix, suffix = quote_context(statement.text, start, end)
        annotations.append(
            Annotation(
                statement=statement,
                code=code,
                analyst=analyst,
                start=start,
                end=end,
                quote=statement.text[start:end],
                prefix=prefix,
                suffix=suffix,
                memo=memo,
                source=source,
            )
        )
    created = bulk_create_with_history(annotations, Annotation, default_user=analyst)
    return list(created)


def _locked_own(*, analyst: AbstractBaseUser, ids: Sequence[int]) -> list[Annotation]:
    rows = list(
        Annotation.objects.select_for_update(of=("self",))
        .select_related("code", "analyst", "statement")
        .filter(pk__in=set(ids))
        .order_by("pk")
    )
    if len(rows) != len(set(ids)):
        missing = sorted(set(ids) - {a.pk for a in rows})
        raise ValidationError({"annotations": f"No such annotations: {missing}."})
    if any(a.analyst_id != analyst.pk for a in rows):
        raise PermissionDenied("Some of these annotations belong to another analyst.")
    return rows


@transaction.atomic
def annotations_withdraw_batch(
    *, analyst: AbstractBaseUser, ids: Sequence[int]
) -> list[Annotation]:
    """Undo a batch: all its annotations go at once, none listed as deleted."""
    rows = _locked_own(analyst=analyst, ids=ids)
    if any(a.deleted_at is not None for a in rows):
        raise ValidationError({"annotations": "Some of these annotations are already gone."})
    now = timezone.now()
    for a in rows:
        a.deleted_at, a.deleted_by, a.withdrawn, a.version = now, analyst, True, a.version + 1
        a.updated = now
    bulk_update_with_history(
        rows, Annotation, ["deleted_at", "deleted_by", "withdrawn", "version", "updated"],
        default_user=analyst,
    )  # fmt: skip
    return rows


@transaction.atomic
def annotations_restore_batch(*, analyst: AbstractBaseUser, ids: Sequence[int]) -> list[Annotation]:
    """Redo an undone batch: every annotation back, or none if one was coded again since."""
    rows = _locked_own(analyst=analyst, ids=ids)
    if any(a.deleted_at is None for a in rows):
        raise ValidationError({"annotations": "Some of these annotations are not undone."})
    spans = [(a.statement_id, a.start, a.end) for a in rows]
    clash = Annotation.objects.live().filter(
        analyst=analyst, code_id__in={a.code_id for a in rows},
        statement_id__in={s for s, _, _ in spans},
    ).values_list("statement_id", "code_id", "start", "end")  # fmt: skip
    taken = set(clash)
    if any((a.statement_id, a.code_id, a.start, a.end) in taken for a in rows):
        raise ValidationError({"annotations": "Some of these passages were coded again since."})
    now = timezone.now()
    for a in rows:
        a.deleted_at, a.deleted_by, a.withdrawn, a.version = None, None, False, a.version + 1
        a.updated = now
    bulk_update_with_history(
        rows, Annotation, ["deleted_at", "deleted_by", "withdrawn", "version", "updated"],
        default_user=analyst,
    )  # fmt: skip
    return rows
