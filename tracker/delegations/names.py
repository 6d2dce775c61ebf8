"""How printed delegation names are compared: pure, no ORM."""

from __future__ import annotations

import re

from tracker.search.folding import fold

_LEADING_ARTICLE = re.compile(r"^(the )+")


def delegation_key(name: str) -> str:
    """ "the United Kingdom", "United Kingdom" and "UNITED KINGDOM" share one key."""
    folded = " ".join(fold(name).split())
    return _LEADING_ARTICLE.sub("", folded)
