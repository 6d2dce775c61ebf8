"""Re-anchoring quotes when a statement's text changes.

Pure functions, no ORM. An annotation is anchored the way a W3C
TextQuoteSelector plus TextPositionSelector anchors it: the exact quote, a
little text before it (prefix) and after it (suffix), and its position. When
the text changes we look for the quote again:

1. Exactly: every occurrence of the quote in the new text is a candidate; the
   one whose surroundings best match the stored prefix and suffix wins, and on
   a tie the one nearest the position the old span maps to through a diff of
   the two texts. A placement is *confident* when it sits where the diff says
   the passage went, or when its context agrees with the stored one.
2. Approximately: the quote itself was edited. The old span is carried through
   the diff to the text that replaced it; if that is similar enough to the old
   quote it becomes the new quote, and the annotation is marked for review.
3. Not at all: the passage was removed. The caller must not drop the
   annotation; it refuses the change and names it instead.

Offsets are Unicode code points, as everywhere in the workbench.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

# How many characters of context around a quote are kept (W3C prefix/suffix).
CONTEXT_CHARS = 32
# How much stored context must still agree for an exact match found somewhere
# other than where the diff puts the passage to be trusted without review.
CONFIDENT_CONTEXT = 8
# How similar (difflib ratio) an edited passage must stay to carry the code.
APPROXIMATE_SIMILARITY = 0.5


class Placement(StrEnum):
    EXACT = "exact"  # the same quote, where it belongs
    MOVED = "moved"  # the same quote, but the context changed: worth a look
    APPROXIMATE = "approximate"  # the quote itself changed: needs review
    LOST = "lost"  # the passage is gone


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits in a text: a W3C quote selector with a position."""

    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Reanchored:
    placement: Placement
    start: int | None = None
    end: int | None = None
    quote: str = ""
    prefix: str = ""
    suffix: str = ""

    @property
    def placed(self) -> bool:
        return self.placement is not Placement.LOST

    @property
    def needs_review(self) -> bool:
        return self.placement in (Placement.MOVED, Placement.APPROXIMATE, Placement.LOST)


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Prefix and suffix around text[start:end], as a W3C TextQuoteSelector keeps them."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


class TextDiff:
    """The alignment of an old and a new text, computed once per text change."""

    def __init__(self, old: str, new: str):
        self.old = old
        self.new = new
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        # Insertions (i1 == i2) never contain an old position; leave them out.
        self._blocks = [op for op in matcher.get_opcodes() if op[1] != op[2]]

    def map_start(self, position: int) -> int:
        """Where an old start offset lands: after any text inserted just before it."""
        for tag, i1, i2, j1, _j2 in self._blocks:
            if i1 <= position < i2:
                return j1 + (position - i1) if tag == "equal" else j1
        return len(self.new)

    def map_end(self, position: int) -> int:
        """Where an old end offset lands: before any text inserted just after it."""
        for tag, i1, i2, j1, j2 in self._blocks:
            if i1 < position <= i2:
                return j1 + (position - i1) if tag == "equal" else j2
        return 0


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, at: int, anchor: Anchor) -> int:
    before = text[max(0, at - len(anchor.prefix)) : at]
    after = text[at + len(anchor.quote) : at + len(anchor.quote) + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _result(placement: Placement, text: str, start: int, end: int) -> Reanchored:
    prefix, suffix = quote_context(text, start, end)
    return Reanchored(placement, start, end, text[start:end], prefix, suffix)


def reanchor(anchor: Anchor, diff: TextDiff) -> Reanchored:
    """Find an anchor of diff.old in diff.new (see the module docstring)."""
    text = diff.new
    expected = diff.map_start(anchor.start)
    candidates = _occurrences(text, anchor.quote) if anchor.quote else []
    if candidates:
        best = max(
            candidates,
            key=lambda at: (_context_score(text, at, anchor), -abs(at - expected)),
        )
        wanted = min(CONFIDENT_CONTEXT, len(anchor.prefix) + len(anchor.suffix))
        confident = best == expected or _context_score(text, best, anchor) >= wanted
        placement = Placement.EXACT if confident else Placement.MOVED
        return _result(placement, text, best, best + len(anchor.quote))
    start, end = expected, diff.map_end(anchor.end)
    if start < end and text[start:end].strip():
        # Trim the white space an edit may have left at either edge.
        passage = text[start:end]
        start += len(passage) - len(passage.lstrip())
        end -= len(passage) - len(passage.rstrip())
        similarity = difflib.SequenceMatcher(
            None, anchor.quote, text[start:end], autojunk=False
        ).ratio()
        if similarity >= APPROXIMATE_SIMILARITY:
            return _result(Placement.APPROXIMATE, text, start, end)
    return Reanchored(Placement.LOST)


def reanchor_all(old: str, new: str, anchors: list[Anchor]) -> list[Reanchored]:
    """Re-anchor many anchors of one text at once (one diff for all of them)."""
    diff = TextDiff(old, new)
    return [reanchor(anchor, diff) for anchor in anchors]
