"""The two records of one meeting — its press release (or summary) and its verbatim
record — are two meetings here, each coded on its own text, linked both ways through
Meeting.same_meeting_as so that analysts compare them."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from tracker.models import Meeting, RecordKind

_NUMBER = re.compile(r"\d+")


def meeting_number_of(meeting: Meeting) -> str:
    """ "24th Meeting (AM & PM)" and "24th plenary meeting" are both meeting 24."""
    found = _NUMBER.search(meeting.meeting_number)
    return found.group(0) if found else ""


def is_record(meeting: Meeting) -> bool:
    return meeting.record_kind == RecordKind.VERBATIM_RECORD


def link_same_meeting(meeting: Meeting, other: Meeting | None = None) -> Meeting | None:
    """Link `meeting` with `other`, or with the one record of the other sort that has its
    date, body and meeting number. Returns the meeting linked, if any."""
    if other is None:
        if meeting.same_meeting_as_id:
            return None
        other = _counterpart(meeting)
        if other is None:
            return None
    elif other.pk == meeting.pk:
        raise ValidationError({"same_meeting_as": "A meeting cannot be linked with itself."})
    Meeting.objects.filter(pk=meeting.pk).update(same_meeting_as=other)
    Meeting.objects.filter(pk=other.pk).update(same_meeting_as=meeting)
    meeting.same_meeting_as = other
    return other


def _counterpart(meeting: Meeting) -> Meeting | None:
    number = meeting_number_of(meeting)
    if not (number and meeting.date and meeting.body):
        return None
    candidates = Meeting.objects.filter(
        date=meeting.date, body=meeting.body, same_meeting_as__isnull=True
    ).exclude(pk=meeting.pk)
    if is_record(meeting):
        candidates = candidates.exclude(record_kind=RecordKind.VERBATIM_RECORD)
    else:
        candidates = candidates.filter(record_kind=RecordKind.VERBATIM_RECORD)
    matches = [m for m in candidates if meeting_number_of(m) == number]
    return matches[0] if len(matches) == 1 else None
