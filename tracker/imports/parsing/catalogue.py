"""The kinds of meeting record an analyst can import, each with its parser.

The faces read this list instead of naming kinds themselves: the import page offers its
choices ("Detect automatically" first) and keeps the detected one through the preview,
the API and `import_record` validate `kind` against it, and `parse` dispatches through
it. A new kind of record is its parser module plus one entry here (and, for `auto`, its
signs in detection.py).

    parse(data, kind="auto", symbol="", date=None)   bytes or text → PressRelease

tracker.imports.saving.record_save saves the result.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from .corrections import apply_corrections
from .detection import detect_and_parse, is_pdf
from .press_release import parse_press_release
from .records import (
    PRELIMINARY_RELEASE,
    PRESS_RELEASE,
    SPEECH,
    SUMMARY,
    ImportProblem,
    PressRelease,
)
from .source import read_source
from .speech import parse_single_speech
from .summary import parse_summary
from .verbatim import VERBATIM_RECORD, looks_like_verbatim_record, parse_verbatim_record

AUTO = "auto"
AUTO_LABEL = "Detect automatically"


@dataclass(frozen=True)
class ImportKind:
    name: str
    label: str  # as the import page offers it
    parse: Callable[..., PressRelease]  # (data, *, symbol="") → PressRelease
    # One statement whose text the analyst trims in the preview (a release's text is
    # evidence and is kept as printed).
    one_statement: bool = False
    # Offered as a choice; a preliminary release is found by the press release's parser.
    offered: bool = True


def _summary(data: bytes | str, *, symbol: str = "") -> PressRelease:
    return parse_summary(data, symbol=symbol)


IMPORT_KINDS = (
    ImportKind(
        PRESS_RELEASE,
        "A UN Meetings Coverage press release (GA/…, SC/…, WOM/…)",
        parse_press_release,
    ),
    ImportKind(
        VERBATIM_RECORD,
        "A verbatim record (S/PV.…, A/…/PV.…): the UN's PDF or its text",
        parse_verbatim_record,
    ),
    ImportKind(
        SUMMARY,
        "A summary of a meeting (what named speakers said, no statement-by-statement part)",
        _summary,
    ),
    ImportKind(
        SPEECH,
        "A single speech (one statement; SG/SM/… or a copy of a speech)",
        parse_single_speech,
        one_statement=True,
    ),
    ImportKind(
        PRELIMINARY_RELEASE,
        "A preliminary press release (the complete summary follows)",
        parse_press_release,
        offered=False,
    ),
)
KIND_NAMES = tuple(kind.name for kind in IMPORT_KINDS)
OFFERED_KINDS = tuple(kind for kind in IMPORT_KINDS if kind.offered)
# What an analyst may ask for: the offered kinds, or detection.
CHOICES = ((AUTO, AUTO_LABEL), *((kind.name, kind.label) for kind in OFFERED_KINDS))
CHOICE_NAMES = tuple(name for name, _ in CHOICES)


def import_kind(name: str) -> ImportKind:
    for kind in IMPORT_KINDS:
        if kind.name == name:
            return kind
    raise ImportProblem(f"Unknown kind of import “{name}”: use {' or '.join(CHOICE_NAMES)}.")


def parse(
    data: bytes | str,
    *,
    kind: str = AUTO,
    symbol: str = "",
    date: datetime.date | None = None,
) -> PressRelease:
    """Parse a record of the kind `kind` names, or of the kind it is (`auto`). A symbol or
    date given here is the analyst's and takes precedence over the text's."""
    if kind == AUTO:
        release = detect_and_parse(data, symbol=symbol, date=date)
    else:
        chosen = import_kind(kind)
        _refuse_a_record_as_another_kind(data, chosen)
        release = chosen.parse(data, symbol=symbol)
    if date is not None and release.meeting.date != date:
        release = apply_corrections(release, meeting={"date": date})
    return release


def _refuse_a_record_as_another_kind(data: bytes | str, chosen: ImportKind) -> None:
    if chosen.name == VERBATIM_RECORD:
        return
    if is_pdf(data):
        raise ImportProblem(
            "This is a PDF: only verbatim records (S/PV.…, A/…/PV.…) are imported from PDFs. "
            "Choose “Verbatim record” or “Detect automatically”, or paste the text of a "
            f"{chosen.name.replace('_', ' ')}."
        )
    if looks_like_verbatim_record(read_source(data).text):
        raise ImportProblem(
            f"This is a verbatim record (S/PV.…, A/…/PV.…), not a "
            f"{chosen.name.replace('_', ' ')}: choose “Verbatim record” or “Detect "
            "automatically”."
        )
