"""REST import of every kind: kind=auto, a verbatim record's PDF as multipart, the
summary and its speech added to it, and uploads refused naming the problem."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.tracker.imports import real_records as real
from tests.tracker.imports.parsing.pdf_builder import pdf
from tests.tracker.imports.test_api import COMMIT, PREVIEW, api  # noqa: F401 (fixture)
from tracker.imports.uploads import MAX_PDF_BYTES
from tracker.models import Meeting

pytestmark = pytest.mark.django_db


def pdf_upload(name="S_PV.10100.pdf", data=None):
    data = real.pdf_bytes("S_PV.10100") if data is None else data
    return SimpleUploadedFile(name, data, "application/pdf")


def test_a_pdf_previews_as_a_verbatim_record_with_its_cover(api):  # noqa: F811
    response = api.post(PREVIEW, {"file": pdf_upload()}, format="multipart")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["kind"] == "verbatim_record"
    assert body["meeting"]["president"]["name"] == "Osman"
    assert body["meeting"]["provisional"] is True
    assert all(s["language"] for s in body["statements"])
    assert not Meeting.objects.exists()


def test_a_pdf_is_imported_over_the_api(api):  # noqa: F811
    response = api.post(COMMIT, {"file": pdf_upload(), "kind": "auto"}, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["kind"] == "verbatim_record"
    meeting = Meeting.objects.get(symbol="S/PV.10100")
    assert meeting.record_kind == "verbatim_record"
    assert meeting.president == "Mr. Osman (Somalia)"


def test_the_summary_and_the_speech_added_to_it(api):  # noqa: F811
    summary = {
        "text": real.SUMMARY_2021.read_text("utf-8"),
        "symbol": "GA/12387",
        "date": "2021-11-22",
    }
    assert api.post(PREVIEW, summary, format="json").json()["kind"] == "summary"
    assert api.post(COMMIT, summary, format="json").status_code == 201
    speech = {"text": real.SPEECH_2021.read_text("utf-8"), "into_meeting": "GA/12387"}
    response = api.post(COMMIT, speech, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["added_from"] == "speech of Amina Mohammed"
    assert response.json()["statements"]["created"] == 1
    meeting = Meeting.objects.get(symbol="GA/12387")
    assert (meeting.record_kind, meeting.statements.count()) == ("summary", 13)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"file": pdf_upload("scan.pdf", pdf("", ""))}, "file", "needs OCR"),
        (
            {"file": pdf_upload("x.pdf", pdf("S/PV.1 The meeting", encrypted=True))},
            "file",
            "encrypted",
        ),
        (
            {"file": pdf_upload("big.pdf", b"%PDF-1.4\n" + b"0" * (MAX_PDF_BYTES + 1))},
            "file",
            "over the limit of 20 MB",
        ),
        ({"text": "Roses are red.\n\nViolets are blue."}, "text", "none of the records"),
        ({"text": "Some speech.", "into_meeting": "GA/404"}, "into_meeting", "GA/404"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(api, data, field, message):  # noqa: F811
    for url in (PREVIEW, COMMIT):
        fresh = {
            k: pdf_upload(v.name, v.open().read()) if hasattr(v, "open") else v
            for k, v in data.items()
        }
        for value in data.values():
            if hasattr(value, "seek"):
                value.seek(0)
        response = api.post(url, fresh, format="multipart")
        assert response.status_code == 400
        assert message in " ".join(response.json()[field])
    assert not Meeting.objects.exists()


def test_text_with_windows_line_breaks_is_stored_with_lf(api):  # noqa: F811
    crlf = real.SUMMARY_2021.read_text("utf-8").replace("\n", "\r\n")
    body = {"text": crlf, "symbol": "GA/12387"}
    assert "\r" not in api.post(PREVIEW, body, format="json").json()["source"]
    assert api.post(COMMIT, body, format="json").status_code == 201
    texts = Meeting.objects.get(symbol="GA/12387").statements.values_list("text", flat=True)
    assert texts and not any("\r" in text for text in texts)
