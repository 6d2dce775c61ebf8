"""The bulk import pages: upload, a job's progress page and its JSON status; only
importers, and each job only for the one who started it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.tracker.imports.bulk.archives import NOT_A_RECORD, RELEASES, zip_bytes
from tracker.imports.bulk import forms
from tracker.imports.bulk.jobs import import_job_create
from tracker.imports.bulk.sources import NamedData
from tracker.models import ImportJob, Meeting

pytestmark = pytest.mark.django_db
NEW = "/imports/bulk/"


def files(contents=None):
    return [
        SimpleUploadedFile(name, content.encode("utf-8") if isinstance(content, str) else content)
        for name, content in (contents or RELEASES).items()
    ]


def upload(client, contents=None, **fields):
    data = {"kind": "press_release", "files": files(contents), **fields}
    return client.post(NEW, data)


def test_an_importer_uploads_files_and_is_sent_to_the_job_page(client, administrator):
    client.force_login(administrator)
    response = upload(client)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("import-job", kwargs={"job_id": job.pk})
    assert job.upload_names == list(RELEASES) and job.created_by == administrator
    assert Meeting.objects.count() == 4  # the immediate backend of the tests ran it


def test_the_job_page_shows_the_summary_table_with_each_file_and_reason(client, administrator):
    client.force_login(administrator)
    upload(client, {**RELEASES, "picnic.txt": NOT_A_RECORD}, keep_going="on")
    page = client.get(reverse("import-job", kwargs={"job_id": ImportJob.objects.get().pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "5 files: 4 imported, 1 refused." in html
    assert html.count('data-result="imported"') == 4
    assert 'data-result="refused"' in html and "not a UN Meetings Coverage press release" in html
    assert "job-progress.js" not in html  # nothing left to poll


def test_a_zip_upload_is_opened(client, administrator):
    client.force_login(administrator)
    upload(client, {"records.zip": zip_bytes()})
    assert ImportJob.objects.get().imported == 4


def test_the_status_endpoint_reports_progress_and_counts(client, administrator):
    client.force_login(administrator)
    job = import_job_create(
        uploads=[NamedData(n, c.encode()) for n, c in RELEASES.items()],
        created_by=administrator,
        kind="press_release",
        dry_run=True,
    )
    status = client.get(reverse("import-job-status", kwargs={"job_id": job.pk})).json()
    assert status["status"] == "finished" and status["over"] is True
    assert (status["done"], status["total"]) == (4, 4)
    assert status["counts"] == {
        "imported": 4,
        "updated": 0,
        "unchanged": 0,
        "refused": 0,
        "held back": 0,
    }
    assert status["message"].startswith("Dry run, nothing was saved.")


def test_a_queued_job_page_polls_and_says_it_waits_for_the_worker(client, administrator):
    client.force_login(administrator)
    job = ImportJob.objects.create(created_by=administrator, upload_names=["a.txt"])
    html = client.get(reverse("import-job", kwargs={"job_id": job.pk})).content.decode()
    assert 'type="module"' in html and "js/jobs/job-progress.js" in html
    assert "data-status-url=" in html and "db_worker" in html
    assert "<script>" not in html  # the CSP forbids inline scripts


def test_non_importers_are_refused_and_nothing_is_queued(client, analyst_a, reviewer):
    for user in (analyst_a, reviewer):
        client.force_login(user)
        assert client.get(NEW).status_code == 403
        assert upload(client).status_code == 403
    assert ImportJob.objects.count() == 0


def test_another_importer_cannot_see_someone_elses_job(client, administrator, django_user_model):
    job = ImportJob.objects.create(created_by=administrator)
    other = django_user_model.objects.create_superuser("other-admin", password="x" * 20)
    client.force_login(other)
    assert client.get(reverse("import-job", kwargs={"job_id": job.pk})).status_code == 404
    assert client.get(reverse("import-job-status", kwargs={"job_id": job.pk})).status_code == 404


def test_an_analyst_cannot_poll_a_job(client, administrator, analyst_a):
    job = ImportJob.objects.create(created_by=administrator)
    client.force_login(analyst_a)
    assert client.get(reverse("import-job-status", kwargs={"job_id": job.pk})).status_code == 403


def test_the_upload_is_refused_over_the_size_limit(client, administrator, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    client.force_login(administrator)
    response = upload(client)
    assert response.status_code == 400
    assert "one upload takes at most" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_the_upload_needs_files(client, administrator):
    client.force_login(administrator)
    response = client.post(NEW, {"kind": "press_release"})
    assert response.status_code == 400 and ImportJob.objects.count() == 0


def test_the_import_page_links_to_the_bulk_import(client, administrator):
    client.force_login(administrator)
    assert NEW in client.get("/imports/new/").content.decode()
