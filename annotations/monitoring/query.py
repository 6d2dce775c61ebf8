"""The search query language, parsed once and written out for each database.

    trafficking                  the word (accents, case and typography ignored)
    "victim centred"             a phrase (victim‑centred and victim-centred match too)
    traffick*                    words beginning so
    survivor OR victim           either
    women -girls / women NOT girls   women, not girls
    (survivor OR victim) women   grouping; words side by side must all occur

Pure: no Django, no ORM. `to_tsquery` writes PostgreSQL's to_tsquery('simple', …) text,
`to_fts5` SQLite FTS5's MATCH text, and `first_match` finds where in a statement the
query matched, for the concordance (offsets in code points of the statement text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.search.folding import fold, fold_table, words

MAX_LENGTH = 500
MAX_TERMS = 30


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in the analyst's words."""


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class All:
    included: tuple  # of nodes, all required
    excluded: tuple = ()  # of nodes, none may occur


@dataclass(frozen=True)
class AnyOf:
    options: tuple


TOKEN = re.compile(r'\s*(?:(")([^"]*)("?)|(\()|(\))|(-)(?=\S)|([^\s()"]+))')


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        quote, phrase, closing, opening, closing_paren, minus, bare = match.groups()
        if quote:
            if not closing:
                raise QueryError("A quotation mark is not closed: close the phrase with another.")
            tokens.append(("phrase", phrase))
        elif opening or closing_paren or minus:
            tokens.append(((opening or closing_paren or minus), ""))
        elif bare in ("OR", "AND", "NOT"):
            tokens.append((bare, ""))
        else:
            tokens.append(("word", bare))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens, self.at, self.terms = tokens, 0, 0

    def peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def any_of(self):
        options = [self.all_of()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR"):
                raise QueryError("OR needs something to search for on both sides.")
            options.append(self.all_of())
        return options[0] if len(options) == 1 else AnyOf(tuple(options))

    def all_of(self):
        included, excluded = [], []
        while self.peek() not in (None, ")", "OR"):
            kind = self.peek()
            if kind == "AND":
                self.take()
                continue
            negated = kind in ("-", "NOT")
            if negated:
                self.take()
                if self.peek() in (None, ")", "OR", "AND", "NOT", "-"):
                    raise QueryError("NOT (or -) needs a word or phrase after it.")
            node = self.atom()
            if node is not None:
                (excluded if negated else included).append(node)
        if not included:
            raise QueryError(
                "Say what to find, not only what to leave out: "
                "add a word that is not excluded (NOT or -)."
                if excluded
                else "Type a word or a “quoted phrase” to search for."
            )
        if len(included) == 1 and not excluded:
            return included[0]
        return All(tuple(included), tuple(excluded))

    def atom(self):
        kind, text = self.take()
        if kind == "(":
            node = self.any_of()
            if self.peek() != ")":
                raise QueryError("A bracket is not closed: add “)”.")
            self.take()
            return node
        if kind == ")":
            raise QueryError("A closing bracket “)” has no opening one.")
        return self.phrase(text, prefix=kind == "word" and text.endswith("*"))

    def phrase(self, text: str, *, prefix: bool) -> Phrase | None:
        found = tuple(word for word, _, _ in words(text.rstrip("*") if prefix else text))
        if not found:
            return None  # punctuation only: nothing to look for
        self.terms += len(found)
        if self.terms > MAX_TERMS:
            raise QueryError(f"The query has more than {MAX_TERMS} words: shorten it.")
        return Phrase(found, prefix)


def parse(text: str | None) -> object:
    """The query as a tree of Phrase, All and AnyOf; QueryError says what is wrong."""
    text = (text or "").strip()
    if not text:
        raise QueryError("Type a word or a “quoted phrase” to search for.")
    if len(text) > MAX_LENGTH:
        raise QueryError(f"The query is longer than {MAX_LENGTH} characters: shorten it.")
    parser = _Parser(_tokens(text))
    tree = parser.any_of()
    if parser.peek() == ")":
        raise QueryError("A closing bracket “)” has no opening one.")
    return tree


# Writing the tree out. Words are runs of letters and digits (folded), so quoting them
# is enough: no operator of either language can hide in one.


def to_tsquery(node) -> str:
    if isinstance(node, Phrase):
        parts = [f"'{w}'" for w in node.words]
        if node.prefix:
            parts[-1] += ":*"
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"
    if isinstance(node, AnyOf):
        return "(" + " | ".join(to_tsquery(n) for n in node.options) + ")"
    parts = [to_tsquery(n) for n in node.included] + [f"!{to_tsquery(n)}" for n in node.excluded]
    return "(" + " & ".join(parts) + ")"


def to_fts5(node) -> str:
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"' + (" *" if node.prefix else "")
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(to_fts5(n) for n in node.options) + ")"
    text = "(" + " AND ".join(to_fts5(n) for n in node.included) + ")"
    for excluded in node.excluded:
        text = f"({text} NOT {to_fts5(excluded)})"
    return text


# Matching in Python: what the concordance highlights, and a reference for the tests.


def _phrase_spans(phrase: Phrase, found: list[tuple[str, int, int]]):
    size = len(phrase.words)
    for i in range(len(found) - size + 1):
        window = found[i : i + size]
        *whole, last = phrase.words
        if all(w == f[0] for w, f in zip(whole, window, strict=False)) and (
            window[-1][0].startswith(last) if phrase.prefix else window[-1][0] == last
        ):
            yield window[0][1], window[-1][2]


def _positive_phrases(node):
    if isinstance(node, Phrase):
        yield node
    elif isinstance(node, AnyOf):
        for option in node.options:
            yield from _positive_phrases(option)
    else:
        for included in node.included:
            yield from _positive_phrases(included)


def first_match(node, text: str) -> tuple[int, int] | None:
    """The earliest (start, end) in `text` where a word or phrase the query asks for occurs."""
    found = words(text)
    spans = [s for p in _positive_phrases(node) for s in _phrase_spans(p, found)]
    return min(spans) if spans else None


# A word is a maximal run of letters and digits of the folded text (folding.WORD): one
# not preceded / followed by another such character; the words of a phrase are separated
# by what is not one.
_NOT_AFTER_WORD, _NOT_BEFORE_WORD, _BETWEEN = r"(?<![^\W_])", r"(?![^\W_])", r"[\W_]+"


def _phrase_pattern(phrase: Phrase) -> re.Pattern:
    *whole, last = (re.escape(w) for w in phrase.words)
    end = last + r"[^\W_]*" if phrase.prefix else last + _NOT_BEFORE_WORD
    return re.compile(_NOT_AFTER_WORD + _BETWEEN.join([*whole, end]))


@cache
def _whole_table() -> str:
    """folding's table as a string indexed by code point over the whole BMP: `translate`
    then never looks a character up in vain (a KeyError per unlisted character made
    `fold` 2× slower); characters past the BMP stay as they are, as in `fold`."""
    mapped = {ord(s): t for s, t in zip(*fold_table(), strict=True)}
    return "".join(mapped.get(c, chr(c)) for c in range(0x10000))


def _fold(text: str) -> str:
    """`fold(text)`, faster."""
    lowered = text.translate(_whole_table()).lower()
    return lowered if len(lowered) == len(text) else fold(text)


def match_finder(node):
    """`first_match(node, text)` as a function of `text`, its patterns compiled once: one
    regular-expression search per phrase of the folded text instead of a walk over its
    words (a download cuts a concordance line for every one of ~500,000 hits)."""
    # Each pattern with its first word: str.find skips to where a match can begin (the
    # pattern's look-behind sees the text before that position).
    patterns = {_phrase_pattern(p): p.words[0] for p in _positive_phrases(node)}

    def find(text: str) -> tuple[int, int] | None:
        folded, found = _fold(text), []
        for pattern, first in patterns.items():
            at = folded.find(first)
            match = pattern.search(folded, at) if at >= 0 else None
            if match is not None:
                found.append(match.span())
        return min(found) if found else None

    return find


def matches(node, text: str) -> bool:
    """Whether `text` satisfies the query: the reference the databases are tested against."""
    found = words(text)
    if isinstance(node, Phrase):
        return next(_phrase_spans(node, found), None) is not None
    if isinstance(node, AnyOf):
        return any(matches(option, text) for option in node.options)
    return all(matches(n, text) for n in node.included) and not any(
        matches(n, text) for n in node.excluded
    )


def describe(node) -> str:
    """The query as the page repeats it back: "victim centred" OR survivor*."""
    if isinstance(node, Phrase):
        text = " ".join(node.words) + ("*" if node.prefix else "")
        return f"“{text}”" if len(node.words) > 1 else text
    if isinstance(node, AnyOf):
        return " OR ".join(describe(n) for n in node.options)
    parts = [describe(n) for n in node.included] + [f"NOT {describe(n)}" for n in node.excluded]
    return " ".join(f"({p})" if " OR " in p else p for p in parts)


__all__ = [
    "QueryError", "first_match", "fold", "match_finder", "matches", "parse", "to_fts5",
    "to_tsquery",
]  # fmt: skip
