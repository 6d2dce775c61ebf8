"""Is this text a verbatim record? A press release of the same meeting must not be taken
for one, nor a record for a release."""

from __future__ import annotations

import re

from .symbols import SYMBOL_RE
from .turns import TURN_START

# The cover's seat of the President ("President: Mr. Osman ...... (Somalia)").
PRESIDENT_SEAT = re.compile(r"^Presid\w{2,4}\s?:\s*(?:Mr|Ms|Mrs|Sir|Dame|M)\.?\s", re.M)
MEETING_NUMBER = re.compile(r"\b\d{1,5}(?:st|nd|rd|th) (?:plenary )?meeting\b", re.I)
CALLED_TO_ORDER = re.compile(r"The meeting (?:was called to order|rose) at", re.I)
# Press releases: "Meetings Coverage", "Press Release", "GA/11955" style symbols.
PRESS_RELEASE = re.compile(
    r"Meetings Coverage|Press Release|Press releases|\b(?:GA|SC|ECOSOC|WOM|SG/SM)/\d{3,}"
)


def looks_like_verbatim_record(text: str) -> bool:
    """A record symbol (S/PV.10100, A/76/PV.102) near the top, and the record's own
    conventions: the President's seat on the cover, "The meeting was called to order",
    turns that start a line ("Mr. Kimani (Kenya): …")."""
    head = text[:20000]  # the cover, and in a bilingual record its French twin too
    if not SYMBOL_RE.search(head):
        return False
    if PRESS_RELEASE.search(head) and not PRESIDENT_SEAT.search(head):
        return False
    turns = sum(1 for line in text.splitlines() if TURN_START.match(line.strip()))
    signs = [
        bool(PRESIDENT_SEAT.search(head)),
        bool(CALLED_TO_ORDER.search(text)),
        turns >= 2,
        bool(MEETING_NUMBER.search(head)),
    ]
    return sum(signs) >= 2
