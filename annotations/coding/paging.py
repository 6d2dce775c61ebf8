"""A very large meeting's workspace in pages of statements.

A verbatim record of a long debate runs to tens of thousands of statements (26,214: a
44 MB page, every statement and every annotation at once). Past PAGE_SIZE statements the
workspace shows one page at a time, by position in the meeting; a meeting of up to
PAGE_SIZE statements is one page and looks as it always did. An address may ask for a
page (`?page=`), or for the page holding a statement (`?statement=`) or an annotation
(`?annotation=`, a report's quote link): each costs a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber

from tracker.models import Meeting, Statement

from ..models import Annotation

PAGE_SIZE = 200


class PageProblem(ValueError):
    """The address asks for a page, statement or annotation that cannot be shown."""


@dataclass(frozen=True)
class StatementPage:
    """One page of the pager: its number, and the first and last statement on it."""

    number: int
    first_order: int
    last_order: int
    first_speaker: str
    last_speaker: str


def page_count(statements: int) -> int:
    return max(1, -(-statements // PAGE_SIZE))


def _whole_number(raw: str, name: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise PageProblem(f"{name} must be a whole number from 1 (got {raw[:40]!r}).")
    return int(raw)


def requested_page(*, meeting: Meeting, params) -> int:
    """The page the address asks for: `page`, or the one holding `statement` or
    `annotation` (an annotation not in this meeting leaves the first page: the page's
    script says what became of it)."""
    if params.get("page"):
        return _whole_number(params["page"], "page")
    if params.get("statement"):
        statement_id = _whole_number(params["statement"], "statement")
        order = (
            Statement.objects.filter(pk=statement_id, meeting=meeting)
            .values_list("order", flat=True)
            .first()
        )
        if order is None:
            raise PageProblem(f"Statement {statement_id} is not in {meeting.symbol}.")
        return _page_of(meeting, order)
    if params.get("annotation"):
        annotation_id = _whole_number(params["annotation"], "annotation")
        order = (
            Annotation.objects.filter(pk=annotation_id, statement__meeting=meeting)
            .values_list("statement__order", flat=True)
            .first()
        )
        return 1 if order is None else _page_of(meeting, order)
    return 1


def _page_of(meeting: Meeting, order: int) -> int:
    before = Statement.objects.filter(meeting=meeting, order__lt=order).count()
    return before // PAGE_SIZE + 1


def meeting_pages(meeting: Meeting, total: int) -> list[StatementPage]:
    """The pager: the first and last statement of every page, in one query."""
    size = PAGE_SIZE
    edges = sorted(
        {n for start in range(1, total + 1, size) for n in (start, min(start + size - 1, total))}
    )
    rows: QuerySet[Statement] = (
        Statement.objects.filter(meeting=meeting)
        .select_related("speaker")
        .only("order", "delegation", "speaker", "speaker__name")
        .annotate(position=Window(RowNumber(), order_by=F("order").asc()))
        .filter(position__in=edges)
        .order_by("order")
    )
    by_position = {row.position: row for row in rows}
    pages = []
    for number, start in enumerate(range(1, total + 1, size), start=1):
        first, last = by_position[start], by_position[min(start + size - 1, total)]
        pages.append(
            StatementPage(number, first.order, last.order, first.speaker_label, last.speaker_label)
        )
    return pages
