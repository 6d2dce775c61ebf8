"""The plain dataclasses a report is made of.

Shares and percent agreement are percentages (0–100); kappa and alpha are
coefficients (-1 to 1). A figure that cannot be computed is None.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..coding.meetings import MeetingInfo


def share(part: int, whole: int) -> float | None:
    """part of whole as a percentage, None when there is no whole."""
    return 100 * part / whole if whole else None


@dataclass
class Breakdown:
    key: str
    label: str
    speakers: int
    statements: int
    share_of_speakers: float | None


@dataclass
class AnalystSummary:
    username: str
    annotations: int
    statements_coded: int


# The demo coding's analysts (fixtures/demo, loaded by `setup_workbench --demo-coding`):
# every page that counts their work says it is demo data.
DEMO_ANALYST_PREFIX = "demo-analyst-"


def is_demo_analyst(username: str) -> bool:
    return username.startswith(DEMO_ANALYST_PREFIX)


@dataclass
class Overview:
    statements: int
    speakers: int
    delegations: int
    women: int
    civil_society: int
    survivors: int
    share_women: float | None
    share_civil_society: float | None
    share_survivors: float | None
    speakers_by_type: list[Breakdown]
    speakers_by_gender: list[Breakdown]
    annotations: int
    statements_coded: int
    analysts: list[AnalystSummary]


@dataclass
class Quote:
    annotation_id: int
    code: str
    statement_id: int
    statement_order: int
    speaker: str
    delegation: str
    speaker_type: str
    analyst: str
    start: int | None
    end: int | None
    quote: str
    statement_level: bool
    url: str


@dataclass
class CodeCoverage:
    slug: str
    name: str
    group: str
    group_name: str
    colour: str
    statement_level: bool
    statements: int
    speakers: int
    delegations: int
    share_of_speakers: float | None
    share_of_statements: float | None
    by_speaker_type: dict[str, int]
    by_gender: dict[str, int]
    delegation_names: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class CodeGroup:
    slug: str
    name: str
    description: str
    codes: list[CodeCoverage]


@dataclass
class SectionRow:
    code: CodeCoverage
    share_of_section: float | None  # this code's statements among the section's codings


@dataclass
class Section:
    key: str
    title: str
    description: str
    rows: list[SectionRow]


@dataclass
class ClaimCheck:
    key: str
    claim: str
    source: str
    codes: list[str]
    code_names: list[str]
    statements: int
    speakers: int
    share_of_speakers: float | None
    quotes: list[Quote]


@dataclass
class MissedOpportunityCandidate:
    slug: str
    name: str
    group: str
    group_name: str
    indicator: bool  # a code of the missed-opportunity group
    statements: int
    speakers: int
    share_of_speakers: float | None
    recorded_by: list[str]


@dataclass
class RecordedMissedOpportunity:
    id: int
    title: str
    analyst: str
    rationale: str
    codes: list[str]
    created: datetime.datetime


@dataclass
class MissedOpportunities:
    threshold: float
    candidates: list[MissedOpportunityCandidate]
    recorded: list[RecordedMissedOpportunity]


@dataclass
class CoOccurrence:
    codes: list[str]
    names: list[str]
    matrix: list[list[int]]  # statements coded with both codes; the diagonal: with the code
    maximum: int  # the largest count off the diagonal

    @property
    def rows(self) -> list[tuple[str, str, list[tuple[int, bool]]]]:
        """(slug, name, [(count, on the diagonal), …]) per code, for a heat map."""
        return [
            (slug, name, [(value, i == j) for j, value in enumerate(line)])
            for i, (slug, name, line) in enumerate(
                zip(self.codes, self.names, self.matrix, strict=True)
            )
        ]


@dataclass
class Disagreement:
    statement_id: int
    statement_order: int
    speaker: str
    applied_by: list[str]
    not_applied_by: list[str]
    url: str


@dataclass
class AgreementCode:
    slug: str
    name: str
    group: str
    units: int
    statements_with_code: int  # by at least one analyst
    statements_coded: dict[str, int]  # per analyst
    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    rare: bool
    warning: str
    disagreements: list[Disagreement]


@dataclass
class Agreement:
    computable: bool
    reason: str
    analysts: list[AnalystSummary]
    units: int
    rare_minimum: int
    codes: list[AgreementCode]
    ordinal: list = field(default_factory=list)  # of ordinal.OrdinalAgreement


@dataclass
class SuggestionUsefulness:
    slug: str
    name: str
    accepted: int
    dismissed: int
    acceptance_rate: float | None


@dataclass
class MemoEntry:
    """An analyst's memo on the meeting, or on one of its scheme's codes."""

    id: int
    author: str
    title: str
    text: str
    created: datetime.datetime
    updated: datetime.datetime
    code_slug: str | None = None
    code_name: str | None = None


@dataclass
class ReportMemos:
    on_meeting: list[MemoEntry] = field(default_factory=list)
    on_codes: list[MemoEntry] = field(default_factory=list)


@dataclass
class MeetingReport:
    meeting: MeetingInfo
    source: str
    source_label: str
    analyst: str | None
    threshold: float
    quotes_per_code: int
    query: dict[str, str]
    analysts_available: list[str]
    warnings: list[str]
    overview: Overview
    groups: list[CodeGroup]
    codes: list[CodeCoverage]
    sections: list[Section]
    claims: list[ClaimCheck]
    missed_opportunities: MissedOpportunities
    co_occurrence: CoOccurrence
    agreement: Agreement
    suggestions: list[SuggestionUsefulness]
    memos: ReportMemos = field(default_factory=ReportMemos)
