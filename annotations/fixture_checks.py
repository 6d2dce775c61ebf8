"""The analysis rules a fixture load must respect, registered with tracker's loader.

A fixture writes rows directly, so the rules services.py applies to every write are
checked here on the loaded records: a passage annotation quotes its statement's text
exactly, a statement-level one has no offsets, its code is in the meeting's scheme —
and a statement whose text a fixture replaces still holds the quotes of the live
annotations on it. Each check queries in bulk, whatever the number of records.
"""

from collections.abc import Iterator, Sequence

from tracker.fixture_loading import register_record_check
from tracker.models import Statement

from .models import Annotation, Code, CodingScheme, SchemeAssignment


@register_record_check("annotations.annotation")
def check_annotations(annotations: Sequence[Annotation]) -> Iterator[tuple[Annotation, str]]:
    statements = Statement.objects.only("text", "meeting_id").in_bulk(
        {a.statement_id for a in annotations}
    )
    codes = Code.objects.only("slug", "scheme_id", "statement_level").in_bulk(
        {a.code_id for a in annotations}
    )
    schemes = _schemes_in_use({s.meeting_id for s in statements.values()})
    for annotation in annotations:
        statement = statements[annotation.statement_id]
        code = codes[annotation.code_id]
        if code.scheme_id != schemes.get(statement.meeting_id):
            yield (
                annotation,
                (f'code: "{code.slug}" is not in the coding scheme of the statement\'s meeting.'),
            )
        problem = _span_problem(annotation, code, statement.text)
        if problem:
            yield annotation, problem


def _schemes_in_use(meeting_ids: set[int]) -> dict[int, int | None]:
    """The scheme each meeting is coded with: its own, else the default one."""
    default = CodingScheme.objects.filter(is_default=True).values_list("pk", flat=True).first()
    assigned = dict(
        SchemeAssignment.objects.filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", "scheme_id"
        )
    )
    return {meeting_id: assigned.get(meeting_id, default) for meeting_id in meeting_ids}


def _span_problem(annotation: Annotation, code: Code, text: str) -> str:
    start, end = annotation.start, annotation.end
    if code.statement_level:
        if start is not None or end is not None or annotation.quote:
            return f'"{code.slug}" is a statement-level code: it takes no offsets and no quote.'
        return ""
    if start is None or end is None:
        return f'"{code.slug}" applies to a passage: give start and end.'
    if end > len(text):
        return f"end: {end} is past the end of the statement ({len(text)} characters)."
    if text[start:end] != annotation.quote:
        return (
            f"quote: the quote does not match the statement text at {start}–{end} "
            f"(the text there reads {text[start:end][:60]!r})."
        )
    return ""


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
