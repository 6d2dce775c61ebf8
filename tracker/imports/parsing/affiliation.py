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
# Presiding over this meeting: a panel's chair ("Chair", set by "Chaired by…") or the
# head of a body that meets ("President of the General Assembly", "Co-Chair of the LDC5
# Preparatory Committee"), never the chair of something else ("Chair of the Youth
# Advisory Board of …").
_BARE_PRESIDING = re.compile(
    r"^(?:Chair|Co-Chair|Chairperson|Chairman|Chairwoman|Moderator|Co-Moderator|"
    r"Facilitator|President|Presiding officer)$",
    re.I,
)
_MEETING_BODY = (
    rf"(?:{'|'.join(g.BODY_NAMES)}|(?:[A-Z][\w-]*\s+)?Preparatory\s+Committee\b[^,;]*"
    r"|(?:Commission|Council|Assembly|Committee|Conference|meeting|session|panel|debate|"
    r"Summit|high-level\s+meeting|dialogue|round\s+table)(?=\s*(?:$|[,;(]|at\s|during\s)))"
)
_PRESIDING = re.compile(
    r"\b(?:President|Vice-President|Chair(?:person|man|woman)?|Co-Chair|Moderator)\s+of\s+"
    rf"the\s+{_MEETING_BODY}|"
    rf"(?:{'|'.join(g.BODY_NAMES)})\s+(?:President|Chair(?:person)?)\b",
    re.I,
)
# A Government's official speaks for the State, not for the ministry.
GOVERNMENT = re.compile(
    r"\b(?:Ministry|Minister|Ministers|Government|Permanent\s+Secretary|State\s+Secretary|"
    r"Secretary\s+of\s+State|Parliament|National\s+Assembly|Senator|Prime\s+Minister|"
    r"Head\s+of\s+State|Vice-President\s+of\s+the\s+Republic|President\s+of\s+the\s+Republic|"
    r"Permanent\s+Representative|Deputy\s+Minister|Attorney\s+General|"
    r"Police|Office\s+of\s+the\s+Prime\s+Minister)\b"
)


def split_affiliation(role: str) -> tuple[str, str]:
    """A printed role and the State or organisation it belongs to.

    "Minister for Justice of Luxembourg" → (same, "Luxembourg");
    "Director of the Policy Division, United Nations Entity … (UN-Women)" →
    ("Director of the Policy Division", "UN-Women").
    """
    if not role:
        return "", ""
    entity = _named_un_entity(role)
    if entity:
        return entity
    if UN_TITLE.search(role):
        acronym = ACRONYM.findall(role)
        return role, acronym[-1] if acronym else "United Nations"
    places = list(g.PLACE_OF.finditer(role))
    if places:
        return role, g.canonical_place(places[-1].group(1))
    parts = clauses(role)
    if GOVERNMENT.search(role) and not g.UN_KEYWORDS.search(role):
        return _government_official(role, parts)
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


def _government_official(role: str, parts: list[str]) -> tuple[str, str]:
    """ "Joint Secretary, Ministry of Finance, Nepal" → Nepal: a ministry is no delegation."""
    place = g.canonical_place(parts[-1]) if len(parts) > 1 else ""
    if place:
        return ", ".join(parts[:-1]), place
    owner = g.PLACE_POSSESSIVE.match(role)
    return role, g.canonical_place(owner.group(1)) if owner else ""


_UN_ENTITY_NAMES = sorted(g.UN_ENTITIES, key=len, reverse=True)


def _named_un_entity(role: str) -> tuple[str, str] | None:
    """A role that names a UN entity in full, commas and all: "Director, United Nations
    Educational, Scientific and Cultural Organization" → ("Director", "UNESCO")."""
    text = g.normalise_space(role)
    for full in _UN_ENTITY_NAMES:
        name = g.normalise_space(full)
        if "," not in name or name not in text:
            continue
        before = text[: text.index(name)].rstrip(" ,")
        before = re.sub(r"\s+(?:of|for|at)(?:\s+the)?$", "", before) if before else before
        return (before if before and text.endswith(name) else text), g.UN_ENTITIES[full]
    return None


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
    """The speaker's type from what the speaker is: the State, observer, UN entity or
    organisation they speak for; from the role's words only what the role itself is
    (a meeting's presiding officer, a survivor, a Government's official)."""
    if is_presiding(role, delegation):
        return PRESIDING_OFFICER
    if g.SURVIVOR_KEYWORDS.search(role) or g.SELF_AS_SURVIVOR.search(descriptor):
        return SURVIVOR
    by_delegation = _type_of_delegation(delegation)
    if by_delegation:
        return by_delegation
    if g.UN_KEYWORDS.search(role):
        return UN_OFFICIAL
    if GOVERNMENT.search(role) and not delegation:
        return MEMBER_STATE
    if g.CIVIL_SOCIETY_KEYWORDS.search(" ".join([role, delegation, descriptor[:80]])):
        return CIVIL_SOCIETY
    return OTHER


def is_presiding(role: str, delegation: str) -> bool:
    if _BARE_PRESIDING.match(role.strip()):
        # "Chair" of a panel, with their State; not "Chair" of an organisation.
        return not delegation or g.is_member_state(delegation) or g.is_observer(delegation)
    return bool(_PRESIDING.search(role))


def _type_of_delegation(delegation: str) -> str:
    if not delegation:
        return ""
    if g.is_member_state(delegation):
        return MEMBER_STATE
    if g.is_observer(delegation):
        return OBSERVER
    if g.is_un_entity(delegation):
        return UN_OFFICIAL
    return ""


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
