"""Decisions on many suggestions at once: accept or dismiss every open suggestion of a
code, of one of its keywords, or of a keyword whatever its code, in a meeting.

One transaction, one undo step, and a fixed number of queries however many suggestions:
the suggestions are found as the panel finds them (coding.suggestions), the annotations
(with their history) and the decisions are written in bulk. Suggestions already decided,
or already coded with that code, are left as they are and counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from tracker.models import Meeting

from ...codebook.selectors import scheme_for_meeting
from ...models import Annotation, AnnotationSource, Code, SuggestionDecision
from ..anchoring import quote_context
from ..suggestions import CODED, DECIDED, OPEN, Suggestion, suggestable_codes, suggestions_by_status
from ..undo.steps import record_decisions

ACCEPTED = SuggestionDecision.Decision.ACCEPTED
DISMISSED = SuggestionDecision.Decision.DISMISSED


@dataclass
class BulkDecision:
    decision: str
    decided: list[Suggestion]
    annotations: list[Annotation]
    already_decided: int
    already_coded: int


def _check_code(code: Code, meeting: Meeting) -> None:
    scheme = scheme_for_meeting(meeting)
    if code.scheme_id != scheme.pk:
        raise ValidationError(
            {"code": f'Code "{code.slug}" is not in scheme "{scheme}" of meeting {meeting.symbol}.'}
        )
    if code.retired:
        raise ValidationError({"code": f'Code "{code.slug}" is retired.'})
    if code.statement_level or not code.keyword_list:
        raise ValidationError({"code": f'Code "{code.slug}" has no keywords to suggest passages.'})


def _chosen_codes(
    meeting: Meeting, code: Code | None, keyword: str | None
) -> tuple[list[Code], str | None]:
    """The codes to look at, and the keyword as the codebook lists it (None: any)."""
    if code is not None:
        _check_code(code, meeting)
        codes = [code]
    else:
        codes = suggestable_codes(meeting)
    if keyword is None:
        return codes, None
    wanted = keyword.strip().casefold()
    codes = [c for c in codes if any(k.casefold() == wanted for k in c.keyword_list)]
    if not codes:
        where = f'code "{code.slug}"' if code is not None else "any code of this meeting"
        raise ValidationError({"keyword": f'"{keyword.strip()}" is not a keyword of {where}.'})
    listed = next(k for k in codes[0].keyword_list if k.casefold() == wanted)
    return codes, listed


def _accepted_annotations(analyst, suggestions: list[Suggestion], statements) -> list[Annotation]:
    annotations = []
    for s in suggestions:
        text = statements[s.statement_id].text
        prefix, suffix = quote_context(text, s.start, s.end)
        annotations.append(
            Annotation(
                statement=statements[s.statement_id],
                code=s.code,
                analyst=analyst,
                start=s.start,
                end=s.end,
                quote=s.quote,
                prefix=prefix,
                suffix=suffix,
                source=AnnotationSource.SUGGESTION,
            )
        )
    return list(bulk_create_with_history(annotations, Annotation, default_user=analyst))


def _label(decision: str, count: int, code: Code | None, listed: str | None) -> str:
    verb = "accepting" if decision == ACCEPTED else "dismissing"
    of = " and ".join(part for part in (code and code.name, listed and f"“{listed}”") if part)
    return f"{verb} {count} suggestion{'s' if count != 1 else ''} of {of}"


@transaction.atomic
def suggestions_decide(
    *,
    meeting: Meeting,
    analyst: AbstractBaseUser,
    decision: str,
    code: Code | None = None,
    keyword: str | None = None,
) -> BulkDecision:
    """Accept (each becomes the analyst's annotation) or dismiss every open suggestion of
    `code` and/or `keyword` in `meeting`, as one undoable step."""
    if decision not in (ACCEPTED, DISMISSED):
        raise ValidationError({"decision": 'Send "accepted" or "dismissed".'})
    if code is None and not (keyword or "").strip():
        raise ValidationError({"non_field_errors": "Send a code, a keyword, or both."})
    codes, listed = _chosen_codes(meeting, code, keyword)
    statements = {s.pk: s for s in meeting.statements.order_by("order")}
    found = suggestions_by_status(
        meeting=meeting, analyst=analyst, statements=statements.values(), codes=codes
    )

    def chosen(status: str) -> list[Suggestion]:
        return [s for s in found[status] if listed is None or s.listed == listed]

    open_ = chosen(OPEN)
    result = BulkDecision(decision, open_, [], len(chosen(DECIDED)), len(chosen(CODED)))
    if not open_:
        return result
    try:
        with transaction.atomic():
            if decision == ACCEPTED:
                result.annotations = _accepted_annotations(analyst, open_, statements)
            decisions = SuggestionDecision.objects.bulk_create(
                SuggestionDecision(
                    statement_id=s.statement_id,
                    code=s.code,
                    analyst=analyst,
                    start=s.start,
                    end=s.end,
                    decision=decision,
                    annotation=result.annotations[n] if result.annotations else None,
                )
                for n, s in enumerate(open_)
            )
    except IntegrityError:
        raise ValidationError(
            {"non_field_errors": "Some of these suggestions were decided meanwhile; reload."}
        ) from None
    record_decisions(
        analyst=analyst,
        meeting_id=meeting.pk,
        label=_label(decision, len(open_), code, listed),
        decisions=decisions,
        annotations=result.annotations,
    )
    return result
