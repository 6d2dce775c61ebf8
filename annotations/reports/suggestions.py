"""How useful the keyword suggestions were: accepted and dismissed, per code."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q

from tracker.models import Meeting

from ..models import SuggestionDecision
from .data import CodeCoverage, SuggestionUsefulness, share


def suggestion_usefulness(
    *,
    meeting: Meeting,
    coverage: list[CodeCoverage],
    analyst: AbstractBaseUser | None = None,
    viewer: AbstractBaseUser | None = None,
) -> list[SuggestionUsefulness]:
    """Keyword suggestions accepted and dismissed, per code (those `viewer` may see)."""
    decisions = SuggestionDecision.objects.filter(statement__meeting=meeting).visible_to(viewer)
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
