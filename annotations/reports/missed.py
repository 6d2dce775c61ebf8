"""Missed opportunities: the codes few speakers addressed, and those the analysts recorded."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ..models import MissedOpportunity
from .data import (
    CodeCoverage,
    MissedOpportunities,
    MissedOpportunityCandidate,
    RecordedMissedOpportunity,
)

MISSED_OPPORTUNITY_GROUP = "missed-opportunity-indicators"


def recorded_missed_opportunities(
    *, meeting: Meeting, analyst: AbstractBaseUser | None = None, viewer=None
) -> list[RecordedMissedOpportunity]:
    """The analysts' live missed opportunities, with the codes each names.

    The codes come in one query of the link table, always run, so the report's
    query count does not depend on whether anything was recorded.
    """
    records = (
        MissedOpportunity.objects.live()
        .filter(meeting=meeting)
        .visible_to(viewer)
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
