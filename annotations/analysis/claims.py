"""Claims: one sentence per code built from the report's figures, with its quotes.

Every number in a claim's sentence is one of the report's (CodeCoverage,
Overview); the claim keeps them in `figures` so tests and readers can check.
"""

from __future__ import annotations

import datetime

from tracker.models import Meeting, RecordKind, SpeakerType

from ..reports.data import AgreementCode, CodeCoverage, Overview, Quote
from .document import Citations, Claim, QuoteBlock
from .wording import Wording

# Krippendorff's advice: conclusions only from alpha >= 0.667; below it, a caution.
LOW_ALPHA = 0.667

RECORD_KIND_WORDS = {
    RecordKind.PRESS_RELEASE: "UN Meetings Coverage press release",
    RecordKind.PRELIMINARY_RELEASE: "preliminary press release",
    RecordKind.SUMMARY: "summary of the meeting",
    RecordKind.SPEECH: "single speech",
    RecordKind.VERBATIM_RECORD: "verbatim record",
}


def record_kind_of(meeting: Meeting) -> str:
    """The kind of record a meeting was imported from, in words (Meeting.record_kind)."""
    return RECORD_KIND_WORDS.get(meeting.record_kind, "record of unstated kind")


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def day(value: datetime.date | datetime.datetime | None) -> str:
    if value is None:
        return "an unknown date"
    return f"{value.day} {value:%B %Y}"


def topic(name: str) -> str:
    """A code's name inside a sentence: "Prevention" → "prevention" (acronyms stay)."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def code_claim(
    *, wording: Wording, code: CodeCoverage, overview: Overview, meeting_id: int
) -> Claim:
    figures = {
        "statements": code.statements,
        "total_statements": overview.statements,
        "share_statements": code.share_of_statements,
        "speakers": code.speakers,
        "total_speakers": overview.speakers,
        "share_speakers": code.share_of_speakers,
        "member_states": code.by_speaker_type.get(SpeakerType.MEMBER_STATE, 0),
    }
    values = {
        **figures,
        "share_statements": percent(code.share_of_statements),
        "share_speakers": percent(code.share_of_speakers),
        "topic": topic(code.name),
        "code": code.name,
    }
    suffix = ".none" if code.statements == 0 else ""
    keys = [f"claim{suffix}.{code.slug}", f"claim{suffix}"]
    if code.statements and not figures["member_states"]:
        keys.insert(1, "claim.no-states")
    text = wording.first(keys, **values)
    return Claim(text=text, codes=[code.slug], figures=figures, meeting_id=meeting_id)


def quote_blocks(
    *, wording: Wording, quotes: list[Quote], symbol: str, citations: Citations
) -> list[QuoteBlock]:
    blocks = []
    for quote in quotes:
        values = {
            "speaker": quote.speaker,
            "delegation_part": f" ({quote.delegation})"
            if quote.delegation and quote.delegation not in quote.speaker
            else "",
            "symbol": symbol,
            "order": quote.statement_order,
        }
        citation = citations.add(
            speaker=quote.speaker,
            delegation=quote.delegation,
            symbol=symbol,
            statement_order=quote.statement_order,
            url=quote.url,
            label=wording.say("citation", **values),
            attribution=quote.speaker + values["delegation_part"],
        )
        blocks.append(
            QuoteBlock(
                text=quote.quote,
                citation=citation,
                annotation_id=quote.annotation_id,
                statement_id=quote.statement_id,
                start=quote.start,
                end=quote.end,
                statement_level=quote.statement_level,
            )
        )
    return blocks


def coefficient(value: float | None) -> str:
    """Two decimals, three where two would round up to the caution's threshold."""
    if value is None:
        return "–"
    return f"{value:.2f}" if round(value, 2) < LOW_ALPHA or value >= LOW_ALPHA else f"{value:.3f}"


def cautions(*, wording: Wording, agreement: AgreementCode | None, code_name: str) -> list[str]:
    """A caution where the analysts agree weakly on a code the claim rests on."""
    if agreement is None or agreement.statements_with_code == 0:
        return []
    alpha = agreement.krippendorff_alpha
    if alpha is None or alpha >= LOW_ALPHA:
        return []
    said = [
        wording.say(
            "caution.agreement",
            code=code_name,
            alpha=coefficient(alpha),
            units=agreement.units,
            percent=percent(agreement.percent_agreement),
        )
    ]
    if agreement.rare:
        said.append(wording.say("caution.rare", with_code=agreement.statements_with_code))
    return said
