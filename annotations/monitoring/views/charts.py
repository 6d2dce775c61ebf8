"""A monitoring chart as SVG or PNG, for <img> on the pages and for download.

The SVG is matplotlib's: text, paths and inline style attributes, no script, no
external reference. Chromium draws it as an <img> under the strict policy (tested),
but opened on its own (the "Chart as SVG" link) it is a document of its own, and the
strict style-src 'self' refused its forty-odd style attributes (seen in Chromium). So
this response alone allows inline styles with django-csp's per-view decorator, and
forbids everything else (default-src and script-src 'none'): styles cannot run code,
the SVG holds no script, and no page's policy changes.
"""

from __future__ import annotations

from csp.decorators import csp_replace
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse

from ...charts import render_png, render_svg
from ..chart_catalog import CHARTS, chart_for

SVG_POLICY = {"default-src": ["'none'"], "style-src": ["'unsafe-inline'"], "script-src": ["'none'"]}


@csp_replace(SVG_POLICY)
def chart_image(request: HttpRequest, name: str, extension: str) -> HttpResponse:
    if name not in CHARTS or extension not in ("svg", "png"):
        raise Http404(f"There is no chart {name}.{extension}.")
    try:
        chart = chart_for(name, request.GET, viewer=request.user)
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    if extension == "svg":
        response = HttpResponse(render_svg(chart), content_type="image/svg+xml; charset=utf-8")
    else:
        response = HttpResponse(render_png(chart), content_type="image/png")
    return response
