"""One speech, often republished by a news site with its clutter around it.

The speech is the run of prose paragraphs after an introduction such as "The following
is the speech of the UN Deputy Secretary-General Amina Mohamed …:", up to "For
information media. Not an official record." or the site's footer. The analyst names
the speaker and trims the text in the preview; the parser only suggests both.
"""

from __future__ import annotations

import re

from . import gazetteer as g
from .affiliation import speaker_type, split_affiliation
from .header import END_MARKER, SYMBOL, is_noise, parse_date
from .records import (
    OTHER,
    SPEECH,
    UNKNOWN,
    ImportProblem,
    ImportWarning,
    MeetingHeader,
    PressRelease,
    Speaker,
    Statement,
)
from .source import read_source

_INTRODUCTION = re.compile(
    r"(?:following\s+is|here\s+is|below\s+is|full\s+text\s+of|text\s+of|remarks\s+by|"
    r"statement\s+by|speech\s+(?:of|by)|address\s+by|delivered|said|says)\b[^:]*:\s*$",
    re.I,
)
_SPEAKER_IN_INTRODUCTION = re.compile(
    r"(?:speech|remarks|statement|address|message)\s+(?:of|by)\s+(?:the\s+)?(?:UN\s+)?"
    r"(?P<role>(?:Deputy\s+|Under-|Assistant\s+)?Secretary-General|President\s+of\s+the\s+"
    r"(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)|"
    r"Executive\s+Director\s+of\s+[A-Z][\w-]+|High\s+Commissioner\s+for\s+[A-Z]\w+)"
    r"(?:\s+of\s+the\s+United\s+Nations)?,?\s+(?P<name>(?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+)"
)
_CLUTTER = re.compile(
    r"\b(?:terms and conditions|cookies?|privacy|subscribe|newsletter|sign (?:in|up)|log in|"
    r"your account|create a new account|find help|learn more|visit|read more|follow us|"
    r"all rights reserved|copyright|advertis\w+|related (?:articles|stories)|share this|"
    r"job opportunities|training opportunities|API documentation)\b",
    re.I,
)
_SITE_SUFFIX = re.compile(r"\s*[-|–—]\s*[^-|–—]{1,40}\|\s*[^|]{1,40}$|\s+[|–—]\s+[^|–—]{1,40}$")


def parse_single_speech(data: bytes | str, *, symbol: str = "") -> PressRelease:
    """One speech as a release with one statement; the speaker is a suggestion."""
    source = read_source(data)
    paragraphs = [p.strip() for p in source.paragraphs if p.strip()]
    start = _start(paragraphs)
    end = _end(paragraphs, start)
    body = paragraphs[start:end]
    if not body or sum(len(p) for p in body) < 80:
        raise ImportProblem(
            "No speech was found in this text: paste the speech itself (a few paragraphs of "
            "prose), or import the meeting's press release instead."
        )
    introduction = paragraphs[start - 1] if start > 0 else ""
    speaker, role, delegation, kind = _suggested_speaker(introduction + " " + paragraphs[0])
    title = _title(paragraphs, source.page_title)
    date = next((d for p in paragraphs[: max(start, 1)] if (d := parse_date(p))), None)
    found_symbol = next((m.group(1) for p in paragraphs[:start] if (m := SYMBOL.search(p))), "")
    symbol = re.sub(r"\s+", "", symbol or found_symbol).upper()
    warnings = [
        ImportWarning(
            "Check where the speech begins and ends: trim anything that is not the speech.",
            statement=1,
        )
    ]
    if not speaker:
        warnings.append(
            ImportWarning("Name the speaker: the text does not.", statement=1, field="speaker_name")
        )
    if not symbol:
        warnings.append(
            ImportWarning("Give the meeting a symbol, e.g. DSG/SM/1700.", field="symbol")
        )
    if date:
        warnings.append(
            ImportWarning(
                f"The date {date:%d %B %Y} comes from the page around the speech: check that it "
                "is the meeting's date.",
                field="date",
            )
        )
    statement = Statement(
        order=1,
        segment="",
        speaker=Speaker(name=speaker, gender=UNKNOWN, type=kind) if speaker else None,
        delegation=delegation,
        role=role,
        on_behalf_of="",
        speaker_type=kind,
        text="\n\n".join(body),
    )
    meeting = MeetingHeader(
        symbol=symbol,
        body=g.body_for_symbol(symbol),
        title=title,
        date=date,
        source_url=source.source_url,
    )
    return PressRelease(
        meeting=meeting,
        statements=(statement,),
        warnings=tuple(warnings),
        kind=SPEECH,
        source=source.text,
    )


def _start(paragraphs: list[str]) -> int:
    for index, paragraph in enumerate(paragraphs[:-1]):
        if _INTRODUCTION.search(paragraph) and len(paragraph) < 400:
            return index + 1
    # No introduction: the first paragraph of the longest run of prose.
    best, best_length, run_start, run_length = 0, 0, None, 0
    for index, paragraph in enumerate(paragraphs + [""]):
        if _is_prose(paragraph):
            if run_start is None:
                run_start, run_length = index, 0
            run_length += len(paragraph)
        elif run_start is not None:
            if run_length > best_length:
                best, best_length = run_start, run_length
            run_start = None
    return best


def _end(paragraphs: list[str], start: int) -> int:
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        if END_MARKER.match(paragraph) or is_noise(paragraph):
            return index
        if index > start and _CLUTTER.search(paragraph) and len(paragraph) < 300:
            return index
    return len(paragraphs)


def _is_prose(paragraph: str) -> bool:
    return (
        len(paragraph) >= 120
        and paragraph.rstrip().endswith((".", "!", "?", "”", '"', ".’"))
        and not _CLUTTER.search(paragraph)
    )


def _suggested_speaker(text: str) -> tuple[str, str, str, str]:
    match = _SPEAKER_IN_INTRODUCTION.search(text)
    if not match:
        return "", "", "", OTHER
    name = g.normalise_space(match.group("name"))
    role = g.normalise_space(match.group("role"))
    role_with_body = role if "United Nations" in role else f"{role} of the United Nations"
    if "Secretary-General" not in role:
        role_with_body = role
    _, delegation = split_affiliation(role_with_body)
    return name, role, delegation, speaker_type(role=role_with_body, delegation=delegation)


def _title(paragraphs: list[str], page_title: str) -> str:
    title = page_title or (paragraphs[0] if paragraphs else "")
    return _SITE_SUFFIX.sub("", g.normalise_space(title))[:500]
