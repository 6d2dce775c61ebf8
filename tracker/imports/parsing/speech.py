"""One speech, often republished by a news site with its clutter around it.

The speech is the run of prose paragraphs after an introduction such as "The following
is the speech of the UN Deputy Secretary-General Amina Mohamed …:", up to "For
information media. Not an official record." or the site's footer. The analyst names
the speaker and trims the text in the preview; the parser only suggests both.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from . import gazetteer as g
from .affiliation import speaker_type, split_affiliation
from .header import END_MARKER, SYMBOL, header_items, is_noise, looks_like_headline, parse_date
from .names import HONORIFIC, gender_from_pronouns, honorific_gender, pronoun_counts
from .officials import known_official
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
    r"(?:following\s+(?:is|are)|the\s+following\s+(?:\w+\s+){0,2}(?:was|were|is)\s+"
    r"(?:issued|delivered|made|given|read)|here\s+is|below\s+is|full\s+text\s+of|text\s+of|"
    r"remarks\s+by|statement\s+by|speech\s+(?:of|by)|address\s+by|delivered|said|says)\b"
    r"[^:]*:\s*$",
    re.I,
)
_OFFICE = (
    r"(?:Deputy\s+|Under-|Assistant\s+)?Secretary[-\u2010\u2011]General|President\s+of\s+the\s+"
    r"(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council)|"
    r"General\s+Assembly\s+President|Executive\s+Director\s+of\s+[A-Z][\w-]+|"
    r"High\s+Commissioner\s+for\s+(?:Human\s+Rights|Refugees)|"
    r"Special\s+(?:Representative|Rapporteur|Envoy)\s+(?:of|on|for)\s+[^,:]+?"
)
_NAME = r"(?:[A-ZÀ-Ý][\w’'\-\u2011]*\.?\s+){0,3}[A-ZÀ-Ý][\w’'\-\u2011]+"
# "UN Secretary-General António Guterres’ remarks", "the speech of the UN Deputy
# Secretary-General Amina Mohamed at…", "the Spokesperson for UN Secretary-General …:"
_OFFICE_THEN_NAME = re.compile(
    rf"(?:\bUN\s+|\bthe\s+|\b)(?P<role>{_OFFICE})(?:\s+of\s+the\s+United\s+Nations)?,?\s+"
    rf"(?P<name>{_NAME})(?=’s?\b|'s\b|’|,|:|\s+(?:at|to|on|in|before|for|during|was|were)\b|$)"
)
# "the statement by Sima Bahous, Executive Director of UN-Women, at…"
_NAME_THEN_OFFICE = re.compile(
    rf"\b(?:by|of|from)\s+(?P<name>{_NAME}),\s+(?P<role>[^,:]{{3,120}}?)(?=,|:|\s+(?:at|to|on|in|before)\b)"
)
_SPOKESPERSON = re.compile(r"\bSpokes(?:person|man|woman)\s+for\b", re.I)
_SALUTATION_END = (".", "!", "?", "”", '"', ".’", ",", ":")
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
    title = _title(paragraphs[: max(start, 1)], source.page_title)
    date = next((d for p in paragraphs[: max(start, 1)] if (d := parse_date(p))), None)
    suggestion = _suggested_speaker(introduction or title, date=date)
    speaker, role, delegation, kind = (
        suggestion.name,
        suggestion.role,
        suggestion.delegation,
        suggestion.type,
    )
    found_symbol = next((m.group(1) for p in paragraphs[:start] if (m := SYMBOL.search(p))), "")
    symbol = re.sub(r"\s+", "", symbol or found_symbol).upper()
    warnings = [
        ImportWarning(
            "Check where the speech begins and ends: trim anything that is not the speech.",
            statement=1,
        )
    ]
    if _SPOKESPERSON.search(introduction):
        warnings.append(
            ImportWarning(
                "The statement was issued by the Spokesperson on the speaker's behalf.",
                statement=1,
            )
        )
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
        speaker=Speaker(name=speaker, gender=suggestion.gender, type=kind) if speaker else None,
        delegation=delegation,
        role=role,
        on_behalf_of="",
        speaker_type=kind,
        text="\n\n".join(body),
        gender=suggestion.gender,
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
    # No introduction: the longest run of speech, salutations ("Excellencies,") and short
    # sentences ("Thank you.") included, so that no first paragraph is lost.
    best, best_length, run_start, run_length = 0, 0, None, 0
    for index, paragraph in enumerate(paragraphs + [""]):
        if _speechlike(paragraph):
            if run_start is None:
                run_start, run_length = index, 0
            run_length += len(paragraph)
        elif run_start is not None:
            if run_length > best_length:
                best, best_length = run_start, run_length
            run_start = None
    return best


def _end(paragraphs: list[str], start: int) -> int:
    end = len(paragraphs)
    for index in range(start, len(paragraphs)):
        paragraph = paragraphs[index]
        if END_MARKER.match(paragraph) or is_noise(paragraph):
            end = index
            break
        if index > start and _CLUTTER.search(paragraph) and len(paragraph) < 300:
            end = index
            break
    # Topic tags and sidebar lines after the last sentence are not speech.
    while end > start + 1 and not _speechlike(paragraphs[end - 1]):
        end -= 1
    return end


def _speechlike(paragraph: str) -> bool:
    text = paragraph.rstrip()
    if not text or is_noise(text) or header_items(text) is not None:
        return False
    if _CLUTTER.search(text) and len(text) < 300:
        return False
    return text.endswith(_SALUTATION_END)


def _is_prose(paragraph: str) -> bool:
    return (
        len(paragraph) >= 120
        and paragraph.rstrip().endswith((".", "!", "?", "”", '"', ".’"))
        and not _CLUTTER.search(paragraph)
    )


@dataclass(frozen=True)
class _Suggestion:
    name: str = ""
    role: str = ""
    delegation: str = ""
    type: str = OTHER
    gender: str = UNKNOWN


def _suggested_speaker(text: str, *, date: datetime.date | None) -> _Suggestion:
    """Who the introduction says is speaking, by office and name; the UN's spelling and
    the gender from the record of who held the office."""
    match = _OFFICE_THEN_NAME.search(text) or _NAME_THEN_OFFICE.search(text)
    if not match:
        return _Suggestion()
    name = g.normalise_space(match.group("name"))
    role = g.normalise_space(match.group("role"))
    if role == "General Assembly President":
        role = "President of the General Assembly"
    official = known_official(name, role, date=date)
    name = official.name if official else name
    gender = official.gender if official else _gender_in(text)
    role_with_body = role
    if "Secretary-General" in role and "United Nations" not in role:
        role_with_body = f"{role} of the United Nations"
    _, delegation = split_affiliation(role_with_body)
    kind = speaker_type(role=role_with_body, delegation=delegation)
    return _Suggestion(name, role, delegation, kind, gender)


def _gender_in(text: str) -> str:
    honorific = re.search(rf"\b({HONORIFIC})\.?\s+[A-Z]", text)
    if honorific and honorific_gender(honorific.group(1)) != UNKNOWN:
        return honorific_gender(honorific.group(1))
    return gender_from_pronouns(*pronoun_counts(text))


def _title(paragraphs: list[str], page_title: str) -> str:
    """The page's title, or the headline before the speech."""
    candidates = [
        p
        for p in paragraphs
        if not is_noise(p) and header_items(p) is None and looks_like_headline(p)
    ]
    title = page_title or (candidates[0] if candidates else (paragraphs[0] if paragraphs else ""))
    return _SITE_SUFFIX.sub("", g.normalise_space(title))[:500]
