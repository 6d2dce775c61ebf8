"""Keyword in context: a statement cut into before / match / after. Pure."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 70  # characters either side, trimmed back to a word boundary


@dataclass(frozen=True)
class Line:
    before: str
    match: str
    after: str
    start: int  # code points into the statement text: text[start:end] == match
    end: int


def _trim_left(text: str) -> str:
    if len(text) < CONTEXT:
        return text
    cut = text.find(" ")
    return text[cut + 1 :] if 0 <= cut < len(text) - 1 else text


def _trim_right(text: str) -> str:
    if len(text) < CONTEXT:
        return text
    cut = text.rfind(" ")
    return text[:cut] if cut > 0 else text


def concordance_line(text: str, span: tuple[int, int] | None) -> Line:
    """The line for `span` of `text`; without a span, the statement's opening words."""
    start, end = span if span else (0, 0)
    before = _trim_left(text[max(0, start - CONTEXT) : start])
    after = _trim_right(text[end : end + CONTEXT])
    return Line(before, text[start:end], after, start, end)
