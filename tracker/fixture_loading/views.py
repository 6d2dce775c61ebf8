"""Admin-side fixture loading: upload a JSON fixture, read the dry run, confirm.

The upload is kept on the server (in the session, which lives in the database, so any
app server can take the confirmation) under a random token; the confirmation names
the token only, never the content, and loads what was previewed — validated again,
since the database may have changed in between.
"""

import secrets

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import MAX_FIXTURE_BYTES, FixtureReport, load_fixture, preview_fixture

SESSION_KEY = "admin_fixture_upload"


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


def _page(request: HttpRequest, template: str, **context) -> HttpResponse:
    context = {**admin.site.each_context(request), "title": "Load a fixture", **context}
    return render(request, f"admin/{template}", context)


def fixture_load(request: HttpRequest) -> HttpResponse:
    """The upload form; a posted file gets its dry run."""
    form = FixtureUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _page(request, "fixture_load.html", form=form)
    upload = form.cleaned_data["fixture"]
    content = upload.read()
    report = preview_fixture(content=content, name=upload.name, user=request.user)
    token = ""
    request.session.pop(SESSION_KEY, None)
    if report.ok:
        token = secrets.token_urlsafe(24)
        request.session[SESSION_KEY] = {
            "token": token,
            "name": upload.name,
            "content": content.decode("utf-8-sig"),
        }
    return _report_page(request, report, token=token)


@require_POST
def fixture_confirm(request: HttpRequest) -> HttpResponse:
    """Load the previewed file for good."""
    pending = request.session.get(SESSION_KEY)
    token = request.POST.get("token", "")
    if not pending or not secrets.compare_digest(pending["token"], token):
        messages.error(
            request,
            "That upload is no longer waiting for confirmation (it was loaded or replaced "
            "by another upload). Upload the file again.",
        )
        return redirect("admin_fixture_load")
    del request.session[SESSION_KEY]
    report = load_fixture(
        content=pending["content"].encode("utf-8"), name=pending["name"], user=request.user
    )
    if not report.committed:
        return _report_page(request, report, token="")
    messages.success(
        request,
        f"Loaded {report.name}: {report.created} records created, {report.updated} updated.",
    )
    return redirect("admin:index")


def _report_page(request: HttpRequest, report: FixtureReport, *, token: str) -> HttpResponse:
    return _page(request, "fixture_report.html", report=report, token=token)
