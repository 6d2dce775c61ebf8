"""Reading JSON a client sent: one rule for the API's bodies and the admin's fixtures.

Python's json module reads a document nested 10,000 deep only to fail with a
RecursionError, reads "\\ud800" into a string no database or UTF-8 encoder takes,
fails with a bare ValueError on an integer of more than 4,300 digits, and reads 1e999
as infinity.
Both are a client's mistake and get an answer naming the problem (a 400), never a
500 later on. The API reads bodies with it (tracker.web.parsers), the fixture loader its files.
"""

from __future__ import annotations

import json
import math
import re

# Deeper than any document the workbench takes (a fixture is 4 levels, an API body 3).
MAX_JSON_DEPTH = 32
# Longer than any number the workbench stores (ids, offsets, orders), and far below the
# 4,300 digits past which int() refuses.
MAX_NUMBER_CHARS = 100
_SURROGATE = re.compile("[\ud800-\udfff]")


class JSONInputError(ValueError):
    """The text is not JSON the workbench reads; the message says why."""


def loads(text: str, *, subject: str = "The JSON", max_depth: int = MAX_JSON_DEPTH) -> object:
    """`json.loads`, refusing deep nesting and lone surrogates with a clear message
    about `subject` ("The file", "The request body")."""
    try:
        data = json.loads(
            text, parse_constant=_no_constant, parse_int=_integer, parse_float=_fraction
        )
    except RecursionError:
        raise JSONInputError(f"{subject} is nested deeper than {max_depth} levels.") from None
    except json.JSONDecodeError as exc:
        raise JSONInputError(
            f"{subject} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    try:
        check(data, max_depth=max_depth)
    except JSONInputError as exc:
        raise JSONInputError(f"{subject} {exc}") from None
    return data


def _no_constant(name: str):
    raise JSONInputError(f"{name} is not a JSON number.")


def _short(text: str) -> str:
    if len(text) > MAX_NUMBER_CHARS:
        raise JSONInputError(
            f"A number of {len(text):,} characters is longer than the {MAX_NUMBER_CHARS} "
            "the workbench reads."
        )
    return text


def _integer(text: str) -> int:
    return int(_short(text))


def _fraction(text: str) -> float:
    value = float(_short(text))
    if not math.isfinite(value):
        raise JSONInputError(f"{text} is beyond the range of a JSON number.")
    return value


def check(data: object, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Walk `data` (without recursion): nesting at most `max_depth`, no lone surrogate.
    The messages leave out their subject ("is nested deeper than…")."""
    pending: list[tuple[object, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_text(value)
            continue
        if not isinstance(value, (list, dict)):
            continue
        if depth > max_depth:
            raise JSONInputError(f"is nested deeper than {max_depth} levels.")
        if isinstance(value, dict):
            for key, item in value.items():
                _check_text(key)
                pending.append((item, depth + 1))
        else:
            pending.extend((item, depth + 1) for item in value)


def _check_text(text: str) -> None:
    match = _SURROGATE.search(text)
    if match:
        raise JSONInputError(
            f"holds a lone surrogate (\\u{ord(match.group()):04x}), "
            "which is not a character: "
            f"{text[max(0, match.start() - 20) : match.start()]!r}…"
        )
