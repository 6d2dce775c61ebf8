"""Fixture loads as background work: the admin page stores the file and enqueues, the
task queue's worker runs the dry run or the load (tasks.py) and writes its progress here.

    fixture_check_create(*, content, name, created_by) → FixtureJob (a dry run)
    fixture_load_create(*, checked, created_by) → FixtureJob (the load of a clean dry run)

A web worker then only stores the file (a fraction of a second however many records):
the loader itself, ~16 ms a record, would hold it past gunicorn's timeout at 10,000.
"""

from __future__ import annotations

import time

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from tracker.models import FixtureJob

from .report import FixtureReport

# How often a running job writes its progress (and always when the phase changes).
PROGRESS_INTERVAL = 0.5


class NotLoadable(Exception):
    """The dry run asked to be loaded cannot be (loaded already, refused, replaced)."""


def fixture_check_create(*, content: bytes, name: str, created_by) -> FixtureJob:
    """Store an uploaded file as a dry-run job and put it on the queue. The uploader's
    earlier dry runs still waiting for confirmation let go of their files: as before,
    a new upload replaces the one waiting."""
    FixtureJob.objects.filter(
        created_by=created_by,
        mode=FixtureJob.Mode.CHECK,
        status=FixtureJob.Status.FINISHED,
        load__isnull=True,
    ).update(upload=b"")
    job = FixtureJob.objects.create(
        mode=FixtureJob.Mode.CHECK, name=name[:255], upload=content, created_by=created_by
    )
    return _enqueue(job)


def fixture_load_create(*, checked: FixtureJob, created_by) -> FixtureJob:
    """Load the file a clean dry run read, once: the dry run hands its file over."""
    with transaction.atomic():
        checked = FixtureJob.objects.select_for_update().get(pk=checked.pk)
        if problem := _not_loadable(checked):
            raise NotLoadable(problem)
        job = FixtureJob.objects.create(
            mode=FixtureJob.Mode.LOAD,
            name=checked.name,
            upload=bytes(checked.upload),
            total=checked.total,
            checked=checked,
            created_by=created_by,
        )
        FixtureJob.objects.filter(pk=checked.pk).update(upload=b"")
    return _enqueue(job)


def _not_loadable(checked: FixtureJob) -> str:
    if checked.mode != FixtureJob.Mode.CHECK or checked.status != FixtureJob.Status.FINISHED:
        return "That dry run has not finished."
    if not FixtureReport.from_dict(checked.report).ok:
        return "That dry run found problems: upload a corrected file."
    if not checked.upload:
        return (
            "That upload is no longer waiting for confirmation (it was loaded or replaced "
            "by another upload). Upload the file again."
        )
    return ""


def _enqueue(job: FixtureJob) -> FixtureJob:
    from .tasks import run_fixture_job  # the task module imports this one

    run_fixture_job.enqueue(job.pk)
    job.refresh_from_db()  # an immediate backend has run it already
    return job


def job_start(job: FixtureJob) -> None:
    job.status, job.started = FixtureJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started"])


def job_finish(job: FixtureJob, report: FixtureReport) -> None:
    job.refresh_from_db()
    job.status, job.finished, job.phase = FixtureJob.Status.FINISHED, timezone.now(), ""
    job.report = report.as_dict()
    job.total = job.done = report.records
    # A dry run keeps a clean file for its confirmation; nothing else needs it any more.
    if job.mode == FixtureJob.Mode.LOAD or not report.ok:
        job.upload = b""
    job.save()


def job_fail(job: FixtureJob, message: str) -> None:
    FixtureJob.objects.filter(pk=job.pk).update(
        status=FixtureJob.Status.FAILED, finished=timezone.now(), upload=b"", message=message
    )


class ProgressWriter:
    """The loader's progress callback: writes the job's phase and counts at most twice a
    second.

    The loader checks and saves the records inside one transaction, which the job's row
    must not join (a dry run rolls it back, and nobody else would see it before the end):
    inside it, PostgreSQL's progress goes through a connection of its own. SQLite lets
    one connection write at a time, so there the page shows the phase it had when the
    transaction began until the report is ready.
    """

    def __init__(self, job: FixtureJob):
        self.job_id = job.pk
        self.phase = ""
        self.written = 0.0
        self.side = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        changed = phase != self.phase
        if not changed and time.monotonic() - self.written < PROGRESS_INTERVAL:
            return
        self.phase = phase
        if not connection.in_atomic_block:
            FixtureJob.objects.filter(pk=self.job_id).update(phase=phase, done=done, total=total)
        elif connection.vendor == "postgresql":
            self._write_aside(phase, done, total)
        self.written = time.monotonic()

    def _write_aside(self, phase: str, done: int, total: int) -> None:
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        table = self.side.ops.quote_name(FixtureJob._meta.db_table)
        with self.side.cursor() as cursor:  # autocommit: seen at once
            cursor.execute(  # the model's own table name; every value is a parameter
                f"UPDATE {table} SET phase = %s, done = %s, total = %s WHERE id = %s",  # noqa: S608
                [phase, done, total, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
