"""The analysts' annotations of a meeting's statements, next to each other: where
they disagree, which passages each coded, with their memos."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from tracker.models import Meeting, Statement

from ..codebook.selectors import scheme_for_meeting
from ..coding.meetings import MeetingInfo, meeting_info, workspace_url
from ..models import Annotation, Code
from .disputes import disputed_pairs


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


def side_by_side_url(meeting_id: int, statement_id: int, code_slug: str | None = None) -> str:
    """The analysts' annotations of one statement next to each other."""
    # An f-string, not urlencode: this runs once per disagreement, thousands of times
    # in a big meeting; ids are numbers and only the slug needs quoting.
    code = f"&code={quote(code_slug, safe='')}" if code_slug else ""
    query = f"?statement={statement_id}{code}"
    return f"/meetings/{meeting_id}/compare-analysts/{query}#statement-{statement_id}"


def _disputed_statement_ids(
    meeting: Meeting, analysts: list[str], code: Code | None, viewer
) -> set[int]:
    triples = Annotation.objects.live().for_meeting(meeting).visible_to(viewer)
    if code is not None:
        triples = triples.filter(code=code)
    pairs = disputed_pairs(
        triples.values_list("statement_id", "code_id", "analyst__username").distinct().order_by(),
        analysts=len(analysts),
    )
    return {statement_id for statement_id, _ in pairs}


def analyst_comparison(
    *,
    meeting: Meeting,
    statement: int | str | None = None,
    code: str | None = None,
    viewer: AbstractBaseUser | None = None,
) -> AnalystComparison:
    """Each analyst's annotations next to each other: one statement, or every disputed one
    (of those `viewer` may see: blind coding)."""
    analysts = list(
        Annotation.objects.live()
        .for_meeting(meeting)
        .visible_to(viewer)
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
            pk__in=_disputed_statement_ids(meeting, analysts, chosen_code, viewer)
        )
    statements = list(statements)
    by_statement: dict[int, dict[int, dict[str, list[AnalystAnnotation]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    codes: dict[int, Code] = {}
    annotations = (
        Annotation.objects.live()
        .filter(statement__in=statements)
        .visible_to(viewer)
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
