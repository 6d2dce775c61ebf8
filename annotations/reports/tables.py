"""A report as downloads: JSON-ready dictionaries and one CSV table per section.

The downloads are for computing with, so numbers go out as computed: the JSON
(and the API) at full float precision, the agreement CSV's coefficients as
repr() text, which reads back as exactly the same float. Only the pages round
(templatetags.report_tags); the other CSV tables give shares to 2 decimals.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable

from .compare import MeetingComparison
from .data import CodeCoverage, MeetingReport, Section
from .speakers import GENDERS, SPEAKER_TYPES


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def report_as_dict(report: MeetingReport) -> dict:
    """The report as JSON-ready data; groups and sections name their codes by slug."""
    data = dataclasses.asdict(report)
    del data["query"]  # the page's own links
    data["groups"] = [
        {
            "slug": group.slug,
            "name": group.name,
            "description": group.description,
            "codes": [code.slug for code in group.codes],
        }
        for group in report.groups
    ]
    data["sections"] = [_section_as_dict(section) for section in report.sections]
    return _plain(data)


def comparison_as_dict(comparison: MeetingComparison) -> dict:
    data = dataclasses.asdict(comparison)
    del data["query"]
    return _plain(data)


def _section_as_dict(section: Section) -> dict:
    return {
        "key": section.key,
        "title": section.title,
        "description": section.description,
        "codes": [
            {
                "slug": row.code.slug,
                "name": row.code.name,
                "statements": row.code.statements,
                "speakers": row.code.speakers,
                "share_of_speakers": row.code.share_of_speakers,
                "share_of_section": row.share_of_section,
            }
            for row in section.rows
        ],
    }


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _coefficient(value: float | None) -> str:
    """An agreement figure at full precision: float(cell) == value, exactly."""
    return "" if value is None else repr(value)


Table = tuple[list[str], Iterable[list]]


def overview_table(report: MeetingReport) -> Table:
    o, m = report.overview, report.meeting
    rows = [
        ["meeting", m.symbol],
        ["title", m.title],
        ["date", m.date.isoformat() if m.date else ""],
        ["source", report.source_label],
        ["statements", o.statements],
        ["speakers", o.speakers],
        ["delegations", o.delegations],
        ["women speakers", o.women],
        ["share of women speakers (%)", _number(o.share_women)],
        ["civil-society speakers", o.civil_society],
        ["share of civil-society speakers (%)", _number(o.share_civil_society)],
        ["survivor speakers", o.survivors],
        ["share of survivor speakers (%)", _number(o.share_survivors)],
        ["annotations", o.annotations],
        ["statements coded", o.statements_coded],
    ]
    return ["figure", "value"], rows


def speakers_table(report: MeetingReport) -> Table:
    o = report.overview
    rows = [
        [dimension, b.key, b.label, b.speakers, b.statements, _number(b.share_of_speakers)]
        for dimension, breakdown in (
            ("speaker type", o.speakers_by_type),
            ("gender", o.speakers_by_gender),
        )
        for b in breakdown
    ]
    return ["dimension", "key", "label", "speakers", "statements", "share_of_speakers"], rows


def coverage_table(report: MeetingReport) -> Table:
    header = [
        "group",
        "slug",
        "name",
        "statements",
        "speakers",
        "delegations",
        "share_of_speakers",
        "share_of_statements",
    ]
    header += [f"speakers_{key}" for key, _ in SPEAKER_TYPES]
    header += [f"speakers_{key}" for key, _ in GENDERS]
    header += ["delegations_addressing"]

    def row(code: CodeCoverage) -> list:
        return [
            code.group,
            code.slug,
            code.name,
            code.statements,
            code.speakers,
            code.delegations,
            _number(code.share_of_speakers),
            _number(code.share_of_statements),
            *(code.by_speaker_type[key] for key, _ in SPEAKER_TYPES),
            *(code.by_gender[key] for key, _ in GENDERS),
            "; ".join(code.delegation_names),
        ]

    return header, (row(code) for code in report.codes)


def quotes_table(report: MeetingReport) -> Table:
    header = ["code", "statement", "speaker", "delegation", "speaker_type", "analyst"]
    header += ["start", "end", "quote", "link"]
    rows = (
        [
            q.code,
            q.statement_order,
            q.speaker,
            q.delegation,
            q.speaker_type,
            q.analyst,
            "" if q.start is None else q.start,
            "" if q.end is None else q.end,
            q.quote,
            q.url,
        ]
        for code in report.codes
        for q in code.quotes
    )
    return header, rows


def sections_table(report: MeetingReport) -> Table:
    header = ["section", "slug", "name", "statements", "speakers"]
    header += ["share_of_speakers", "share_of_section"]
    rows = (
        [
            section.title,
            row.code.slug,
            row.code.name,
            row.code.statements,
            row.code.speakers,
            _number(row.code.share_of_speakers),
            _number(row.share_of_section),
        ]
        for section in report.sections
        for row in section.rows
    )
    return header, rows


def claims_table(report: MeetingReport) -> Table:
    header = ["claim", "codes", "statements", "speakers", "share_of_speakers", "source"]
    rows = (
        [
            claim.claim,
            "; ".join(claim.codes),
            claim.statements,
            claim.speakers,
            _number(claim.share_of_speakers),
            claim.source,
        ]
        for claim in report.claims
    )
    return header, rows


def missed_opportunities_table(report: MeetingReport) -> Table:
    missed = report.missed_opportunities
    header = ["kind", "slug_or_title", "name_or_analyst", "group_or_codes"]
    header += ["speakers", "share_of_speakers", "recorded_by_or_rationale"]
    candidates = [
        [
            f"candidate (under {missed.threshold:g}% of speakers)",
            c.slug,
            c.name,
            c.group,
            c.speakers,
            _number(c.share_of_speakers),
            "; ".join(c.recorded_by),
        ]
        for c in missed.candidates
    ]
    recorded = [
        ["recorded", r.title, r.analyst, "; ".join(r.codes), "", "", r.rationale]
        for r in missed.recorded
    ]
    return header, candidates + recorded


def co_occurrence_table(report: MeetingReport) -> Table:
    co = report.co_occurrence
    rows = ([slug, *line] for slug, line in zip(co.codes, co.matrix, strict=True))
    return ["code", *co.codes], rows


def agreement_table(report: MeetingReport) -> Table:
    agreement = report.agreement
    names = [analyst.username for analyst in agreement.analysts]
    header = ["slug", "name", "statements", "statements_with_code"]
    header += [f"coded_by_{name}" for name in names]
    header += ["percent_agreement", "cohen_kappa", "krippendorff_alpha", "disagreements"]
    header += ["warning"]
    rows = (
        [
            code.slug,
            code.name,
            code.units,
            code.statements_with_code,
            *(code.statements_coded.get(name, 0) for name in names),
            _coefficient(code.percent_agreement),
            _coefficient(code.cohen_kappa),
            _coefficient(code.krippendorff_alpha),
            len(code.disagreements),
            code.warning,
        ]
        for code in agreement.codes
    )
    if not agreement.computable:
        return ["agreement"], [[agreement.reason]]
    return header, rows


def disagreements_table(report: MeetingReport) -> Table:
    header = ["code", "statement", "speaker", "applied_by", "not_applied_by", "link"]
    rows = (
        [
            code.slug,
            d.statement_order,
            d.speaker,
            "; ".join(d.applied_by),
            "; ".join(d.not_applied_by),
            d.url,
        ]
        for code in report.agreement.codes
        for d in code.disagreements
    )
    return header, rows


def suggestions_table(report: MeetingReport) -> Table:
    header = ["slug", "name", "accepted", "dismissed", "acceptance_rate"]
    rows = (
        [s.slug, s.name, s.accepted, s.dismissed, _number(s.acceptance_rate)]
        for s in report.suggestions
    )
    return header, rows


def memos_table(report: MeetingReport) -> Table:
    header = ["on", "code_slug", "author", "title", "text", "created", "updated"]
    rows = [
        ["code" if memo.code_slug else "meeting", memo.code_slug, memo.author, memo.title,
         memo.text, memo.created.isoformat(), memo.updated.isoformat()]
        for memo in report.memos.on_meeting + report.memos.on_codes
    ]  # fmt: skip
    return header, rows


# name in the URL (…/report/<name>.csv) → (title, table)
TABLES: dict[str, tuple[str, Callable[[MeetingReport], Table]]] = {
    "overview": ("Overview", overview_table),
    "speakers": ("Speakers by type and gender", speakers_table),
    "coverage": ("Coverage per code", coverage_table),
    "quotes": ("Quotes", quotes_table),
    "sections": ("4 P's, gender analysis and root causes", sections_table),
    "claims": ("PeaceWomen's claims checked", claims_table),
    "missed-opportunities": ("Missed opportunities", missed_opportunities_table),
    "co-occurrence": ("Co-occurrence of codes", co_occurrence_table),
    "agreement": ("Agreement between analysts", agreement_table),
    "disagreements": ("Disagreements", disagreements_table),
    "suggestions": ("Suggestion usefulness", suggestions_table),
    "memos": ("Memos", memos_table),
}
