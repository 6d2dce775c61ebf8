"""Trends and the passages behind every figure, as pages and CSV. Thin: the figures
come from trends.py and passages.py, the charts from chart_catalog.py."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from ...models import CodingScheme
from ..chart_catalog import (
    ChartOnPage,
    coverage,
    four_ps_chart,
    gender_chart,
    speaker_type_chart,
    trend_chart,
)
from ..downloads import site_root
from ..paging import PAGING, paging
from ..parameters import FILTERS, statement_filters
from ..passages import passage_csv_rows, passages_page
from ..trends import civil_society_briefers, trend_spec, trends
from .search import csv_response, filter_choices


def _bad(error: ValidationError) -> HttpResponse:
    return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")


def _charts(result, query: dict) -> list[ChartOnPage]:
    spec = result.spec
    figures = coverage(spec)  # one query for both coverage charts
    return [
        ChartOnPage("trends", trend_chart(result, "statements"), query),
        ChartOnPage("trends", trend_chart(result, "speakers"), {**query, "measure": "speakers"}),
        ChartOnPage("four-ps", four_ps_chart(spec), query),
        ChartOnPage("speaker-types", speaker_type_chart(spec, figures), query),
        ChartOnPage("genders", gender_chart(spec, figures), query),
    ]


def _profile_links():
    """(name, slug) pairs → (name, profile URL or ""), each URL reversed once: by meeting
    at XL the page lists ~40,000 delegations, and a {% url %} apiece took seconds."""
    urls: dict[str, str] = {}

    def linked(delegations: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for _, slug in delegations:
            if slug and slug not in urls:
                urls[slug] = reverse("monitoring-profile", args=[slug])
        return [(name, urls[slug] if slug else "") for name, slug in delegations]

    return linked


def code_groups() -> list[tuple[str, str]]:
    groups = {}
    for scheme in CodingScheme.objects.order_by("-is_default", "pk"):
        for group in scheme.groups or []:
            groups.setdefault(group["slug"], group["name"])
    return list(groups.items())


def trends_page(request: HttpRequest) -> HttpResponse:
    context = {
        "section": "trends",
        "params": request.GET,
        "code_groups": code_groups(),
        **filter_choices(),
    }
    if not request.GET:
        return render(request, "annotations/monitoring/trends.html", context)
    try:
        result = trends(trend_spec(request.GET, viewer=request.user))
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/monitoring/trends.html", context, status=400)
    query = {k: v for k, v in request.GET.items() if v}
    linked = _profile_links()
    context.update(
        result=result,
        rows=[(p, result.sentence(p), linked(p.delegations)) for p in result.points],
        charts=_charts(result, query),
        query=urlencode(query),
    )
    return render(request, "annotations/monitoring/trends.html", context)


TRENDS_CSV_HEADER = [
    "body", "period", "year", "statements", "statements_coded", "share_of_statements",
    "speakers", "speakers_coded", "share_of_speakers", "delegations", "sentence", "passages",
]  # fmt: skip


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def trends_csv(request: HttpRequest) -> HttpResponse:
    try:
        result = trends(trend_spec(request.GET, viewer=request.user), briefers=False)
    except ValidationError as error:
        return _bad(error)
    rows = (
        [p.body, p.period, p.year or "", p.statements, p.coded_statements,
         _percent(p.share_of_statements), p.speakers, p.coded_speakers,
         _percent(p.share_of_speakers), "; ".join(name for name, _ in p.delegations),
         result.sentence(p), request.build_absolute_uri(p.coded_url)]
        for p in result.points
    )  # fmt: skip
    return csv_response("trends.csv", TRENDS_CSV_HEADER, rows)


def briefers_csv(request: HttpRequest) -> HttpResponse:
    try:
        briefers = civil_society_briefers(trend_spec(request.GET, viewer=request.user))
    except ValidationError as error:
        return _bad(error)
    rows = (
        [b.body, b.year or "", b.briefers, b.women, request.build_absolute_uri(b.url)]
        for b in briefers
    )
    header = ["body", "year", "civil_society_briefers", "women", "passages"]
    return csv_response("civil-society-briefers.csv", header, rows)


def passages_view(request: HttpRequest) -> HttpResponse:
    context = {"section": "passages", "params": request.GET, **filter_choices()}
    try:
        filters = statement_filters(request.GET, viewer=request.user, allowed=(*FILTERS, *PAGING))
        page, size = paging(request.GET)
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/monitoring/passages.html", context, status=400)
    count, passages = passages_page(filters, page=page, size=size)
    pages = max(1, -(-count // size))
    context.update(
        count=count,
        passages=passages,
        page=page,
        pages=pages,
        query=urlencode({k: v for k, v in request.GET.items() if k != "page"}),
        previous_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < pages else None,
    )
    return render(request, "annotations/monitoring/passages.html", context)


PASSAGES_CSV_HEADER = [
    "statement", "meeting", "symbol", "order", "date", "speaker", "delegation", "speaker_type",
    "annotation", "code", "code_name", "analyst", "start", "end", "quote", "url",
]  # fmt: skip


def passages_csv(request: HttpRequest) -> HttpResponse:
    """Every passage the page lists under these filters (all pages, in the page's order)."""
    try:
        filters = statement_filters(request.GET, viewer=request.user, allowed=(*FILTERS, *PAGING))
        paging(request.GET)
    except ValidationError as error:
        return _bad(error)
    rows = passage_csv_rows(filters, base=site_root(request.build_absolute_uri))
    return csv_response("passages.csv", PASSAGES_CSV_HEADER, rows)
