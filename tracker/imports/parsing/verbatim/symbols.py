"""Document symbols of verbatim records: "S/PV.10100", "A/76/PV.102", "A/ES-10/PV.40"."""

from __future__ import annotations

import re

# Spaces inside are the PDF layer's ("A /76/ PV.102"); "PV" sometimes reads "P V".
SYMBOL_RE = re.compile(
    r"\b(?:A|S|E|T)\s?/\s?(?:(?:ES-)?\d{1,2}\s?/\s?)?P\s?V\s?\.\s?\d{1,5}(?:\s?\(Resumption\s?\d*\))?"
)


def normalise_symbol(text: str) -> str:
    """ "A /76/ PV.102" → "A/76/PV.102"."""
    return re.sub(r"\s+", "", text).replace("(Resumption", " (Resumption")
