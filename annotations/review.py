"""Review and adjudication: where analysts disagree, a reviewer decides.

The unit of agreement is the one the report uses: whether an analyst applied a
code anywhere in a statement. Where some of a meeting's analysts applied a code
to a statement and others did not, each of those annotations is *disputed*; a
reviewer accepts or rejects it with a reason. Every decision is kept (who,
when, why); the latest one counts, and `Annotation.objects.adjudicated()` is
the set without the rejected ones, which reports can use.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch

from tracker.models import Meeting, Statement

from .models import AdjudicationDecision, Annotation
from .roles import can_review
from .services import StaleVersion

Decision = AdjudicationDecision.Decision


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
    analysts = {a.analyst_id for a in annotations}
    applied: dict[tuple[int, int], set[int]] = defaultdict(set)
    for a in annotations:
        applied[(a.statement_id, a.code_id)].add(a.analyst_id)
    return {a.pk for a in annotations if applied[(a.statement_id, a.code_id)] != analysts}


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


@transaction.atomic
def decide(
    *,
    annotation: Annotation,
    reviewer: AbstractBaseUser,
    decision: str,
    reason: str,
    meeting: Meeting | None = None,
    version: int | None = None,
) -> AdjudicationDecision:
    """Record a reviewer's accept or reject of an annotation, with the reason.

    `meeting` is the meeting the reviewer is looking at (an annotation of any
    other meeting is refused); `version` is the version they saw (a changed
    annotation raises StaleVersion, so nobody rules on words they did not read).
    """
    if not can_review(reviewer):
        raise PermissionDenied("Only a reviewer can adjudicate annotations.")
    current = (
        Annotation.objects.select_for_update(of=("self",))
        .select_related("statement", "analyst")
        .get(pk=annotation.pk)
    )
    if meeting is not None and current.statement.meeting_id != meeting.pk:
        raise ValidationError(
            {"annotation": f"Annotation {current.pk} is not part of meeting {meeting.symbol}."}
        )
    if current.deleted_at is not None:
        raise ValidationError({"annotation": "This annotation has been deleted."})
    if current.analyst_id == reviewer.pk:
        raise PermissionDenied("You cannot adjudicate your own annotation.")
    if version is not None and version != current.version:
        raise StaleVersion(current)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose accept or reject."})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give a reason for the decision."})
    latest = current.adjudications.order_by("-created", "-id").first()
    if latest is not None and latest.decision == decision:
        raise ValidationError(
            {
                "decision": f"This annotation is already {latest.get_decision_display().lower()} "
                f"(by {latest.reviewer.get_username()})."
            }
        )
    adjudication = AdjudicationDecision(
        annotation=current, reviewer=reviewer, decision=decision, reason=reason
    )
    adjudication.full_clean()
    adjudication.save()
    return adjudication
