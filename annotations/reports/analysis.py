"""The PeaceWomen structure on top of the coverage: the 4 P's balance, the
gender analysis, root causes, the analysis's own claims checked against the
coding, missed opportunities and how useful keyword suggestions were."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from tracker.models import Meeting

from ..models import Annotation, MissedOpportunity, SuggestionDecision
from .data import (
    ClaimCheck,
    CodeCoverage,
    MissedOpportunities,
    MissedOpportunityCandidate,
    Quote,
    RecordedMissedOpportunity,
    Section,
    SectionRow,
    SuggestionUsefulness,
    share,
)
from .speakers import speakers

MISSED_OPPORTUNITY_GROUP = "missed-opportunity-indicators"

# (key, title, description, codebook groups, further codes) — codes missing from a
# meeting's scheme are left out, a section with none is not shown.
SECTIONS = [
    (
        "four-ps",
        "The 4 P's",
        "Prevention, protection, prosecution and partnership: how the meeting's attention "
        "was balanced between the pillars of the Global Plan of Action.",
        ["four-ps"],
        [],
    ),
    (
        "gender-analysis",
        "Gender analysis",
        "How women are framed, and whether speakers took gender-specific approaches.",
        ["framing-of-women"],
        ["gender-specific", "gender-inequality"],
    ),
    (
        "root-causes",
        "Root causes",
        "What speakers named as driving trafficking.",
        ["root-causes"],
        [],
    ),
]

# Claims of PeaceWomen's analysis of the 2017 meeting (seeds/003), each checked
# against the codes that would back or refute it.
CLAIMS = [
    (
        "survivors-role",
        "Limited mentions were however made to the importance of the role of survivors "
        "in developing effective preventive and response practices.",
        ["survivor-participation", "survivor-policy-role"],
    ),
    (
        "women-as-vulnerable",
        "The speakers at the debate mostly referred to women as “especially vulnerable” "
        "to human trafficking.",
        ["women-as-vulnerable"],
    ),
    (
        "women-led-initiatives",
        "Over the two-day meeting, there was no mention of the need to support women-led "
        "initiatives to stop trafficking.",
        ["women-as-agents"],
    ),
    (
        "justice-for-women",
        "The discussion still lacked a legal aspect to women's rehabilitation, and most "
        "notably a focus on justice.",
        ["access-to-justice"],
    ),
]
CLAIM_SOURCE = "PeaceWomen (WILPF), analysis of the 2017 high-level meeting"


def sections(coverage: list[CodeCoverage]) -> list[Section]:
    result = []
    for key, title, description, groups, extra in SECTIONS:
        codes = [code for code in coverage if code.group in groups]
        codes += [code for code in coverage if code.slug in extra and code not in codes]
        if not codes:
            continue
        total = sum(code.statements for code in codes)
        rows = [
            SectionRow(code=code, share_of_section=share(code.statements, total)) for code in codes
        ]
        result.append(Section(key=key, title=title, description=description, rows=rows))
    return result


def claim_checks(
    *,
    coverage: list[CodeCoverage],
    annotations: QuerySet[Annotation],
    total_speakers: int,
    quotes: dict[str, list[Quote]],
) -> list[ClaimCheck]:
    """Each claim's combined figure: speakers and statements coded with any of its codes."""
    present = {code.slug: code for code in coverage}
    claims = [(key, text, [s for s in slugs if s in present]) for key, text, slugs in CLAIMS]
    claims = [(key, text, slugs) for key, text, slugs in claims if slugs]
    figures = (
        annotations.aggregate(
            **{
                f"speakers_{i}": speakers("statement__", Q(code__slug__in=slugs))
                for i, (_, _, slugs) in enumerate(claims)
            },
            **{
                f"statements_{i}": Count(
                    "statement_id", distinct=True, filter=Q(code__slug__in=slugs)
                )
                for i, (_, _, slugs) in enumerate(claims)
            },
        )
        if claims
        else {}
    )
    checks = []
    for i, (key, text, slugs) in enumerate(claims):
        evidence = sorted(
            (quote for slug in slugs for quote in quotes.get(slug, [])),
            key=lambda quote: (quote.statement_order, quote.start or 0, quote.code),
        )
        checks.append(
            ClaimCheck(
                key=key,
                claim=text,
                source=CLAIM_SOURCE,
                codes=slugs,
                code_names=[present[slug].name for slug in slugs],
                statements=figures[f"statements_{i}"],
                speakers=figures[f"speakers_{i}"],
                share_of_speakers=share(figures[f"speakers_{i}"], total_speakers),
                quotes=evidence,
            )
        )
    return checks


def recorded_missed_opportunities(
    *, meeting: Meeting, analyst: AbstractBaseUser | None = None
) -> list[RecordedMissedOpportunity]:
    """The analysts' live missed opportunities, with the codes each names.

    The codes come in one query of the link table, always run, so the report's
    query count does not depend on whether anything was recorded.
    """
    records = (
        MissedOpportunity.objects.live()
        .filter(meeting=meeting)
        .select_related("analyst")
        .order_by("created", "id")
    )
    if analyst is not None:
        records = records.filter(analyst=analyst)
    codes: dict[int, list[str]] = {}
    links = (
        MissedOpportunity.codes.through.objects.filter(missedopportunity__in=records.values("pk"))
        .values_list("missedopportunity_id", "code__slug")
        .order_by("code__slug")
    )
    for record_id, slug in links:
        codes.setdefault(record_id, []).append(slug)
    return [
        RecordedMissedOpportunity(
            id=record.pk,
            title=record.title,
            analyst=record.analyst.get_username(),
            rationale=record.rationale,
            codes=codes.get(record.pk, []),
            created=record.created,
        )
        for record in records
    ]


def missed_opportunities(
    *, coverage: list[CodeCoverage], threshold: float, recorded: list[RecordedMissedOpportunity]
) -> MissedOpportunities:
    """Codes addressed by fewer than `threshold` percent of speakers, indicators first."""
    recorded_by: dict[str, set[str]] = {}
    for record in recorded:
        for slug in record.codes:
            recorded_by.setdefault(slug, set()).add(record.analyst)
    below = [code for code in coverage if (code.share_of_speakers or 0) < threshold]
    below.sort(key=lambda code: code.group != MISSED_OPPORTUNITY_GROUP)  # stable: codebook order
    candidates = [
        MissedOpportunityCandidate(
            slug=code.slug,
            name=code.name,
            group=code.group,
            group_name=code.group_name,
            indicator=code.group == MISSED_OPPORTUNITY_GROUP,
            statements=code.statements,
            speakers=code.speakers,
            share_of_speakers=code.share_of_speakers,
            recorded_by=sorted(recorded_by.get(code.slug, ())),
        )
        for code in below
    ]
    return MissedOpportunities(threshold=threshold, candidates=candidates, recorded=recorded)


def suggestion_usefulness(
    *, meeting: Meeting, coverage: list[CodeCoverage], analyst: AbstractBaseUser | None = None
) -> list[SuggestionUsefulness]:
    """Keyword suggestions accepted and dismissed, per code."""
    decisions = SuggestionDecision.objects.filter(statement__meeting=meeting)
    if analyst is not None:
        decisions = decisions.filter(analyst=analyst)
    rows = {
        row["code__slug"]: row
        for row in decisions.values("code__slug")
        .annotate(
            accepted=Count("id", filter=Q(decision=SuggestionDecision.Decision.ACCEPTED)),
            dismissed=Count("id", filter=Q(decision=SuggestionDecision.Decision.DISMISSED)),
        )
        .order_by()
    }
    return [
        SuggestionUsefulness(
            slug=code.slug,
            name=code.name,
            accepted=rows[code.slug]["accepted"],
            dismissed=rows[code.slug]["dismissed"],
            acceptance_rate=share(
                rows[code.slug]["accepted"],
                rows[code.slug]["accepted"] + rows[code.slug]["dismissed"],
            ),
        )
        for code in coverage
        if code.slug in rows
    ]
