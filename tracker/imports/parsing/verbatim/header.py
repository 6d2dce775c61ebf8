"""The cover of a verbatim record: symbol, body, session or year, meeting, date and time,
place, provisional or final, the President and the members, the agenda."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from tracker.imports.parsing.names import honorific_gender
from tracker.imports.parsing.records import UNKNOWN, MeetingHeader

from .symbols import SYMBOL_RE, normalise_symbol
from .turns import HONORIFIC, clean_name

BODIES = {"A": "General Assembly", "S": "Security Council", "E": "Economic and Social Council"}
SESSION = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?|[A-Z]+(?:-[A-Z]+)?) (session|year)\b", re.I)
MEETING = re.compile(r"\b(\d{1,5})\s?(st|nd|rd|th)\s+(plenary\s+)?meeting\b", re.I)
DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})"
    r"(?:,?\s+(?:at|st|a)?\s*(\d{1,2}(?:[.:]\d\d)?\s?[ap]\.\s?m\.|noon))?"
)
PLACE = re.compile(
    r"\bHeld at ([A-Z][a-z]+(?: [A-Z][a-z]+)?)|\b(New York|Geneva|Lake Success)\b", re.I
)
PRESIDENT = re.compile(
    rf"Presid\w{{2,4}}\s?:\s*(?P<who>{HONORIFIC}[^()]*?)[\s.]*\((?P<country>[^)]+)\)"
)
MEMBER = re.compile(
    rf"^(?:Members:\s*)?(?P<country>[^.:]+?)\s?(?:\.\s?){{3,}}\s*(?P<who>{HONORIFIC}.+)$"
)
PRESENT = re.compile(
    r"Present\s?:\s*The representatives of the following countries\s?:\s*([^.]+)\."
)
MONTH_NAMES = "January February March April May June July August September October November"
MONTHS = {m: i for i, m in enumerate(f"{MONTH_NAMES} December".split(), start=1)}
JOINING_WORDS = {
    "the",
    "of",
    "to",
    "and",
    "on",
    "in",
    "for",
    "from",
    "addressed",
    "by",
    "a",
    "with",
}


@dataclass(frozen=True)
class Member:
    """A seat on the cover: "Denmark …… Ms. Lassen", or the President with their country."""

    country: str
    name: str = ""
    honorific: str = ""
    gender: str = UNKNOWN


@dataclass(frozen=True)
class VerbatimHeader(MeetingHeader):
    time: str = ""
    place: str = ""
    provisional: bool = False
    president: Member | None = None
    members: tuple[Member, ...] = ()
    agenda: tuple[str, ...] = ()

    def with_agenda(self, agenda: tuple[str, ...]) -> VerbatimHeader:
        return replace(self, agenda=agenda, title=self.title or (agenda[0] if agenda else ""))

    def with_symbol(self, symbol: str) -> VerbatimHeader:
        return replace(self, symbol=symbol, body=self.body or BODIES.get(symbol[:1], ""))


def parse_header(cover: str, *, symbol: str = "") -> VerbatimHeader:
    symbol = normalise_symbol(symbol) if symbol else find_symbol(cover)
    meeting = MEETING.search(cover)
    date, time = find_date(cover)
    agenda = find_agenda(cover)
    return VerbatimHeader(
        symbol=symbol,
        body=BODIES.get(symbol[:1], ""),
        session=find_session(cover),
        meeting_number=" ".join(meeting.group(0).split()).lower() if meeting else "",
        title=agenda[0] if agenda else "",
        date=date,
        time=time,
        place=find_place(cover),
        provisional=is_provisional(cover),
        president=find_president(cover),
        members=find_members(cover),
        agenda=agenda,
    )


def find_symbol(cover: str) -> str:
    match = SYMBOL_RE.search(cover)
    return normalise_symbol(match.group(0)) if match else ""


def find_session(cover: str) -> str:
    for match in SESSION.finditer(cover):
        word = match.group(1)
        if word.lower() not in {"the", "this", "that", "next", "its", "current", "first"}:
            return f"{word.capitalize()} {match.group(2).lower()}"
    return ""


def find_date(cover: str) -> tuple[datetime.date | None, str]:
    for match in DATE.finditer(cover):
        month = MONTHS.get(match.group(2).capitalize())
        if month:
            try:
                date = datetime.date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                continue
            return date, " ".join((match.group(4) or "").split())
    return None, ""


def find_place(cover: str) -> str:
    match = PLACE.search(cover)
    if not match:
        return ""
    return (match.group(1) or match.group(2)).title()


def is_provisional(cover: str) -> bool:
    return any(line.strip().endswith("Provisional") for line in cover.splitlines())


def person(who: str, country: str) -> Member:
    who = " ".join(who.split())
    honorific, _, name = who.partition(" ")
    return Member(
        country=" ".join(country.split()),
        name=clean_name(name.strip(" .")),
        honorific=honorific.rstrip("."),
        gender=honorific_gender(honorific.rstrip(".")),
    )


def find_president(cover: str) -> Member | None:
    match = PRESIDENT.search(cover)
    return person(match.group("who"), match.group("country")) if match else None


def find_members(cover: str) -> tuple[Member, ...]:
    members = []
    for line in cover.splitlines():
        match = MEMBER.match(line.strip())
        if match and not line.strip().startswith("President"):
            members.append(person(match.group("who"), match.group("country").strip()))
    if not members and (present := PRESENT.search(" ".join(cover.split()))):
        members = [Member(country=c.strip()) for c in re.split(r",\s*", present.group(1))]
    return tuple(members)


def find_agenda(cover: str) -> tuple[str, ...]:
    """The lines after "Agenda" on a Security Council cover, a wrapped item joined."""
    lines = [line.strip() for line in cover.splitlines()]
    if "Agenda" not in lines:
        return ()
    items: list[str] = []
    for line in lines[lines.index("Agenda") + 1 :]:
        if not line:
            continue
        last = items[-1].split()[-1].lower() if items else ""
        if items and (line[:1] in "(" or line[:1].islower() or last in JOINING_WORDS):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return tuple(items)
