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
    r"\b(?P<verb>Chaired|Co-chaired|Moderated|Presided\s+over)\s+by\s+(?P<entry>.+?)"
    r"(?=,\s+(?:it|the\s+(?:panel|discussion|dialogue|meeting|debate|event))\b|;|\.\s|\.$|$)"
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
    people: list[IntroducedPerson] = []
    chair = _CHAIR.search(paragraph)
    if chair:
        person = _entry(chair.group("entry"))
        if person:
            role = "Moderator" if chair.group("verb").startswith("Moderated") else "Chair"
            people.append(IntroducedPerson(person.name, person.role or role, person.delegation))
    tail = paragraph[chair.end() :] if chair else paragraph
    listing = _LIST.search(tail) or _BRIEFERS.search(tail)
    if listing:
        text = listing.groupdict().get("list") or listing.groupdict().get("list2") or ""
        entries = [e.strip() for e in text.rstrip(". ").split(";")]
        if len(entries) > 1 or (entries and "," in entries[0]):
            for entry in entries:
                person = _entry(re.sub(r"^and\s+", "", entry))
                if person:
                    people.append(person)
    return people


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
