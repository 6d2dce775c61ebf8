"""page and page_size, checked like the rest of the API (tracker/pagination.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
PAGING = ("page", "page_size")


def _whole(params, name: str, default: int, maximum: int, errors: dict) -> int:
    raw = params.get(name) or ""
    if raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        errors[name] = f"{name} must be a whole number from 1 to {maximum} (got {raw[:20]!r})."
        return default
    return int(raw)


def paging(params) -> tuple[int, int]:
    errors: dict[str, str] = {}
    page = _whole(params, "page", 1, 1_000_000, errors)
    size = _whole(params, "page_size", PAGE_SIZE, MAX_PAGE_SIZE, errors)
    if errors:
        raise ValidationError(errors)
    return page, size
