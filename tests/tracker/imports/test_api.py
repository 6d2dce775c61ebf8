"""REST import: POST /api/imports/preview/ then POST /api/imports/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from annotations.coding.services import annotation_create
from tests.conftest import GA_11955_RELEASE, SEEDS
from tests.tracker.imports import press_release_samples as samples
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db
PREVIEW = "/api/imports/preview/"
COMMIT = "/api/imports/"


@pytest.fixture
def api(administrator):
    client = APIClient()
    client.force_authenticate(administrator)
    return client


def test_anonymous_clients_are_refused():
    response = APIClient().post(PREVIEW, {"text": samples.SECURITY_COUNCIL}, format="json")
    assert response.status_code in (401, 403)
    assert APIClient().post(COMMIT, {}, format="json").status_code in (401, 403)


def test_analysts_may_not_import(analyst_a):
    client = APIClient()
    client.force_authenticate(analyst_a)
    response = client.post(COMMIT, {"text": samples.SECURITY_COUNCIL}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Only administrators may import meetings."
    assert not Meeting.objects.exists()


def test_preview_returns_the_parse_and_saves_nothing(api):
    response = api.post(PREVIEW, {"text": GA_11955_RELEASE.read_text("utf-8")}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["meeting"]["symbol"] == "GA/11955"
    assert len(data["statements"]) == 58
    assert data["statements"][0]["speaker"]["name"] == "Miroslav Lajčák"
    assert data["existing_meeting"] is None
    assert data["source"].startswith("Seventy-second Session")
    assert not Meeting.objects.exists()


def test_preview_accepts_an_uploaded_web_page(api):
    upload = SimpleUploadedFile("sc.html", samples.SAVED_PAGE.encode(), "text/html")
    response = api.post(PREVIEW, {"file": upload}, format="multipart")
    assert response.status_code == 200
    assert response.json()["meeting"]["source_url"].endswith("sc13554.doc.htm")


def test_commit_saves_with_the_clients_corrections(api):
    preview = api.post(PREVIEW, {"text": samples.SECURITY_COUNCIL}, format="json").json()
    response = api.post(
        COMMIT,
        {
            "text": preview["source"],
            "meeting": {"title": "Open debate on women, peace and security"},
            "statements": [
                {"order": 2, "speaker": {"name": "François Delattre", "gender": "male"}},
                {"order": 5, "speaker_type": "member_state", "delegation": "Côte d'Ivoire"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["created"] is True
    assert body["statements"]["created"] == 6
    meeting = Meeting.objects.get(symbol="SC/13553")
    assert body["meeting"]["id"] == meeting.pk
    assert meeting.title == "Open debate on women, peace and security"
    france = meeting.statements.get(order=2)
    assert (france.speaker.name, france.speaker.gender) == ("François Delattre", "male")
    assert meeting.statements.get(order=5).delegation == "Côte d'Ivoire"


def test_committing_the_same_release_twice_updates_in_place(api):
    first = api.post(COMMIT, {"text": samples.SECURITY_COUNCIL}, format="json")
    second = api.post(COMMIT, {"text": samples.SECURITY_COUNCIL}, format="json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["statements"]["unchanged"] == 6
    assert Meeting.objects.count() == 1
    assert Statement.objects.count() == 6


def test_a_dry_run_reports_without_saving(api):
    response = api.post(COMMIT, {"text": samples.SECURITY_COUNCIL, "dry_run": True}, format="json")
    assert response.status_code == 200
    assert response.json()["dry_run"] is True
    assert response.json()["meeting"]["id"] is None
    assert not Meeting.objects.exists()


def test_reimport_over_annotated_text_is_a_conflict_naming_the_statements(
    api, codebook, code, analyst_a
):
    api.post(COMMIT, {"text": samples.SECURITY_COUNCIL}, format="json")
    france = Statement.objects.get(order=2)
    annotation_create(statement=france, code=code, analyst=analyst_a, start=0, end=10)
    changed = samples.SECURITY_COUNCIL.replace("would double", "would triple")
    response = api.post(COMMIT, {"text": changed}, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["statements"][0]["order"] == 2
    assert body["statements"][0]["speaker"] == "France"
    assert "Nothing was saved" in body["detail"]
    france.refresh_from_db()
    assert "would double" in france.text


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "text", "Send a meeting record"),
        ({"text": "   "}, "text", "Send a meeting record"),
        ({"text": "A note about lunch."}, "text", "none of the records the workbench imports"),
        (
            {"text": "A note about lunch.", "kind": "press_release"},
            "text",
            "not a UN Meetings Coverage press release",
        ),
        ({"text": "\x00\x01binary\x02"}, "text", "Null characters are not allowed"),
        ({"text": samples.SECURITY_COUNCIL, "kind": "poem"}, "kind", "not a valid choice"),
        (
            {"text": samples.SECURITY_COUNCIL, "statements": [{"order": 99}]},
            "statements",
            "no statement 99",
        ),
        (
            {"text": samples.SECURITY_COUNCIL, "statements": [{"order": 1, "text": "Edited"}]},
            "statements",
            "kept as printed",
        ),
        (
            {
                "text": samples.SECURITY_COUNCIL,
                "statements": [{"order": 1, "speaker": {"name": "X", "gender": "other"}}],
            },
            "statements",
            "not a valid choice",
        ),
        ({"text": samples.SECURITY_COUNCIL, "meeting": {"date": "soon"}}, "meeting", "format"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, payload, field, message):
    response = api.post(COMMIT, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert message in str(response.json()[field])
    assert not Meeting.objects.exists()


def test_a_truncated_release_is_refused_with_a_field_message(api):
    text = GA_11955_RELEASE.read_text("utf-8")
    response = api.post(COMMIT, {"text": text[: text.index("Opening Remarks")]}, format="json")
    assert response.status_code == 400
    assert "no statements" in response.json()["statements"][0]
    assert not Meeting.objects.exists()


def test_a_binary_upload_is_a_400(api):
    upload = SimpleUploadedFile("x.pdf", b"%PDF\x00\x00\x01\x02", "application/pdf")
    response = api.post(PREVIEW, {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "not text" in response.json()["file"][0]


def test_a_single_speech_is_committed_with_its_speaker_and_trimmed_text(api):
    speech = (SEEDS / "001_8413602091af0a7b.txt").read_text("utf-8")
    preview = api.post(PREVIEW, {"text": speech, "kind": "speech"}, format="json").json()
    assert preview["kind"] == "speech"
    suggested = preview["statements"][0]
    assert suggested["speaker"]["name"] == "Amina Mohammed"
    first_paragraph = suggested["text"].split("\n\n")[0]
    response = api.post(
        COMMIT,
        {
            "kind": "speech",
            "text": preview["source"],
            "meeting": {"symbol": "DSG/SM/1700", "date": "2021-11-22"},
            "statements": [
                {
                    "order": 1,
                    "speaker": {"name": "Amina J. Mohammed", "gender": "female"},
                    "text": first_paragraph,
                }
            ],
        },
        format="json",
    )
    assert response.status_code == 201
    statement = Statement.objects.get()
    assert statement.text == first_paragraph
    assert statement.speaker.name == "Amina J. Mohammed"
    assert str(statement.meeting.date) == "2021-11-22"


def test_the_endpoints_are_in_the_openapi_schema(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    paths = response.json()["paths"]
    assert "/api/imports/preview/" in paths
    assert "/api/imports/" in paths
