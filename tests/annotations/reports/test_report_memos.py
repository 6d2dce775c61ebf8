"""The report's "Memos" section: the analysts' memos on the meeting and on its codes,
escaped, in the page, the JSON and a CSV table."""

import csv
import io

import pytest

from annotations.coding.memos.services import memo_create, memo_delete
from annotations.reports import meeting_report
from tests.annotations.reports.report_data import small_meeting

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("memo")</script>'


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b).meeting


@pytest.fixture
def memos(small, codebook, analyst_a, analyst_b):
    protection = codebook.codes.get(slug="protection")
    return [
        memo_create(author=analyst_a, meeting=small, title="Tone", text=f"Formal. {HOSTILE}"),
        memo_create(author=analyst_b, meeting=small, text='=HYPERLINK("x")\nSecond line.'),
        memo_create(author=analyst_a, code=protection, title="Scope", text="Shelters count."),
    ]


def test_the_report_lists_the_memos_on_the_meeting_then_on_its_codes(small, memos):
    report = meeting_report(meeting=small)
    assert [m.author for m in report.memos.on_meeting] == ["amina", "bruno"]
    [on_code] = report.memos.on_codes
    assert (on_code.code_slug, on_code.title, on_code.text) == (
        "protection",
        "Scope",
        "Shelters count.",
    )


def test_one_analysts_report_shows_only_their_memos_and_deleted_ones_none(small, memos, analyst_a):
    memo_delete(memo=memos[0], actor=analyst_a)
    assert meeting_report(meeting=small, analyst="bruno", source="analyst").memos.on_codes == []
    report = meeting_report(meeting=small, analyst="amina", source="analyst")
    assert (report.memos.on_meeting, len(report.memos.on_codes)) == ([], 1)


def test_the_page_shows_the_memos_escaped(client, analyst_b, small, memos):
    client.force_login(analyst_b)
    html = client.get(f"/meetings/{small.pk}/report/").content.decode()
    section = html[html.index('id="memos"') :]
    assert '<a href="#memos">Memos</a>' in html
    assert "&lt;script&gt;alert(&quot;memo&quot;)&lt;/script&gt;" in section
    assert HOSTILE not in html
    assert "Second line." in section and 'href="#code-protection"' in section


def test_the_page_says_so_when_nobody_wrote_a_memo(client, analyst_b, small):
    client.force_login(analyst_b)
    html = client.get(f"/meetings/{small.pk}/report/").content.decode()
    assert "No analyst has written a memo on this meeting" in html


def test_the_json_and_the_csv_table_carry_the_memos(client, analyst_b, small, memos):
    client.force_login(analyst_b)
    body = client.get(f"/api/meetings/{small.pk}/report/").json()
    assert [m["title"] for m in body["memos"]["on_meeting"]] == ["Tone", ""]
    assert body["memos"]["on_codes"][0]["code_slug"] == "protection"
    response = client.get(f"/meetings/{small.pk}/report/memos.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["on", "code_slug", "author", "title", "text", "created", "updated"]
    assert [row[:4] for row in rows[1:]] == [
        ["meeting", "", "amina", "Tone"],
        ["meeting", "", "bruno", ""],
        ["code", "protection", "amina", "Scope"],
    ]
    assert rows[2][4].startswith("'=HYPERLINK")  # the formula rule of every CSV
