"""The code × attribute matrix as a page and CSV (figures from matrix.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from ..matrix import COLUMNS, MEASURES, VALUES, matrix, matrix_spec
from .search import csv_response, filter_choices
from .trends import code_groups


def _shown(cell, spec) -> str:
    value = cell.shown(spec.measure, spec.value)
    if value is None:
        return ""
    return f"{value:.1f}" if spec.value == "share" else str(value)


def matrix_page(request: HttpRequest) -> HttpResponse:
    context = {
        "section": "matrix",
        "params": request.GET,
        "column_choices": COLUMNS.items(),
        "measures": MEASURES,
        "values": VALUES,
        "code_groups": code_groups(),
        **filter_choices(),
    }
    if not request.GET:
        return render(request, "annotations/monitoring/matrix.html", context)
    try:
        result = matrix(matrix_spec(request.GET, viewer=request.user))
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/monitoring/matrix.html", context, status=400)
    spec = result.spec
    context.update(
        result=result,
        rows=[
            (code, [(cell, _shown(cell, spec)) for cell in cells]) for code, cells in result.rows
        ],
        query=urlencode({k: v for k, v in request.GET.items() if v}),
    )
    return render(request, "annotations/monitoring/matrix.html", context)


def matrix_csv(request: HttpRequest) -> HttpResponse:
    try:
        result = matrix(matrix_spec(request.GET, viewer=request.user))
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    spec = result.spec
    header = ["code", "name", *(c.label for c in result.columns)]
    totals = ["", f"all ({spec.measure})"] + [
        c.statements if spec.measure == "statements" else c.speakers for c in result.columns
    ]
    rows = [totals] + [
        [code.slug, code.name, *(_shown(cell, spec) for cell in cells)]
        for code, cells in result.rows
    ]
    return csv_response(f"matrix-{spec.columns}.csv", header, rows)
