"""Writes of review progress: an analyst marks a statement done, or not done again."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from tracker.models import Statement

from .models import StatementProgress


@transaction.atomic
def statement_mark_done(*, statement: Statement, analyst: AbstractBaseUser) -> StatementProgress:
    """Mark a statement done for `analyst`; marking it again keeps the first time."""
    progress, _ = StatementProgress.objects.get_or_create(statement=statement, analyst=analyst)
    return progress


@transaction.atomic
def statement_mark_not_done(*, statement: Statement, analyst: AbstractBaseUser) -> None:
    """Take the done mark off again (nothing happens if there was none)."""
    StatementProgress.objects.filter(statement=statement, analyst=analyst).delete()
