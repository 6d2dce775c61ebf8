"""Report pages and downloads. Thin: the figures come from the report modules;
a bad parameter gets its message on the page with status 400, never a 500."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode

from tracker.models import Meeting
from tracker.web.csv_files import write_rows

from .compare import meeting_comparison
from .meeting import meeting_report
from .options import (
    COMPARISON_PARAMETERS,
    DEFAULT_THRESHOLD,
    REPORT_PARAMETERS,
    analysts_of,
    refuse_unknown_parameters,
)
from .speakers import GENDERS, SPEAKER_TYPES
from .tables import TABLES, report_as_dict


def _report_parameters(request: HttpRequest) -> dict:
    refuse_unknown_parameters(request.GET, REPORT_PARAMETERS)
    return {
        **{name: request.GET.get(name) for name in REPORT_PARAMETERS},
        "viewer": request.user,
    }


def _filename(meeting: Meeting, name: str, extension: str) -> str:
    return f"{re.sub(r'[^A-Za-z0-9._-]+', '-', meeting.symbol)}-{name}.{extension}"


def report_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        report = meeting_report(meeting=meeting, **_report_parameters(request))
    except ValidationError as error:
        return render(
            request,
            "annotations/reports/error.html",
            {
                "meeting": meeting,
                "errors": error.messages,
                "analysts": analysts_of([meeting], request.user),
                "default_threshold": DEFAULT_THRESHOLD,
            },
            status=400,
        )
    query = urlencode(report.query)
    return render(
        request,
        "annotations/reports/report.html",
        {
            "report": report,
            "query": query,
            "tables": [(name, title) for name, (title, _) in TABLES.items()],
            "speaker_types": SPEAKER_TYPES,
            "genders": GENDERS,
        },
    )


def report_table_csv(request: HttpRequest, meeting_id: int, table: str) -> HttpResponse:
    if table not in TABLES:
        raise Http404(f"There is no report table called {table!r}.")
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        report = meeting_report(meeting=meeting, **_report_parameters(request))
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    header, rows = TABLES[table][1](report)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(meeting, table, "csv")}"'
    write_rows(response, [header, *rows])
    return response


def report_json(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        report = meeting_report(meeting=meeting, **_report_parameters(request))
    except ValidationError as error:
        return JsonResponse(
            error.message_dict
            if hasattr(error, "error_dict")
            else {"non_field_errors": error.messages},
            status=400,
        )
    response = JsonResponse(report_as_dict(report), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{_filename(meeting, "report", "json")}"'
    return response


def _compared_ids(request: HttpRequest) -> str:
    """Meetings as ?meetings=1,2 or as repeated ?meetings=1&meetings=2 (the picker form)."""
    return ",".join(request.GET.getlist("meetings"))


def compare_meetings_page(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.with_statement_counts().order_by("-date", "symbol")
    context = {"meetings": meetings, "chosen": [], "errors": [], "comparison": None}
    if "meetings" not in request.GET:
        # ?with=<id>: the picker with a meeting already ticked (the report links here).
        context["chosen"] = request.GET.getlist("with")
        return render(request, "annotations/reports/compare.html", context)
    context["chosen"] = [item for item in _compared_ids(request).split(",") if item]
    try:
        refuse_unknown_parameters(request.GET, COMPARISON_PARAMETERS)
        context["comparison"] = meeting_comparison(
            meetings=_compared_ids(request),
            analyst=request.GET.get("analyst"),
            source=request.GET.get("source"),
            viewer=request.user,
        )
    except ValidationError as error:
        context["errors"] = error.messages
        return render(request, "annotations/reports/compare.html", context, status=400)
    context["query"] = urlencode(context["comparison"].query)
    context["columns"] = 1 + 2 * len(context["comparison"].meetings)
    return render(request, "annotations/reports/compare.html", context)


def compare_meetings_csv(request: HttpRequest) -> HttpResponse:
    try:
        refuse_unknown_parameters(request.GET, COMPARISON_PARAMETERS)
        comparison = meeting_comparison(
            meetings=_compared_ids(request),
            analyst=request.GET.get("analyst"),
            source=request.GET.get("source"),
            viewer=request.user,
        )
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings-compared.csv"'
    header = ["group", "slug", "name"]
    for meeting in comparison.meetings:
        header += [
            f"{meeting.symbol} statements",
            f"{meeting.symbol} speakers",
            f"{meeting.symbol} share_of_speakers",
        ]
    lines = [header]
    for row in comparison.rows:
        line = [row.group, row.slug, row.name]
        for cell in row.cells:
            share = "" if cell.share_of_speakers is None else f"{cell.share_of_speakers:.2f}"
            line += [cell.statements, cell.speakers, share]
        lines.append(line)
    write_rows(response, lines)
    return response
