"""The import page: paste or upload → preview with editable speakers → save."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annotations.coding.services import annotation_create
from tests.conftest import GA_11955_RELEASE, SEEDS
from tests.tracker.imports import press_release_samples as samples
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db
NEW = "/imports/new/"
COMMIT = "/imports/commit/"


def preview(client, text, **extra):
    return client.post(NEW, {"kind": "press_release", "text": text, **extra})


def form_data(html: str) -> dict:
    """The fields of the preview form as the browser would submit them."""
    data = {}
    for name, value in re.findall(
        r'<input type="(?:hidden|text|url|date)" name="([^"]+)" value="([^"]*)"', html
    ):
        data[name] = _unescape(value)
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        data[name] = chosen.group(1) if chosen else ""
    for name, body in re.findall(r'<textarea name="([^"]+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = _unescape(body)
    for match in re.finditer(r'<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?', html):
        data.setdefault(match.group(1), _unescape(match.group(2) or ""))
    return data


def _unescape(value: str) -> str:
    import html

    return html.unescape(value)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_analysts_may_not_import(client, analyst_a):
    client.force_login(analyst_a)
    assert client.get(NEW).status_code == 403
    assert preview(client, samples.SECURITY_COUNCIL).status_code == 403
    assert client.post(COMMIT, {}).status_code == 403


def test_administrators_see_the_form_and_the_nav_link(client, administrator):
    client.force_login(administrator)
    response = client.get(NEW)
    assert response.status_code == 200
    assert b'href="/imports/new/"' in response.content
    assert b'name="file"' in response.content


def test_pasting_a_release_shows_the_preview_table_with_warnings(client, administrator):
    client.force_login(administrator)
    response = preview(client, GA_11955_RELEASE.read_text(encoding="utf-8"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the import: GA/11955" in html
    assert html.count("data-row") == 58
    assert 'value="Purna Sen"' in html
    assert 'value="Human Security Network"' in html
    assert "Panel Discussion I" in html
    assert '<tr class="has-warning"' in html  # al-Nuaimi's gender is not stated
    assert "The release states no date" in html
    assert not Meeting.objects.exists()


def test_saving_the_corrected_preview_imports_the_meeting(client, administrator):
    client.force_login(administrator)
    html = preview(client, GA_11955_RELEASE.read_text(encoding="utf-8")).content.decode()
    data = form_data(html)
    assert data["statements-TOTAL_FORMS"] == "58"
    data["meeting-date"] = "2017-09-27"
    data["statements-10-gender"] = "male"
    data["statements-37-speaker_name"] = "Taye Atske Selassie"
    data["statements-37-gender"] = "male"
    response = client.post(COMMIT, data)
    meeting = Meeting.objects.get(symbol="GA/11955")
    assert response.status_code == 302
    assert response.url == reverse("workspace", kwargs={"meeting_id": meeting.pk})
    assert str(meeting.date) == "2017-09-27"
    assert meeting.statements.count() == 58
    nuaimi = meeting.statements.get(order=11)
    assert nuaimi.speaker.gender == "male"
    assert meeting.statements.get(order=38).speaker.name == "Taye Atske Selassie"


def test_uploading_a_saved_page_previews_it(client, administrator):
    client.force_login(administrator)
    upload = SimpleUploadedFile("sc.html", samples.SAVED_PAGE.encode(), "text/html")
    response = client.post(NEW, {"kind": "press_release", "file": upload})
    assert response.status_code == 200
    assert b"Check the import: SC/13554" in response.content
    assert b'value="Jane Smith-Jones"' in response.content


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Paste a press release or choose a file."),
        ("Minutes of the staff picnic.", "not a UN Meetings Coverage press release"),
    ],
)
def test_bad_input_is_explained_on_the_form(client, administrator, text, message):
    client.force_login(administrator)
    response = preview(client, text)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [{}, {"kind": "press_release"}, {"kind": "press_release", "source": "Minutes of a picnic."}],
)
def test_a_commit_without_a_usable_preview_starts_again(client, administrator, data):
    client.force_login(administrator)
    response = client.post(COMMIT, data)
    assert response.status_code == 400
    assert b"Import a meeting" in response.content
    assert b'role="alert"' in response.content
    assert not Meeting.objects.exists()


def test_a_binary_upload_is_explained(client, administrator):
    client.force_login(administrator)
    upload = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\x00\x00\x01\x02binary", "application/pdf")
    response = client.post(NEW, {"kind": "press_release", "file": upload})
    assert response.status_code == 400
    assert "This is a PDF: only verbatim records" in response.content.decode()


def test_a_truncated_release_previews_but_cannot_be_saved(client, administrator):
    client.force_login(administrator)
    text = GA_11955_RELEASE.read_text(encoding="utf-8")
    response = preview(client, text[: text.index("Opening Remarks")])
    html = response.content.decode()
    assert response.status_code == 200
    assert "No statements were found" in html
    response = client.post(COMMIT, form_data(html))
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not Meeting.objects.exists()


def test_reimporting_over_annotated_text_is_refused_with_the_statements_named(
    client, administrator, codebook, code, analyst_a
):
    client.force_login(administrator)
    text = GA_11955_RELEASE.read_text(encoding="utf-8")
    first = form_data(preview(client, text).content.decode())
    client.post(COMMIT, first | {"meeting-date": "2017-09-27"})
    statement = Statement.objects.get(meeting__symbol="GA/11955", order=31)
    annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=10)
    changed = text.replace("Ms. SEN said the Global Plan", "Ms. SEN said that the Global Plan")
    html = preview(client, changed).content.decode()
    assert "GA/11955 is already imported" in html
    assert "Saving this release will be refused." in html
    assert 'value="2017-09-27"' in html  # the date the meeting already has
    response = client.post(COMMIT, form_data(html))
    assert response.status_code == 409
    assert "statement 31 (Purna Sen): 1 annotations" in response.content.decode()
    statement.refresh_from_db()
    assert statement.text.startswith("Ms. SEN said the Global Plan")


def test_a_single_speech_is_saved_after_naming_the_speaker_and_trimming(client, administrator):
    client.force_login(administrator)
    speech = (SEEDS / "001_8413602091af0a7b.txt").read_text(encoding="utf-8")
    response = client.post(NEW, {"kind": "speech", "text": speech, "symbol": "DSG/SM/1700"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Speaker and speech" in html
    data = form_data(html)
    first_paragraphs = data["speech-text"].split("\n\n")[:2]
    data["speech-text"] = "\n\n".join(first_paragraphs)
    data["statements-0-speaker_name"] = "Amina J. Mohammed"
    data["statements-0-gender"] = "female"
    response = client.post(COMMIT, data)
    assert response.status_code == 302
    statement = Statement.objects.get(meeting__symbol="DSG/SM/1700")
    assert statement.text == "\n\n".join(first_paragraphs).strip()
    assert statement.speaker.name == "Amina J. Mohammed"


def test_the_page_has_no_inline_script_or_style(client, administrator):
    client.force_login(administrator)
    html = preview(client, samples.SECURITY_COUNCIL).content.decode()
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert " style=" not in html
    assert " onclick=" not in html and " onchange=" not in html
    assert 'src="/static/js/imports/preview.js"' in html
