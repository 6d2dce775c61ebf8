"""Comparisons: coverage per code across meetings, and analysts side by side."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import Count

from tracker.models import Meeting, Statement

from ..models import Annotation, Code, CodingScheme, SchemeAssignment
from ..services import scheme_for_meeting
from .data import MeetingInfo, share
from .links import workspace_url
from .meeting import meeting_info
from .options import report_options
from .speakers import speakers

MAX_COMPARED_MEETINGS = 12


@dataclass
class ComparedMeeting:
    id: int
    symbol: str
    title: str
    date: datetime.date | None
    statements: int
    speakers: int
    report_url: str


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
) -> MeetingComparison:
    """Coverage of every code in each meeting, side by side (codes matched by slug)."""
    ids = compared_meeting_ids(meetings)
    found = {meeting.pk: meeting for meeting in Meeting.objects.filter(pk__in=ids)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"meetings": f"No meeting with id {', '.join(missing)}."})
    ordered = [found[pk] for pk in ids]
    options = report_options(meetings=ordered, analyst=analyst, source=source)
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
    )


@dataclass
class AnalystAnnotation:
    id: int
    quote: str
    memo: str
    start: int | None
    end: int | None
    url: str


@dataclass
class CodeSideBySide:
    slug: str
    name: str
    colour: str
    agreed: bool  # every analyst applied it, or none did
    cells: list[list[AnalystAnnotation]]  # one list per analyst, in the analysts' order


@dataclass
class StatementSideBySide:
    id: int
    order: int
    speaker: str
    delegation: str
    segment: str
    text: str
    url: str
    codes: list[CodeSideBySide]
    # The text cut where coded passages begin and end: (text, ["analyst: code", …]).
    segments: list[tuple[str, list[str]]]


def marked_segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, list[str]]]:
    """Cut `text` at every span's start and end; each piece lists the spans covering it."""
    cuts = sorted({0, len(text), *(start for start, _, _ in spans), *(end for _, end, _ in spans)})
    return [
        (text[left:right], [label for start, end, label in spans if start <= left and right <= end])
        for left, right in zip(cuts, cuts[1:], strict=False)
        if right > left
    ]


@dataclass
class AnalystComparison:
    meeting: MeetingInfo
    analysts: list[str]
    code: str | None
    code_name: str | None
    statement: int | None
    statements: list[StatementSideBySide]


def _disputed_statement_ids(meeting: Meeting, analysts: list[str], code: Code | None) -> set[int]:
    applied: dict[tuple[int, int], set[str]] = defaultdict(set)
    triples = Annotation.objects.live().for_meeting(meeting)
    if code is not None:
        triples = triples.filter(code=code)
    for statement_id, code_id, username in (
        triples.values_list("statement_id", "code_id", "analyst__username").distinct().order_by()
    ):
        applied[(statement_id, code_id)].add(username)
    return {
        statement_id for (statement_id, _), names in applied.items() if len(names) < len(analysts)
    }


def analyst_comparison(
    *, meeting: Meeting, statement: int | str | None = None, code: str | None = None
) -> AnalystComparison:
    """Each analyst's annotations next to each other: one statement, or every disputed one."""
    analysts = list(
        Annotation.objects.live()
        .for_meeting(meeting)
        .order_by("analyst__username")
        .values_list("analyst__username", flat=True)
        .distinct()
    )
    chosen_code = None
    if code:
        codes = scheme_for_meeting(meeting).codes
        chosen_code = None if "\x00" in code else codes.filter(slug=code).first()
        if chosen_code is None:
            raise ValidationError(
                {"code": f'There is no code "{code}" in the codebook of {meeting.symbol}.'}
            )
    statements = (
        Statement.objects.filter(meeting=meeting).select_related("speaker").order_by("order")
    )
    if statement not in (None, ""):
        try:
            statement_id = int(statement)
        except (TypeError, ValueError):
            statement_id = None
        if statement_id is None or not statements.filter(pk=statement_id).exists():
            raise ValidationError(
                {"statement": f"Meeting {meeting.symbol} has no statement {statement}."}
            )
        statements = statements.filter(pk=statement_id)
    else:
        statement_id = None
        statements = statements.filter(
            pk__in=_disputed_statement_ids(meeting, analysts, chosen_code)
        )
    statements = list(statements)
    by_statement: dict[int, dict[int, dict[str, list[AnalystAnnotation]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    codes: dict[int, Code] = {}
    annotations = (
        Annotation.objects.live()
        .filter(statement__in=statements)
        .select_related("code", "analyst")
        .order_by("statement_id", "code__order", "start", "id")
    )
    if chosen_code is not None:
        annotations = annotations.filter(code=chosen_code)
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for annotation in annotations:
        codes[annotation.code_id] = annotation.code
        if annotation.start is not None:
            spans[annotation.statement_id].append(
                (
                    annotation.start,
                    annotation.end,
                    f"{annotation.analyst.get_username()}: {annotation.code.name}",
                )
            )
        by_statement[annotation.statement_id][annotation.code_id][
            annotation.analyst.get_username()
        ].append(
            AnalystAnnotation(
                id=annotation.pk,
                quote=annotation.quote,
                memo=annotation.memo,
                start=annotation.start,
                end=annotation.end,
                url=workspace_url(meeting.pk, annotation.statement_id, annotation.pk),
            )
        )
    return AnalystComparison(
        meeting=meeting_info(meeting),
        analysts=analysts,
        code=chosen_code.slug if chosen_code else None,
        code_name=chosen_code.name if chosen_code else None,
        statement=statement_id,
        statements=[
            StatementSideBySide(
                id=s.pk,
                order=s.order,
                speaker=s.speaker_label,
                delegation=s.delegation,
                segment=s.segment,
                text=s.text,
                url=workspace_url(meeting.pk, s.pk),
                codes=[
                    CodeSideBySide(
                        slug=codes[code_id].slug,
                        name=codes[code_id].name,
                        colour=codes[code_id].colour,
                        agreed=len(cells) in (0, len(analysts)),
                        cells=[cells.get(name, []) for name in analysts],
                    )
                    for code_id, cells in by_statement[s.pk].items()
                ],
                segments=marked_segments(s.text, spans[s.pk]),
            )
            for s in statements
        ],
    )
