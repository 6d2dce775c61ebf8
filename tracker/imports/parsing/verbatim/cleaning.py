"""Page text to the record's paragraphs: page furniture out, lines joined, words repaired.

Input is the text of each page (pages split by form feeds when the record comes as
text), a blank line where a paragraph starts. Output is the cover (for the header)
and the body's paragraphs, with nothing of a speech dropped: only whole lines that
are page furniture go, and a split word is joined only when the document itself
spells it whole elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .symbols import SYMBOL_RE, normalise_symbol
from .turns import TURN_START

JOB = r"\d{2}-\d{5}(?: ?\(E\))?"
PAGE_OF = r"\d{1,3}/\d{1,3}"
DAY_MONTH_YEAR = r"\d{2}/\d{2}/\d{4}"
# Whole lines that are furniture wherever they stand: job numbers, barcodes, page numbers.
FURNITURE_ANYWHERE = re.compile(
    rf"^(?:{JOB}|\*\d{{7,9}}\*|{PAGE_OF}|{JOB} {PAGE_OF}|{PAGE_OF} {JOB}|\d{{1,3}} {JOB}"
    rf"|{JOB} \d{{1,3}}|\d{{1,3}})$"
)
_BODY = r"(?:General Assembly|Security Council|Economic and Social Council|Trusteeship Council)"
# Running heads, only at the top or bottom of a page.
RUNNING_HEAD = re.compile(
    rf"^(?:\d{{1,3}} )?{_BODY}(?: ?[-–] ?| )[\w -]{{0,40}}(?:session|year|meeting)(?: \d{{1,3}})?$"
    rf"|^\d{{1,5}}(?:st|nd|rd|th) (?:plenary )?meeting\b.{{0,50}}\d{{4}}(?: \d{{1,3}})?$"
    rf"|^[A-Z][a-z]+(?:-[a-z]+)? [Yy]ear \d{{1,2}} [A-Z][a-z]+ \d{{4}}$"
    rf"|^{DAY_MONTH_YEAR}$",
    re.IGNORECASE,
)
BOILERPLATE_START = re.compile(r"This record (?:contains|is subject to correction)")
BOILERPLATE = re.compile(
    r"delivered in|Corrections?|original (?:language|speech)|in a copy of the record|"
    r"signature|delegation concerned|Verbatim Reporting|corrigendum|Official Records of|"
    r"Official Document System|documents\.un\.org|verbatimrecords@un\.org|"
    r"date of publication|^room [\w-]+\.$|^Distr\.",
    re.IGNORECASE,
)
# Sentences of that notice that are never speech, wherever the columns put them.
NOTICE = re.compile(
    r"Corrections should be (?:sent|submitted)|Chief of the Verbatim Reporting|"
    r"consolidated corrigendum|verbatimrecords@un\.org|Official Document System|"
    r"incorporated in a copy of the record"
)
# Lines of the cover that can land inside the first page's columns (A/48/PV.46).
COVER_LINE = re.compile(
    r"^(?:United Nations|Official Records|Provisional|New York|NEW YORK|PLENARY MEETING|"
    r"\d{1,5}(?:st|nd|rd|th)|\d{1,5}(?:st|nd|rd|th) (?:plenary )?meeting|_{3,}|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} \w+ \d{4}|"
    r"at \d{1,2}(?:\.\d\d)? [ap]\.m\.|"
    r"Distr\. GENERAL|[A-Z][A-Z -]+ SESSION)$"
)
BODY_START = re.compile(
    r"^(?:The meeting (?:was called to order|was opened|was resumed|opened)\b"
    r"|In the absence of the President\b)"
)
# Word endings that never stand alone: "participa-" + "tion" is one word.
SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ous", "ive", "ally")
FRENCH = {"le", "la", "les", "des", "du", "une", "est", "et", "que", "qui", "dans", "pour", "au"}
ENGLISH = {"the", "of", "and", "to", "is", "that", "in", "which", "for", "this", "be", "it"}


@dataclass(frozen=True)
class CleanRecord:
    symbol: str
    cover: str
    paragraphs: tuple[str, ...]
    pages: int
    dropped_french: int = 0


def clean_pages(pages: list[str], *, symbol: str = "") -> CleanRecord:
    """The cover and the body's paragraphs of a record given as the text of its pages."""
    symbol = symbol or first_symbol("\n".join(pages[:2]))
    page_lines = [strip_furniture(page.split("\n"), symbol) for page in pages]
    cover, body = split_cover(page_lines)
    body, french = drop_french(body)
    paragraphs = join_paragraphs(body)
    return CleanRecord(
        symbol=symbol,
        cover="\n".join(cover),
        paragraphs=tuple(repair_words(paragraphs)),
        pages=len(pages),
        dropped_french=french,
    )


def first_symbol(text: str) -> str:
    match = SYMBOL_RE.search(text)
    return normalise_symbol(match.group(0)) if match else ""


def is_running_head(line: str, symbol: str) -> bool:
    squeezed = re.sub(r"\s+", "", line)
    if symbol and symbol in squeezed and len(line) < 120:
        return True  # "S/PV.10100 The situation in Cyprus 30/01/2026", "A /76/ PV.102"
    return bool(RUNNING_HEAD.match(line))


def strip_furniture(lines: list[str], symbol: str) -> list[str]:
    """Drop whole furniture lines; heads and feet only among a page's first and last lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    edge = set(filled[:3] + filled[-3:])
    kept: list[str] = []
    for i, line in enumerate(lines):
        text = line.strip()
        alone = symbol and re.sub(r"\s+", "", text) == symbol  # the symbol on a line of its own
        if FURNITURE_ANYWHERE.match(text) or alone or (i in edge and is_running_head(text, symbol)):
            continue
        kept.append(text)
    return drop_boilerplate(kept)


def drop_boilerplate(lines: list[str]) -> list[str]:
    """The cover's notice on corrections ("This record contains …"), a run of its lines."""
    out: list[str] = []
    inside = False
    for line in lines:
        if BOILERPLATE_START.search(line):
            inside = True
            before = line[: BOILERPLATE_START.search(line).start()].strip()
            if before and not FURNITURE_ANYWHERE.match(before):
                out.append(before)
            continue
        if (inside and (not line or BOILERPLATE.search(line))) or NOTICE.search(line):
            continue
        inside = False
        out.append(line)
    return out


def split_cover(page_lines: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Cover lines (before the meeting is called to order, or before the first turn) and
    the body's pages. Cover lines that fall inside the first page's columns are dropped."""
    for marker in (BODY_START, TURN_START):
        for p, lines in enumerate(page_lines[:4]):
            for i, line in enumerate(lines):
                if marker.match(line):
                    cover = [ln for page in page_lines[:p] for ln in page] + lines[:i]
                    strays = [ln for ln in lines[i:] if COVER_LINE.match(ln)]
                    rest = [ln for ln in lines[i:] if not COVER_LINE.match(ln)]
                    return cover + strays, [rest, *page_lines[p + 1 :]]
    return [ln for ln in page_lines[0]], page_lines[1:]


def join_paragraphs(pages: list[list[str]]) -> list[str]:
    """Lines to paragraphs: a blank line ends one, unless the next line goes on in lower
    case (a paragraph broken by a page, a column or dropped furniture); a line that
    opens a speaker turn always starts one."""
    vocabulary = Counter(w.lower() for page in pages for ln in page for w in WORD.findall(ln))
    paragraphs: list[str] = []
    current = ""
    ended = False
    for line in (ln for page in pages for ln in page):
        if not line:
            ended = True
            continue
        goes_on = line[:1].islower() and not SENTENCE_END.search(current)
        if current and (TURN_START.match(line) or (ended and not goes_on)):
            paragraphs.append(current)
            current = ""
        ended = False
        current = join_line(current, line, vocabulary)
    if current:
        paragraphs.append(current)
    return paragraphs


WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def join_line(text: str, line: str, vocabulary: Counter) -> str:
    """Append a line; a soft hyphen or a line-end hyphen the document spells without
    ("Repub-lic") is removed, a real compound ("well-known") keeps its hyphen."""
    if not text:
        return line
    if text.endswith("\u00ad"):
        return text[:-1] + line
    if text.endswith("-") and line[:1].islower():
        head = WORD.findall(text[-30:])
        tail = WORD.findall(line[:30])
        whole = head and tail and vocabulary[(head[-1] + tail[0]).lower()] > 0
        if whole or (tail and tail[0].lower().startswith(SUFFIXES)):
            return text[:-1] + line
    if text.endswith("-") and not text.endswith(" -"):
        return text + line  # "well-known", "Secretary-General", "ES-11/1"
    return f"{text} {line}"


def drop_french(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """In a bilingual record (English and French side by side, as in 1950), keep English.

    Line by line, because a scan's text layer can run a French column into an English
    paragraph; only when a tenth of the lines read as French, so that an English record
    quoting a French phrase keeps it."""
    lines = [line for page in pages for line in page if line]
    french = sum(1 for line in lines if is_french(line))
    if french < max(5, len(lines) // 10):
        return pages, 0
    return [[line for line in page if not is_french(line)] for page in pages], french


def is_french(paragraph: str) -> bool:
    words = [w.lower() for w in WORD.findall(paragraph)]
    fr = sum(1 for w in words if w in FRENCH)
    en = sum(1 for w in words if w in ENGLISH)
    return fr >= 1 and fr > en


SPLIT = re.compile(r"\b([^\W\d_]+) (?=([^\W\d_]+)\b)")


def repair_words(paragraphs: list[str]) -> list[str]:
    """Join words the PDF layer splits ("I nternational", "cons ideration"): only when
    the joined word occurs whole in the document more often than split, and a piece occurs
    nowhere on its own ("per cent" stays: the UN writes it so)."""
    counts = Counter(w.lower() for p in paragraphs for w in WORD.findall(p))
    splits = Counter(
        (m.group(1).lower(), m.group(2).lower()) for p in paragraphs for m in SPLIT.finditer(p)
    )

    def join(match: re.Match) -> str:
        a, b = match.group(1).lower(), match.group(2).lower()
        whole = counts[a + b] > splits[(a, b)] and not match.group(2)[0].isupper()
        lone = counts[a] <= splits[(a, b)] or counts[b] <= splits[(a, b)]
        return match.group(1) if whole and lone else match.group(0)

    return [SPLIT.sub(join, p) for p in paragraphs]
