"""The review board: every analyst's annotations on a meeting, side by side.

Each annotation on a code and statement in dispute (review.disputes) is
*disputed*; a reviewer accepts or rejects it with a reason (review.services).
Every decision is kept (who, when, why); the latest one counts, and
`Annotation.objects.adjudicated()` is the set without the rejected ones, which
reports can use.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch

from tracker.models import Meeting, Statement

from ..models import AdjudicationDecision, Annotation
from .disputes import disputed_pairs


@dataclass
class ReviewedAnnotation:
    annotation: Annotation
    disputed: bool
    # Newest first.
    decisions: list[AdjudicationDecision]

    @property
    def latest(self) -> AdjudicationDecision | None:
        return self.decisions[0] if self.decisions else None

    @property
    def status(self) -> str:
        return self.latest.decision if self.latest else ("open" if self.disputed else "agreed")


@dataclass
class ReviewColumn:
    analyst: AbstractBaseUser
    items: list[ReviewedAnnotation]


@dataclass
class ReviewRow:
    """One statement, with each analyst's annotations in a column of their own."""

    statement: Statement
    columns: list[ReviewColumn]

    @property
    def disputed(self) -> list[ReviewedAnnotation]:
        return [r for column in self.columns for r in column.items if r.disputed]

    @property
    def open_count(self) -> int:
        return sum(1 for r in self.disputed if r.latest is None)


@dataclass
class ReviewBoard:
    meeting: Meeting
    analysts: list[AbstractBaseUser]
    rows: list[ReviewRow] = field(default_factory=list)

    @property
    def disputed_count(self) -> int:
        return sum(len(row.disputed) for row in self.rows)

    @property
    def open_count(self) -> int:
        return sum(row.open_count for row in self.rows)

    @property
    def decided_count(self) -> int:
        return self.disputed_count - self.open_count


def _live_annotations(meeting: Meeting) -> list[Annotation]:
    decisions = AdjudicationDecision.objects.select_related("reviewer").order_by("-created", "-id")
    return list(
        Annotation.objects.live()
        .for_meeting(meeting)
        .select_related("code", "analyst", "statement")
        .prefetch_related(Prefetch("adjudications", queryset=decisions))
        .order_by("statement__order", "start", "id")
    )


def _disputed_ids(annotations: list[Annotation]) -> set[int]:
    analysts = len({a.analyst_id for a in annotations})
    pairs = disputed_pairs(
        ((a.statement_id, a.code_id, a.analyst_id) for a in annotations), analysts=analysts
    )
    return {a.pk for a in annotations if (a.statement_id, a.code_id) in pairs}


def disagreements(*, meeting: Meeting) -> list[Annotation]:
    """The meeting's live annotations that not every one of its analysts shares."""
    annotations = _live_annotations(meeting)
    disputed = _disputed_ids(annotations)
    return [a for a in annotations if a.pk in disputed]


def review_board(*, meeting: Meeting, only_disputed: bool = True) -> ReviewBoard:
    """Every analyst's annotations on a meeting side by side, statement by statement.

    Four queries, however large the meeting: statements, annotations with
    their code and analyst, decisions with their reviewer, and the analysts.
    """
    annotations = _live_annotations(meeting)
    disputed = _disputed_ids(annotations)
    analyst_ids = sorted({a.analyst_id for a in annotations})
    User = get_user_model()
    analysts = sorted(
        User.objects.filter(pk__in=analyst_ids), key=lambda u: u.get_username().casefold()
    )
    by_cell: dict[tuple[int, int], list[ReviewedAnnotation]] = defaultdict(list)
    for a in annotations:
        reviewed = ReviewedAnnotation(a, a.pk in disputed, list(a.adjudications.all()))
        by_cell[(a.statement_id, a.analyst_id)].append(reviewed)
    board = ReviewBoard(meeting=meeting, analysts=analysts)
    for statement in Statement.objects.filter(meeting=meeting).in_reading_order():
        columns = [ReviewColumn(u, by_cell.get((statement.pk, u.pk), [])) for u in analysts]
        row = ReviewRow(statement=statement, columns=columns)
        if row.disputed or (not only_disputed and any(c.items for c in columns)):
            board.rows.append(row)
    return board
