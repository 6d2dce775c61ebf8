"""What the monitoring downloads share: rows made from plain values, not model instances.

A download lists every hit or passage of the corpus (hundreds of thousands of rows), so
its rows come from `values_list()` streamed with a server-side cursor, and what a model
property would compute per row is computed here from the values, the same way:
`Statement.speaker_label` and `coding.meetings.workspace_url` (made absolute with the
request's scheme and host, found once). tests/annotations/monitoring/test_csv_bytes.py
pins the downloads byte for byte; test_downloads.py holds these to the originals.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

CHUNK = 5000  # rows fetched from the database's cursor at a time


def speaker_label(speaker_id: int | None, name: str | None, delegation: str) -> str:
    """`Statement.speaker_label` from the statement's values."""
    if speaker_id:
        return name
    return f"Representative of {delegation}" if delegation else "Unattributed"


def statement_link(base: str, meeting_id: int, statement_id: int) -> str:
    """`base` + `workspace_url(meeting_id, statement_id)`, without urlencode per row."""
    return f"{base}/meetings/{meeting_id}/?statement={statement_id}#statement-{statement_id}"


def annotation_link(base: str, meeting_id: int, statement_id: int, annotation_id: int) -> str:
    """`base` + `workspace_url(meeting_id, statement_id, annotation_id)`."""
    return f"{base}/meetings/{meeting_id}/?annotation={annotation_id}#statement-{statement_id}"


def site_root(build_absolute_uri) -> str:
    """The scheme and host links start with (request.build_absolute_uri("/") less "/")."""
    return build_absolute_uri("/")[:-1]


def chunked(rows, size: int = CHUNK) -> Iterator[list]:
    """`rows` (an iterator) in lists of `size`."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk
