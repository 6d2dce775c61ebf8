"""The holders of the UN's principal offices, with their terms and genders.

A single speech names its speaker by office ("the UN Deputy Secretary-General Amina
Mohamed" on a news site); the office and the year say who it is, spelled as the UN spells
the name, and the record of who held the office says the gender a first-person speech
never shows. Presidents of the General Assembly change every year and are read from the
text instead.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass

from .gazetteer import normalise_space
from .records import FEMALE, MALE


@dataclass(frozen=True)
class Official:
    name: str
    office: str
    gender: str
    start: int  # first year in office
    end: int  # last year in office (9999: serving)


OFFICIALS = (
    Official("António Guterres", "Secretary-General", MALE, 2017, 9999),
    Official("Ban Ki-moon", "Secretary-General", MALE, 2007, 2016),
    Official("Kofi Annan", "Secretary-General", MALE, 1997, 2006),
    Official("Amina Mohammed", "Deputy Secretary-General", FEMALE, 2017, 9999),
    Official("Jan Eliasson", "Deputy Secretary-General", MALE, 2012, 2016),
    Official("Asha-Rose Migiro", "Deputy Secretary-General", FEMALE, 2007, 2012),
    Official("Sima Bahous", "Executive Director of UN-Women", FEMALE, 2021, 9999),
    Official("Phumzile Mlambo-Ngcuka", "Executive Director of UN-Women", FEMALE, 2013, 2021),
    Official("Ghada Fathi Waly", "Executive Director of UNODC", FEMALE, 2020, 9999),
    Official("Yury Fedotov", "Executive Director of UNODC", MALE, 2010, 2019),
    Official("Volker Türk", "High Commissioner for Human Rights", MALE, 2022, 9999),
    Official("Michelle Bachelet", "High Commissioner for Human Rights", FEMALE, 2018, 2022),
    Official("Filippo Grandi", "High Commissioner for Refugees", MALE, 2016, 2025),
    Official("Catherine Russell", "Executive Director of UNICEF", FEMALE, 2022, 9999),
)


def known_official(name: str, office: str, *, date: datetime.date | None = None) -> Official | None:
    """The holder of `office` (at `date`, if given) whose name `name` is, allowing for
    spelling ("Amina Mohamed", "Amina J. Mohammed" → Amina Mohammed)."""
    wanted = _bare(name)
    office = normalise_space(office).casefold()
    for official in OFFICIALS:
        if official.office.casefold() != office:
            continue
        if date and not official.start <= date.year <= official.end:
            continue
        if not wanted or _similar(wanted, _bare(official.name)):
            return official
    return None


def _bare(name: str) -> str:
    # Initials left out: "Amina J. Mohammed" is "Amina Mohammed".
    words = [
        w for w in normalise_space(name).split(" ") if not w.rstrip(".").isupper() or len(w) > 2
    ]
    return " ".join(words).casefold()


def _similar(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85
