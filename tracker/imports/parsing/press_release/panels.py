"""People a release introduces before they speak: a panel's chair and panellists
("Chaired by Marc Pecsteen de Buytswerve (Belgium), it featured presentations by
Purna Sen, Director of the Policy Division, … (UN-Women); Kevin Cassidy, …"), or a
Council's briefers. Their later mentions ("Ms. SEN said") resolve to these names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import gazetteer as g
from ..affiliation import split_affiliation
from ..names import PARTICLES

_CHAIR = re.compile(
    r"\b(?P<verb>Chaired|Co-[Cc]haired|Moderated|Co-[Mm]oderated|Facilitated|Presided\s+over)"
    r"\s+by\s+(?P<entry>.+?)"
    r"(?=,\s+(?:it|the\s+(?:\w+\s+)?(?:panel|discussion|dialogue|meeting|debate|event|session|"
    r"round\s+table))\b|;|\.\s|\.$|$)"
)
# "The keynote speakers were A, …, and B, …": a list that says what it lists.
_NAMED_LIST = re.compile(
    r"\b(?:keynote\s+speakers?|panell?ists|speakers|briefers|presenters|discussants|"
    r"lead\s+discussants)\s+(?:were|was|included)\s*:?\s+(?P<list>.+)$"
)
_LIST = re.compile(
    r"\b(?:featured|featuring|included|including|heard|with)\s+"
    r"(?:(?:presentations|statements|remarks|briefings|interventions|contributions)\s+)?"
    r"(?:(?:by|from)\s+)?(?:(?:the\s+)?(?:following\s+)?(?:\w+\s+)?"
    r"(?:panellists|panelists|speakers|briefers|experts|presenters)\s*:?\s*)?(?P<list>.+)$"
)
_BRIEFERS = re.compile(
    r"\b(?:briefings?|presentations?)\s+(?:by|from)\s+(?P<list>.+)$|"
    r"\b(?:Briefing|Addressing)\s+the\s+(?:Council|Assembly|Commission)\s+(?:were|was)\s+"
    r"(?P<list2>.+)$"
)
_NAME = re.compile(r"^[A-ZÀ-Ý][\w’'\-\u2011.]*(?:\s+[\w’'\-\u2011.]+){1,5}$")


@dataclass(frozen=True)
class IntroducedPerson:
    name: str
    role: str
    delegation: str


def introduced_people(paragraph: str) -> list[IntroducedPerson]:
    """The people a paragraph introduces: a chair or co-chairs ("Co-chaired by A (Country)
    and B (Country)"), then a list ("featured A, Title; and B, Title", "The keynote speakers
    were …"), each with full name, role and State or organisation."""
    people: list[IntroducedPerson] = []
    chair = _CHAIR.search(paragraph)
    if chair:
        verb = chair.group("verb").casefold()
        role = "Moderator" if "moderated" in verb else "Co-Chair" if "co-" in verb else "Chair"
        for entry in _entries(chair.group("entry"), lone=True):
            person = _entry(entry)
            if person:
                people.append(IntroducedPerson(person.name, person.role or role, person.delegation))
    tail = paragraph[chair.end() :] if chair else paragraph
    listing = None
    for sentence in _sentences(tail):
        listing = _NAMED_LIST.search(sentence) or _LIST.search(sentence)
        listing = listing or _BRIEFERS.search(sentence)
        if listing and _entries(_listed(listing), lone=False):
            break
    if listing:
        for entry in _entries(_listed(listing), lone=False):
            person = _entry(entry)
            if person:
                people.append(person)
    return people


def _listed(listing: re.Match) -> str:
    return listing.groupdict().get("list") or listing.groupdict().get("list2") or ""


def _sentences(text: str) -> list[str]:
    # Full stops of names and titles ("Mr.", "J.") do not end a sentence.
    parts = re.split(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|No))\.\s+(?=[A-Z“\"])", text)
    return [part for part in parts if part.strip()]


_AND_NEXT = re.compile(
    r",?\s+and\s+(?=[A-ZÀ-Ý][\w’'\-\u2011.]*(?:\s+[\w’'\-\u2011.]+){1,5}\s*[,(])"
)


def _entries(text: str, *, lone: bool) -> list[str]:
    """Entries of a list: "A, Title; B, Title; and C, Title" or "A (Country) and B (Country)".
    A list of one is taken only where one person is expected (a chair)."""
    entries = [e.strip() for e in re.split(r";\s*", text.rstrip(". ")) if e.strip()]
    if len(entries) == 1:
        entries = [e.strip() for e in _AND_NEXT.split(entries[0]) if e.strip()]
    entries = [re.sub(r"^and\s+", "", e) for e in entries]
    if len(entries) > 1 or lone or (entries and "," in entries[0]):
        return entries
    return []


def _entry(entry: str) -> IntroducedPerson | None:
    """ "Purna Sen, Director …, … (UN-Women)" or "Marc Pecsteen de Buytswerve (Belgium)"."""
    entry = entry.strip().rstrip(".")
    bracket = re.match(r"^(?P<name>[^(,]+?)\s*\((?P<place>[^)]+)\)\s*(?:,\s*(?P<role>.+))?$", entry)
    if bracket and g.canonical_place(bracket.group("place")):
        name = g.normalise_space(bracket.group("name"))
        if _is_name(name):
            return IntroducedPerson(
                name,
                g.normalise_space(bracket.group("role") or ""),
                g.canonical_place(bracket.group("place")),
            )
    name, _, role = entry.partition(",")
    name = g.normalise_space(name)
    if not _is_name(name):
        return None
    role, delegation = split_affiliation(g.normalise_space(role))
    return IntroducedPerson(name, role, delegation)


def _is_name(text: str) -> bool:
    if not _NAME.match(text) or re.search(r"\d", text):
        return False
    words = text.split()
    return all(w[:1].isupper() or w.casefold() in PARTICLES or w.startswith("al") for w in words)
