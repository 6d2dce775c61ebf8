"""The draft's page and downloads, of a meeting and of meetings compared: 200 with
the right file, 400 naming a bad parameter, never a 500."""

import html
import io

import pytest
from django.test import Client
from docx import Document

from tracker.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(analyst_a) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(analyst_a)
    return client


@pytest.mark.parametrize(
    "extension, content_type, magic",
    [
        ("docx", "application/vnd.openxmlformats", b"PK"),
        ("md", "text/markdown", b"*Draft"),
        ("pdf", "application/pdf", b"%PDF"),
    ],
)
def test_each_download_is_its_file(client, demo, extension, content_type, magic):
    response = client.get(f"/meetings/{demo.pk}/analysis.{extension}?threshold=5&quotes=2")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert f'filename="GA-11955-analysis.{extension}"' in response["Content-Disposition"]
    assert response.content.startswith(magic)


def test_the_page_shows_the_draft_with_charts_and_download_links(client, demo):
    response = client.get(f"/meetings/{demo.pk}/analysis/?analyst=demo-analyst-1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "2.3 Prosecution" in page and "DEMO CODING" in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert f"/meetings/{demo.pk}/analysis.docx?analyst=demo-analyst-1" in page


def test_the_report_page_links_to_the_draft(client, demo):
    page = client.get(f"/meetings/{demo.pk}/report/").content.decode()
    assert f"/meetings/{demo.pk}/analysis.docx?threshold=10" in page


@pytest.mark.parametrize(
    "query, message",
    [
        ("threshold=abc", "threshold must be a percentage"),
        ("quotes=500", "Quotes per code"),
        ("analyst=ghost", 'There is no analyst "ghost"'),
        ("source=rumour", 'Unknown source "rumour"'),
        ("analyst=%00", "There is no analyst"),
    ],
)
@pytest.mark.parametrize("suffix", ["/", ".docx", ".md", ".pdf"])
def test_a_bad_parameter_is_a_400_page_naming_it(client, demo, query, message, suffix):
    response = client.get(f"/meetings/{demo.pk}/analysis{suffix}?{query}")
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())


def test_an_unknown_meeting_is_a_404(client, codebook):
    assert client.get("/meetings/999/analysis.docx").status_code == 404


def test_an_uncoded_meeting_downloads_a_draft_saying_so(client, ga_11955):
    response = client.get(f"/meetings/{ga_11955.pk}/analysis.docx")
    assert response.status_code == 200
    text = " ".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Nobody has coded GA/11955 yet" in text


def test_compared_meetings_give_both_figures_and_the_change(client, demo, meeting):
    response = client.get(f"/reports/compare/analysis.md?meetings={demo.pk},{meeting.pk}")
    assert response.status_code == 200
    text = response.content.decode()
    assert "GA/11955 18 of 58 statements" in text  # prevention in the demo coding
    assert "GA/TEST-1 not coded" in text
    assert "GA/TEST-1 has not been coded yet" in text


def test_a_comparison_mixing_bodies_and_record_kinds_says_so(client, demo, meeting, analyst_a):
    other = Meeting.objects.create(
        symbol="S/PV.8000", body="Security Council", record_kind="verbatim_record"
    )
    response = client.get(f"/reports/compare/analysis/?meetings={demo.pk},{other.pk}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "different bodies" in page and "different kinds" in page


@pytest.mark.parametrize("suffix", ["/", ".docx", ".md", ".pdf"])
@pytest.mark.parametrize(
    "query, message",
    [
        ("meetings=1", "at least two meetings"),
        ("meetings=a,b", "Give meeting ids"),
        ("meetings=1,999", "No meeting with id 999"),
        ("meetings=1,2&threshold=200", "threshold must be a percentage"),
    ],
)
def test_a_bad_comparison_is_a_400_naming_it(client, demo, meeting, suffix, query, message):
    response = client.get(f"/reports/compare/analysis{suffix}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
