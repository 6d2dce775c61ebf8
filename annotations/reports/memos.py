"""The report's memos: what the analysts wrote on the meeting and on its codes."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ..coding.memos.selectors import memos_for_meeting
from ..models import CodingScheme
from .data import MemoEntry, ReportMemos


def report_memos(
    *,
    meeting: Meeting,
    scheme: CodingScheme,
    analyst: AbstractBaseUser | None = None,
    viewer: AbstractBaseUser | None = None,
) -> ReportMemos:
    """The live memos on `meeting` and on the codes of its scheme (one query, always run,
    so the report's query count does not depend on whether anyone wrote one); only
    `analyst`'s when the report counts one analyst."""
    memos = ReportMemos()
    for memo in memos_for_meeting(meeting=meeting, scheme=scheme, author=analyst, viewer=viewer):
        entry = MemoEntry(
            id=memo.pk,
            author=memo.author.get_username(),
            title=memo.title,
            text=memo.text,
            created=memo.created,
            updated=memo.updated,
            code_slug=memo.code.slug if memo.code_id else None,
            code_name=memo.code.name if memo.code_id else None,
        )
        (memos.on_codes if memo.code_id else memos.on_meeting).append(entry)
    return memos
