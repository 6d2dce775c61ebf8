"""Coverage per code across meetings, side by side (e.g. the 2017 and 2021 appraisals)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Count

from tracker.models import Meeting, RecordKind, Statement

from ..models import Code, CodingScheme, SchemeAssignment
from .data import share
from .options import report_options
from .speakers import speakers

MAX_COMPARED_MEETINGS = 12
# A summary gives a few sentences per speaker, and only for the speakers it names.
SUMMARY_KINDS = {RecordKind.SUMMARY}


@dataclass
class ComparedMeeting:
    id: int
    symbol: str
    title: str
    date: datetime.date | None
    statements: int
    speakers: int
    report_url: str
    record_kind: str = RecordKind.PRESS_RELEASE
    record_kind_label: str = ""


@dataclass
class ComparisonCell:
    statements: int
    speakers: int
    share_of_speakers: float | None


@dataclass
class ComparisonRow:
    slug: str
    name: str
    group: str
    group_name: str
    cells: list[ComparisonCell]  # one per meeting, in the meetings' order


@dataclass
class MeetingComparison:
    meetings: list[ComparedMeeting]
    rows: list[ComparisonRow]
    source: str
    source_label: str
    analyst: str | None
    query: dict[str, str]
    # Said above the table: the meetings were coded from different kinds of record.
    warnings: list[str] = field(default_factory=list)


def compared_meeting_ids(value: str | list) -> list[int]:
    """Meeting ids from "1,2" (or a list); a ValidationError names what is wrong."""
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [str(item).strip() for item in items if str(item).strip()]
    try:
        ids = list(dict.fromkeys(int(item) for item in items))
    except ValueError:
        raise ValidationError(
            {"meetings": f"Give meeting ids separated by commas, such as 1,2 (got {value!r})."}
        ) from None
    if len(ids) < 2:
        raise ValidationError({"meetings": "Choose at least two meetings to compare."})
    if len(ids) > MAX_COMPARED_MEETINGS:
        raise ValidationError(
            {"meetings": f"Compare at most {MAX_COMPARED_MEETINGS} meetings at once."}
        )
    return ids


def _schemes(meetings: list[Meeting]) -> dict[int, CodingScheme]:
    assigned = {
        a.meeting_id: a.scheme
        for a in SchemeAssignment.objects.filter(meeting__in=meetings).select_related("scheme")
    }
    default = None
    if len(assigned) < len(meetings):
        default = CodingScheme.objects.filter(is_default=True).first()
        if default is None:
            raise ValidationError(
                "No coding scheme is set for these meetings and none is the default."
            )
    return {meeting.pk: assigned.get(meeting.pk, default) for meeting in meetings}


def meeting_comparison(
    *,
    meetings: str | list,
    analyst: AbstractBaseUser | str | None = None,
    source: str | None = None,
    viewer: AbstractBaseUser | None = None,
) -> MeetingComparison:
    """Coverage of every code in each meeting, side by side (codes matched by slug)."""
    ids = compared_meeting_ids(meetings)
    found = {meeting.pk: meeting for meeting in Meeting.objects.filter(pk__in=ids)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"meetings": f"No meeting with id {', '.join(missing)}."})
    ordered = [found[pk] for pk in ids]
    options = report_options(meetings=ordered, analyst=analyst, source=source, viewer=viewer)
    annotations = options.annotations(*ordered)
    schemes = _schemes(ordered)
    codes = (
        Code.objects.filter(scheme__in={scheme.pk for scheme in schemes.values()})
        .select_related("scheme")
        .order_by("scheme_id", "order", "id")
    )
    scheme_order = list(dict.fromkeys(schemes[pk].pk for pk in ids))
    codes = sorted(codes, key=lambda code: scheme_order.index(code.scheme_id))
    coverage = {
        (row["statement__meeting_id"], row["code__slug"]): row
        for row in annotations.values("statement__meeting_id", "code__slug")
        .annotate(statements=Count("statement_id", distinct=True), speakers=speakers("statement__"))
        .order_by()
    }
    totals = {
        row["meeting_id"]: row
        for row in Statement.objects.filter(meeting__in=ordered)
        .values("meeting_id")
        .annotate(statements=Count("id"), speakers=speakers())
        .order_by()
    }
    compared = [
        ComparedMeeting(
            id=meeting.pk,
            symbol=meeting.symbol,
            title=meeting.title,
            date=meeting.date,
            statements=totals.get(meeting.pk, {}).get("statements", 0),
            speakers=totals.get(meeting.pk, {}).get("speakers", 0),
            report_url=f"/meetings/{meeting.pk}/report/",
            record_kind=meeting.record_kind,
            record_kind_label=meeting.get_record_kind_display(),
        )
        for meeting in ordered
    ]
    rows: dict[str, ComparisonRow] = {}
    for code in codes:
        if code.slug in rows or (
            code.retired and not any((pk, code.slug) in coverage for pk in ids)
        ):
            continue
        cells = []
        for meeting in compared:
            row = coverage.get((meeting.id, code.slug), {"statements": 0, "speakers": 0})
            cells.append(
                ComparisonCell(
                    statements=row["statements"],
                    speakers=row["speakers"],
                    share_of_speakers=share(row["speakers"], meeting.speakers),
                )
            )
        rows[code.slug] = ComparisonRow(
            slug=code.slug,
            name=code.name,
            group=code.group,
            group_name=code.scheme.group_name(code.group),
            cells=cells,
        )
    query = {"meetings": ",".join(str(pk) for pk in ids)}
    query.update({k: v for k, v in options.query().items() if k in {"analyst", "source"}})
    return MeetingComparison(
        meetings=compared,
        rows=list(rows.values()),
        source=options.source,
        source_label=options.label,
        analyst=options.analyst_username,
        query=query,
        warnings=record_kind_warnings(compared),
    )


def record_kind_warnings(meetings: list[ComparedMeeting]) -> list[str]:
    """What the reader must know before comparing meetings coded from different records."""
    kinds = {m.record_kind for m in meetings}
    if len(kinds) < 2:
        return []
    each = "; ".join(f"{m.symbol}: {m.record_kind_label.lower()}" for m in meetings)
    warnings = [f"These meetings were coded from different kinds of record ({each})."]
    if kinds & SUMMARY_KINDS and kinds - SUMMARY_KINDS:
        warnings.append(
            "A summary against a full record: a summary reports a few sentences of the "
            "speakers it names, a full record every statement as given, so a summary's "
            "shares of speakers are lower and fewer speakers appear. Compare the direction "
            "of the figures, not their size."
        )
    return warnings
