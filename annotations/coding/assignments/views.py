"""The administrators' assignment page: assign, withdraw, and each assignment's progress."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from tracker.models import Meeting

from ...models import CodingAssignment
from ...roles import can_administer
from ..blind.services import blind_coding_set
from .forms import AssignmentForm
from .selectors import assignment_progress
from .services import assignment_create, assignment_delete

TEMPLATE = "annotations/coding/assignments.html"


def _require_administrator(request: HttpRequest) -> None:
    if not can_administer(request.user):
        raise PermissionDenied("Only administrators assign meetings to analysts.")


def _render(request: HttpRequest, form: AssignmentForm, errors=(), status: int = 200):
    context = {"form": form, "assignments": assignment_progress(), "errors": list(errors)}
    return render(request, TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
def assignments_page(request: HttpRequest) -> HttpResponse:
    _require_administrator(request)
    if request.method == "GET":
        return _render(request, AssignmentForm())
    form = AssignmentForm(request.POST)
    if not form.is_valid():
        errors = [f"{form[name].label}: {' '.join(e)}" for name, e in form.errors.items()]
        return _render(request, form, errors, status=400)
    meeting, analyst = form.cleaned_data["meeting"], form.cleaned_data["analyst"]
    try:
        assignment_create(meeting=meeting, analyst=analyst, actor=request.user)
    except ValidationError as error:
        return _render(request, form, error.messages, status=400)
    messages.success(request, f"{meeting.symbol} is assigned to {analyst.get_username()}.")
    return redirect("coding-assignments")


@require_POST
def assignment_withdraw(request: HttpRequest, assignment_id: int) -> HttpResponse:
    _require_administrator(request)
    assignment = get_object_or_404(CodingAssignment.objects.select_related(), pk=assignment_id)
    assignment_delete(assignment=assignment, actor=request.user)
    messages.success(
        request,
        f"{assignment.meeting.symbol} is no longer assigned to "
        f"{assignment.analyst.get_username()} (their coding stays).",
    )
    return redirect("coding-assignments")


@require_POST
def blind_coding_switch(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The page's switch: blind=on or blind=off (anything else is a 400 naming it)."""
    _require_administrator(request)
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    choice = request.POST.get("blind", "")
    if choice not in ("on", "off"):
        form = AssignmentForm()
        return _render(
            request, form, [f"Blind coding is switched “on” or “off”, not “{choice}”."], 400
        )
    blind_coding_set(meeting=meeting, enabled=choice == "on", actor=request.user)
    state = "on: its analysts see others' coding once they have marked all its statements done"
    messages.success(
        request, f"Blind coding of {meeting.symbol} is {state if choice == 'on' else 'off'}."
    )
    return redirect("coding-assignments")
