"""Reads of memos, each one query whatever the number of memos (authors and codes come
with select_related)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from tracker.models import Meeting

from ...models import CodingScheme, Memo


def memos() -> QuerySet[Memo]:
    """Every live memo, shaped for the API's list: oldest first."""
    return Memo.objects.live().select_related("author", "code").order_by("created", "id")


def memos_for_meeting(
    *, meeting: Meeting, scheme: CodingScheme, author: AbstractBaseUser | None = None
) -> list[Memo]:
    """The live memos on `meeting` and on the codes of its `scheme` (one query), the
    meeting's first; only `author`'s if given."""
    found = memos().filter(Q(meeting=meeting) | Q(code__scheme=scheme))
    if author is not None:
        found = found.filter(author=author)
    return sorted(found, key=lambda memo: memo.meeting_id is None)


def memos_for_export(
    *, meetings: QuerySet[Meeting], schemes: QuerySet[CodingScheme], author: str | None = None
) -> QuerySet[Memo]:
    """The live memos on the exported meetings and on the exported schemes' codes; only
    those of the analyst named `author` (a username) if given."""
    found = Memo.objects.live().filter(Q(meeting__in=meetings) | Q(code__scheme__in=schemes))
    if author:
        found = found.filter(author__username=author)
    return found.order_by("id")
