"""Importers of meeting records: pure Python, text in, plain data out, no ORM.

    parse_press_release(text_or_bytes)  a UN Meetings Coverage release (text or HTML)
    parse_single_speech(text_or_bytes)  one speech, page clutter stripped
    parse_summary(text_or_bytes, …)     a summary: statements of the speakers it names
    normalise_delegation(name)          one name per State, observer or UN entity
    apply_corrections(release, …)       the analyst's corrections from the preview

tracker.services saves the result.
"""

from .corrections import apply_corrections
from .delegations import normalise_delegation
from .fixture import meeting_fixture
from .press_release import parse_press_release
from .records import (
    KINDS,
    PRESS_RELEASE,
    SPEECH,
    ImportProblem,
    ImportWarning,
    MeetingHeader,
    Note,
    PressRelease,
    Speaker,
    Statement,
)
from .source import normalise_text
from .speech import parse_single_speech
from .summary import parse_summary


def parse(data: bytes | str, *, kind: str = PRESS_RELEASE, symbol: str = "") -> PressRelease:
    """Parse a release or a single speech, as `kind` says."""
    if kind == SPEECH:
        return parse_single_speech(data, symbol=symbol)
    if kind != PRESS_RELEASE:
        raise ImportProblem(f"Unknown kind of import “{kind}”: use press_release or speech.")
    return parse_press_release(data, symbol=symbol)


__all__ = [
    "KINDS",
    "PRESS_RELEASE",
    "SPEECH",
    "ImportProblem",
    "ImportWarning",
    "MeetingHeader",
    "Note",
    "PressRelease",
    "Speaker",
    "Statement",
    "apply_corrections",
    "meeting_fixture",
    "normalise_delegation",
    "normalise_text",
    "parse",
    "parse_press_release",
    "parse_single_speech",
    "parse_summary",
]
