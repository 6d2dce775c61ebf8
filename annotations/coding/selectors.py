"""Reads for the annotation workspace and the meeting list.

Every function here costs a fixed number of queries, however many meetings,
statements or annotations there are: lists are annotated in the database and
related rows come with select_related, never one query per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from tracker.models import Meeting, Statement

from ..codebook.selectors import CodeGroup, codebook, scheme_for_meeting
from ..models import Annotation, Code, CodingAssignment, CodingScheme, StatementProgress
from . import paging
from .blind.selectors import BlindStatus, blind_status
from .paging import PageProblem, StatementPage


@dataclass
class Workspace:
    """Everything the workspace page shows for one analyst and one meeting."""

    meeting: Meeting
    scheme: CodingScheme
    code_groups: list[CodeGroup]
    statements: list[Statement]
    annotations: list[Annotation]
    counts_by_code: dict[int, int]
    done_statement_ids: set[int]
    other_analysts: list[str]
    blind: BlindStatus
    segments: list[str] = field(default_factory=list)
    # The meeting's statements and those `analyst` marked done, on every page.
    statement_count: int = 0
    done_count: int = 0
    # A meeting of more than paging.PAGE_SIZE statements is shown a page at a time (paging.py);
    # then the statements, annotations, counts and done marks above are this page's.
    page: int = 1
    pages: list[StatementPage] = field(default_factory=list)

    @property
    def paged(self) -> bool:
        return len(self.pages) > 1

    @property
    def current_page(self) -> StatementPage | None:
        return self.pages[self.page - 1] if self.paged else None

    @property
    def previous_page(self) -> StatementPage | None:
        return self.pages[self.page - 2] if self.paged and self.page > 1 else None

    @property
    def next_page(self) -> StatementPage | None:
        return self.pages[self.page] if self.paged and self.page < len(self.pages) else None

    @property
    def codes(self) -> list[Code]:
        return [code for group in self.code_groups for code in group.codes]

    @property
    def passage_codes(self) -> list[Code]:
        return [code for code in self.codes if not code.statement_level]

    @property
    def statement_level_codes(self) -> list[Code]:
        return [code for code in self.codes if code.statement_level]


def _done_counts(analyst: AbstractBaseUser) -> Subquery:
    done = (
        StatementProgress.objects.filter(statement__meeting=OuterRef("pk"), analyst=analyst)
        .order_by()
        .values("statement__meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(done, output_field=IntegerField()), Value(0))


def meeting_list(
    *,
    analyst: AbstractBaseUser,
    body: str = "",
    year: int | None = None,
    search: str = "",
) -> QuerySet[Meeting]:
    """Meetings with their statement count, how many statements `analyst` marked done,
    and whether an administrator assigned the meeting to them."""
    assigned = CodingAssignment.objects.filter(meeting=OuterRef("pk"), analyst=analyst)
    meetings = Meeting.objects.with_statement_counts().annotate(
        done_count=_done_counts(analyst), assigned=Exists(assigned)
    )
    if body:
        meetings = meetings.filter(body=body)
    if year is not None:
        meetings = meetings.filter(date__year=year)
    if search:
        meetings = meetings.filter(Q(symbol__icontains=search) | Q(title__icontains=search))
    return meetings.order_by(F("date").desc(nulls_last=True), "symbol")


def meeting_bodies() -> list[str]:
    """The bodies meetings were held by, for the list's filter."""
    return list(
        Meeting.objects.exclude(body="").order_by("body").values_list("body", flat=True).distinct()
    )


def meeting_years() -> list[int]:
    """The years meetings were held in, newest first, for the list's filter."""
    return [day.year for day in Meeting.objects.dates("date", "year", order="DESC")]


def annotations_for_workspace(*, meeting: Meeting, analyst: AbstractBaseUser) -> QuerySet:
    """An analyst's live annotations in a meeting, shaped for the annotation serializer."""
    return (
        _analysts_annotations(meeting, analyst)
        .select_related("code", "analyst")
        .annotate(meeting_pk=F("statement__meeting_id"))
        .order_by("statement__order", "start", "id")
    )


def other_analysts(*, meeting: Meeting, analyst: AbstractBaseUser) -> list[str]:
    """Usernames of the other analysts with live annotations in the meeting that
    `analyst` may see (none in a blind meeting she has not finished)."""
    visible = Annotation.objects.live().for_meeting(meeting).visible_to(analyst)
    return list(
        get_user_model()
        .objects.filter(pk__in=visible.values("analyst_id"))
        .exclude(pk=analyst.pk)
        .order_by("username")
        .values_list("username", flat=True)
    )


def _analysts_annotations(meeting: Meeting, analyst: AbstractBaseUser) -> QuerySet:
    return Annotation.objects.live().for_meeting(meeting).by(analyst)


def _page_statements(meeting: Meeting, page: int) -> tuple[list[Statement], int, list]:
    """(the statements of `page`, the meeting's number of statements, the pager).

    The first page reads one statement more than a page holds: a meeting that fits on
    it costs no count and no pager, and is shown as it always was."""
    statements = Statement.objects.filter(meeting=meeting).select_related("speaker")
    size = paging.PAGE_SIZE
    start = (page - 1) * size
    shown = list(statements.order_by("order")[start : start + size + (page == 1)])
    if page == 1 and len(shown) <= size:
        return shown, len(shown), []
    total = statements.count()
    if page > paging.page_count(total):
        raise PageProblem(
            f"Page {page} does not exist: {meeting.symbol} has {paging.page_count(total)} "
            f"pages of {size} statements."
        )
    return shown[:size], total, paging.meeting_pages(meeting, total)


def _segments(meeting: Meeting, statements: list[Statement], paged: bool) -> list[str]:
    """The meeting's segments in order (all of them, when only a page is shown)."""
    if not paged:
        return list(dict.fromkeys(s.segment for s in statements if s.segment))
    return list(
        Statement.objects.filter(meeting=meeting)
        .exclude(segment="")
        .values("segment")
        .annotate(first=Min("order"))
        .order_by("first")
        .values_list("segment", flat=True)
    )


def workspace(*, meeting: Meeting, analyst: AbstractBaseUser, page: int = 1) -> Workspace:
    """The workspace of one meeting as `analyst` sees it (of one page of it, past
    paging.PAGE_SIZE statements: PageProblem when there is no such page)."""
    scheme = scheme_for_meeting(meeting)
    statements, total, pages = _page_statements(meeting, page)
    mine = _analysts_annotations(meeting, analyst)
    shown = annotations_for_workspace(meeting=meeting, analyst=analyst)
    progress = StatementProgress.objects.filter(statement__meeting=meeting, analyst=analyst)
    page_progress = progress
    if pages:
        # Only this page's: the page stays the same weight however long the meeting.
        on_page = [s.pk for s in statements]
        mine, shown = mine.filter(statement__in=on_page), shown.filter(statement__in=on_page)
        page_progress = progress.filter(statement__in=on_page)
    annotations = list(shown)
    counts = dict(mine.order_by().values("code").annotate(n=Count("pk")).values_list("code", "n"))
    done = set(page_progress.values_list("statement_id", flat=True))
    done_count = progress.count() if pages else len(done)
    blind = blind_status(meeting=meeting, user=analyst, statements=total, done=done_count)
    groups = codebook(scheme=scheme)
    for group in groups:
        for code in group.codes:
            code.meeting_count = counts.get(code.pk, 0)
    return Workspace(
        meeting=meeting,
        scheme=scheme,
        code_groups=groups,
        statements=statements,
        annotations=annotations,
        counts_by_code=counts,
        done_statement_ids=done,
        other_analysts=other_analysts(meeting=meeting, analyst=analyst),
        blind=blind,
        segments=_segments(meeting, statements, bool(pages)),
        statement_count=total,
        done_count=done_count,
        page=page,
        pages=pages,
    )


def meeting_progress(*, meeting: Meeting, analyst: AbstractBaseUser) -> tuple[int, int]:
    """(statements `analyst` marked done, statements) in a meeting."""
    totals = Statement.objects.filter(meeting=meeting).aggregate(
        # distinct: the join on progress repeats a statement once per analyst who marked it.
        total=Count("pk", distinct=True),
        done=Count("pk", filter=Q(progress__analyst=analyst), distinct=True),
    )
    return totals["done"], totals["total"]
