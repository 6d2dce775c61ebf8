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


def passage_statements(filters: StatementFilters):
    shown = filters.annotations().select_related("code", "analyst").order_by("start", "pk")
    if filters.coded:
        shown = shown.filter(code__in=filters.coded)
    return (
        apply_filters(Statement.objects.all(), filters)
        .select_related("meeting", "speaker")
        .prefetch_related(Prefetch("annotations", queryset=shown, to_attr="shown_annotations"))
        .order_by("meeting__date", "meeting_id", "order")
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
