"""The report of GA/11955 from the fixture: PeaceWomen's claim about survivors'
role checked against real passages of the record."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.reports import meeting_report
from tests.annotations.reports.report_data import code
from tracker.models import Meeting

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "ga-11955.json"

# (statement order, code, passage) — words of the record itself.
AMINA = [
    (4, "survivor-participation", "the involvement of survivors at all levels of policymaking"),
    (44, "survivor-policy-role", "incorporating their voices into anti‑trafficking policies"),
    (5, "survivor-testimony", None),
    (43, "gender-specific", "gender perspective"),
]
BRUNO = [
    (4, "survivor-participation", "the involvement of survivors at all levels of policymaking"),
    (43, "survivor-participation", "partnerships with NGOs and survivors"),
    (5, "survivor-testimony", None),
]


def distinct_speakers_in_fixture(speaker_type: str | None = None) -> int:
    """Counted from the JSON by the report's rule, without the ORM."""
    speakers = set()
    for record in json.loads(FIXTURE.read_text(encoding="utf-8")):
        if record["model"] != "tracker.statement":
            continue
        if speaker_type and record["fields"]["speaker_type"] != speaker_type:
            continue
        fields = record["fields"]
        if fields["speaker"]:
            speakers.add(("speaker", fields["speaker"]))
        elif fields["delegation"]:
            speakers.add(("delegation", fields["delegation"]))
        else:
            speakers.add(("statement", record["pk"]))
    return len(speakers)


@pytest.fixture
def ga_11955(codebook, analyst_a, analyst_b) -> Meeting:
    call_command("loaddata", str(FIXTURE), verbosity=0)
    meeting = Meeting.objects.get(symbol="GA/11955")
    statements = {s.order: s for s in meeting.statements.all()}
    for analyst, plan in ((analyst_a, AMINA), (analyst_b, BRUNO)):
        for order, slug, passage in plan:
            code(statements[order], codebook, slug, analyst, passage)
    return meeting


def test_the_survivors_claim_is_checked_on_ga_11955(ga_11955):
    report = meeting_report(meeting=ga_11955)
    total = distinct_speakers_in_fixture()
    assert report.overview.speakers == total
    claim = next(c for c in report.claims if c.key == "survivors-role")
    # Mira Sorvino (4), Purna Sen (43) and Alya Ahmed Saif al-Thani (44).
    assert claim.speakers == 3 and claim.statements == 3
    assert claim.share_of_speakers == pytest.approx(300 / total)
    assert {q.speaker for q in claim.quotes} == {
        "Mira Sorvino",
        "Purna Sen",
        "Alya Ahmed Saif al-Thani",
    }
    assert "the involvement of survivors at all levels of policymaking" in [
        q.quote for q in claim.quotes
    ]


def test_the_ga_11955_report_page_renders_with_the_claim_and_its_quotes(
    client, analyst_a, ga_11955
):
    client.force_login(analyst_a)
    response = client.get(f"/meetings/{ga_11955.pk}/report/")
    assert response.status_code == 200
    html = response.content.decode()
    total = distinct_speakers_in_fixture()
    claim = html[
        html.index('id="claim-survivors-role"') : html.index('id="claim-women-as-vulnerable"')
    ]
    assert f"(3 of {total}, in 3 statements)" in claim
    assert f"{300 / total:.1f}%" in claim
    assert "“the involvement of survivors at all levels of policymaking”" in claim
    assert "Mira Sorvino (UNODC)" in claim
    assert "GA/11955" in html
    # Survivor speakers of the record: Grootboom and the other survivors.
    assert "Survivor testimony" in html


def test_the_ga_11955_overview_counts_the_records_speakers(ga_11955):
    overview = meeting_report(meeting=ga_11955).overview
    assert overview.statements == 58
    by_type = {b.key: b.statements for b in overview.speakers_by_type}
    assert by_type["member_state"] == 31 and by_type["survivor"] == 3
    assert overview.survivors == distinct_speakers_in_fixture("survivor")
    assert overview.civil_society == distinct_speakers_in_fixture("civil_society")
    agreement = meeting_report(meeting=ga_11955).agreement
    testimony = next(c for c in agreement.codes if c.slug == "survivor-testimony")
    assert testimony.percent_agreement == 100 and testimony.cohen_kappa == pytest.approx(1)
