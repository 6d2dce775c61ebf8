"""The draft analysis of one meeting, in the structure of PeaceWomen's analysis of
the 2017 meeting (shared/seeds/003): overview; general analysis by the 4 P's;
gender analysis (framing of women, root causes, survivors' voice); missed
opportunities; method and provenance; the speakers; the sources of the quotes.

Pure on top of the report: every figure is the report's (annotations.reports),
every sentence comes from the wording files, every quote is an annotation's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ..reports import ReportOptions, build_report, report_options
from ..reports.data import CodeCoverage, MeetingReport, is_demo_analyst
from ..reports.options import ANALYST
from .charts import share_chart, speakers_chart
from .claims import cautions, code_claim, day, percent, quote_blocks, record_kind_of
from .document import NOTICE, Citations, Claim, Draft, Paragraph, Section, Table
from .method import method_section
from .missed import missed_section
from .selectors import speaker_rows
from .wording import Wording

FOUR_PS = ["prevention", "protection", "prosecution", "partnership"]
SURVIVOR_CODES = ["survivor-testimony", "survivor-participation", "survivor-policy-role"]
FRAMING_GROUP, ROOT_CAUSES_GROUP, APPROACH_GROUP = "framing-of-women", "root-causes", "approach"
FRAMING_EXTRA = ["gender-specific"]


@dataclass
class Build:
    """What every section builder reads: the report, the wording, the citations."""

    meeting: Meeting
    report: MeetingReport
    options: ReportOptions
    wording: Wording
    citations: Citations

    @property
    def coded(self) -> bool:
        return self.report.overview.annotations > 0

    def codes(self, slugs: list[str] | None = None, group: str | None = None):
        found = [c for c in self.report.codes if c.group == group or c.slug in (slugs or [])]
        if slugs and not group:
            found.sort(key=lambda c: slugs.index(c.slug))
        return found

    def claim(self, code: CodeCoverage) -> Claim:
        claim = code_claim(
            wording=self.wording,
            code=code,
            overview=self.report.overview,
            meeting_id=self.meeting.pk,
        )
        claim.quotes = quote_blocks(
            wording=self.wording,
            quotes=code.quotes,
            symbol=self.meeting.symbol,
            citations=self.citations,
        )
        agreement = {a.slug: a for a in self.report.agreement.codes}.get(code.slug)
        claim.cautions = cautions(wording=self.wording, agreement=agreement, code_name=code.name)
        return claim

    def missing(self, codes: list[CodeCoverage]) -> Paragraph:
        names = ", ".join(f"“{code.name}”" for code in codes) or "the codes of this section"
        return Paragraph(self.wording.say("missing.section", codes=names), NOTICE)


def meeting_draft(
    *,
    meeting: Meeting,
    analyst: AbstractBaseUser | str | None = None,
    source: str | None = None,
    threshold: float | str | None = None,
    quotes: int | str | None = None,
    wording: Wording | None = None,
    viewer: AbstractBaseUser | None = None,
) -> Draft:
    """The draft of a meeting with the report's parameters (ValidationError names a bad one)."""
    options = report_options(
        meetings=[meeting],
        analyst=analyst,
        source=source,
        threshold=threshold,
        quotes=quotes,
        viewer=viewer,
    )
    report = build_report(meeting=meeting, options=options)
    return draft_from_report(meeting=meeting, report=report, options=options, wording=wording)


def draft_from_report(
    *,
    meeting: Meeting,
    report: MeetingReport,
    options: ReportOptions,
    wording: Wording | None = None,
    viewer: AbstractBaseUser | None = None,
) -> Draft:
    build = Build(meeting, report, options, wording or Wording(), Citations())
    sections = [
        overview_section(build, "1"),
        general_section(build, "2"),
        gender_section(build, "3"),
        missed_section(build, "4"),
        method_section(build, "5"),
        speakers_section(build, "6"),
    ]
    demo = counts_demo_coding(report, options)
    return Draft(
        kicker=build.wording.say("draft.kicker"),
        title=build.wording.say("draft.title", meeting_title=meeting.title or meeting.symbol),
        subtitle=subtitle(build.wording, meeting),
        demo=demo,
        notices=notices(build, demo),
        provenance=[],
        sections=sections,
        citations=build.citations.items,
        notes_title=build.wording.say("section.notes"),
        filename=f"{re.sub(r'[^A-Za-z0-9._-]+', '-', meeting.symbol)}-analysis",
    )


def counts_demo_coding(report: MeetingReport, options: ReportOptions) -> bool:
    if options.source == ANALYST:
        return is_demo_analyst(options.analyst_username or "")
    return any(is_demo_analyst(a.username) for a in report.overview.analysts)


def subtitle(wording: Wording, meeting: Meeting) -> str:
    parts = {
        "body": meeting.body or "United Nations",
        "session": meeting.session or "session not stated",
        "meeting_number": meeting.meeting_number or "meeting",
        "date": _day(meeting),
        "symbol": meeting.symbol,
    }
    return wording.say("draft.subtitle", **parts)


def _day(meeting: Meeting) -> str:
    return day(meeting.date)


def notices(build: Build, demo: bool) -> list[Paragraph]:
    """What the reader must know first: demo data, and what is missing."""
    said = [Paragraph(build.wording.say("draft.demo"), NOTICE)] if demo else []
    overview, symbol = build.report.overview, build.meeting.symbol
    if overview.statements == 0:
        said.append(Paragraph(build.wording.say("missing.statements", symbol=symbol), NOTICE))
    elif build.options.source == ANALYST and not build.coded:
        analyst = build.options.analyst_username
        said.append(
            Paragraph(build.wording.say("missing.analyst", analyst=analyst, symbol=symbol), NOTICE)
        )
    elif not build.coded:
        said.append(
            Paragraph(
                build.wording.say("missing.coding", symbol=symbol, statements=overview.statements),
                NOTICE,
            )
        )
    return said


def overview_section(build: Build, number: str) -> Section:
    w, o, meeting = build.wording, build.report.overview, build.meeting
    facts = {
        "date": _day(meeting),
        "body": meeting.body or "United Nations",
        "meeting_number": meeting.meeting_number or "a meeting",
        "session": meeting.session or "session",
        "record_kind": record_kind_of(meeting),
        "statements": o.statements,
        "speakers": o.speakers,
        "delegations": o.delegations,
    }
    key = "overview.meeting" if meeting.date else "overview.meeting_undated"
    blocks = [Paragraph(w.say(key, **facts))]
    blocks.append(
        Paragraph(
            w.say(
                "overview.speakers",
                women=o.women,
                speakers=o.speakers,
                share_women=percent(o.share_women),
                civil_society=o.civil_society,
                survivors=o.survivors,
            )
        )
    )
    if o.speakers:
        blocks.append(speakers_chart(w, o))
    if build.coded:
        blocks += coding_paragraphs(build)
    return Section("overview", number, w.say("section.overview"), blocks)


def coding_paragraphs(build: Build) -> list[Paragraph]:
    w, o = build.wording, build.report.overview
    said = [
        Paragraph(
            w.say(
                "overview.coding",
                annotations=o.annotations,
                statements_coded=o.statements_coded,
                statements=o.statements,
                counting=build.report.source_label.lower(),
            )
        )
    ]
    top = sorted((c for c in build.report.codes if c.speakers), key=lambda c: -c.speakers)[:3]
    if top:
        named = [
            f"{c.name.lower()} ({c.speakers} speakers, {percent(c.share_of_speakers)})" for c in top
        ]
        joined = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        said.append(Paragraph(w.say("overview.top", top=joined)))
    return said


def code_subsection(build: Build, key: str, number: str, title: str, codes) -> Section:
    section = Section(key, number, title)
    if not build.coded:
        section.blocks.append(build.missing(codes))
        return section
    section.blocks += [build.claim(code) for code in codes]
    return section


def general_section(build: Build, number: str) -> Section:
    w = build.wording
    pillars = build.codes(FOUR_PS)
    section = Section(
        "general", number, w.say("section.general"), [Paragraph(w.say("general.intro"))]
    )
    if build.coded and pillars:
        section.blocks.append(share_chart(w.say("chart.four-ps"), pillars, w))
    for index, code in enumerate(pillars, start=1):
        section.subsections.append(
            code_subsection(build, code.slug, f"{number}.{index}", code.name, [code])
        )
    approaches = [c for c in build.codes(group=APPROACH_GROUP) if c.slug not in SURVIVOR_CODES]
    approaches = [c for c in approaches if c.slug not in FRAMING_EXTRA]
    if approaches:
        section.subsections.append(
            code_subsection(
                build,
                "approaches",
                f"{number}.{len(section.subsections) + 1}",
                w.say("section.approaches"),
                approaches,
            )
        )
    return section


def gender_section(build: Build, number: str) -> Section:
    w = build.wording
    section = Section("gender", number, w.say("section.gender"), [Paragraph(w.say("gender.intro"))])
    parts = [
        ("framing", build.codes(FRAMING_EXTRA, group=FRAMING_GROUP), "chart.framing"),
        ("root-causes", build.codes(group=ROOT_CAUSES_GROUP), "chart.root-causes"),
        ("survivors", build.codes(SURVIVOR_CODES), None),
    ]
    for key, codes, chart in parts:
        if not codes:
            continue
        sub = code_subsection(
            build, key, f"{number}.{len(section.subsections) + 1}", w.say(f"section.{key}"), codes
        )
        if chart and build.coded:
            sub.blocks.insert(0, share_chart(w.say(chart), codes, w))
        section.subsections.append(sub)
    return section


def speakers_section(build: Build, number: str) -> Section:
    w = build.wording
    table = Table(
        title=w.say("section.speakers"),
        header=w.say("speakers.header").split("|"),
        rows=speaker_rows(build.meeting, build.options),
    )
    return Section(
        "speakers", number, w.say("section.speakers"), [Paragraph(w.say("speakers.intro")), table]
    )
