"""Where report figures link to: the workspace passage and the side-by-side view."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def workspace_url(
    meeting_id: int, statement_id: int | None = None, annotation_id: int | None = None
) -> str:
    """The meeting's workspace, scrolled to a statement, highlighting an annotation."""
    url = f"/meetings/{meeting_id}/"
    if annotation_id is not None:
        url += "?" + urlencode({"annotation": annotation_id})
    if statement_id is not None:
        url += f"#statement-{statement_id}"
    return url


def side_by_side_url(meeting_id: int, statement_id: int, code_slug: str | None = None) -> str:
    """The analysts' annotations of one statement next to each other."""
    # An f-string, not urlencode: this runs once per disagreement, thousands of times
    # in a big meeting; ids are numbers and only the slug needs quoting.
    code = f"&code={quote(code_slug, safe='')}" if code_slug else ""
    query = f"?statement={statement_id}{code}"
    return f"/meetings/{meeting_id}/compare-analysts/{query}#statement-{statement_id}"
