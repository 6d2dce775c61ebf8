"""What kind of paragraph this is: a heading, a note about several speakers, a note
about the proceedings; and where its sentences start."""

from __future__ import annotations

import re

from ..gazetteer import normalise_space
from ..header import KNOWN_HEADINGS
from .speakers import match_opening

# "Also speaking were…", "In the ensuing discussion, many speakers…": several speakers at once.
GROUP = re.compile(
    r"^(?:In\s+the\s+(?:ensuing|following|subsequent|interactive|general)\s+"
    r"(?:discussion|dialogue|debate|exchange)s?\b"
    r"|Also\s+(?:speaking|participating|taking\s+the\s+floor|making\s+(?:statements|"
    r"interventions)|delivering\s+statements|addressing\s+the)\b"
    r"|(?:Many|Some|Several|Other|Numerous|Most|Various|A\s+number\s+of|Both|All|Few)\s+"
    r"(?:of\s+the\s+)?(?:speakers|delegates|delegations|representatives|participants|"
    r"Member\s+States|countries|States|panellists|panelists|members|Council\s+members|"
    r"ministers|other\s+speakers)\b"
    r"|(?:Others|Speakers|Delegates|Delegations|Participants|Panellists|Panelists|"
    r"Council\s+members|Member\s+States|Representatives\s+of|The\s+representatives\s+of)\b)",
    re.I,
)
# The proceedings: "The Assembly then adopted…", "Chaired by…", footnotes.
NARRATIVE = re.compile(
    r"^(?:\*"
    r"|The\s+(?:General\s+|Security\s+)?(?:Assembly|Council|Commission|Committee|meeting|"
    r"Conference|session|debate)(?:’s|'s)?\s+(?:then|also|will|would|adopted|took|decided|"
    r"elected|held|heard|observed|began|opened|concluded|resumed|reconvene|met|first|"
    r"second|third|fourth|fifth|panel|interactive|next|is|was|had|approved)\b"
    r"|(?:At\s+the\s+(?:outset|start|end|close)|In\s+the\s+(?:afternoon|morning|evening))\b"
    r"|(?:Chaired|Moderated|Co-chaired)\s+by\b"
    r"|(?:Also|Then|Next|Later),?\s+the\s+(?:Assembly|Council|Commission|Committee)\b"
    r"|(?:Before|After)\s+(?:the\s+)?(?:vote|adoption|meeting|debate)\b)",
)
INCLUDING = re.compile(r"\bincluding\s+the\s+representative\s+of\s+(?P<rest>.+)", re.S)
SINGULAR = re.compile(
    r"\b(?:he|she)\s+(?:\w+\s+)?(?:said|added|stressed|noted|called|urged|emphasized|"
    r"underlined|warned|recalled|explained|pointed|described|expressed|highlighted)\b"
    r"|\b(?:his|her|hers)\s+(?:was|country|Government|delegation|nation)\b",
    re.I,
)
SUMMARY_SPEAKER = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w’'\-\u2011]+(?:\s+(?:[A-ZÀ-Ý][\w’'\-\u2011]+|de|da|van|von|bin|"
    r"al-\w+)){1,4}),\s+(?P<role>[^,.;“”]{3,200}?),\s+(?:said|told|\w+ed|\w+ing)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|Nos|Art|para|p)|\b[A-Z])\.$")
_SMALL_WORDS = {
    "of", "and", "the", "on", "in", "for", "to", "a", "an", "with", "by", "at", "from",
    "&", "or", "de", "against", "into", "vs",
}  # fmt: skip


# Words of a lead-in that speak of several people, so the paragraph is about them all.
_PLURAL_ACTORS = re.compile(
    r"\b(?:speakers|delegates|delegations|representatives|participants|panellists|panelists|"
    r"members|ministers|States|countries|others|many|several|some)\b",
    re.I,
)


def is_lead_in(text: str) -> bool:
    """A clause before a speaker that speaks of no one else: "In the ensuing discussion, ",
    "Also speaking, ", "Responding to questions, "."""
    text = text.strip()
    return bool(text) and text.endswith(",") and not _PLURAL_ACTORS.search(text)


def is_heading(paragraph: str) -> bool:
    text = normalise_space(paragraph)
    if KNOWN_HEADINGS.match(text) and len(text) <= 80 and not text.endswith("."):
        return True
    words = text.split()
    if not words or len(words) > 10 or len(text) > 80 or not text[0].isalpha():
        return False
    if not text[0].isupper() or text.endswith((".", ",", ";", ":", "!", "?", "”", '"')):
        return False
    if match_opening(text):
        return False
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return bool(content) and capitalised * 2 > len(content) and capitalised == len(content)


def sentence_starts(paragraph: str) -> list[int]:
    starts = [0]
    for match in _SENTENCE_END.finditer(paragraph):
        if not _ABBREVIATION.search(paragraph[: match.start() + 1].rstrip('”"’')):
            starts.append(match.end())
    return starts
