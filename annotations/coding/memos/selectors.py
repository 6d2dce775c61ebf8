"""Reads of memos, each one query whatever the number of memos (authors and codes come
with select_related)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from tracker.models import Meeting

from ...models import CodingScheme, Memo


def memos(viewer: AbstractBaseUser | None = None) -> QuerySet[Memo]:
    """Every live memo `viewer` may see (blind coding hides others' memos on a blind
    meeting she has not finished), shaped for the API's list: oldest first."""
    return (
        Memo.objects.live()
        .visible_to(viewer)
        .select_related("author", "code")
        .order_by("created", "id")
    )


def memos_for_meeting(
    *,
    meeting: Meeting,
    scheme: CodingScheme,
    author: AbstractBaseUser | None = None,
    viewer: AbstractBaseUser | None = None,
) -> list[Memo]:
    """The live memos on `meeting` and on the codes of its `scheme` (one query), the
    meeting's first; only `author`'s if given; only those `viewer` may see."""
    found = memos(viewer).filter(Q(meeting=meeting) | Q(code__scheme=scheme))
    if author is not None:
        found = found.filter(author=author)
    return sorted(found, key=lambda memo: memo.meeting_id is None)


def memos_for_export(
    *,
    meetings: QuerySet[Meeting],
    schemes: QuerySet[CodingScheme],
    author: str | None = None,
    viewer: AbstractBaseUser | None = None,
) -> QuerySet[Memo]:
    """The live memos on the exported meetings and on the exported schemes' codes; only
    those of the analyst named `author` (a username) if given; only those `viewer` may see."""
    found = (
        Memo.objects.live()
        .visible_to(viewer)
        .filter(Q(meeting__in=meetings) | Q(code__scheme__in=schemes))
    )
    if author:
        found = found.filter(author__username=author)
    return found.order_by("id")
