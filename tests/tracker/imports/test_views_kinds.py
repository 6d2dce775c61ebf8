"""The import page with every kind: detection by default, a verbatim record's PDF with its
cover in the preview, a summary, a speech added to its meeting, and uploads refused
with a message naming the problem."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.tracker.imports import press_release_samples as samples
from tests.tracker.imports import real_records as real
from tests.tracker.imports.bulk.conftest import DATABASE, IMMEDIATE
from tests.tracker.imports.parsing.pdf_builder import pdf
from tests.tracker.imports.test_views import COMMIT, NEW, form_data
from tracker.imports import uploads
from tracker.imports.uploads import MAX_PDF_BYTES
from tracker.models import ImportJob, Meeting, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """A PDF is read on the task queue; here the queue runs each task at once."""
    settings.TASKS = IMMEDIATE


def upload(client, name, data, **fields):
    content_type = "application/pdf" if name.endswith(".pdf") else "text/plain"
    return client.post(NEW, {"file": SimpleUploadedFile(name, data, content_type), **fields})


def upload_pdf(client, name, data, **fields):
    """Upload a PDF: the page sends it to the queue and redirects to the job's page."""
    response = upload(client, name, data, **fields)
    job = ImportJob.objects.latest("created")
    assert response.status_code == 302
    assert response["Location"] == reverse("import-job", kwargs={"job_id": job.pk})
    assert job.mode == ImportJob.Mode.PARSE
    return job


def test_the_form_offers_detection_first_and_accepts_pdfs(client, administrator):
    client.force_login(administrator)
    html = client.get(NEW).content.decode()
    assert '<option value="auto" selected>Detect automatically</option>' in html
    for kind in ("press_release", "verbatim_record", "summary", "speech"):
        assert f'<option value="{kind}"' in html
    assert ".pdf" in html and 'name="into"' in html and 'name="date"' in html


def test_a_record_s_pdf_previews_with_its_kind_and_cover_and_saves(client, administrator):
    client.force_login(administrator)
    job = upload_pdf(client, "S_PV.10100.pdf", real.pdf_bytes("S_PV.10100"))
    page = client.get(reverse("import-job", kwargs={"job_id": job.pk})).content.decode()
    preview_url = reverse("import-parsed", kwargs={"job_id": job.pk})
    assert f'href="{preview_url}"' in page and "Read S/PV.10100" in page
    response = client.get(preview_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-record-kind="verbatim_record"' in html
    assert "The record&#x27;s cover" in html or "The record's cover" in html
    assert "Provisional" in html and "Mr. Osman (Somalia)" in html
    assert "Denmark (Ms. Lassen)" in html or "Denmark" in html
    response = client.post(COMMIT, form_data(html))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(symbol="S/PV.10100")
    assert meeting.record_kind == "verbatim_record" and meeting.provisional
    assert meeting.statements.count() == len(real.parsed_record("S_PV.10100").statements)
    assert [s.text for s in meeting.statements.order_by("order")] == [
        s.text for s in real.parsed_record("S_PV.10100").statements
    ]


def test_a_summary_is_detected_and_saved_as_summary_text(client, administrator):
    client.force_login(administrator)
    response = client.post(
        NEW,
        {
            "text": real.SUMMARY_2021.read_text(encoding="utf-8"),
            "kind": "auto",
            "symbol": "GA/12387",
            "date": "2021-11-22",
        },
    )
    html = response.content.decode()
    assert 'data-record-kind="summary"' in html
    assert client.post(COMMIT, form_data(html)).status_code == 302
    meeting = Meeting.objects.get(symbol="GA/12387")
    assert meeting.record_kind == "summary" and meeting.date.isoformat() == "2021-11-22"
    assert meeting.statements.filter(from_summary=True).count() == 12


def test_a_speech_is_added_to_its_meeting_with_crlf_from_the_textarea_stored_as_lf(
    client, administrator
):
    client.force_login(administrator)
    html = client.post(
        NEW,
        {"text": real.SUMMARY_2021.read_text("utf-8"), "symbol": "GA/12387", "kind": "auto"},
    ).content.decode()
    client.post(COMMIT, form_data(html))
    speech = real.SPEECH_2021.read_text(encoding="utf-8").replace("\n", "\r\n")
    response = client.post(NEW, {"text": speech, "kind": "auto", "into": "ga/12387"})
    html = response.content.decode()
    assert "It will be added to GA/12387" in html
    data = form_data(html)
    data["speech-text"] = data["speech-text"].replace("\n", "\r\n")  # as a browser sends it
    assert client.post(COMMIT, data).status_code == 302
    meeting = Meeting.objects.get(symbol="GA/12387")
    added = meeting.statements.get(order=13)
    assert added.added_from == "speech of Amina Mohammed"
    assert "\r" not in added.text and "\n\n" in added.text
    assert Meeting.objects.count() == 1


def test_adding_to_a_meeting_that_does_not_exist_is_refused(client, administrator):
    client.force_login(administrator)
    response = client.post(
        NEW, {"text": real.SPEECH_2021.read_text("utf-8"), "kind": "auto", "into": "GA/404"}
    )
    assert response.status_code == 400
    assert "No meeting has the symbol GA/404" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("huge.pdf", b"%PDF-1.4\n" + b"0" * (MAX_PDF_BYTES + 1), "over the limit of 20 MB"),
        ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "over the limit of 5 MB"),
    ],
)
def test_bad_uploads_are_explained_and_nothing_is_saved(client, administrator, name, data, message):
    client.force_login(administrator)
    response = upload(client, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Meeting.objects.exists() and not Statement.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.pdf", pdf("", ""), "needs OCR"),
        ("locked.pdf", pdf("S/PV.1 The meeting", encrypted=True), "encrypted"),
        ("other.pdf", pdf("Invoice 2231 for shipping services, due in thirty days."), "not a UN"),
    ],
)
def test_a_pdf_the_worker_cannot_read_is_explained_on_its_job_page(
    client, administrator, name, data, message
):
    client.force_login(administrator)
    job = upload_pdf(client, name, data)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and message in job.message
    page = client.get(reverse("import-job", kwargs={"job_id": job.pk})).content.decode()
    assert 'role="alert"' in page and message in page
    assert f'href="{NEW}"' in page  # back to the import page
    response = client.get(reverse("import-parsed", kwargs={"job_id": job.pk}))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Meeting.objects.exists() and not Statement.objects.exists()


@pytest.mark.django_db(transaction=True)  # the worker closes the connections it finds
def test_a_pdf_waits_for_the_worker_and_keeps_the_date_and_meeting_asked_for(
    client, administrator, settings
):
    settings.TASKS = DATABASE  # a real queue: nothing is read until the worker runs
    client.force_login(administrator)
    job = upload_pdf(client, "S_PV.10100.pdf", real.pdf_bytes("S_PV.10100"), date="2026-01-31")
    assert job.status == ImportJob.Status.QUEUED and job.date.isoformat() == "2026-01-31"
    waiting = client.get(reverse("import-parsed", kwargs={"job_id": job.pk}))
    assert waiting.status_code == 400 and "not been read yet" in waiting.content.decode()
    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())
    job.refresh_from_db()
    assert (job.status, job.kind) == (ImportJob.Status.FINISHED, "verbatim_record")
    html = client.get(reverse("import-parsed", kwargs={"job_id": job.pk})).content.decode()
    assert 'value="2026-01-31"' in html  # the analyst's date, over the record's own


def test_a_pdf_as_another_kind_is_refused_at_once_without_a_job(client, administrator):
    client.force_login(administrator)
    response = upload(client, "S_PV.10100.pdf", real.pdf_bytes("S_PV.10100"), kind="summary")
    assert response.status_code == 400
    assert "This is a PDF: only verbatim records" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_someone_else_s_parse_job_is_not_found(client, administrator, django_user_model):
    client.force_login(administrator)
    job = upload_pdf(client, "S_PV.10100.pdf", real.pdf_bytes("S_PV.10100"))
    other = django_user_model.objects.create_superuser("other", password="x")
    client.force_login(other)
    assert client.get(reverse("import-parsed", kwargs={"job_id": job.pk})).status_code == 404


def test_a_text_over_the_threshold_is_read_by_the_worker_too(client, administrator, monkeypatch):
    text = samples.SECURITY_COUNCIL
    monkeypatch.setattr(uploads, "BACKGROUND_TEXT_BYTES", len(text.encode()) - 1)
    client.force_login(administrator)
    response = client.post(NEW, {"text": text, "kind": "auto"})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.mode == ImportJob.Mode.PARSE
    assert (job.status, job.kind) == (ImportJob.Status.FINISHED, "press_release")
    html = client.get(reverse("import-parsed", kwargs={"job_id": job.pk})).content.decode()
    assert "Check the import: SC/13553" in html
    response = client.post(COMMIT, form_data(html))
    assert response.status_code == 302
    assert Meeting.objects.get(symbol="SC/13553").statements.count() == 6


def test_a_text_under_the_threshold_previews_at_once(client, administrator):
    client.force_login(administrator)
    response = client.post(NEW, {"text": samples.SECURITY_COUNCIL, "kind": "auto"})
    assert response.status_code == 200 and not ImportJob.objects.exists()
