"""The analysis rules a fixture load must respect, registered with tracker's loader.

A fixture writes rows directly, so the rules coding.services applies to every write are
checked here on the loaded records: the span rule (coding.spans) — a passage annotation
quotes its statement's text exactly, a statement-level one has no offsets and no
quote — and its code is in the meeting's scheme (a missed opportunity's codes too, as
missed_opportunity_create checks them). A statement whose text a fixture replaces must
still hold the quotes of the live annotations on it. Each check queries
in bulk, whatever the number of records.
"""

from collections.abc import Iterator, Sequence

from tracker.fixture_loading import register_record_check
from tracker.models import Statement

from ..codebook.selectors import scheme_ids_for_meetings
from ..models import Annotation, Code, MissedOpportunity
from .spans import span_errors


@register_record_check("annotations.annotation")
def check_annotations(annotations: Sequence[Annotation]) -> Iterator[tuple[Annotation, str]]:
    statements = Statement.objects.only("text", "meeting_id").in_bulk(
        {a.statement_id for a in annotations}
    )
    codes = Code.objects.only("slug", "scheme_id", "statement_level").in_bulk(
        {a.code_id for a in annotations}
    )
    schemes = scheme_ids_for_meetings({s.meeting_id for s in statements.values()})
    for annotation in annotations:
        statement = statements[annotation.statement_id]
        code = codes[annotation.code_id]
        if code.scheme_id != schemes.get(statement.meeting_id):
            yield (
                annotation,
                (f'code: "{code.slug}" is not in the coding scheme of the statement\'s meeting.'),
            )
        for problem in _span_problems(annotation, code, statement.text):
            yield annotation, problem


def _span_problems(annotation: Annotation, code: Code, text: str) -> list[str]:
    errors = span_errors(
        code=code, text=text, start=annotation.start, end=annotation.end, quote=annotation.quote
    )
    if code.statement_level and annotation.quote and not errors:
        # A service stores no quote for a statement-level code; a fixture row might.
        errors = {"quote": f'"{code.slug}" is a statement-level code: it takes no quote.'}
    return [f"{field}: {message}" for field, message in errors.items()]


@register_record_check("tracker.statement")
def check_statement_texts(statements: Sequence[Statement]) -> Iterator[tuple[Statement, str]]:
    by_id = {statement.pk: statement for statement in statements}
    broken: dict[int, list[int]] = {}
    live_spans = (
        Annotation.objects.live()
        .filter(statement_id__in=by_id, start__isnull=False)
        .only("statement_id", "start", "end", "quote")
        .order_by("statement_id", "pk")
    )
    for annotation in live_spans:
        text = by_id[annotation.statement_id].text
        if text[annotation.start : annotation.end] != annotation.quote:
            broken.setdefault(annotation.statement_id, []).append(annotation.pk)
    for statement_id, annotation_ids in broken.items():
        listed = ", ".join(str(pk) for pk in annotation_ids)
        yield (
            by_id[statement_id],
            (
                f"text: the new text no longer holds the quotes of annotations {listed}; "
                "statement text that has been coded cannot change in a fixture load."
            ),
        )


@register_record_check("annotations.missedopportunity")
def check_missed_opportunities(
    missed: Sequence[MissedOpportunity],
) -> Iterator[tuple[MissedOpportunity, str]]:
    schemes = scheme_ids_for_meetings({m.meeting_id for m in missed})
    by_id = {m.pk: m for m in missed}
    links = (
        MissedOpportunity.codes.through.objects.filter(missedopportunity_id__in=by_id)
        .select_related("code")
        .order_by("missedopportunity_id", "code__slug")
    )
    for link in links:
        record = by_id[link.missedopportunity_id]
        if link.code.scheme_id != schemes.get(record.meeting_id):
            yield (
                record,
                f'codes: "{link.code.slug}" is not in the coding scheme of the meeting.',
            )
