"""Writes of ImportJob: create and enqueue a job, record its progress, end it.

The web worker only stores the uploads and enqueues; the queue's worker (tasks.py) does
the parsing and saving and writes its progress here, which the progress page polls.

    import_job_create(*, uploads, created_by, kind, dry_run, keep_going) → ImportJob
    parse_in_background(data, kind, symbol, *, date, into, created_by) → ImportJob
    parsed_release(job) → PressRelease (a finished parse job, for the import preview)
"""

from __future__ import annotations

import datetime
import io
import time
import zipfile
from collections.abc import Iterable
from pathlib import PurePath

from django.utils import timezone

from tracker.imports.parsing import catalogue
from tracker.imports.parsing.records import ImportProblem, PressRelease
from tracker.models import ImportJob

from .runner import STATUSES, BulkReport, Progress
from .sources import NamedData

# How often a running job writes its progress (and always after the last file).
PROGRESS_INTERVAL = 0.5
_COUNTERS = {"imported", "updated", "unchanged", "refused", "held back"}


def import_job_create(
    *,
    uploads: Iterable[NamedData],
    created_by,
    kind: str = "auto",
    dry_run: bool = False,
    keep_going: bool = False,
) -> ImportJob:
    """Store the uploads as one job and put it on the queue."""
    uploads = list(uploads)
    job = ImportJob.objects.create(
        mode=ImportJob.Mode.IMPORT,
        kind=kind,
        dry_run=dry_run,
        keep_going=keep_going,
        upload=pack(uploads),
        upload_names=[upload.name for upload in uploads],
        created_by=created_by,
    )
    return _enqueue(job)


def parse_in_background(
    data: bytes | str,
    kind: str,
    symbol: str = "",
    *,
    date: datetime.date | None = None,
    into: str = "",
    created_by=None,
) -> ImportJob:
    """Parse one (large) record on the queue instead of in the web worker; poll the job,
    then `parsed_release(job)` gives the parse for the import preview (`into`: the symbol
    of the meeting the preview adds the record to)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    job = ImportJob.objects.create(
        mode=ImportJob.Mode.PARSE,
        kind=kind,
        symbol=symbol,
        date=date,
        into=into,
        upload=pack([NamedData("record", raw)]),
        upload_names=["record"],
        total=1,
        created_by=created_by,
    )
    return _enqueue(job)


def parsed_release(job: ImportJob) -> PressRelease:
    """The parse of a finished parse job, again from its normalised text (a fraction of
    a second even for a 40-page record: the PDF's text extraction is what took long)."""
    if job.mode != ImportJob.Mode.PARSE or job.status != ImportJob.Status.FINISHED:
        raise ImportProblem(job.message or "This record has not been read yet.")
    return catalogue.parse(job.source, kind=job.kind, symbol=job.symbol, date=job.date)


def _enqueue(job: ImportJob) -> ImportJob:
    from .tasks import run_import_job  # the task module imports this one

    run_import_job.enqueue(job.pk)
    job.refresh_from_db()  # an immediate backend has run it already
    return job


def pack(uploads: list[NamedData]) -> bytes:
    """Uploads as one uncompressed zip, one member per upload (a base name only)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for n, upload in enumerate(uploads, 1):
            archive.writestr(f"{n:04d}/{PurePath(upload.name).name or 'upload'}", upload.data)
    return buffer.getvalue()


def unpack(job: ImportJob) -> list[NamedData]:
    with zipfile.ZipFile(io.BytesIO(bytes(job.upload))) as archive:
        return [
            NamedData(info.filename.split("/", 1)[1], archive.read(info))
            for info in archive.infolist()
        ]


def job_start(job: ImportJob, *, phase: str) -> None:
    job.status, job.phase, job.started = ImportJob.Status.RUNNING, phase, timezone.now()
    job.save(update_fields=["status", "phase", "started"])


class ProgressRecorder:
    """The runner's progress callback: writes the job's counts at most twice a second."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.results: list[dict] = []
        self.phase = ""
        self.written = 0.0

    def __call__(self, progress: Progress) -> None:
        if progress.phase != self.phase:
            self.results, self.phase = [], progress.phase
        self.results.append(progress.result.as_dict())
        last = progress.done == progress.total
        if last or time.monotonic() - self.written >= PROGRESS_INTERVAL:
            self._write(progress)

    def _write(self, progress: Progress) -> None:
        counts = {status: 0 for status in STATUSES}
        for result in self.results:
            counts[result["status"]] += 1
        ImportJob.objects.filter(pk=self.job.pk).update(
            phase=progress.phase,
            done=progress.done,
            total=progress.total,
            results=self.results,
            **_counter_fields(counts),
        )
        self.written = time.monotonic()


def _counter_fields(counts: dict[str, int]) -> dict[str, int]:
    return {status.replace(" ", "_"): counts[status] for status in _COUNTERS}


def job_finish(job: ImportJob, report: BulkReport) -> None:
    job.refresh_from_db()
    job.status, job.finished, job.upload = ImportJob.Status.FINISHED, timezone.now(), b""
    job.results = [result.as_dict() for result in report.files]
    job.done = job.total = len(report.files)
    job.message = report.summary
    for name, value in _counter_fields(report.counts).items():
        setattr(job, name, value)
    job.save()


def job_parsed(job: ImportJob, release: PressRelease) -> None:
    job.refresh_from_db()
    job.status, job.finished, job.upload = ImportJob.Status.FINISHED, timezone.now(), b""
    # The kind detected: the preview re-parses the normalised text, which is no longer a PDF.
    job.source, job.kind, job.done = release.source, release.kind, 1
    statements = len(release.statements)
    job.message = f"Read {release.meeting.symbol or 'the record'}: {statements} statements."
    job.save()


def job_fail(job: ImportJob, message: str) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.FAILED,
        finished=timezone.now(),
        upload=b"",
        message=message,
    )
