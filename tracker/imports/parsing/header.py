"""The head of a Meetings Coverage release: symbol, body, session, meeting, date,
headline and sub-headline, with the page noise around them skipped."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .gazetteer import BODY_NAMES, body_for_symbol, normalise_space

SYMBOL = re.compile(
    r"(?<![\w/])((?:[A-Z]{1,6}/){1,3}\d{2,6}(?:/(?:Rev|Corr|Add)\.\d+)*"
    r"(?:-(?:[A-Z]{1,6}/){1,3}\d{2,6})*)(?![\w/])"
)
SESSION = re.compile(
    r"\b((?:Resumed\s+)?(?:(?:[A-Za-z]+-)?[A-Za-z]+(?:st|nd|rd|th)|\d{4})"
    r"(?:\s+(?:Special|Emergency\s+Special|Substantive|Organizational|Regular))?\s+Session)\b",
    re.I,
)
MEETING = re.compile(
    r"\b(\d+(?:st|nd|rd|th)(?:\s*(?:&|and|,)\s*\d+(?:st|nd|rd|th))*\s+Meetings?\*?"
    r"(?:\s*\((?:[^()]{1,20})\))*)",
    re.I,
)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DATES = (
    re.compile(rf"\b{_WEEKDAY}(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I),
    re.compile(rf"\b{_WEEKDAY}({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I),
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
)
END_MARKER = re.compile(r"^\W*For information media\W+not an official record\W*$", re.I)
# Any other body that meets: "LDC5 Preparatory Committee", "Fifth United Nations Conference
# on the Least Developed Countries", "Committee on the Elimination of Discrimination…".
_BODY_WORDS = (
    r"(?:Preparatory\s+Committee|Committee|Commission|Conference|Council|Forum|Board|"
    r"Working\s+Group|Summit|Assembly|Meeting\s+of\s+(?:States\s+)?Parties|Platform|Dialogue)"
)
_TITLE_WORD = r"(?:[A-Z\d][\w’'\-\u2011]*)"
OTHER_BODY = re.compile(
    rf"(?:{_TITLE_WORD}\s+){{0,6}}{_BODY_WORDS}"
    rf"(?:\s+(?:on|for|of|against)(?:\s+(?:the|{_TITLE_WORD}|and|of|on|in|for))+)?(?=\s*(?:,|$))"
)
_COVERAGE = re.compile(r"Meetings\s+Coverage(?:\s+and\s+Press\s+Releases)?|Press\s+Releases?", re.I)
_SEPARATORS = re.compile(r"^[\s,;:|·•–—\-]+")

KNOWN_HEADINGS = re.compile(
    r"^(?:Opening\s+(?:Remarks|Statements?)|Briefings?|Statements|Action|Closing\s+Remarks"
    r"|Panel(?:\s+Discussion)?\s+[IVX\d]+|Interactive\s+(?:Dialogue|Discussion|Panel)"
    r"|General\s+(?:Debate|Discussion)|Introduction(?:\s+of\s+Reports?)?|Round\s*Table\s*[IVX\d]*|"
    r"Keynote\s+Address(?:es)?|Explanations?\s+of\s+(?:Vote|Position))\b",
    re.I,
)

# Lines of a saved page that are never part of the record.
NOISE = {
    "skip to main content", "skip to content", "skip to navigation", "in progress at unhq",
    "meetings coverage and press releases", "meetings coverage", "press release",
    "press releases", "toggle navigation", "main navigation", "menu", "print", "share",
    "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp",
    "welcome to the united nations", "welcome to the united nations.", "english",
    "français", "español", "русский", "العربية", "中文", "back to top", "related documents",
    "webcast", "un web tv", "subscribe", "sign in", "log in", "search the united nations",
    "breadcrumb", "you are here", "topics", "tags", "related", "related links",
    "related news", "related stories", "related content", "in focus", "latest news",
    "view more", "view less", "view moreview less", "production date", "video length",
    "speaker affiliation", "share this page", "share this story", "print this page",
    "daily press briefing", "daily press briefings", "press conferences", "top stories",
    "photos", "videos", "un news", "un photo", "download", "documents", "go to top",
    "home", "news", "contact", "copyright", "fraud alert", "privacy notice", "terms of use",
}  # fmt: skip
_NOISE_PATTERNS = re.compile(
    r"^(?:©|copyright\b|all rights reserved|cookies?\b|privacy|terms of use|"
    r"follow us|share this|share on|print this|email this|skip to|in progress at unhq|"
    r"(?:next|previous) (?:article|story|page)|read more$|more stories|topics?\s*:|"
    r"tags?\s*:|related (?:documents|links|news|stories)\s*:|see also\s*:|home\s*/)",
    re.I,
)


def is_noise(paragraph: str) -> bool:
    line = normalise_space(paragraph).casefold()
    return line in NOISE or bool(_NOISE_PATTERNS.match(line))


def parse_date(text: str) -> datetime.date | None:
    for pattern in DATES:
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if pattern is DATES[0]:
                return datetime.date(int(c), MONTHS[b.casefold().rstrip(".")], int(a))
            if pattern is DATES[1]:
                return datetime.date(int(c), MONTHS[a.casefold().rstrip(".")], int(b))
            return datetime.date(int(a), int(b), int(c))
        except ValueError:
            continue
    return None


@dataclass
class HeaderItems:
    symbol: str = ""
    session: str = ""
    meeting_number: str = ""
    date: datetime.date | None = None
    body: str = ""
    other_body: str = ""

    @property
    def strong(self) -> bool:
        return bool(self.symbol or self.session or self.meeting_number)


def header_items(paragraph: str) -> HeaderItems | None:
    """The header facts a line consists of, or None if it holds anything else."""
    rest = normalise_space(paragraph)
    if not rest or len(rest) > 160:
        return None
    items = HeaderItems()
    while rest:
        rest = _SEPARATORS.sub("", rest)
        if not rest:
            break
        for name, pattern in (
            ("symbol", SYMBOL),
            ("meeting_number", MEETING),
            ("session", SESSION),
            ("body", re.compile(rf"(?:{'|'.join(BODY_NAMES)})", re.I)),
            ("other_body", OTHER_BODY),
            ("coverage", _COVERAGE),
            ("date", DATES[0]),
            ("date", DATES[1]),
            ("date", DATES[2]),
        ):
            match = pattern.match(rest)
            if not match:
                continue
            value = match.group(0).strip()
            if name == "date":
                items.date = items.date or parse_date(value)
            elif name == "symbol":
                items.symbol = items.symbol or match.group(1)
            elif name in ("meeting_number", "session", "body"):
                setattr(items, name, getattr(items, name) or _tidy_case(value.rstrip(",")))
            elif name == "other_body":
                items.other_body = items.other_body or value.rstrip(",")
            rest = rest[match.end() :]
            break
        else:
            return None
    return items if (items.strong or items.date or items.body or items.other_body) else None


def _tidy_case(value: str) -> str:
    """Headers printed in capitals read as the UN writes them in running text:
    "SEVENTY-EIGHTH SESSION" → "Seventy-eighth Session", "45TH MEETING (AM)" →
    "45th Meeting (AM)"."""
    if any(c.islower() for c in value):
        return value
    words = []
    for word in value.split(" "):
        bare = word.strip("()*,")
        if re.fullmatch(r"\d+(?:ST|ND|RD|TH)", bare) or bare in ("AM", "PM", "&"):
            words.append(word.lower() if bare[:1].isdigit() else word)
        elif bare in ("RESUMED",):
            words.append(word.lower())
        else:
            words.append(word.capitalize() if not word.startswith("(") else word.lower())
    return " ".join(words)


@dataclass
class Header:
    symbol: str
    body: str
    session: str
    meeting_number: str
    date: datetime.date | None
    title: str
    subtitle: str
    body_start: int  # index of the first paragraph after the headlines
    header_start: int


def find_header(paragraphs: list[str], *, end: int) -> Header | None:
    """Locate the header block (the first line with a symbol, session or meeting number)
    and the headline and sub-headline after it."""
    first = next(
        (
            i
            for i in range(end)
            if (items := header_items(paragraphs[i])) is not None and items.strong
        ),
        None,
    )
    if first is None:
        return None
    start = first
    while start > 0 and (
        (header_items(paragraphs[start - 1]) is not None) or is_noise(paragraphs[start - 1])
    ):
        start -= 1
    found = HeaderItems()
    index = start
    while index < end and (
        (items := header_items(paragraphs[index])) is not None or is_noise(paragraphs[index])
    ):
        if items is not None:
            found.symbol = found.symbol or items.symbol
            found.session = found.session or items.session
            found.meeting_number = found.meeting_number or items.meeting_number
            found.date = found.date or items.date
            # The body line nearest the symbol: a site menu above it names other bodies.
            found.body = items.body or found.body
            # The most specific body line: "LDC5 Preparatory Committee" under its conference.
            found.other_body = items.other_body or found.other_body
        index += 1
    title, subtitle = "", ""
    if index < end:
        title = paragraphs[index].strip()
        index += 1
        while index < end and is_noise(paragraphs[index]):
            index += 1
        if index < end and looks_like_headline(paragraphs[index]):
            subtitle = paragraphs[index].strip()
            index += 1
    return Header(
        symbol=found.symbol,
        body=body_for_symbol(found.symbol) or found.body or found.other_body,
        session=found.session,
        meeting_number=found.meeting_number,
        date=found.date,
        title=normalise_space(title),
        subtitle=normalise_space(subtitle),
        body_start=index,
        header_start=start,
    )


def looks_like_headline(paragraph: str) -> bool:
    """A sub-headline: short, and not a sentence ending in a full stop."""
    text = paragraph.strip()
    if KNOWN_HEADINGS.match(text) or len(text.split()) <= 4:
        return False
    return len(text) <= 320 and not text.endswith((".", ":", ";")) and " said" not in text


def find_end(paragraphs: list[str]) -> int | None:
    return next((i for i, p in enumerate(paragraphs) if END_MARKER.match(p.strip())), None)


# Short lines that are not sentences: a run of three or more is a menu or a sidebar.
_MENU_LINE_LENGTH = 60
_MENU_RUN = 3


def strip_page_clutter(paragraphs: list[str]) -> list[str]:
    """A saved page without its noise lines and its runs of menu or sidebar lines (three
    or more short lines that are not sentences, headings or header lines)."""
    kept: list[str] = []
    run: list[str] = []
    for paragraph in paragraphs + [""]:
        if paragraph and (is_noise(paragraph) or _menu_like(paragraph)):
            run.append(paragraph)
            continue
        if len(run) < _MENU_RUN:
            kept.extend(p for p in run if not is_noise(p))
        run = []
        if paragraph:
            kept.append(paragraph)
    return kept


def _menu_like(paragraph: str) -> bool:
    text = normalise_space(paragraph)
    if len(text) > _MENU_LINE_LENGTH or text.endswith((".", ":", ";", "!", "?", "”", '"', ",")):
        return False
    if KNOWN_HEADINGS.match(text) or END_MARKER.match(text) or header_items(text) is not None:
        return False
    return not re.search(r"\b(?:said|says|told)\b", text)


def headline_header(paragraphs: list[str], *, end: int) -> Header | None:
    """A release without a header block (a preliminary release, a page copied from its
    headline on): the headline and the first date before the text."""
    index = 0
    while index < end and (is_noise(paragraphs[index]) or _is_note(paragraphs[index])):
        index += 1
    if index >= end:
        return None
    title = paragraphs[index]
    if len(title) > 320 or KNOWN_HEADINGS.match(title.strip()):
        return None
    start = index + 1
    subtitle = ""
    if start < end and looks_like_headline(paragraphs[start]) and not _is_note(paragraphs[start]):
        subtitle = paragraphs[start].strip()
        start += 1
    date = next((d for p in paragraphs[: index + 1] if (d := parse_date(p))), None)
    return Header(
        symbol="",
        body="",
        session="",
        meeting_number="",
        date=date,
        title=normalise_space(title),
        subtitle=normalise_space(subtitle),
        body_start=start,
        header_start=index,
    )


def _is_note(paragraph: str) -> bool:
    return paragraph.lstrip().startswith(("Note:", "NOTE:"))


_BODY_IN_TEXT = re.compile(rf"\b(?:{'|'.join(BODY_NAMES)})\b")


def body_from_text(*texts: str) -> str:
    """The body a headline or summary names ("…, Speakers Tell Security Council"); a
    meeting always has one, "United Nations" when nothing says which."""
    for text in texts:
        found = _BODY_IN_TEXT.search(text) or OTHER_BODY.search(text)
        if found:
            return found.group(0)
    return "United Nations"
