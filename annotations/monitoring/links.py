"""Links from a figure to the passages behind it: the passages page with the filters
that select exactly the statements the figure counts."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode

from .parameters import FILTERS


def passages_url(query: dict[str, str], **changes: str) -> str:
    """/monitoring/passages/ with the page's filters, changed (or added) by `changes`."""
    merged = {**{k: v for k, v in query.items() if k in FILTERS}, **changes}
    kept = sorted((k, v) for k, v in merged.items() if v)
    return reverse("monitoring-passages") + ("?" + urlencode(kept) if kept else "")


def year_filters(query: dict[str, str], year: int | None) -> dict[str, str]:
    """date_from/date_to for one year, narrowed by a range the page already has."""
    if year is None:
        return {}
    start, end = f"{year:04d}-01-01", f"{year:04d}-12-31"
    return {
        "date_from": max(start, query.get("date_from") or start),
        "date_to": min(end, query.get("date_to") or end),
    }
