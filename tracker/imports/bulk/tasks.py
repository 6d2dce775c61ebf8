"""The background work of imports, run by the task queue's worker (`manage.py db_worker`).

One task for both kinds of job: a bulk import (tracker.imports.bulk.runner) and the parse
of one large record for the import page's preview. The job row carries the files and
receives the progress; the task's own result only says how it went.
"""

from __future__ import annotations

import logging

from django_tasks import task

from tracker.imports.parsing.records import ImportProblem
from tracker.imports.uploads import parse_upload
from tracker.models import ImportJob

from .jobs import ProgressRecorder, job_fail, job_finish, job_parsed, job_start, unpack
from .runner import import_many

logger = logging.getLogger(__name__)


@task()
def run_import_job(job_id: int) -> str:
    job = ImportJob.objects.get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job.status  # run already (a worker restarted mid-way, or twice enqueued)
    try:
        if job.mode == ImportJob.Mode.PARSE:
            _parse(job)
        else:
            _import(job)
    except ImportProblem as exc:
        job_fail(job, str(exc))
    except Exception as exc:
        logger.exception("Import job %s failed", job_id)
        job_fail(job, f"The import stopped on an error in the workbench ({type(exc).__name__}).")
        raise
    return ImportJob.objects.values_list("status", flat=True).get(pk=job_id)


def _import(job: ImportJob) -> None:
    job_start(job, phase="checking")
    report = import_many(
        unpack(job),
        kind=job.kind,
        dry_run=job.dry_run,
        keep_going=job.keep_going,
        imported_by=job.created_by,
        progress=ProgressRecorder(job),
    )
    job_finish(job, report)


def _parse(job: ImportJob) -> None:
    job_start(job, phase="parsing")
    (record,) = unpack(job)
    release = parse_upload(record.data, job.kind, job.symbol, job.date)
    job_parsed(job, release)
