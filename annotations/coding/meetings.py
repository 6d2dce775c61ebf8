"""How other pages name a meeting and link into its workspace.

Reports and the review's side-by-side view point at the passage an analyst
coded; both build those links, and a meeting's header, here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from tracker.models import Meeting


@dataclass
class MeetingInfo:
    id: int
    symbol: str
    title: str
    subtitle: str
    body: str
    session: str
    meeting_number: str
    date: datetime.date | None
    source_url: str
    workspace_url: str
    # What the statements were coded from (Meeting.record_kind) and its name.
    record_kind: str = ""
    record_kind_label: str = ""


def workspace_url(
    meeting_id: int, statement_id: int | None = None, annotation_id: int | None = None
) -> str:
    """The meeting's workspace, scrolled to a statement, highlighting an annotation.
    The query names the statement (or annotation) too: a long meeting's workspace then
    opens on the page that holds it (coding/paging.py)."""
    url = f"/meetings/{meeting_id}/"
    if annotation_id is not None:
        url += "?" + urlencode({"annotation": annotation_id})
    elif statement_id is not None:
        url += "?" + urlencode({"statement": statement_id})
    if statement_id is not None:
        url += f"#statement-{statement_id}"
    return url


def meeting_info(meeting: Meeting) -> MeetingInfo:
    return MeetingInfo(
        id=meeting.pk,
        symbol=meeting.symbol,
        title=meeting.title,
        subtitle=meeting.subtitle,
        body=meeting.body,
        session=meeting.session,
        meeting_number=meeting.meeting_number,
        date=meeting.date,
        source_url=meeting.source_url,
        workspace_url=workspace_url(meeting.pk),
        record_kind=meeting.record_kind,
        record_kind_label=meeting.get_record_kind_display(),
    )
