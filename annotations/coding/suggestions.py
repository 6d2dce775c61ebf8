"""Keyword suggestions: passages the codebook's keywords point at, and what analysts made of them.

A code may list keywords and phrases (Code.keywords, one a line). Wherever one
occurs in a statement, the sentence around it is suggested for that code. The
analyst accepts a suggestion (it becomes an annotation with source
"suggestion") or dismisses it; either way the decision is kept, so a report can
say how useful the suggestions were, and the suggestion is not offered again.
Finding and counting suggestions is here; the decisions are written by
coding.services (suggestion_accept, suggestion_dismiss, suggestion_reopen).

Offsets are Unicode code points of Statement.text, as everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from tracker.models import Meeting, Statement

from ..codebook.selectors import scheme_for_meeting
from ..models import Annotation, Code, SuggestionDecision
from .spans import overlaps

# Any hyphen or dash in a keyword also matches a space, and the reverse: the UN
# releases write "victim‑centred" with a non-breaking hyphen (U+2011).
_JOINERS = "-\u2010\u2011\u2012\u2013\u2014 \t\n\u00a0"
_JOINER_CLASS = "[" + re.escape(_JOINERS) + "]+"
_APOSTROPHES = "['\u2019]"

# A full stop after one of these does not end a sentence ("Mr. Braz").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "art", "para", "paras", "e.g", "i.e"}
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+|\n\s*")
_OPENERS = '"“‘([«'


@dataclass(frozen=True)
class Suggestion:
    statement_id: int
    code: Code
    start: int
    end: int
    quote: str
    keyword: str
    # The code's keyword as the codebook lists it (`keyword` is the text that matched).
    listed: str = ""


@dataclass(frozen=True)
class SuggestionCount:
    code_slug: str
    code_name: str
    accepted: int
    dismissed: int


def _keyword_regex(keyword: str) -> str:
    parts = []
    for word in re.split(_JOINER_CLASS, keyword.strip()):
        parts.append(_APOSTROPHES.join(re.escape(piece) for piece in re.split(_APOSTROPHES, word)))
    return _JOINER_CLASS.join(parts)


@lru_cache(maxsize=512)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    """One case-insensitive pattern matching any of the keywords as whole words."""
    alternatives = [_keyword_regex(k) for k in sorted(keywords, key=len, reverse=True) if k]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=512)
def _leading_words(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The first word of each keyword, lower-cased: a cheap test before the full pattern."""
    words = (re.split(_JOINER_CLASS + "|" + _APOSTROPHES, k.strip())[0].lower() for k in keywords)
    return tuple(word for word in words if word)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, without surrounding white space."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 2].lstrip(_OPENERS)
        is_line_break = "\n" in match.group()
        if not is_line_break:
            word = re.search(r"([\w.]+)[.!?][\"”’)\]]*\s+$", text[start : match.end()])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if following and not (following[0].isupper() or following[0].isdigit()):
                continue
        end = match.start() + (0 if is_line_break else len(match.group().rstrip()))
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        segment = text[s:e]
        left = len(segment) - len(segment.lstrip())
        right = len(segment.rstrip())
        if right > left:
            trimmed.append((s + left, s + right))
    return trimmed


def suggestions_in_text(
    *,
    text: str,
    code: Code,
    sentences: list[tuple[int, int]] | None = None,
    lowered: str | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, keyword found) of every sentence in `text` that the code's keywords hit.

    `sentences` (sentence_spans(text)) and `lowered` (text.lower()) save working them out
    again for each code.
    """
    keywords = tuple(code.keyword_list)
    pattern = keyword_pattern(keywords)
    if pattern is None:
        return []
    lowered = text.lower() if lowered is None else lowered
    if not any(word in lowered for word in _leading_words(keywords)):
        return []
    if sentences is None:
        sentences = sentence_spans(text)
    found: dict[tuple[int, int], str] = {}
    for match in pattern.finditer(text):
        covering = [(s, e) for s, e in sentences if s < match.end() and e > match.start()]
        if not covering:
            continue
        span = (covering[0][0], covering[-1][1])
        found.setdefault(span, match.group())
    return [(start, end, keyword) for (start, end), keyword in found.items()]


def suggestable_codes(meeting: Meeting) -> list[Code]:
    scheme = scheme_for_meeting(meeting)
    return [
        code
        for code in Code.objects.filter(scheme=scheme, statement_level=False)
        .active()
        .exclude(keywords="")
        .in_codebook_order()
        if code.keyword_list
    ]


def listed_keyword(keywords: tuple[str, ...], found: str) -> str:
    """The code's keyword, as the codebook lists it, that matched the text `found`."""
    for keyword in keywords:
        pattern = keyword_pattern((keyword,))
        if pattern is not None and pattern.fullmatch(found):
            return keyword
    return found


OPEN, DECIDED, CODED = "open", "decided", "coded"


def suggestions_by_status(
    *,
    meeting: Meeting,
    analyst: AbstractBaseUser,
    statements: Iterable[Statement] | None = None,
    codes: list[Code] | None = None,
) -> dict[str, list[Suggestion]]:
    """Every suggestion for `analyst` in reading order, by status: open, already decided
    (accepted or dismissed) or already coded with that code (an overlapping annotation)."""
    codes = suggestable_codes(meeting) if codes is None else codes
    if statements is None:
        statements = Statement.objects.filter(meeting=meeting).order_by("order")
    statements = list(statements)
    decided = set(
        SuggestionDecision.objects.filter(
            analyst=analyst, statement__in=[s.pk for s in statements]
        ).values_list("statement_id", "code_id", "start", "end")
    )
    coded: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for statement_id, code_id, start, end in (
        Annotation.objects.live()
        .by(analyst)
        .filter(statement__in=[s.pk for s in statements], start__isnull=False)
        .values_list("statement_id", "code_id", "start", "end")
    ):
        coded.setdefault((statement_id, code_id), []).append((start, end))
    found: dict[str, list[Suggestion]] = {OPEN: [], DECIDED: [], CODED: []}
    for statement in statements:
        sentences = sentence_spans(statement.text)
        lowered = statement.text.lower()
        for code in codes:
            keywords = tuple(code.keyword_list)
            for start, end, keyword in suggestions_in_text(
                text=statement.text, code=code, sentences=sentences, lowered=lowered
            ):
                if (statement.pk, code.pk, start, end) in decided:
                    status = DECIDED
                elif overlaps(coded.get((statement.pk, code.pk), ()), start, end):
                    status = CODED
                else:
                    status = OPEN
                found[status].append(
                    Suggestion(
                        statement_id=statement.pk,
                        code=code,
                        start=start,
                        end=end,
                        quote=statement.text[start:end],
                        keyword=keyword,
                        listed=listed_keyword(keywords, keyword),
                    )
                )
    # Reading order: statement by statement, passage by passage.
    position = {statement.pk: index for index, statement in enumerate(statements)}
    for suggestions in found.values():
        suggestions.sort(key=lambda s: (position[s.statement_id], s.start, s.end, s.code.order))
    return found


def suggestions_for_meeting(
    *, meeting: Meeting, analyst: AbstractBaseUser, statements: Iterable[Statement] | None = None
) -> list[Suggestion]:
    """Open suggestions for `analyst`: not yet decided, and not already coded with that code."""
    return suggestions_by_status(meeting=meeting, analyst=analyst, statements=statements)[OPEN]


def suggestion_decisions(*, meeting: Meeting, analyst: AbstractBaseUser) -> dict[str, int]:
    """How many suggestions `analyst` accepted and dismissed in a meeting."""
    return SuggestionDecision.objects.filter(statement__meeting=meeting, analyst=analyst).aggregate(
        accepted=Count("pk", filter=Q(decision=SuggestionDecision.Decision.ACCEPTED)),
        dismissed=Count("pk", filter=Q(decision=SuggestionDecision.Decision.DISMISSED)),
    )


def suggestion_counts(*, meeting: Meeting | None = None) -> list[SuggestionCount]:
    """Accepted and dismissed suggestions per code (of one meeting, or of all)."""
    decisions = SuggestionDecision.objects.all()
    if meeting is not None:
        decisions = decisions.filter(statement__meeting=meeting)
    rows = (
        decisions.order_by("code__order", "code__slug")
        .values("code__slug", "code__name", "code__order")
        .annotate(
            accepted=Count("pk", filter=Q(decision=SuggestionDecision.Decision.ACCEPTED)),
            dismissed=Count("pk", filter=Q(decision=SuggestionDecision.Decision.DISMISSED)),
        )
    )
    return [
        SuggestionCount(
            code_slug=row["code__slug"],
            code_name=row["code__name"],
            accepted=row["accepted"],
            dismissed=row["dismissed"],
        )
        for row in rows
    ]
