"""Writes of review: a reviewer's decision on a disputed annotation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tracker.models import Meeting

from ..coding.services import StaleVersion
from ..models import AdjudicationDecision, Annotation
from ..roles import can_review

Decision = AdjudicationDecision.Decision


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
