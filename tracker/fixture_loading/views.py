"""Admin-side fixture loading: upload a JSON fixture, follow its dry run, confirm.

The upload is stored in a job row (jobs.py) and checked by the task queue's worker, so
the request only stores the file, however many records it holds; the job's page follows
the run and then shows its report. Confirming names the dry run's job only, never the
content, and loads what was previewed — validated again, since the database may have
changed in between. A job is its uploader's (and superusers'): others get a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from tracker.models import FixtureJob

from . import MAX_FIXTURE_BYTES, FixtureReport
from .jobs import NotLoadable, fixture_check_create, fixture_load_create


class FixtureUploadForm(forms.Form):
    fixture = forms.FileField(
        label="Fixture file",
        help_text=f"A JSON fixture as manage.py dumpdata writes it, up to "
        f"{MAX_FIXTURE_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_fixture(self):
        upload = self.cleaned_data["fixture"]
        if upload.size > MAX_FIXTURE_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_FIXTURE_BYTES // (1024 * 1024)} MB."
            )
        return upload


def _page(
    request: HttpRequest, template: str, *, http_status: int = 200, **context
) -> HttpResponse:
    context = {**admin.site.each_context(request), "title": "Load a fixture", **context}
    return render(request, f"admin/{template}", context, status=http_status)


def job_for(request: HttpRequest, job_id: int) -> FixtureJob:
    """The requester's own job (any job, for a superuser), or a 404."""
    return get_object_or_404(FixtureJob.objects.for_user(request.user), pk=job_id)


def fixture_load(request: HttpRequest) -> HttpResponse:
    """The upload form; a posted file goes to the worker for its dry run."""
    form = FixtureUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        http_status = 400 if form.errors else 200
        return _page(request, "fixture_load.html", form=form, http_status=http_status)
    upload = form.cleaned_data["fixture"]
    job = fixture_check_create(content=upload.read(), name=upload.name, created_by=request.user)
    return redirect("admin_fixture_job", job_id=job.pk)


@require_GET
def fixture_job(request: HttpRequest, job_id: int) -> HttpResponse:
    """A dry run or load as it runs, then its report (and, for a clean dry run, the
    button that loads it)."""
    job = job_for(request, job_id)
    report = FixtureReport.from_dict({"name": job.name, **job.report}) if job.report else None
    loadable = bool(report and report.ok and job.mode == FixtureJob.Mode.CHECK and job.upload)
    context = {"job": job, "status": job.progress(), "report": report, "loadable": loadable}
    return _page(request, "fixture_job.html", **context)


@require_GET
def fixture_job_status(request: HttpRequest, job_id: int) -> JsonResponse:
    return JsonResponse(job_for(request, job_id).progress())


@require_POST
def fixture_job_load(request: HttpRequest, job_id: int) -> HttpResponse:
    """Load the file a clean dry run read."""
    checked = job_for(request, job_id)
    try:
        job = fixture_load_create(checked=checked, created_by=request.user)
    except NotLoadable as exc:
        messages.error(request, str(exc))
        return redirect("admin_fixture_load")
    return redirect("admin_fixture_job", job_id=job.pk)
