"""The bulk import pages: upload → progress (polling a JSON status) → summary table.

Thin: the form gives the files, .jobs stores them and enqueues the work, the queue's
worker runs it. A job is its importer's: others get a 404 (one scoped getter).
"""

from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods

from tracker.models import ImportJob

from .forms import BulkImportForm
from .jobs import import_job_create
from .runner import STATUSES

IMPORT_PERMISSION = "tracker.add_meeting"


def job_for(request: HttpRequest, job_id: int) -> ImportJob:
    """The requester's own job, or a 404 (the import page's preview of a job uses it too)."""
    return get_object_or_404(ImportJob.objects.for_user(request.user), pk=job_id)


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def bulk_import_new(request: HttpRequest) -> HttpResponse:
    form = BulkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            uploads=form.cleaned_data["files"],
            created_by=request.user,
            kind=form.cleaned_data["kind"],
            dry_run=form.cleaned_data["dry_run"],
            keep_going=form.cleaned_data["keep_going"],
        )
        return redirect("import-job", job_id=job.pk)
    status = 400 if form.errors else 200
    return render(request, "tracker/imports/bulk/new.html", {"form": form}, status=status)


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_GET
def import_job_page(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_for(request, job_id)
    context = {"job": job, "status": job_status(job), "statuses": STATUSES}
    return render(request, "tracker/imports/bulk/job.html", context)


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_GET
def import_job_status(request: HttpRequest, job_id: int) -> JsonResponse:
    return JsonResponse(job_status(job_for(request, job_id)))


def job_status(job: ImportJob) -> dict:
    """What the progress page shows, and polls for while the job runs."""
    return {
        **job.progress(),
        "counts": {s: getattr(job, s.replace(" ", "_")) for s in STATUSES},
        "next": _next_url(job),
    }


def _next_url(job: ImportJob) -> str:
    # A finished parse job continues on the import page's preview, once it has one.
    if job.mode != ImportJob.Mode.PARSE or job.status != ImportJob.Status.FINISHED:
        return ""
    try:
        return reverse("import-parsed", kwargs={"job_id": job.pk})
    except NoReverseMatch:
        return ""
