"""Which kind of record is this? For `kind="auto"`: the input is parsed as the kind its
signs point to, and the parse is returned, so nothing is parsed twice.

    verbatim record  a PDF, or a text that looks_like_verbatim_record (a record symbol
                     near the top, the President's seat, speaker turns)
    press release    a Meetings Coverage header and statements ("preliminary" when its note
                     says the complete summary follows)
    speech           released alone (SG/SM/…, DSG/SM/…) or introduced as one ("Following
                     are … remarks", "The following statement was issued …")
    summary          no statement-by-statement part, but sentences attributed to speakers,
                     in a UN text (a symbol, the marks of a UN page, or the analyst's symbol)

A record is never taken for a release: the verbatim test comes first and is strict about
the record's own conventions, and a release never passes it (verbatim/detect.py).
"""

from __future__ import annotations

import datetime
import re

from .header import find_end, strip_page_clutter
from .press_release import parse_press_release
from .press_release.parser import normalise_symbol
from .records import ImportProblem, PressRelease
from .source import read_source
from .speech import parse_single_speech
from .summary import parse_summary
from .verbatim import looks_like_verbatim_record, parse_verbatim_record

# A speech or message released alone, and the lines that introduce one.
SPEECH_SYMBOL = re.compile(r"\b(?:SG|DSG)/SM/\d+|\b(?:GA|SC)/SM/\d+|\bSG/2\d{3}\b")
SPEECH_INTRODUCTION = re.compile(
    r"\bFollowing\s+(?:is|are)\b[^\n]{0,200}?\b(?:remarks|speech|statement|message|address)|"
    r"\bThe\s+following\s+(?:statement|message|remarks)\s+(?:was|were)\s+(?:issued|delivered)",
    re.I,
)
HEAD_PARAGRAPHS = 40  # the introduction of a speech comes before its first sentences

NOT_A_RECORD = (
    "This text is none of the records the workbench imports. Expected a UN Meetings "
    "Coverage press release (a header with a symbol such as GA/11955 and speakers' "
    "statements), a verbatim record (S/PV.…, A/…/PV.…: the UN's PDF or its text), a summary "
    "(sentences saying what named speakers said) or a single speech (released as SG/SM/… "
    "or introduced by “Following are … remarks”). If you know which it is, choose its kind."
)


# A summary is the UN's own text: a press symbol, or the marks of its sites and pages (UN Web
# TV's "Production Date … Video Length"). An analysis or a news story about a meeting
# (PeaceWomen's, IISD's) names speakers too, but it is somebody else's account of them.
UN_MARKS = re.compile(
    r"\b[A-Z]{2,6}(?:/[A-Z]{2,4})?/\d{3,5}\b|Meetings\s+Coverage|\b(?:press|webtv|news)\.un\.org\b"
    r"|\bUN\s+Web\s+TV\b|\bProduction\s+Date\b[\s\S]{0,400}\bVideo\s+Length\b"
)
SOMEONE_ELSES_ACCOUNT = (
    "This reads as somebody else's account of a meeting (an analysis or a news story): it "
    "quotes speakers, but carries no UN symbol (such as GA/12387) nor the marks of a UN page. "
    "Import the UN's own record of the meeting; if this is a UN summary, give its symbol or "
    "choose “Summary”."
)


def is_pdf(data: bytes | str) -> bool:
    return isinstance(data, bytes) and data.lstrip()[:5] == b"%PDF-"


def detect_and_parse(
    data: bytes | str, *, symbol: str = "", date: datetime.date | None = None
) -> PressRelease:
    """The parse of `data` as the kind it is; ImportProblem naming what was expected."""
    if is_pdf(data):
        return parse_verbatim_record(data, symbol=symbol)
    source = read_source(data)  # refuses empty and binary input with its own message
    if looks_like_verbatim_record(source.text):
        return parse_verbatim_record(data, symbol=symbol)
    release = _release(data, symbol=symbol)
    if release is not None and not _released_alone(release, symbol):
        if release.statements or _cut_short_release(data, source.paragraphs):
            return release
    if _looks_like_speech(source.paragraphs, symbol):
        return parse_single_speech(data, symbol=symbol)
    summary = _summary(data, symbol=symbol, date=date)
    if summary is not None and summary.statements:
        if not (symbol or summary.meeting.symbol or UN_MARKS.search(source.text)):
            raise ImportProblem(SOMEONE_ELSES_ACCOUNT)
        return summary
    raise ImportProblem(NOT_A_RECORD)


def _release(data: bytes | str, *, symbol: str) -> PressRelease | None:
    try:
        return parse_press_release(data, symbol=symbol)
    except ImportProblem:
        return None


def _summary(data: bytes | str, *, symbol: str, date) -> PressRelease | None:
    try:
        return parse_summary(data, symbol=symbol, date=date)
    except ImportProblem:
        return None


def _cut_short_release(data: bytes | str, paragraphs: tuple[str, ...]) -> bool:
    """A release header of its own (not one the analyst's symbol lent it) and no end: it
    previews with its warning. A complete one without statements is a summary."""
    if find_end(strip_page_clutter(list(paragraphs))) is not None:
        return False
    return _release(data, symbol="") is not None


def _released_alone(release: PressRelease, symbol: str) -> bool:
    return bool(SPEECH_SYMBOL.fullmatch(normalise_symbol(symbol or release.meeting.symbol)))


def _looks_like_speech(paragraphs: tuple[str, ...], symbol: str) -> bool:
    head = "\n".join(paragraphs[:HEAD_PARAGRAPHS])
    if symbol and SPEECH_SYMBOL.fullmatch(normalise_symbol(symbol)):
        return True
    return bool(SPEECH_SYMBOL.search(head) or SPEECH_INTRODUCTION.search(head))
