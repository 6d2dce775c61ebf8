"""Monitoring pages and their CSV twins. Thin: the figures come from the selectors;
a bad parameter is named on the page with status 400, never a 500 or "no results"."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from tracker.delegations.selectors import groups_with_member_counts
from tracker.models import Gender, Meeting, SpeakerType
from tracker.web.csv_files import csv_chunks

from ...models import Code
from ...roles import can_code
from ..api import searched
from ..chart_catalog import ChartOnPage, gender_index_chart
from ..downloads import site_root
from ..gender_index import gender_index
from ..parameters import statement_filters
from ..record_kinds import RECORD_KINDS
from ..search import hit_csv_rows, search_page
from ..search_coding import MAX_HITS


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    """A CSV download streamed row by row (a corpus-wide export never sits in memory),
    through the workbench's one CSV writer (formula cells neutralised)."""
    body = csv_chunks(chain([header], rows))
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def filter_choices() -> dict:
    """What the filter forms offer (a few small queries, whatever the corpus)."""
    return {
        "bodies": Meeting.objects.exclude(body="")
        .order_by("body")
        .values_list("body", flat=True)
        .distinct(),
        "groups": groups_with_member_counts(),
        "codes": Code.objects.active().select_related("scheme").in_codebook_order(),
        "speaker_types": SpeakerType.choices,
        "genders": Gender.choices,
        "record_kinds": list(RECORD_KINDS.items()),
    }


# The page counts its hits up to here, then says "more than": the first 50 of a common
# word then come without the exact COUNT of half a million hits (5 s at XL).
PAGE_COUNT_UP_TO = 10_000


def search_page_view(request: HttpRequest) -> HttpResponse:
    context = {"params": request.GET, **filter_choices()}
    if not request.GET:
        return render(request, "annotations/monitoring/search.html", context)
    try:
        tree, filters, page, size = searched(request.GET, viewer=request.user)
        count, page_hits = search_page(
            tree, filters, page=page, size=size, count_up_to=PAGE_COUNT_UP_TO
        )
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/monitoring/search.html", context, status=400)
    query = {k: v for k, v in request.GET.items() if k != "page"}
    more = count > PAGE_COUNT_UP_TO  # "more than 10,000": the API and the CSV count them all
    count = min(count, PAGE_COUNT_UP_TO)
    pages = max(1, -(-count // size))
    context.update(_coding_controls(request, count))
    context.update(
        count=count,
        more=more,
        hits=page_hits,
        page=page,
        pages=pages,
        query=urlencode(query),
        previous_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < pages or (more and len(page_hits) == size) else None,
    )
    return render(request, "annotations/monitoring/search.html", context)


def _coding_controls(request: HttpRequest, count: int) -> dict:
    """What code-from-search offers: nothing to a role that reads but does not code."""
    if not (can_code(request.user) and count):
        return {"can_code": False}
    codes = Code.objects.active().filter(statement_level=False).in_codebook_order()
    return {"can_code": True, "passage_codes": codes, "max_hits": MAX_HITS}


SEARCH_CSV_HEADER = [
    "statement", "meeting", "symbol", "date", "speaker", "delegation",
    "before", "match", "after", "start", "end", "url",
]  # fmt: skip


def search_csv(request: HttpRequest) -> HttpResponse:
    """Every hit (not only a page) as CSV, the API's columns plus the passage's link."""
    try:
        tree, filters, _, _ = searched(request.GET, viewer=request.user)
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    rows = hit_csv_rows(tree, filters, base=site_root(request.build_absolute_uri))
    return csv_response("search.csv", SEARCH_CSV_HEADER, rows)


def gender_index_page(request: HttpRequest) -> HttpResponse:
    context = {"section": "gender-index", "params": request.GET, **filter_choices()}
    try:
        filters = statement_filters(request.GET, viewer=request.user)
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/monitoring/gender_index.html", context, status=400)
    context.update(
        index=gender_index(filters),
        query=urlencode(filters.query),
        charts=[
            ChartOnPage(
                "gender-index", gender_index_chart(request.GET, request.user), filters.query
            )
        ],
    )
    return render(request, "annotations/monitoring/gender_index.html", context)


def gender_index_csv(request: HttpRequest) -> HttpResponse:
    try:
        index = gender_index(statement_filters(request.GET, viewer=request.user))
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    rows = ([r.name, r.slug, r.statements, r.label] for r in index.rows)
    return csv_response("gender-index.csv", ["delegation", "slug", "statements", "level"], rows)
