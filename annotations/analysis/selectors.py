"""The few reads a draft needs beyond the report: the speakers' table and the data's date."""

from __future__ import annotations

import datetime

from django.db.models import Count, Max

from tracker.models import Meeting, Statement

from ..models import MissedOpportunity
from ..reports import ReportOptions


def speaker_rows(meeting: Meeting, options: ReportOptions) -> list[list[str]]:
    """One row per speaker (the report's rule: the Speaker, else the delegation), in
    order of first statement: name, delegation, type, statement numbers, passages coded."""
    coded = dict(
        options.annotations(meeting)
        .values("statement_id")
        .annotate(n=Count("id"))
        .values_list("statement_id", "n")
        .order_by()
    )
    rows: dict[str, dict] = {}
    statements = Statement.objects.filter(meeting=meeting).select_related("speaker")
    for statement in statements.order_by("order"):
        if statement.speaker_id:
            key = f"speaker:{statement.speaker_id}"
        elif statement.delegation:
            key = f"delegation:{statement.delegation}"
        else:
            key = f"statement:{statement.pk}"
        row = rows.setdefault(
            key,
            {
                "speaker": statement.speaker_label,
                "delegation": statement.delegation,
                "type": statement.get_speaker_type_display(),
                "orders": [],
                "passages": 0,
            },
        )
        row["orders"].append(str(statement.order))
        row["passages"] += coded.get(statement.pk, 0)
    return [
        [r["speaker"], r["delegation"], r["type"], ", ".join(r["orders"]), str(r["passages"])]
        for r in rows.values()
    ]


def data_date(meeting: Meeting, options: ReportOptions) -> datetime.datetime | None:
    """The latest change to what the draft counts: its annotations and missed opportunities."""
    latest = options.annotations(meeting).aggregate(at=Max("updated"))["at"]
    missed = MissedOpportunity.objects.live().filter(meeting=meeting).visible_to(options.viewer)
    if options.analyst is not None:
        missed = missed.filter(analyst=options.analyst)
    missed_at = missed.aggregate(at=Max("updated"))["at"]
    return max((at for at in (latest, missed_at) if at is not None), default=None)
