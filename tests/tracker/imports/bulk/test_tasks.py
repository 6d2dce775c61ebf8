"""Import jobs on the task queue: the job records progress and results; a real
`db_worker` runs them from the database queue (SQLite and PostgreSQL alike)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.conftest import GA_11955_RELEASE
from tests.tracker.imports.bulk.archives import NOT_A_RECORD, RELEASES, SYMBOLS, zip_bytes
from tests.tracker.imports.bulk.conftest import DATABASE
from tracker.imports.bulk import jobs
from tracker.imports.bulk.jobs import import_job_create, parse_in_background, parsed_release
from tracker.imports.bulk.sources import NamedData
from tracker.imports.parsing.records import ImportProblem
from tracker.models import ImportJob, Meeting

pytestmark = pytest.mark.django_db


def uploads(files=None):
    return [
        NamedData(name, content.encode("utf-8")) for name, content in (files or RELEASES).items()
    ]


def test_a_job_imports_its_uploads_and_records_each_file(administrator):
    job = import_job_create(uploads=uploads(), created_by=administrator, kind="press_release")
    assert job.status == ImportJob.Status.FINISHED
    assert (job.total, job.done, job.imported, job.refused) == (4, 4, 4, 0)
    assert [r["name"] for r in job.results] == list(RELEASES)
    assert {r["symbol"] for r in job.results} == SYMBOLS
    assert job.upload == b""  # the files are not kept once imported
    assert job.started and job.finished and job.message.startswith("4 files: 4 imported")
    assert (
        Meeting.objects.get(symbol="SC/13553").statements.first().history.first().history_user
        == administrator
    )


def test_an_uploaded_zip_is_opened_and_a_second_run_changes_nothing(administrator):
    upload = [NamedData("records.zip", zip_bytes())]
    import_job_create(uploads=upload, created_by=administrator, kind="press_release")
    again = import_job_create(uploads=upload, created_by=administrator, kind="press_release")
    assert (again.unchanged, again.imported) == (4, 0)
    assert again.results[0]["name"] == "records.zip/sc-13553.txt"


def test_a_refused_file_holds_back_the_others_unless_asked_to_keep_going(administrator):
    files = uploads({**RELEASES, "picnic.txt": NOT_A_RECORD})
    held = import_job_create(uploads=files, created_by=administrator, kind="press_release")
    assert (held.refused, held.held_back, held.imported) == (1, 4, 0)
    assert held.status == ImportJob.Status.FINISHED and "Nothing was saved" in held.message
    assert Meeting.objects.count() == 0
    kept = import_job_create(
        uploads=files, created_by=administrator, kind="press_release", keep_going=True
    )
    assert (kept.refused, kept.imported) == (1, 4)
    picnic = kept.results[-1]
    assert picnic["status"] == "refused" and "not a UN Meetings Coverage" in picnic["reason"]


def test_progress_is_written_while_the_job_runs(administrator, monkeypatch):
    seen = []
    real = jobs.ProgressRecorder._write

    def write(self, progress):
        real(self, progress)
        job = ImportJob.objects.get(pk=self.job.pk)
        seen.append((job.status, job.phase, job.done, job.total))

    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0)
    monkeypatch.setattr(jobs.ProgressRecorder, "_write", write)
    import_job_create(uploads=uploads(), created_by=administrator, kind="press_release")
    assert seen[0] == ("running", "checking", 1, 4)
    assert seen[-1] == ("running", "saving", 4, 4)


def test_a_large_record_is_parsed_in_the_background_for_the_preview(administrator):
    data = GA_11955_RELEASE.read_bytes()
    job = parse_in_background(data, "press_release", "", created_by=administrator)
    assert job.status == ImportJob.Status.FINISHED
    assert job.message == "Read GA/11955: 58 statements."
    release = parsed_release(job)
    assert (release.meeting.symbol, len(release.statements)) == ("GA/11955", 58)
    assert Meeting.objects.count() == 0  # parsing saves nothing


def test_a_record_that_cannot_be_read_fails_its_parse_job_with_the_reason(administrator):
    job = parse_in_background(NOT_A_RECORD, "press_release", "", created_by=administrator)
    assert job.status == ImportJob.Status.FAILED
    assert "not a UN Meetings Coverage press release" in job.message
    with pytest.raises(ImportProblem, match="not a UN Meetings Coverage"):
        parsed_release(job)


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_waits_for_a_real_worker(administrator, settings):
    settings.TASKS = DATABASE
    files = [NamedData("ga-11955.txt", GA_11955_RELEASE.read_bytes()), *uploads()]
    job = import_job_create(uploads=files, created_by=administrator, kind="press_release")
    assert job.status == ImportJob.Status.QUEUED
    assert DBTaskResult.objects.get().status == "READY"
    assert Meeting.objects.count() == 0

    call_command(
        "db_worker", "--batch", "--worker-id", "test-worker", stdout=StringIO(), stderr=StringIO()
    )

    job.refresh_from_db()
    assert job.status == ImportJob.Status.FINISHED, job.message
    assert job.imported == 5
    assert Meeting.objects.get(symbol="GA/11955").statements.count() == 58
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL" and task.worker_ids == ["test-worker"]
