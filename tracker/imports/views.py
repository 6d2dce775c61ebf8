"""The import page: paste or upload a release → preview with editable speakers → save.

A PDF is read on the task queue first (seconds of CPU): the upload redirects to the job's
progress page, which continues on the preview (import_parsed) once the worker is done.

Thin views: .parsing parses, .saving saves. The preview carries the
source text back in the form and the save re-parses it, so no parse waits on the
server between the two steps.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker.models import Meeting
from tracker.web.errors import validation_messages

from .bulk.jobs import parse_in_background, parsed_release
from .bulk.views import job_for
from .forms import (
    ImportCommitForm,
    ImportSourceForm,
    MeetingHeaderForm,
    SpeechTextForm,
    StatementCorrectionFormSet,
)
from .parsing.catalogue import ImportKind, import_kind, parse
from .parsing.corrections import apply_corrections
from .parsing.records import ImportProblem, MeetingHeader, PressRelease
from .saving import SELF_NAMED_ERRORS, ImportConflict, record_save
from .uploads import parse_upload, read_in_background

IMPORT_PERMISSION = "tracker.add_meeting"


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    form = ImportSourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            into = _meeting_to_add_to(data["into"])
            if read_in_background(data["data"], data["kind"]):
                return _parse_in_background(request, data)
            release = parse_upload(data["data"], data["kind"], data["symbol"], data["date"])
        except ImportProblem as exc:
            form.add_error(None, str(exc))
        else:
            return _preview(request, release, kind=import_kind(release.kind), into=into)
    status = 400 if form.errors else 200
    return render(request, "tracker/imports/new.html", {"form": form}, status=status)


def _parse_in_background(request: HttpRequest, data: dict) -> HttpResponse:
    """A PDF costs seconds of CPU to read (a text, milliseconds): the queue's worker reads
    it while the analyst watches the job's progress page, which then opens the preview."""
    job = parse_in_background(
        data["data"],
        data["kind"],
        data["symbol"],
        date=data["date"],
        into=data["into"],
        created_by=request.user,
    )
    return redirect("import-job", job_id=job.pk)


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_GET
def import_parsed(request: HttpRequest, job_id: int) -> HttpResponse:
    """The preview of a record the queue's worker has read (the job's own importer only)."""
    job = job_for(request, job_id)
    try:
        release = parsed_release(job)
        into = _meeting_to_add_to(job.into)
    except ImportProblem as exc:
        return _start_again(request, str(exc))
    return _preview(request, release, kind=import_kind(release.kind), into=into)


@permission_required(IMPORT_PERMISSION, raise_exception=True)
@require_POST
def import_commit(request: HttpRequest) -> HttpResponse:
    commit = ImportCommitForm(request.POST)
    if not commit.is_valid():
        return _start_again(request, "The preview was incomplete: paste or upload it again.")
    kind = import_kind(commit.cleaned_data["kind"])
    try:
        release = parse(commit.cleaned_data["source"], kind=kind.name)
        into = _meeting_to_add_to(commit.cleaned_data["into"])
    except ImportProblem as exc:
        return _start_again(request, str(exc))
    header = MeetingHeaderForm(request.POST, prefix="meeting")
    rows = StatementCorrectionFormSet(request.POST, prefix="statements")
    speech = SpeechTextForm(request.POST, prefix="speech") if kind.one_statement else None
    if not (header.is_valid() and rows.is_valid() and (speech is None or speech.is_valid())):
        return _preview(
            request,
            release,
            kind=kind,
            into=into,
            header=header,
            rows=rows,
            speech=speech,
            status=400,
        )
    corrections = {row["order"]: row for row in rows.cleaned_data if row}
    if speech is not None:
        corrections.setdefault(1, {})["text"] = speech.cleaned_data["text"]
    try:
        corrected = apply_corrections(release, meeting=header.cleaned_data, statements=corrections)
        outcome = record_save(release=corrected, imported_by=request.user, into_meeting=into)
    except (ImportProblem, ValidationError) as exc:
        errors = (
            [str(exc)]
            if isinstance(exc, ImportProblem)
            else validation_messages(exc, unlabelled=SELF_NAMED_ERRORS)
        )
        status = 409 if isinstance(exc, ImportConflict) else 400
        return _preview(
            request,
            release,
            kind=kind,
            into=into,
            header=header,
            rows=rows,
            speech=speech,
            errors=errors,
            status=status,
        )
    messages.success(request, outcome.summary)
    if corrected.warnings:
        messages.warning(
            request,
            f"{len(corrected.warnings)} import warnings were left for you to check in the "
            "meeting (see the preview's list).",
        )
    return redirect(_meeting_url(outcome.meeting))


def _meeting_to_add_to(symbol: str) -> Meeting | None:
    if not symbol:
        return None
    meeting = Meeting.objects.filter(symbol=symbol).with_statement_counts().first()
    if meeting is None:
        raise ImportProblem(
            f"No meeting has the symbol {symbol}: import the meeting first, then add the "
            "speech to it."
        )
    return meeting


def _start_again(request: HttpRequest, problem: str) -> HttpResponse:
    context = {"form": ImportSourceForm(), "problems": [problem]}
    return render(request, "tracker/imports/new.html", context, status=400)


def _preview(
    request: HttpRequest,
    release: PressRelease,
    *,
    kind: ImportKind,
    into: Meeting | None = None,
    header: MeetingHeaderForm | None = None,
    rows=None,
    speech: SpeechTextForm | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    meeting = release.meeting
    refusal = ""
    existing = None
    if into is None:
        existing = Meeting.objects.filter(symbol=meeting.symbol).with_statement_counts().first()
    if existing and header is None:
        # Re-importing: what the release does not state, the meeting already has.
        meeting = replace(
            meeting,
            date=meeting.date or existing.date,
            source_url=meeting.source_url or existing.source_url,
        )
        release = apply_corrections(
            release, meeting={"date": meeting.date, "source_url": meeting.source_url}
        )
        refusal = _refusal_ahead(release)
    header = header or _header_form(meeting)
    rows = rows or _statement_rows(release)
    if kind.one_statement and speech is None:
        speech = SpeechTextForm(prefix="speech", initial={"text": release.statements[0].text})
    by_statement, general = _warnings_by_statement(release)
    context = {
        "release": release,
        "kind": kind,
        "commit": ImportCommitForm(
            initial={
                "kind": kind.name,
                "source": release.source,
                "into": into.symbol if into else "",
            }
        ),
        "into": into,
        # A verbatim record's cover: time, place, provisional, President, members, agenda.
        "cover": meeting if hasattr(meeting, "agenda") else None,
        "header": header,
        "rows": [
            (statement, form, by_statement.get(statement.order, []))
            for statement, form in zip(release.statements, rows.forms, strict=False)
        ],
        "formset": rows,
        "speech": speech,
        "general_warnings": general,
        "warning_count": len(release.warnings),
        "errors": errors or [],
        "refusal": refusal,
        "existing": existing,
        "segments": _segment_counts(release),
    }
    return render(request, "tracker/imports/preview.html", context, status=status)


def _header_form(meeting: MeetingHeader) -> MeetingHeaderForm:
    initial = {name: getattr(meeting, name) for name in MeetingHeaderForm.base_fields}
    return MeetingHeaderForm(prefix="meeting", initial=initial)


def _statement_rows(release: PressRelease):
    return StatementCorrectionFormSet(
        prefix="statements",
        initial=[
            {
                "order": s.order,
                "speaker_name": s.speaker.name if s.speaker else "",
                "gender": s.speaker.gender if s.speaker else "unknown",
                "speaker_type": s.speaker_type,
                "delegation": s.delegation,
                "role": s.role,
                "on_behalf_of": s.on_behalf_of,
            }
            for s in release.statements
        ],
    )


def _warnings_by_statement(release: PressRelease) -> tuple[dict[int, list[str]], list[str]]:
    """The warnings of each statement (by order), and those of the meeting as a whole."""
    by_statement: dict[int, list[str]] = defaultdict(list)
    general = []
    for warning in release.warnings:
        if warning.statement:
            by_statement[warning.statement].append(warning.message)
        else:
            general.append(warning.message)
    return by_statement, general


def _refusal_ahead(release: PressRelease) -> str:
    """Saving would be refused if annotated text changes: say so before the analyst edits."""
    try:
        record_save(release=release, dry_run=True)
    except ImportConflict as exc:
        return exc.messages[0]
    except ValidationError:
        return ""  # the analyst has yet to correct the preview; saving reports it
    return ""


def _segment_counts(release: PressRelease) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for statement in release.statements:
        counts[statement.segment or "—"] = counts.get(statement.segment or "—", 0) + 1
    return list(counts.items())


def _meeting_url(meeting: Meeting) -> str:
    # The workspace belongs to the analysis app; without it, the admin shows the meeting.
    try:
        return reverse("workspace", kwargs={"meeting_id": meeting.pk})
    except NoReverseMatch:
        return reverse("admin:tracker_meeting_change", args=[meeting.pk])
