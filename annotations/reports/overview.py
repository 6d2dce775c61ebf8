"""The overview: who spoke in the meeting, and how much of it the report covers.

Five queries whatever the size of the meeting: the speakers' totals, speakers
and statements by type and by gender, the annotations counted, and (separately)
the analysts' totals.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tracker.models import Gender, Meeting, SpeakerType, Statement

from ..models import Annotation
from .data import AnalystSummary, Breakdown, Overview, share
from .speakers import GENDERS, SPEAKER_TYPES, breakdowns, speakers


def analyst_summaries(meeting: Meeting, *, viewer=None) -> list[AnalystSummary]:
    """Everyone with live annotations in the meeting (that `viewer` sees), with totals."""
    rows = (
        Annotation.objects.live()
        .for_meeting(meeting)
        .visible_to(viewer)
        .values("analyst__username")
        .annotate(annotations=Count("id"), statements=Count("statement_id", distinct=True))
        .order_by("analyst__username")
    )
    return [
        AnalystSummary(
            username=row["analyst__username"],
            annotations=row["annotations"],
            statements_coded=row["statements"],
        )
        for row in rows
    ]


def meeting_overview(
    *, meeting: Meeting, annotations: QuerySet[Annotation], analysts: list[AnalystSummary]
) -> Overview:
    statements = Statement.objects.filter(meeting=meeting)
    totals = statements.aggregate(
        statements=Count("id"),
        speakers=speakers(),
        delegations=Count("delegation", distinct=True, filter=~Q(delegation="")),
        women=speakers(filter=Q(speaker__gender=Gender.FEMALE)),
        civil_society=speakers(filter=Q(speaker_type=SpeakerType.CIVIL_SOCIETY)),
        survivors=speakers(filter=Q(speaker_type=SpeakerType.SURVIVOR)),
    )
    by_type, by_gender = breakdowns(statements, statements=True)
    coded = annotations.aggregate(
        annotations=Count("id"), statements=Count("statement_id", distinct=True)
    )
    total = totals["speakers"]

    def breakdown(figures: dict, choices) -> list[Breakdown]:
        return [
            Breakdown(
                key=key,
                label=str(label),
                speakers=figures[key][0],
                statements=figures[key][1],
                share_of_speakers=share(figures[key][0], total),
            )
            for key, label in choices
        ]

    return Overview(
        statements=totals["statements"],
        speakers=total,
        delegations=totals["delegations"],
        women=totals["women"],
        civil_society=totals["civil_society"],
        survivors=totals["survivors"],
        share_women=share(totals["women"], total),
        share_civil_society=share(totals["civil_society"], total),
        share_survivors=share(totals["survivors"], total),
        speakers_by_type=breakdown(by_type, SPEAKER_TYPES),
        speakers_by_gender=breakdown(by_gender, GENDERS),
        annotations=coded["annotations"],
        statements_coded=coded["statements"],
        analysts=analysts,
    )
