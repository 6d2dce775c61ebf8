"""The kinds of meeting record an analyst can import, each with its parser.

The faces read this list instead of naming kinds themselves: the import page offers its
choices and keeps the chosen one through the preview, the API validates `kind` against
it, and `parse` dispatches through it. A new kind of record is its parser module plus one
entry here.

    parse(data, kind=…, symbol=…)   text or bytes → PressRelease (plain data)

tracker.imports.saving saves the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .press_release import parse_press_release
from .records import PRESS_RELEASE, SPEECH, ImportProblem, PressRelease
from .speech import parse_single_speech


@dataclass(frozen=True)
class ImportKind:
    name: str
    label: str  # as the import page offers it
    parse: Callable[..., PressRelease]  # (data, *, symbol="") → PressRelease
    # One statement whose text the analyst trims in the preview (a release's text is
    # evidence and is kept as printed).
    one_statement: bool = False


IMPORT_KINDS = (
    ImportKind(
        PRESS_RELEASE,
        "A UN Meetings Coverage press release (GA/…, SC/…, WOM/…)",
        parse_press_release,
    ),
    ImportKind(
        SPEECH,
        "A single speech (one statement; you name the speaker)",
        parse_single_speech,
        one_statement=True,
    ),
)
KIND_NAMES = tuple(kind.name for kind in IMPORT_KINDS)


def import_kind(name: str) -> ImportKind:
    for kind in IMPORT_KINDS:
        if kind.name == name:
            return kind
    raise ImportProblem(f"Unknown kind of import “{name}”: use {' or '.join(KIND_NAMES)}.")


def parse(data: bytes | str, *, kind: str = PRESS_RELEASE, symbol: str = "") -> PressRelease:
    """Parse a record of the kind `kind` names."""
    return import_kind(kind).parse(data, symbol=symbol)
