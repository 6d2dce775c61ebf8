"""Fixture loads as background work: the upload is stored for the task queue's worker,
the job's page follows the run and ends on the report, and a job is its uploader's."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from annotations.models import Code, CodingScheme
from annotations.roles import ADMINISTRATOR
from tests.conftest import _user
from tests.tracker.fixture_loading.test_loading import (
    CODEBOOK,
    LOAD_URL,
    as_file,
    code_record,
    confirm,
    dry_run,
    scheme_record,
)
from tests.tracker.imports.bulk.conftest import DATABASE
from tracker.fixture_loading import jobs, preview_fixture
from tracker.fixture_loading.jobs import ProgressWriter, fixture_check_create
from tracker.models import FixtureJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_administrator(django_user_model, roles):
    """Staff with the administrator's permissions, but not a superuser."""
    return _user(django_user_model, roles, "otto", ADMINISTRATOR, is_staff=True)


def job_urls(job_id: int) -> list[str]:
    base = f"/admin/fixtures/jobs/{job_id}/"
    return [base, f"{base}status.json"]


def run_worker():
    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())


# Stored for the worker, then checked and loaded by it


def test_the_upload_is_stored_and_waits_for_the_worker(admin_client, settings):
    settings.TASKS = DATABASE
    response = admin_client.post(LOAD_URL, {"fixture": as_file(CODEBOOK, "codebook.json")})
    job = FixtureJob.objects.get()
    assert response["Location"] == f"/admin/fixtures/jobs/{job.pk}/"
    assert (job.status, job.mode, job.name) == ("queued", "check", "codebook.json")
    assert bytes(job.upload) == CODEBOOK
    page = admin_client.get(response["Location"])
    assert b"Waiting for the background worker" in page.content
    assert b"js/jobs/job-progress.js" in page.content
    assert CodingScheme.objects.count() == 0


@pytest.mark.django_db(transaction=True)  # the worker commits, as a real one does
def test_the_worker_checks_then_loads_the_file(admin_client, settings):
    settings.TASKS = DATABASE
    admin_client.post(LOAD_URL, {"fixture": as_file(CODEBOOK, "codebook.json")})
    run_worker()
    checked = FixtureJob.objects.get()
    assert (checked.status, checked.done, checked.total) == ("finished", 28, 28)
    assert bytes(checked.upload) == CODEBOOK  # kept for the confirmation
    page = admin_client.get(f"/admin/fixtures/jobs/{checked.pk}/")
    assert b"Dry run of codebook.json" in page.content and b"Load 28 records" in page.content
    assert CodingScheme.objects.count() == 0

    response = admin_client.post(f"/admin/fixtures/jobs/{checked.pk}/load/")
    load = FixtureJob.objects.get(mode="load")
    assert response["Location"] == f"/admin/fixtures/jobs/{load.pk}/"
    assert load.status == "queued" and load.checked == checked
    run_worker()
    load.refresh_from_db()
    checked.refresh_from_db()
    assert load.status == "finished" and load.report["committed"]
    assert load.upload == b"" and checked.upload == b""  # nothing kept once loaded
    assert Code.objects.count() == 27


def test_the_status_says_the_phase_and_the_records_checked(admin_client, settings):
    settings.TASKS = DATABASE
    admin_client.post(LOAD_URL, {"fixture": as_file(CODEBOOK)})
    job = FixtureJob.objects.get()
    FixtureJob.objects.filter(pk=job.pk).update(
        status="running", phase="checking records", done=12, total=28
    )
    status = admin_client.get(f"/admin/fixtures/jobs/{job.pk}/status.json").json()
    assert (status["phase"], status["done"], status["total"]) == ("checking records", 12, 28)
    assert status["status_label"] == "Running" and not status["over"]
    page = admin_client.get(f"/admin/fixtures/jobs/{job.pk}/")
    assert b"12 of 28 records" in page.content


def test_a_refused_file_names_its_records_and_keeps_nothing(admin_client):
    response = dry_run(admin_client, [scheme_record(), code_record(1, "bad", colour="red")])
    job = response.context["job"]
    assert job.upload == b""
    [problem] = job.report["problems"]
    assert (problem["number"], problem["model"], problem["pk"]) == (2, "annotations.code", "1")
    assert b"<strong>Record 2</strong> (annotations.code, pk 1)" in response.content
    assert b"cannot be loaded: nothing was changed" in response.content


def test_an_error_in_the_workbench_fails_the_load_and_writes_nothing(admin_client, monkeypatch):
    import tracker.fixture_loading as loader

    checked = dry_run(admin_client, CODEBOOK)

    def broken(*args):
        raise RuntimeError("boom")  # after every record was saved, before the commit

    monkeypatch.setattr(loader, "leave_a_trace", broken)
    response = confirm(admin_client, checked)
    job = response.context["job"]
    assert (job.mode, job.status) == ("load", "failed") and "RuntimeError" in job.message
    assert b"cannot be loaded: nothing was changed" in response.content
    assert CodingScheme.objects.count() == Code.objects.count() == 0


# Whose job it is


def test_another_administrator_cannot_see_or_load_the_job(
    client, administrator, other_administrator, settings
):
    settings.TASKS = DATABASE
    job = fixture_check_create(content=CODEBOOK, name="codebook.json", created_by=administrator)
    client.force_login(other_administrator)
    for url in job_urls(job.pk):
        assert client.get(url).status_code == 404
    assert client.post(f"/admin/fixtures/jobs/{job.pk}/load/").status_code == 404


def test_a_superuser_sees_every_administrators_job(
    client, administrator, other_administrator, settings
):
    settings.TASKS = DATABASE
    job = fixture_check_create(content=CODEBOOK, name="c.json", created_by=other_administrator)
    client.force_login(administrator)  # a superuser
    for url in job_urls(job.pk):
        assert client.get(url).status_code == 200


def test_an_administrator_loads_their_own_file(client, other_administrator):
    client.force_login(other_administrator)
    response = confirm(client, dry_run(client, CODEBOOK))
    assert response.context["report"].committed
    assert Code.objects.count() == 27


# Progress


def test_the_loader_tells_its_progress_record_by_record(administrator):
    told = []
    preview_fixture(
        content=CODEBOOK, name="c.json", user=administrator, progress=lambda *a: told.append(a)
    )
    checking = [done for phase, done, total in told if phase == "checking records"]
    assert checking == list(range(28))
    assert {total for phase, _, total in told if phase == "checking records"} == {28}
    phases = list(dict.fromkeys(phase for phase, _, _ in told))
    assert phases == [
        "reading the file",
        "reading records",
        "checking records",
        "checking references",
    ]


@pytest.mark.django_db(transaction=True)
def test_progress_inside_the_loaders_transaction(administrator, monkeypatch):
    """PostgreSQL: seen by others at once, through a connection of its own. SQLite (one
    writer at a time): the phase the job had when the transaction began."""
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0)
    job = FixtureJob.objects.create(name="c.json", created_by=administrator, status="running")
    writer = ProgressWriter(job)
    writer("reading records", 5, 28)
    with transaction.atomic():
        writer("checking records", 12, 28)
        reader = connections.create_connection("default")
        try:
            with reader.cursor() as cursor:
                cursor.execute("SELECT phase, done FROM tracker_fixturejob WHERE id = %s", [job.pk])
                seen = cursor.fetchone()
        finally:
            reader.close()
        transaction.set_rollback(True)
    writer.close()
    if connection.vendor == "postgresql":
        assert seen == ("checking records", 12)
    else:
        assert seen == ("reading records", 5)


def test_the_job_page_costs_the_same_queries_however_many_problems(admin_client):
    few = dry_run(admin_client, [code_record(1, "x", scheme=77)]).context["job"]
    many = dry_run(
        admin_client, [code_record(i, f"c{i}", scheme=77) for i in range(1, 150)]
    ).context["job"]
    assert len(many.report["problems"]) == 100
    counts = []
    for job in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(f"/admin/fixtures/jobs/{job.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_unknown_job_is_a_404(admin_client):
    assert admin_client.get("/admin/fixtures/jobs/999/").status_code == 404
    assert admin_client.post("/admin/fixtures/jobs/999/load/").status_code == 404


def test_a_report_survives_its_round_trip_through_json(administrator):
    from tracker.fixture_loading import FixtureReport

    report = preview_fixture(
        content=json.dumps([code_record(1, "x", scheme=77)]).encode(),
        name="x.json",
        user=administrator,
    )
    assert FixtureReport.from_dict(json.loads(json.dumps(report.as_dict()))) == report
