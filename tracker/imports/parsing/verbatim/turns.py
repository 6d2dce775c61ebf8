"""Speaker turns as verbatim records print them, and who they are.

Mr. Kimani (Kenya): …
Ms. Y (Country) (spoke in French): …
Mr. X (Country), speaking on behalf of the Group of 77 and China: …
The President (spoke in Arabic): …        the President named on the cover
The Acting President: …                   the Vice-President who took the Chair
The Secretary-General: …
Mr. Stewart: …                            a briefer invited under rule 39
The PRESIDENT (translated from Russian):  the 1950s style
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.imports.parsing.affiliation import speaker_type
from tracker.imports.parsing.names import honorific_gender, proper_case
from tracker.imports.parsing.records import (
    CIVIL_SOCIETY,
    MEMBER_STATE,
    OTHER,
    PRESIDING_OFFICER,
    UN_OFFICIAL,
    UNKNOWN,
    Speaker,
)

HONORIFIC = (
    r"(?:Mrs|Ms|Mr|Miss|Mme|Mlle|Madame|Madam|Sir|Dame|Lord|Lady|Dr|Professor|Prof|M"
    r"|Archbishop|Cardinal|Monsignor|Msgr|Sheikh|Sheikha|Prince|Princess|King|Queen|Judge"
    r"|Baroness|Baron|Father|Sister|Rev)\.?"
)
_CAP = r"[A-Z\u00C0-\u024F][\w'’.\-\u00C0-\u024F]*"
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|al|el|bin|ibn|y|e|ben)"
NAME = rf"{_CAP}(?: (?:{_CAP}|{_PARTICLE})){{0,6}}"
OFFICE = (
    r"The (?:Acting |Temporary |Interim )?(?:Vice-)?(?:President|Chair(?:man|person|woman)?)"
    r"|The (?:Deputy )?Secretary-General"
    r"|The PR[A-Z]SIDENT"  # OCR of the 1950s records: "The PRBSIDENT"
)
_LANGUAGE_NOTE = r"(?:spoke|speaking|interpretation|[a-z0-9/]*lat\w*)"
LANGUAGE = rf"\(\s?{_LANGUAGE_NOTE}(?: \w+)? (?P<language>[A-Z][a-z0-9]+)\s?\)"
COUNTRY = rf"\((?!\s?{_LANGUAGE_NOTE}\b)(?P<country>[^():]{{2,90}})\)"
BEHALF = r",? speaking on behalf of (?P<behalf>[^:]{3,200}?)"
TURN_RE = re.compile(
    rf"^(?:(?P<office>{OFFICE})|(?P<honorific>{HONORIFIC}) ?(?P<name>(?-i:{NAME})))"
    rf"(?: ?{COUNTRY})?(?: ?{LANGUAGE})?(?:{BEHALF})?\s?:\s?",
    re.IGNORECASE,
)
# A line that opens a turn; case matters here so that "The president said: …" does not.
TURN_START = re.compile(
    rf"^(?:(?:{OFFICE})|The PRESIDENT|The CHAIRMAN|{HONORIFIC} ?{NAME})"
    rf"(?: ?\([^()]{{2,90}}\)){{0,2}}"
    rf"(?:,? speaking on behalf of [^:]{{3,200}}?)?\s?:\s"
)
LATE_COUNTRY = re.compile(rf"^{COUNTRY}(?: ?{LANGUAGE})?\s?:\s?")
LANGUAGES = {"Russian", "French", "Spanish", "Arabic", "Chinese", "English"}


@dataclass(frozen=True)
class Turn:
    """A turn's label as printed, and the speech text after it."""

    office: str
    honorific: str
    name: str
    country: str
    language: str
    on_behalf_of: str
    text: str


def match_turn(paragraph: str) -> Turn | None:
    if not TURN_START.match(paragraph):
        return None
    match = TURN_RE.match(paragraph)
    if not match or not paragraph[match.end() :].strip():
        return None
    text = paragraph[match.end() :].strip()
    # "Mr. Briz Gutiérrez: (Guatemala) (spoke in Spanish): …", a misprint of the record.
    late = LATE_COUNTRY.match(text) if not match.group("country") else None
    if late:
        text = text[late.end() :].strip()
    found = late or match
    return Turn(
        office=(match.group("office") or "").strip(),
        honorific=(match.group("honorific") or "").rstrip(".").strip(),
        name=clean_name(match.group("name") or ""),
        country=" ".join((found.group("country") or "").split()),
        language=language_name(found.group("language") or ""),
        on_behalf_of=" ".join((match.group("behalf") or "").split()).rstrip(","),
        text=text,
    )


def clean_name(name: str) -> str:
    """ "INDERFURTH" → "Inderfurth"; printed names in mixed case stay as printed."""
    words = name.split()
    return " ".join(proper_case(w) if w.isupper() and len(w) > 2 else w for w in words)


def language_name(word: str) -> str:
    """The delivery language; OCR-damaged names ("Russiotl") by their first letters."""
    word = word.capitalize()
    for language in LANGUAGES:
        if word[:4] == language[:4]:
            return language
    return word


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    country: str = ""


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker | None
    delegation: str
    role: str
    speaker_type: str
    gender: str


def attribute(turn: Turn, *, chair: Person | None, body: str, roles: dict[str, str]) -> Attribution:
    """Who a turn is: the chair, the Secretary-General, a delegate or a briefer."""
    office = turn.office.lower()
    if "secretary-general" in office:
        role = "Deputy Secretary-General" if "deputy" in office else "Secretary-General"
        return Attribution(None, "United Nations", role, UN_OFFICIAL, UNKNOWN)
    if office:
        return presiding(turn, chair=chair, body=body)
    gender = honorific_gender(turn.honorific)
    label = f"{turn.honorific}. {turn.name}" if turn.honorific else turn.name
    kind = delegate_type(turn.country, roles.get(turn.name.lower(), ""))
    speaker = Speaker(name=turn.name or label, gender=gender, type=kind)
    return Attribution(speaker, turn.country, roles.get(turn.name.lower(), ""), kind, gender)


def presiding(turn: Turn, *, chair: Person | None, body: str) -> Attribution:
    role = f"{office_title(turn.office)} of the {body}" if body else office_title(turn.office)
    if chair is None:
        return Attribution(None, "", role, PRESIDING_OFFICER, UNKNOWN)
    speaker = Speaker(name=chair.name, gender=chair.gender, type=PRESIDING_OFFICER)
    return Attribution(speaker, chair.country, role, PRESIDING_OFFICER, chair.gender)


def office_title(office: str) -> str:
    """ "The Acting President" → "Acting President"; OCR's "The PRBSIDENT" → "President"."""
    words = office.split()[1:]
    prefix = [w.capitalize() for w in words[:-1] if w.lower() in {"acting", "temporary", "interim"}]
    last = words[-1].lower() if words else ""
    title = "Chair" if last.startswith("chair") else "Vice-President" if "vice" in last else ""
    return " ".join([*prefix, title or "President"])


def delegate_type(country: str, role: str) -> str:
    """A "(Country)" after the name is a delegation: a Member State unless the gazetteer
    knows it as an observer or UN entity (also former States, "Yugoslavia"). A briefer
    without one is a UN official or civil society by the role the President gave them."""
    if country:
        kind = speaker_type(role="", delegation=country)
        return MEMBER_STATE if kind == OTHER else kind
    if not role:
        return OTHER
    kind = speaker_type(role=role, delegation="")
    return kind if kind != OTHER else CIVIL_SOCIETY
