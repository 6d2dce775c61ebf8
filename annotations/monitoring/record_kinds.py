"""The kind of record a meeting comes from: Meeting.record_kind, set by the importer.

`record_kind_of(meeting)` and `record_kind_filter(kind)` are the only two places the
monitoring reads it.
"""

from __future__ import annotations

from django.db.models import Q

from tracker.models import RecordKind

PRESS_RELEASE = RecordKind.PRESS_RELEASE.value
VERBATIM_RECORD = RecordKind.VERBATIM_RECORD.value
SPEECH = RecordKind.SPEECH.value
RECORD_KINDS = dict(RecordKind.choices)


def record_kind_of(meeting) -> str:
    return meeting.record_kind


def record_kind_filter(kind: str, prefix: str = "meeting__") -> Q:
    """Statements (or, with prefix="", meetings) of records of this kind."""
    return Q(**{f"{prefix}record_kind": kind})
