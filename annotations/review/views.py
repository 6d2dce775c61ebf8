"""Pages for trust: review and adjudication, history, restoring deleted work, and
the analysts' annotations side by side.

Thin views: the rules live in review.board, review.services, review.history,
review.side_by_side and coding.services; these pages check the role, call them,
and render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tracker.models import Meeting

from ..coding.services import StaleVersion, annotation_restore
from ..models import AdjudicationDecision, Annotation
from ..roles import can_restore, can_review
from . import board, history, services
from .forms import DecisionForm
from .side_by_side import analyst_comparison

HISTORY_PER_PAGE = 100
DELETED_PER_PAGE = 50


def _require_reviewer(request: HttpRequest) -> None:
    if not can_review(request.user):
        raise PermissionDenied("Only reviewers and administrators can review meetings.")


def _render_review(request, meeting, *, status=200, errors=(), failed_form=None):
    only_disputed = request.GET.get("show") != "all"
    review_board = board.review_board(meeting=meeting, only_disputed=only_disputed)
    return render(
        request,
        "annotations/review/board.html",
        {
            "meeting": meeting,
            "board": review_board,
            "only_disputed": only_disputed,
            "errors": list(errors),
            "failed_form": failed_form,
            "decision_choices": AdjudicationDecision.Decision.choices,
        },
        status=status,
    )


@require_GET
def review_meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    _require_reviewer(request)
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    return _render_review(request, meeting)


@require_POST
def review_decide(request: HttpRequest, meeting_id: int) -> HttpResponse:
    _require_reviewer(request)
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        errors = [f"{name}: {' '.join(errs)}" for name, errs in form.errors.items()]
        return _render_review(request, meeting, status=400, errors=errors, failed_form=form)
    data = form.cleaned_data
    annotation = Annotation.objects.filter(pk=data["annotation"]).first()
    if annotation is None:
        errors = [f"There is no annotation {data['annotation']}."]
        return _render_review(request, meeting, status=404, errors=errors, failed_form=form)
    try:
        decision = services.decide(
            annotation=annotation,
            reviewer=request.user,
            decision=data["decision"],
            reason=data["reason"],
            meeting=meeting,
            version=data["version"],
        )
    except StaleVersion as stale:
        errors = [f"{stale} Read it again below before you decide."]
        return _render_review(request, meeting, status=409, errors=errors, failed_form=form)
    except ValidationError as error:
        return _render_review(request, meeting, status=400, errors=error.messages, failed_form=form)
    messages.success(
        request,
        f"Annotation {annotation.pk} {decision.get_decision_display().lower()}.",
    )
    url = reverse("review", args=[meeting.pk])
    if request.GET.get("show") == "all":
        url += "?show=all"
    return redirect(f"{url}#statement-{annotation.statement_id}")


@require_GET
def meeting_history(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    entries = history.meeting_history(meeting=meeting, viewer=request.user)
    page = Paginator(entries, HISTORY_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "annotations/review/history.html",
        {"meeting": meeting, "page": page, "everyone": can_review(request.user)},
    )


def _render_annotation_history(request, annotation, *, status=200, errors=()):
    if not history.can_see_annotation_history(annotation=annotation, viewer=request.user):
        raise PermissionDenied("This annotation belongs to another analyst.")
    entries = history.annotation_history(annotation=annotation)
    restorable = annotation.deleted_at is not None and (
        annotation.analyst_id == request.user.pk or can_restore(request.user)
    )
    return render(
        request,
        "annotations/review/annotation_history.html",
        {
            "annotation": annotation,
            "entries": entries,
            "can_restore": restorable,
            "errors": list(errors),
        },
        status=status,
    )


def _annotation_for_history(annotation_id: int) -> Annotation:
    return get_object_or_404(
        Annotation.objects.select_related("statement__meeting", "code", "analyst", "deleted_by"),
        pk=annotation_id,
    )


@require_GET
def annotation_history(request: HttpRequest, annotation_id: int) -> HttpResponse:
    return _render_annotation_history(request, _annotation_for_history(annotation_id))


def _render_deleted(request, *, status=200, errors=()):
    if not can_restore(request.user):
        raise PermissionDenied("Only administrators can list deleted annotations.")
    meeting = None
    meeting_id = request.GET.get("meeting")
    if meeting_id:
        if not meeting_id.isdigit():
            errors = [*errors, f"{meeting_id!r} is not a meeting id."]
            status = 400
        else:
            meeting = get_object_or_404(Meeting, pk=int(meeting_id))
    annotations = history.deleted_annotations(meeting=meeting)
    page = Paginator(annotations, DELETED_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "annotations/review/deleted.html",
        {"page": page, "meeting": meeting, "errors": list(errors)},
        status=status,
    )


@require_GET
def deleted_annotations(request: HttpRequest) -> HttpResponse:
    return _render_deleted(request)


@require_POST
def restore_annotation(request: HttpRequest, annotation_id: int) -> HttpResponse:
    annotation = get_object_or_404(Annotation, pk=annotation_id)
    try:
        restored = annotation_restore(annotation=annotation, actor=request.user)
    except ValidationError as error:
        if can_restore(request.user):
            return _render_deleted(request, status=400, errors=error.messages)
        return _render_annotation_history(
            request,
            _annotation_for_history(annotation.pk),
            status=400,
            errors=error.messages,
        )
    messages.success(
        request, f"Annotation {restored.pk} ({restored.code.slug}) is restored (undo of delete)."
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("annotation-history", args=[restored.pk])
    return redirect(target)


def compare_analysts_page(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    try:
        comparison = analyst_comparison(
            meeting=meeting,
            statement=request.GET.get("statement"),
            code=request.GET.get("code"),
            viewer=request.user,
        )
    except ValidationError as error:
        return render(
            request,
            "annotations/review/compare_analysts.html",
            {"meeting": meeting, "errors": error.messages, "comparison": None},
            status=400,
        )
    return render(
        request,
        "annotations/review/compare_analysts.html",
        {"meeting": meeting, "errors": [], "comparison": comparison},
    )
