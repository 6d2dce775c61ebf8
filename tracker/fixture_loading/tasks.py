"""The background work of the fixture loader, run by the task queue's worker
(`manage.py db_worker`): a dry run or a load of one stored file (jobs.py)."""

from __future__ import annotations

import logging

from django_tasks import task

from tracker.models import FixtureJob

from . import load_fixture, preview_fixture
from .jobs import ProgressWriter, job_fail, job_finish, job_start

logger = logging.getLogger(__name__)


@task()
def run_fixture_job(job_id: int) -> str:
    job = FixtureJob.objects.select_related("created_by").get(pk=job_id)
    if job.status != FixtureJob.Status.QUEUED:
        return job.status  # run already (a worker restarted mid-way, or twice enqueued)
    if job.created_by is None:
        job_fail(job, "The administrator who uploaded the file no longer exists.")
        return FixtureJob.Status.FAILED
    job_start(job)
    run = load_fixture if job.mode == FixtureJob.Mode.LOAD else preview_fixture
    progress = ProgressWriter(job)
    try:
        report = run(
            content=bytes(job.upload), name=job.name, user=job.created_by, progress=progress
        )
    except Exception as exc:
        logger.exception("Fixture job %s failed", job_id)
        job_fail(job, f"The load stopped on an error in the workbench ({type(exc).__name__}).")
        raise
    finally:
        progress.close()
    job_finish(job, report)
    return FixtureJob.Status.FINISHED
