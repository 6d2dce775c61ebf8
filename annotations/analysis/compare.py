"""A draft comparing meetings (e.g. the 2017 and 2021 appraisals): the same
structure as a meeting's draft, each claim with every meeting's figures and the
change from one to the next, and honest about records of different kinds and
meetings of different bodies. Codes are matched by slug, as in the report's
comparison; every figure is one meeting's report figure.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from tracker.models import Meeting

from ..charts import bar_chart
from ..reports import ReportOptions, build_report, report_options
from ..reports.compare import compared_meeting_ids
from ..reports.data import CodeCoverage, MeetingReport, is_demo_analyst
from .claims import day, percent, quote_blocks, record_kind_of, topic
from .document import NOTICE, ChartBlock, Citations, Claim, Draft, Paragraph, Section
from .draft import FOUR_PS, FRAMING_EXTRA, FRAMING_GROUP, ROOT_CAUSES_GROUP, SURVIVOR_CODES
from .method import counting_rule_text
from .missed import missed_frame
from .wording import Wording

OUTLINE = [
    ("general", "section.general", FOUR_PS, None, "chart.four-ps"),
    ("framing", "section.framing", FRAMING_EXTRA, FRAMING_GROUP, "chart.framing"),
    ("root-causes", "section.root-causes", [], ROOT_CAUSES_GROUP, "chart.root-causes"),
    ("survivors", "section.survivors", SURVIVOR_CODES, None, None),
]


def _meetings(value: str | list) -> list[Meeting]:
    ids = compared_meeting_ids(value)
    found = {meeting.pk: meeting for meeting in Meeting.objects.filter(pk__in=ids)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"meetings": f"No meeting with id {', '.join(missing)}."})
    return [found[pk] for pk in ids]


def comparison_draft(
    *,
    meetings: str | list,
    analyst: AbstractBaseUser | str | None = None,
    source: str | None = None,
    threshold: float | str | None = None,
    quotes: int | str | None = None,
    wording: Wording | None = None,
    viewer: AbstractBaseUser | None = None,
) -> Draft:
    """The comparison draft of meetings ("1,2"); ValidationError names a bad parameter."""
    ordered = _meetings(meetings)
    options = report_options(
        meetings=ordered,
        analyst=analyst,
        source=source,
        threshold=threshold,
        quotes=quotes,
        viewer=viewer,
    )
    reports = [build_report(meeting=meeting, options=options) for meeting in ordered]
    w = wording or Wording()
    citations = Citations()
    sections = [overview_section(w, ordered, reports, "1")]
    for index, (key, title, slugs, group, chart) in enumerate(OUTLINE, start=2):
        sections.append(
            compared_section(
                w, key, str(index), w.say(title), slugs, group, chart, reports, citations
            )
        )
    sections.append(missed_section(w, reports, citations, str(len(sections) + 1)))
    sections.append(method_section(w, reports, options, str(len(sections) + 1)))
    symbols = [meeting.symbol for meeting in ordered]
    demo = any(is_demo_analyst(a.username) for r in reports for a in r.overview.analysts)
    return Draft(
        kicker=w.say("compare.kicker"),
        title=w.say("compare.title", symbols=" and ".join(symbols)),
        subtitle="",
        demo=demo,
        notices=([Paragraph(w.say("draft.demo"), NOTICE)] if demo else [])
        + honesty_notices(w, ordered, reports),
        provenance=[],
        sections=sections,
        citations=citations.items,
        filename="meetings-compared-analysis",
        notes_title=w.say("section.notes"),
    )


def honesty_notices(w: Wording, meetings: list[Meeting], reports) -> list[Paragraph]:
    said = []
    kinds = list(dict.fromkeys(record_kind_of(meeting) for meeting in meetings))
    if len(kinds) > 1:
        said.append(Paragraph(w.say("compare.record_kinds", kinds="; ".join(kinds)), NOTICE))
    bodies = list(dict.fromkeys(meeting.body or "body not stated" for meeting in meetings))
    if len(bodies) > 1:
        said.append(Paragraph(w.say("compare.bodies", bodies="; ".join(bodies)), NOTICE))
    for report in reports:
        if report.overview.annotations == 0:
            said.append(Paragraph(w.say("compare.uncoded", symbol=report.meeting.symbol), NOTICE))
    return said


def overview_section(w: Wording, meetings: list[Meeting], reports, number: str) -> Section:
    names = "; ".join(f"{m.symbol} ({day(m.date)})" for m in meetings)
    blocks = [Paragraph(w.say("compare.intro", count=len(meetings), meetings=names))]
    for meeting, report in zip(meetings, reports, strict=True):
        o = report.overview
        blocks.append(
            Paragraph(
                w.say(
                    "compare.meeting",
                    symbol=meeting.symbol,
                    date=day(meeting.date),
                    record_kind=record_kind_of(meeting),
                    statements=o.statements,
                    speakers=o.speakers,
                    annotations=o.annotations,
                )
            )
        )
    return Section("overview", number, w.say("section.overview"), blocks)


def _code(report: MeetingReport, slug: str) -> CodeCoverage | None:
    return next((code for code in report.codes if code.slug == slug), None)


def _slugs(reports, slugs: list[str], group: str | None) -> list[tuple[str, str]]:
    """(slug, name) of the section's codes in any of the meetings' codebooks."""
    found: dict[str, str] = {}
    for slug in slugs:
        for report in reports:
            code = _code(report, slug)
            if code:
                found.setdefault(slug, code.name)
    for report in reports:
        for code in report.codes:
            if group and code.group == group:
                found.setdefault(code.slug, code.name)
    return list(found.items())


def compared_claim(w: Wording, slug: str, name: str, reports, citations: Citations) -> Claim:
    parts, figures, shares = [], {}, []
    for report in reports:
        symbol, code = report.meeting.symbol, _code(report, slug)
        share = None
        if code is None:
            parts.append(w.say("compare.figure_absent", symbol=symbol))
        elif report.overview.annotations == 0:
            parts.append(w.say("compare.figure_uncoded", symbol=symbol))
        else:
            share = code.share_of_speakers
            figures[f"{symbol} statements"] = code.statements
            figures[f"{symbol} speakers"] = code.speakers
            figures[f"{symbol} share_speakers"] = share
            parts.append(
                w.say(
                    "compare.figure",
                    symbol=symbol,
                    statements=code.statements,
                    total_statements=report.overview.statements,
                    speakers=code.speakers,
                    total_speakers=report.overview.speakers,
                    share_speakers=percent(share),
                )
            )
        shares.append((symbol, share))
    parts += _changes(w, shares, figures)
    claim = Claim(
        text=w.say("compare.claim", topic=name, figures="; ".join(parts)),
        codes=[slug],
        figures=figures,
    )
    claim.text = claim.text[:1].upper() + claim.text[1:]
    for report in reports:
        code = _code(report, slug)
        if code is not None:
            claim.quotes += quote_blocks(
                wording=w, quotes=code.quotes, symbol=report.meeting.symbol, citations=citations
            )
    return claim


def _changes(w: Wording, shares, figures) -> list[str]:
    said = []
    for (before, old), (after, new) in zip(shares, shares[1:], strict=False):
        if old is None or new is None:
            continue
        change = new - old
        figures[f"change {before} to {after}"] = change
        said.append(
            w.say(
                "compare.change",
                to=after,
                change=f"{change:+.0f} percentage points",
                **{"from": before},
            )
        )
    return said


def compared_section(w, key, number, title, slugs, group, chart, reports, citations) -> Section:
    codes = _slugs(reports, slugs, group)
    section = Section(key, number, title)
    coded = [r for r in reports if r.overview.annotations]
    if chart and codes and coded:
        section.blocks.append(
            ChartBlock(
                bar_chart(
                    title=w.say(chart),
                    categories=[name for _, name in codes],
                    values={
                        r.meeting.symbol: [
                            (c.share_of_speakers if (c := _code(r, slug)) else None)
                            for slug, _ in codes
                        ]
                        for r in coded
                    },
                    unit="%",
                    y_label=w.say("chart.share"),
                )
            )
        )
    section.blocks += [
        compared_claim(w, slug, topic(name), reports, citations) for slug, name in codes
    ]
    return section


def missed_section(w: Wording, reports, citations: Citations, number: str) -> Section:
    """Each meeting's recorded missed opportunities, then the codes under the threshold in
    any meeting, with every meeting's figures: a gap in all of them is a lasting one."""
    threshold = f"{reports[0].missed_opportunities.threshold:g}"
    section = missed_frame(w, number, "compare.missed_intro", threshold)
    section.subsections.append(recorded_subsection(w, reports, f"{number}.1"))
    section.subsections.append(
        candidates_subsection(w, reports, citations, f"{number}.2", threshold)
    )
    return section


def recorded_subsection(w: Wording, reports, number: str) -> Section:
    section = Section("missed-recorded", number, w.say("section.missed-recorded"))
    for report in reports:
        symbol, recorded = report.meeting.symbol, report.missed_opportunities.recorded
        if not recorded:
            section.blocks.append(Paragraph(w.say("compare.missed_none", symbol=symbol)))
        for record in recorded:
            section.blocks.append(
                Paragraph(
                    w.say(
                        "compare.missed_recorded",
                        symbol=symbol,
                        title=record.title.strip(),
                        analyst=record.analyst,
                        rationale=record.rationale,
                    )
                )
            )
    return section


def candidates_subsection(w: Wording, reports, citations, number: str, threshold) -> Section:
    section = Section("missed-candidates", number, w.say("section.missed-candidates"))
    under: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    coded = [report for report in reports if report.overview.annotations]
    for report in coded:  # an uncoded meeting's figures are missing, not under a threshold
        for candidate in report.missed_opportunities.candidates:
            under.setdefault(candidate.slug, []).append(report.meeting.symbol)
            names.setdefault(candidate.slug, candidate.name)
    if not under:
        key = "missed.candidates_none" if coded else "compare.missed_uncoded"
        section.blocks.append(Paragraph(w.say(key, threshold=threshold)))
    for slug, symbols in under.items():
        claim = compared_claim(w, slug, topic(names[slug]), reports, citations)
        every = len(symbols) == len(reports)
        claim.text = w.say(
            "compare.missed_all" if every else "compare.missed_some",
            meetings=" and ".join(symbols),
            threshold=threshold,
            claim=claim.text,
        )
        section.blocks.append(claim)
    return section


def method_section(w: Wording, reports, options: ReportOptions, number: str) -> Section:
    blocks = [Paragraph(counting_rule_text(w, options))]
    for report in reports:
        analysts = ", ".join(a.username for a in report.overview.analysts) or "nobody yet"
        blocks.append(
            Paragraph(f"{report.meeting.symbol}: {w.say('method.analysts', analysts=analysts)}")
        )
        if not report.agreement.computable:
            blocks.append(Paragraph(w.say("method.agreement_none", reason=report.agreement.reason)))
    return Section("method", number, w.say("section.method"), blocks)
