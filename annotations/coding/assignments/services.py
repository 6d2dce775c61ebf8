"""Writes of assignments: only an administrator assigns, only to someone who codes."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tracker.models import Meeting

from ...models import CodingAssignment
from ...roles import can_administer, can_code


def _require_administrator(actor: AbstractBaseUser) -> None:
    if not can_administer(actor):
        raise PermissionDenied("Only administrators assign meetings to analysts.")


@transaction.atomic
def assignment_create(
    *, meeting: Meeting, analyst: AbstractBaseUser, actor: AbstractBaseUser
) -> CodingAssignment:
    """Assign `meeting` to `analyst`; ValidationError if they do not code or already have it."""
    _require_administrator(actor)
    name = analyst.get_username()
    if not analyst.is_active or not can_code(analyst):
        raise ValidationError({"analyst": f"{name} does not code meetings (not an analyst)."})
    if CodingAssignment.objects.filter(meeting=meeting, analyst=analyst).exists():
        raise ValidationError({"analyst": f"{name} is already assigned {meeting.symbol}."})
    assignment = CodingAssignment(meeting=meeting, analyst=analyst, assigned_by=actor)
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_delete(*, assignment: CodingAssignment, actor: AbstractBaseUser) -> None:
    """Withdraw an assignment; the analyst's coding stays, the history keeps the assignment."""
    _require_administrator(actor)
    assignment.delete()
