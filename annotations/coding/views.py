"""Pages of the annotation workspace: the meeting list and a meeting's workspace.

Thin views: selectors read, templates render, the page's script talks to the
REST API for every change.
"""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from tracker.models import Gender, Meeting, SpeakerType

from ..roles import can_code, can_review
from . import selectors
from .paging import PageProblem, requested_page
from .serializers import AnnotationSerializer
from .undo.selectors import undo_history

MEETINGS_PER_PAGE = 50


class MeetingFilterForm(forms.Form):
    q = forms.CharField(label="Symbol or title", required=False, max_length=200)
    body = forms.ChoiceField(label="Body", required=False)
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, bodies: list[str], years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [("", "All bodies")] + [(b, b) for b in bodies]
        self.fields["year"].choices = [("", "All years")] + [(y, y) for y in years]


def meeting_list(request: HttpRequest) -> HttpResponse:
    form = MeetingFilterForm(
        request.GET or None, bodies=selectors.meeting_bodies(), years=selectors.meeting_years()
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    meetings = selectors.meeting_list(
        analyst=request.user,
        body=filters.get("body") or "",
        year=filters.get("year"),
        search=(filters.get("q") or "").strip(),
    )
    page = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "annotations/coding/meeting_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def workspace(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        page = requested_page(meeting=meeting, params=request.GET)
        space = selectors.workspace(meeting=meeting, analyst=request.user, page=page)
    except PageProblem as problem:
        context = {"meeting": meeting, "errors": [str(problem)]}
        return render(request, "annotations/coding/workspace_error.html", context, status=400)
    may_code = can_code(request.user)
    config = {
        "meeting": meeting.pk,
        "analyst": request.user.get_username(),
        "canCode": may_code,
        "statementCount": space.statement_count,
        "codes": [
            {
                "id": code.pk,
                "slug": code.slug,
                "name": code.name,
                "group": code.group,
                "colour": code.colour,
                "shortcut": code.shortcut,
                "statementLevel": code.statement_level,
            }
            for code in space.codes
        ],
        # On a page of a long meeting (paging.py), the done marks of this page only.
        "doneStatements": sorted(space.done_statement_ids),
        "doneCount": space.done_count,
        # The undo history survives a reload: the server logs every step (coding.undo).
        "history": undo_history(meeting=meeting, analyst=request.user) if may_code else None,
    }
    return render(
        request,
        "annotations/coding/workspace.html",
        {
            "meeting": meeting,
            "space": space,
            "can_code": may_code,
            "can_review": can_review(request.user),
            "config": config,
            "annotations": AnnotationSerializer(space.annotations, many=True).data,
            "speaker_types": SpeakerType.choices,
            "genders": Gender.choices,
            "search_url": f"{reverse('monitoring-search')}?{urlencode({'meeting': meeting.pk})}",
        },
    )
