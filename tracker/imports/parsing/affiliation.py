"""What a printed role says about a speaker: the State or organisation they belong to,
and their type (Member State, UN official, civil society, survivor, presiding officer…)."""

from __future__ import annotations

import re

from . import gazetteer as g
from .records import (
    CIVIL_SOCIETY,
    MEMBER_STATE,
    OBSERVER,
    OTHER,
    PRESIDING_OFFICER,
    SURVIVOR,
    UN_OFFICIAL,
)

TITLE_WORDS = re.compile(
    r"\b(?:Minister|Director|Officer|Chair\w*|President|Secretary|Ambassador|"
    r"Representative|Coordinator|Head|Adviser|Advisor|Envoy|Rapporteur|Commissioner|Deputy|"
    r"Chief|Executive|Founder|Member|Manager|Counsell?or|Delegate|Judge|Professor|Senator|"
    r"Mayor|Governor|King|Queen|Prince|Princess|Emir|Sheikh|actress|actor|activist|survivor|"
    r"victim|lawyer|expert|journalist|student|Observer|Spokes\w+|Administrator|Attorney|"
    r"Leader|Speaker|Vice|Under|Assistant|Special|Senior|Goodwill|Programme|Partner)\b",
    re.I,
)
ACRONYM = re.compile(r"\(((?=(?:[^)]*[A-Z]){2})[A-Z][A-Za-z]*(?:[-/\u2011][A-Za-z]+)*)\)")
UN_TITLE = re.compile(
    r"(?:Special\s+\w+|Under|Assistant|Deputy)[\s\-\u2010\u2011]+(?:of\s+the\s+)?"
    r"Secretary[\-\u2010\u2011 ]General|"
    r"Secretary[\-\u2010\u2011 ]General\s+of\s+the\s+United\s+Nations|Special\s+Rapporteur"
)
_OF_ORGANISATION = re.compile(r"\b(?:of|for|at)\s+(?:the\s+)?([A-Z][^,;]*)$")
_PRESIDING = re.compile(
    r"^(?:Chair|Co-Chair|Chairperson|Moderator|President|Presiding officer)$|"
    r"\b(?:President|Vice-President|Chair(?:person|man|woman)?|Co-Chair)\s+of\s+the\s+"
    r"(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Commission|"
    r"Council|Assembly|Committee|meeting|session|panel|debate|Conference)\b",
    re.I,
)


def split_affiliation(role: str) -> tuple[str, str]:
    """A printed role and the State or organisation it belongs to.

    "Minister for Justice of Luxembourg" → (same, "Luxembourg");
    "Director of the Policy Division, United Nations Entity … (UN-Women)" →
    ("Director of the Policy Division", "UN-Women").
    """
    if not role:
        return "", ""
    if UN_TITLE.search(role):
        acronym = ACRONYM.findall(role)
        return role, acronym[-1] if acronym else "United Nations"
    places = list(g.PLACE_OF.finditer(role))
    if places:
        return role, g.canonical_place(places[-1].group(1))
    parts = clauses(role)
    last = parts[-1]
    if len(parts) > 1 and not TITLE_WORDS.search(last) and last[:1].isupper():
        return ", ".join(parts[:-1]), organisation_name(last)
    if len(parts) == 1 and not TITLE_WORDS.search(last) and last[:1].isupper():
        return "", organisation_name(last)
    acronym = ACRONYM.findall(role)
    if acronym:
        return role, acronym[-1]
    match = _OF_ORGANISATION.search(last)
    if match:
        return role, organisation_name(match.group(1))
    return role, ""


def organisation_name(text: str) -> str:
    """ "the United Nations Children’s Fund (UNICEF)" → "UNICEF"; known UN entities by
    their acronym; a State by its UN name."""
    text = g.normalise_space(text)
    text = re.sub(r"^the\s+", "", text)
    place = g.canonical_place(text)
    if place:
        return place
    acronym = ACRONYM.search(text)
    if acronym and text.endswith(")"):
        return acronym.group(1)
    for full, short in g.UN_ENTITIES.items():
        if g.normalise_space(full).casefold() == text.casefold():
            return short
    return text


def speaker_type(*, role: str, delegation: str, descriptor: str = "") -> str:
    """The speaker's type from what the release prints about them."""
    if _PRESIDING.search(role):
        return PRESIDING_OFFICER
    if g.SURVIVOR_KEYWORDS.search(role) or g.SELF_AS_SURVIVOR.search(descriptor):
        return SURVIVOR
    if delegation and g.is_member_state(delegation):
        return MEMBER_STATE
    if delegation and g.is_observer(delegation):
        return OBSERVER
    if (delegation and g.is_un_entity(delegation)) or g.UN_KEYWORDS.search(role):
        return UN_OFFICIAL
    if g.CIVIL_SOCIETY_KEYWORDS.search(" ".join([role, delegation, descriptor[:80]])):
        return CIVIL_SOCIETY
    return OTHER


def clauses(text: str) -> list[str]:
    """Comma-separated clauses, not splitting inside brackets."""
    clauses, depth, current = [], 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == "," and depth == 0:
            clauses.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    clauses.append("".join(current).strip())
    return clauses
