"""The missed-opportunities section: the analysts' recorded ones, then the candidates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .claims import percent, topic
from .document import NOTICE, Claim, Paragraph, Section

if TYPE_CHECKING:
    from .draft import Build
    from .wording import Wording


def missed_frame(w: Wording, number: str, intro: str, threshold: str) -> Section:
    """The section's heading and introduction (of a meeting's draft or a comparison's)."""
    return Section(
        "missed", number, w.say("section.missed"), [Paragraph(w.say(intro, threshold=threshold))]
    )


def missed_section(build: Build, number: str) -> Section:
    threshold = f"{build.report.missed_opportunities.threshold:g}"
    section = missed_frame(build.wording, number, "missed.intro", threshold)
    section.subsections.append(recorded_subsection(build, f"{number}.1"))
    section.subsections.append(candidates_subsection(build, f"{number}.2", threshold))
    return section


def recorded_subsection(build: Build, number: str) -> Section:
    w, report = build.wording, build.report
    section = Section("missed-recorded", number, w.say("section.missed-recorded"))
    by_title: dict[str, list] = {}
    for record in report.missed_opportunities.recorded:
        by_title.setdefault(record.title.strip(), []).append(record)
    if not by_title:
        section.blocks.append(
            Paragraph(w.say("missed.recorded_none", symbol=build.meeting.symbol), NOTICE)
        )
    codes = {code.slug: code for code in report.codes}
    for title, records in by_title.items():
        analysts = sorted({record.analyst for record in records})
        section.blocks.append(
            Paragraph(w.say("missed.recorded", title=title, analysts=_and(analysts)))
        )
        for record in records:
            section.blocks.append(
                Paragraph(
                    w.say("missed.rationale", analyst=record.analyst, rationale=record.rationale)
                )
            )
        slugs = dict.fromkeys(slug for record in records for slug in record.codes)
        section.blocks += [build.claim(codes[slug]) for slug in slugs if slug in codes]
    return section


def candidates_subsection(build: Build, number: str, threshold: str) -> Section:
    w, report = build.wording, build.report
    section = Section("missed-candidates", number, w.say("section.missed-candidates"))
    if not build.coded:
        section.blocks.append(build.missing([]))
        return section
    candidates = report.missed_opportunities.candidates
    if not candidates:
        section.blocks.append(Paragraph(w.say("missed.candidates_none", threshold=threshold)))
    codes = {code.slug: code for code in report.codes}
    for candidate in candidates:
        code = codes[candidate.slug]
        values = {
            "speakers": candidate.speakers,
            "total_speakers": report.overview.speakers,
            "share_speakers": percent(candidate.share_of_speakers),
            "topic": topic(candidate.name),
            "threshold": threshold,
        }
        key = "missed.candidate" if candidate.speakers else "missed.candidate_none"
        claim = build.claim(code)
        section.blocks.append(
            Claim(
                text=w.say(key, **values),
                codes=[candidate.slug],
                figures={
                    "speakers": candidate.speakers,
                    "total_speakers": report.overview.speakers,
                    "share_speakers": candidate.share_of_speakers,
                },
                quotes=claim.quotes,
                cautions=claim.cautions,
                meeting_id=build.meeting.pk,
            )
        )
    return section


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
