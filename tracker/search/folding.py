"""Typography folding: one character for one character, so offsets survive.

Statements come with U+2011 non-breaking hyphens, no-break spaces, curly quotes and
accented names ("victim‑centred", "Lajčák"). Search folds text and query alike:
accented Latin letters to their base letter, every dash, quote and punctuation mark
to a space, everything else lower-cased. Each character maps to exactly one
character, so a position in the folded text is the same position (in code points) in
the statement text: `text[start:end]` is what the analyst sees highlighted.

The same table is baked into PostgreSQL's `wb_search_document()` by the migration
tracker/migrations/0003_search_index.py (SQL `translate()` takes it as two equal-length
strings); a test checks that the migration's copy is still this table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Letters NFKD does not decompose into base + accent.
_SPECIAL = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ħ": "h"}
# What the table covers: Latin-1, Latin Extended-A and -B, general punctuation, minus.
_RANGES = ((0x00A0, 0x0250), (0x2000, 0x2070), (0x2212, 0x2213))


def _fold_one(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    if len(base) == 1 and base.isascii() and base.isalnum():
        return base.lower()
    if unicodedata.category(char)[0] in "PZS" or char.isspace():
        return " "  # dashes, quotes, spaces of every width, symbols
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


@cache
def fold_table() -> tuple[str, str]:
    """(from, to): equal-length strings for SQL translate(), ASCII punctuation included."""
    sources, targets = [], []
    ascii_punctuation = [chr(c) for c in range(0x21, 0x7F) if not chr(c).isalnum()]
    for char in ascii_punctuation + [chr(c) for lo, hi in _RANGES for c in range(lo, hi)]:
        folded = _fold_one(char) if not char.isascii() else " "
        if folded != char.lower() or char in ascii_punctuation:
            sources.append(char)
            targets.append(folded)
    return "".join(sources), "".join(targets)


@cache
def _translation() -> dict[int, str]:
    sources, targets = fold_table()
    return {ord(s): t for s, t in zip(sources, targets, strict=True)}


def fold(text: str) -> str:
    """Lower-case, accents off, punctuation to spaces; always len(fold(t)) == len(t)."""
    folded = text.translate(_translation())
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few letters lower-case to two code points (İ): keep them as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[tuple[str, int, int]]:
    """The folded words of `text` with their code-point offsets in `text`."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(fold(text))]
