"""Reads of blind coding: is a meeting blind, and what does it hide from this user."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ...models import BlindCoding, unfinished_blind_meetings
from ...roles import sees_blind_coding


@dataclass(frozen=True)
class BlindStatus:
    """Blind coding of one meeting as one user meets it."""

    blind: bool
    statements: int
    done: int
    sees_all: bool

    @property
    def left(self) -> int:
        return self.statements - self.done

    @property
    def hides_others(self) -> bool:
        """Others' coding is hidden from this user now (the same answer as visible_to)."""
        return self.blind and not self.sees_all and self.left > 0


def is_blind(meeting: Meeting) -> bool:
    return BlindCoding.objects.filter(meeting=meeting, enabled=True).exists()


def blind_status(
    *, meeting: Meeting, user: AbstractBaseUser, statements: int, done: int
) -> BlindStatus:
    """`statements` and `done` come from the caller, who has counted them already."""
    return BlindStatus(
        blind=is_blind(meeting),
        statements=statements,
        done=done,
        sees_all=sees_blind_coding(user),
    )


def hides_others_in(*, meeting: Meeting, user: AbstractBaseUser) -> bool:
    """Others' coding of `meeting` is hidden from `user` now (one query, none for a
    reviewer): for pages that say so, while visible_to does the hiding."""
    if sees_blind_coding(user):
        return False
    return unfinished_blind_meetings(user).filter(pk=meeting.pk).exists()


def blind_meeting_ids() -> set[int]:
    """The meetings coded blind, for the assignment page's switches."""
    return set(BlindCoding.objects.filter(enabled=True).values_list("meeting_id", flat=True))
