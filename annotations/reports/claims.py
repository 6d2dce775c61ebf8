"""The analysis's own claims (PeaceWomen on the 2017 meeting) checked against the coding."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from ..models import Annotation
from .data import ClaimCheck, CodeCoverage, Quote, share
from .speakers import speakers

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
