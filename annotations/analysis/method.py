"""Method and provenance: codebook, analysts, counting rule, date of the data, agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from ..codebook.selectors import scheme_for_meeting
from ..reports import ReportOptions
from ..reports.data import is_demo_analyst
from ..reports.options import ADJUDICATED, ANALYST
from .claims import LOW_ALPHA, coefficient, day, percent, record_kind_of
from .document import CAUTION, NOTICE, Paragraph, Section, Table
from .selectors import data_date
from .wording import Wording

if TYPE_CHECKING:
    from .draft import Build


def made_at() -> str:
    return day(timezone.localdate())


def counting_rule_text(wording: Wording, options: ReportOptions) -> str:
    key = {ANALYST: "analyst", ADJUDICATED: "adjudicated"}.get(options.source, "all")
    return wording.say(f"method.counting.{key}", analyst=options.analyst_username or "")


def counting_rule(build: Build) -> str:
    return counting_rule_text(build.wording, build.options)


def provenance(build: Build) -> list[Paragraph]:
    w, meeting, report = build.wording, build.meeting, build.report
    scheme = scheme_for_meeting(meeting)
    analysts = [
        f"{a.username} ({a.annotations} annotations of {a.statements_coded} statements)"
        for a in report.overview.analysts
    ]
    said = [
        w.say("method.codebook", scheme=scheme.name, version=scheme.version),
        w.say("method.analysts", analysts="; ".join(analysts))
        if analysts
        else w.say("method.analysts_none"),
        counting_rule(build),
        w.say(
            "method.parameters", threshold=f"{report.threshold:g}", quotes=report.quotes_per_code
        ),
        w.say(
            "method.record",
            symbol=meeting.symbol,
            record_kind=record_kind_of(meeting),
            source_part=f", {meeting.source_url}" if meeting.source_url else "",
        ),
    ]
    at = data_date(meeting, build.options)
    said.append(
        w.say("method.data", data_date=day(at), made=made_at())
        if at
        else w.say("method.data_none", made=made_at())
    )
    paragraphs = [Paragraph(text) for text in said]
    paragraphs += [Paragraph(warning, NOTICE) for warning in report.warnings]
    return paragraphs


def method_section(build: Build, number: str) -> Section:
    w, agreement = build.wording, build.report.agreement
    section = Section("method", number, w.say("section.method"), provenance(build))
    if not agreement.computable:
        section.blocks.append(Paragraph(w.say("method.agreement_none", reason=agreement.reason)))
        return section
    used = [a for a in agreement.codes if a.statements_with_code]
    section.blocks.append(Paragraph(w.say("method.agreement")))
    section.blocks.append(
        Table(
            title=w.say("method.agreement"),
            header=w.say("agreement.header").split("|"),
            rows=[
                [
                    a.name,
                    str(a.statements_with_code),
                    percent(a.percent_agreement),
                    coefficient(a.cohen_kappa),
                    coefficient(a.krippendorff_alpha),
                ]
                for a in used
            ],
        )
    )
    cautions = [
        a for a in used if a.krippendorff_alpha is not None and a.krippendorff_alpha < LOW_ALPHA
    ]
    for a in cautions:
        section.blocks.append(
            Paragraph(
                w.say(
                    "caution.agreement",
                    code=a.name,
                    alpha=coefficient(a.krippendorff_alpha),
                    units=a.units,
                    percent=percent(a.percent_agreement),
                ),
                CAUTION,
            )
        )
    if not cautions:
        section.blocks.append(Paragraph(w.say("method.cautions_none", minimum=f"{LOW_ALPHA:g}")))
    if any(is_demo_analyst(a.username) for a in build.report.overview.analysts):
        section.blocks.append(Paragraph(w.say("method.demo"), NOTICE))
    return section
