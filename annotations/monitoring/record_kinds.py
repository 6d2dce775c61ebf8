"""The kind of record a meeting comes from, until Meeting.record_kind exists.

`record_kind_of(meeting)` and `record_kind_filter(kind)` are the only two places that
know: the integrator switches both to the field (`meeting.record_kind`,
`Q(meeting__record_kind=kind)`) and nothing else changes.
"""

from __future__ import annotations

from django.db.models import Q

PRESS_RELEASE = "press_release"
VERBATIM_RECORD = "verbatim_record"
SPEECH = "speech"
RECORD_KINDS = {
    PRESS_RELEASE: "Meetings coverage (press release)",
    VERBATIM_RECORD: "Verbatim record (S/PV…, A/…/PV…)",
    SPEECH: "Single speech (SG/SM/…)",
}


def record_kind_of(meeting) -> str:
    symbol = meeting.symbol.upper()
    if "/PV." in symbol or symbol.startswith("S/PV"):
        return VERBATIM_RECORD
    if symbol.startswith("SG/SM/"):
        return SPEECH
    return PRESS_RELEASE


def record_kind_filter(kind: str, prefix: str = "meeting__") -> Q:
    """Statements (or, with prefix="", meetings) of records of this kind."""
    symbol = f"{prefix}symbol"
    verbatim = Q(**{f"{symbol}__icontains": "/PV."}) | Q(**{f"{symbol}__istartswith": "S/PV"})
    speech = Q(**{f"{symbol}__istartswith": "SG/SM/"})
    if kind == VERBATIM_RECORD:
        return verbatim
    if kind == SPEECH:
        return speech & ~verbatim
    return ~verbatim & ~speech
