"""The span rule: where an annotation with a given code may sit in a statement.

A passage code needs start and end inside the text, around something other
than white space, and a quote (if one is given) that is the text there; a
statement-level code takes no offsets. Offsets are Unicode code points. The
services apply this to every write and the fixture checks to every loaded row.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Code


def overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with any of `spans` (touching is not)."""
    return any(s < end and e > start for s, e in spans)


def span_errors(
    *, code: Code, text: str, start: int | None, end: int | None, quote: str | None
) -> dict[str, str]:
    """What is wrong with coding text[start:end] with `code`, by field; {} if nothing.

    quote None: none was given (the passage's own text will be stored).
    """
    if code.statement_level:
        if start is not None or end is not None:
            return {"start": f'"{code.slug}" is a statement-level code: send no offsets.'}
        return {}
    if start is None or end is None:
        return {"start": f'"{code.slug}" applies to a passage: send start and end.'}
    errors = _offset_errors(text, start, end)
    if errors:
        return errors
    actual = text[start:end]
    if not actual.strip():
        return {"start": "The passage is empty or only white space."}
    if quote is not None and quote != actual:
        return {
            "quote": f"the quote does not match the statement text at {start}–{end} "
            f"(the text there reads {actual[:60]!r})."
        }
    return {}


def _offset_errors(text: str, start: int, end: int) -> dict[str, str]:
    errors = {}
    if start < 0:
        errors["start"] = "start must be 0 or more."
    if end > len(text):
        errors["end"] = f"{end} is past the end of the statement ({len(text)} characters)."
    if start >= end:
        errors.setdefault("end", "end must be greater than start.")
    return errors
