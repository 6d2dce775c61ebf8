"""Writes of memos: one target (a meeting or a code), a text, the author's alone.

Everyone logged in reads memos; only the author changes or deletes one, and
only someone whose role codes writes one (annotations.roles.can_code). Every
change names the version it was made from; a stale one raises StaleMemo (the
API answers 409 with the current memo, as for annotations).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.models import Meeting

from ...models import Code, Memo
from ...roles import can_code, can_restore
from ..services import StaleVersion


class StaleMemo(StaleVersion):
    """A memo was changed from a version that is no longer current."""

    def __init__(self, current: Memo):
        self.current = current
        Exception.__init__(
            self,
            f"Memo {current.pk} has changed since you loaded it (now version {current.version}).",
        )


def _check_target(meeting: Meeting | None, code: Code | None) -> None:
    if meeting is None and code is None:
        raise ValidationError({"non_field_errors": "Say what the memo is on: a meeting or a code."})
    if meeting is not None and code is not None:
        raise ValidationError(
            {"non_field_errors": "A memo is on a meeting or on a code, not on both."}
        )


def _check_text(text: str) -> None:
    if not text.strip():
        raise ValidationError({"text": "Write the memo: its text is empty."})


@transaction.atomic
def memo_create(
    *,
    author: AbstractBaseUser,
    text: str,
    title: str = "",
    meeting: Meeting | None = None,
    code: Code | None = None,
) -> Memo:
    """A new memo by `author` on `meeting` or on `code` (exactly one of them)."""
    if not can_code(author):
        raise PermissionDenied("Your role may read memos but not write them.")
    _check_target(meeting, code)
    _check_text(text)
    memo = Memo(author=author, meeting=meeting, code=code, title=title.strip(), text=text)
    memo.full_clean()
    memo.save()
    return memo


def _locked(memo: Memo, actor: AbstractBaseUser) -> Memo:
    # Only the memo's row is locked: PostgreSQL locks no row on the nullable side of the
    # outer joins to its meeting or code.
    current = (
        Memo.objects.select_for_update(of=("self",))
        .select_related("author", "meeting", "code")
        .get(pk=memo.pk)
    )
    if current.author_id != actor.pk:
        raise PermissionDenied("This memo belongs to another analyst.")
    return current


def _check_version(current: Memo, version: int | None) -> None:
    if version is not None and version != current.version:
        raise StaleMemo(current)


@transaction.atomic
def memo_update(
    *,
    memo: Memo,
    actor: AbstractBaseUser,
    version: int,
    title: str | None = None,
    text: str | None = None,
) -> Memo:
    """Change the title or text; `version` is the version the author saw."""
    current = _locked(memo, actor)
    if current.deleted_at is not None:
        raise ValidationError("This memo has been deleted.")
    _check_version(current, version)
    if title is not None:
        current.title = title.strip()
    if text is not None:
        _check_text(text)
        current.text = text
    current.version += 1
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def memo_delete(*, memo: Memo, actor: AbstractBaseUser, version: int | None = None) -> Memo:
    """Soft delete: the memo leaves every list and report, history keeps it, undo restores it."""
    current = _locked(memo, actor)
    if current.deleted_at is not None:
        raise ValidationError("This memo is already deleted.")
    _check_version(current, version)
    current.deleted_at = timezone.now()
    current.deleted_by = actor
    current.version += 1
    current.save()
    return current


@transaction.atomic
def memo_restore(*, memo: Memo, actor: AbstractBaseUser) -> Memo:
    """Undo a delete: by the author, or by an administrator."""
    current = Memo.objects.select_for_update(of=("self",)).select_related("author").get(pk=memo.pk)
    if not (current.author_id == actor.pk or can_restore(actor)):
        raise PermissionDenied("Only the author or an administrator can restore this memo.")
    if current.deleted_at is None:
        raise ValidationError("This memo is not deleted; there is nothing to restore.")
    current.deleted_at = None
    current.deleted_by = None
    current.version += 1
    current.save()
    return current
