"""Retrieved segments as a page and a CSV. Thin: the segments come from segments.py;
a bad parameter is named on the page with status 400."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from ...models import Annotation
from ..downloads import site_root
from ..paging import PAGING, paging
from ..segments import (
    SEGMENT_COLUMNS,
    SEGMENT_PARAMETERS,
    segment_csv_rows,
    segment_spec,
    segments_page,
)
from .search import csv_response, filter_choices

TEMPLATE = "annotations/monitoring/segments.html"


def _choices(request: HttpRequest) -> dict:
    coded = Annotation.objects.live().visible_to(request.user).values("analyst_id")
    analysts = get_user_model().objects.filter(pk__in=coded)
    return {
        "section": "segments",
        "params": request.GET,
        "chosen_codes": set(request.GET.getlist("code")),
        "analysts": analysts.order_by("username").values_list("username", flat=True),
        **filter_choices(),
    }


def segments_page_view(request: HttpRequest) -> HttpResponse:
    context = _choices(request)
    if not request.GET:
        return render(request, TEMPLATE, context)
    try:
        spec = segment_spec(
            request.GET, viewer=request.user, allowed=(*SEGMENT_PARAMETERS, *PAGING)
        )
        page, size = paging(request.GET)
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, TEMPLATE, context, status=400)
    count, segments = segments_page(spec, page=page, size=size)
    pages = max(1, -(-count // size))
    kept = {"page_size": size} if request.GET.get("page_size") else {}
    context.update(
        count=count,
        segments=segments,
        page=page,
        pages=pages,
        query=urlencode({**spec.query, **kept}),
        download_query=urlencode(spec.query),
        previous_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < pages else None,
    )
    return render(request, TEMPLATE, context)


def segments_csv(request: HttpRequest) -> HttpResponse:
    """Every segment (not only a page), the API's columns plus the passage's link."""
    try:
        spec = segment_spec(request.GET, viewer=request.user)
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    rows = segment_csv_rows(spec, base=site_root(request.build_absolute_uri))
    return csv_response("segments.csv", [*SEGMENT_COLUMNS, "url"], rows)
