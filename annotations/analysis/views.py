"""Analysis drafts: the browser preview and the DOCX, Markdown and PDF downloads,
of one meeting or of meetings compared. Thin: the draft comes from `draft` /
`compare`; a bad parameter is a 400 page naming it, never a 500."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode

from tracker.models import Meeting

from ..reports.options import DEFAULT_THRESHOLD, analysts_of
from .compare import comparison_draft
from .document import Draft
from .docx import render_docx
from .draft import meeting_draft
from .markdown import render_markdown
from .pdf import render_pdf

PARAMETERS = ("analyst", "source", "threshold", "quotes")
FORMATS = {
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "md": (render_markdown, "text/markdown; charset=utf-8"),
    "pdf": (render_pdf, "application/pdf"),
}


def _parameters(request: HttpRequest) -> dict:
    return {name: request.GET.get(name) for name in PARAMETERS}


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{message}" for messages in error.message_dict.values() for message in messages]
    return list(error.messages)


def _refused(request, error: ValidationError, *, meeting=None, meetings=None) -> HttpResponse:
    context = {
        "meeting": meeting,
        "errors": _messages(error),
        "analysts": analysts_of([meeting] if meeting else Meeting.objects.none(), request.user),
        "default_threshold": DEFAULT_THRESHOLD,
        "meetings": meetings,
    }
    return render(request, "annotations/analysis/error.html", context, status=400)


def _download(request: HttpRequest, draft: Draft, extension: str) -> HttpResponse:
    render_document, content_type = FORMATS[extension]
    body = render_document(draft, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{draft.filename}.{extension}"'
    return response


def _page(request: HttpRequest, draft: Draft, links: dict[str, str], back: str) -> HttpResponse:
    return render(
        request, "annotations/analysis/draft.html", {"draft": draft, "links": links, "back": back}
    )


def meeting_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        draft = meeting_draft(meeting=meeting, viewer=request.user, **_parameters(request))
    except ValidationError as error:
        return _refused(request, error, meeting=meeting)
    query = urlencode({k: v for k, v in _parameters(request).items() if v})
    base = f"/meetings/{meeting.pk}/analysis"
    links = {ext: f"{base}.{ext}" + (f"?{query}" if query else "") for ext in FORMATS}
    return _page(request, draft, links, back=f"/meetings/{meeting.pk}/report/")


def meeting_download(request: HttpRequest, meeting_id: int, extension: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        draft = meeting_draft(meeting=meeting, viewer=request.user, **_parameters(request))
    except ValidationError as error:
        return _refused(request, error, meeting=meeting)
    return _download(request, draft, extension)


def _compared(request: HttpRequest) -> Draft:
    """Meetings as ?meetings=1,2 or repeated ?meetings=1&meetings=2, as the compare page."""
    return comparison_draft(
        meetings=",".join(request.GET.getlist("meetings")),
        viewer=request.user,
        **_parameters(request),
    )


def compare_page(request: HttpRequest) -> HttpResponse:
    try:
        draft = _compared(request)
    except ValidationError as error:
        return _refused(request, error, meetings=",".join(request.GET.getlist("meetings")))
    query = request.GET.urlencode()
    links = {ext: f"/reports/compare/analysis.{ext}?{query}" for ext in FORMATS}
    return _page(request, draft, links, back=f"/reports/compare/?{query}")


def compare_download(request: HttpRequest, extension: str) -> HttpResponse:
    try:
        draft = _compared(request)
    except ValidationError as error:
        return _refused(request, error, meetings=",".join(request.GET.getlist("meetings")))
    return _download(request, draft, extension)
