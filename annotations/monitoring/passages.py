"""The passages behind a figure: the statements the filters select, in reading order,
each with its live annotations of the codes asked for (every code when none is).

Every figure of the monitoring pages links here with the filters that select exactly
the statements it counts. Per page: the filters' look-ups, one COUNT, one SELECT of
the page and one of its annotations.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from tracker.models import Statement

from ..coding.meetings import workspace_url
from ..models import Annotation
from .downloads import annotation_link, chunked, speaker_label, statement_link
from .parameters import StatementFilters, apply_filters


@dataclass(frozen=True)
class Passage:
    statement: Statement

    @property
    def url(self) -> str:
        return workspace_url(self.statement.meeting_id, self.statement.pk)

    @property
    def annotations(self) -> list[Annotation]:
        return self.statement.shown_annotations

    @property
    def linked_annotations(self) -> list[tuple[Annotation, str]]:
        s = self.statement
        return [(a, workspace_url(s.meeting_id, s.pk, a.pk)) for a in self.annotations]


def _shown(filters: StatementFilters):
    """The annotations a passage shows: of the codes asked for, blind coding applied."""
    shown = filters.annotations().order_by("start", "pk")
    return shown.filter(code__in=filters.coded) if filters.coded else shown


def _in_reading_order(filters: StatementFilters):
    statements = apply_filters(Statement.objects.all(), filters)
    return statements.order_by("meeting__date", "meeting_id", "order")


def passage_statements(filters: StatementFilters):
    shown = _shown(filters).select_related("code", "analyst")
    return (
        _in_reading_order(filters)
        .select_related("meeting", "speaker")
        .prefetch_related(Prefetch("annotations", queryset=shown, to_attr="shown_annotations"))
    )


def passages_page(filters: StatementFilters, *, page: int, size: int) -> tuple[int, list[Passage]]:
    statements = passage_statements(filters)
    offset = (page - 1) * size
    return statements.count(), [Passage(s) for s in statements[offset : offset + size]]


def passage_row(passage: Passage) -> dict:
    s = passage.statement
    return {
        "statement": s.pk,
        "meeting": s.meeting_id,
        "symbol": s.meeting.symbol,
        "date": s.meeting.date.isoformat() if s.meeting.date else None,
        "speaker": s.speaker_label,
        "delegation": s.delegation,
        "speaker_type": s.speaker_type,
        "annotations": [
            {"annotation": a.pk, "code": a.code.slug, "analyst": a.analyst.username,
             "start": a.start, "end": a.end, "quote": a.quote}
            for a in passage.annotations
        ],
    }  # fmt: skip


PASSAGE_VALUES = ("pk", "meeting_id", "meeting__symbol", "order", "meeting__date",
                  "speaker_id", "speaker__name", "delegation", "speaker_type")  # fmt: skip
SHOWN_VALUES = ("statement_id", "pk", "code__slug", "code__name", "analyst__username",
                "start", "end", "quote")  # fmt: skip
CHUNK = 2000  # statements a time, and one query of their annotations


def _shown_by_statement(filters: StatementFilters, statements: list[tuple]) -> dict[int, list]:
    """The annotations shown of these statements (PASSAGE_VALUES rows), by statement.

    Their meetings are named too, although the statements imply them: blind coding's
    condition joins each annotation's statement, and at a million statements PostgreSQL
    then read the whole statement table for every chunk (1 s a chunk; a parameterised
    index scan looked dearer, the blind-meeting subplan costed once per probe). With the
    meetings it reads only their statements: 30–140 ms a chunk (benchmarks/README.md).
    """
    ids, meetings = [s[0] for s in statements], sorted({s[1] for s in statements})
    shown = _shown(filters).filter(statement_id__in=ids, statement__meeting_id__in=meetings)
    by_statement: dict[int, list] = {}
    for statement, *annotation in shown.values_list(*SHOWN_VALUES):
        by_statement.setdefault(statement, []).append(annotation)
    return by_statement


def passage_csv_rows(filters: StatementFilters, *, base: str):
    """The passages CSV's rows: a row per annotation shown, or one row for a statement
    without; from plain values (a server-side cursor of the statements, one query of
    the annotations for each CHUNK of them, as the page's prefetch does)."""
    found = _in_reading_order(filters).values_list(*PASSAGE_VALUES).iterator(CHUNK)
    for statements in chunked(found, CHUNK):
        shown = _shown_by_statement(filters, statements)
        for pk, meeting, symbol, order, date, speaker, name, delegation, kind in statements:
            head = [pk, meeting, symbol, order, date.isoformat() if date else "",
                    speaker_label(speaker, name, delegation), delegation, kind]  # fmt: skip
            if pk not in shown:
                yield [*head, "", "", "", "", "", "", "", statement_link(base, meeting, pk)]
            for annotation, slug, code_name, analyst, start, end, quote in shown.get(pk, ()):
                yield [*head, annotation, slug, code_name, analyst, start, end, quote,
                       annotation_link(base, meeting, pk, annotation)]  # fmt: skip
