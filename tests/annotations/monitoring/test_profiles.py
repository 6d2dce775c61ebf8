import pytest
from rest_framework.test import APIClient

from annotations.coding.services import annotation_create
from annotations.models import Code


@pytest.fixture
def api(analyst_a):
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def test_the_profile_of_the_united_kingdom(api, coded, analyst_b):
    # Printed "United Kingdom" in 2017 and "the United Kingdom" in 2021.
    body = api.get("/api/delegations/united-kingdom/profile/").json()
    assert body["statements"] == 2
    assert [(m["symbol"], m["statements"]) for m in body["meetings"]] == [
        ("GA/11955", 1), ("S/PV.8886", 1),
    ]  # fmt: skip
    codes = {c["code"]: (c["statements"], c["share"]) for c in body["codes"]}
    assert codes == {"victim-centred": (1, 50.0), "protection": (1, 50.0)}
    link = next(c["passages"] for c in body["codes"] if c["code"] == "protection")
    assert link == "/monitoring/passages/?coded=protection&delegation=united-kingdom"
    passages = api.get(link.replace("/monitoring/", "/api/")).json()
    assert [r["statement"] for r in passages["results"]] == [coded.s("sc", 1).pk]
    quotes = [q["quote"] for q in body["quotes"]]
    assert quotes == ["protect women and girls", "victim‑centred approach"]  # newest first
    assert body["quotes"][0]["url"].endswith(f"#statement-{coded.s('sc', 1).pk}")


def test_a_code_two_analysts_applied_counts_the_statement_once(api, coded, analyst_b):
    annotation_create(
        statement=coded.s("sc", 1), code=Code.objects.get(slug="protection"),
        analyst=analyst_b, start=0, end=5,
    )  # fmt: skip
    body = api.get("/api/delegations/UK/profile/").json()
    assert {c["code"]: c["statements"] for c in body["codes"]}["protection"] == 1


def test_an_unknown_delegation_is_404(api, corpus):
    assert api.get("/api/delegations/atlantis/profile/").status_code == 404


def test_the_profile_page_and_csv(client, coded, analyst_a):
    client.force_login(analyst_a)
    page = client.get("/monitoring/delegations/united-kingdom/")
    assert page.status_code == 200
    assert "<strong>2</strong> statements in <strong>2</strong> meetings" in page.content.decode()
    csv = b"".join(client.get("/monitoring/delegations/united-kingdom.csv").streaming_content)
    assert "victim-centred,Victim-centred approach,1,2,50.0" in csv.decode()


@pytest.mark.parametrize("extra", [0, 200])
def test_the_profile_costs_constant_queries(api, coded, django_assert_num_queries, extra):
    from tracker.models import Statement

    Statement.objects.bulk_create(
        Statement(meeting=coded.sc, order=100 + i, delegation="UK", text="x") for i in range(extra)
    )
    # delegation, its aliases, meetings ×2 (their counts sum to the total), codes ×2,
    # quotes, levels ×2 (the meetings' rows carry them); the viewer's permissions ×2
    # (blind coding: does she see every analyst's work).
    with django_assert_num_queries(10):
        body = api.get("/api/delegations/united-kingdom/profile/").json()
    assert body["statements"] == 2 + extra  # "UK" is a shipped alias


def test_the_chairs_statements_are_not_his_countrys(api, coded):
    # GA 1 is Lajčák's, presiding: printed "Slovakia", spoken for the Assembly.
    body = api.get("/api/delegations/slovakia/profile/").json()
    assert (body["statements"], body["meetings"]) == (0, [])


def test_each_meeting_row_shows_the_delegations_level_in_that_meeting(client, coded, analyst_a):
    from annotations.monitoring.reference_levels import reference_level_declare

    _, general, specific = reference_level_declare(scheme=Code.objects.first().scheme)
    annotation_create(statement=coded.s("ga", 2), code=specific, analyst=analyst_a)
    annotation_create(statement=coded.s("sc", 2), code=general, analyst=analyst_a)  # China's
    client.force_login(analyst_a)
    html = client.get("/monitoring/delegations/united-kingdom/").content.decode()
    rows = html.split('id="profile-meetings"')[1].split("</tbody>")[0].split("<tr>")[2:]
    assert "GA/11955" in rows[0] and "<td>Specific reference</td>" in rows[0]
    assert "S/PV.8886" in rows[1] and "<td>Not rated</td>" in rows[1]
    body = APIClient()
    body.force_authenticate(analyst_a)
    levels = body.get("/api/delegations/united-kingdom/profile/").json()["reference_levels"]
    assert [(r["symbol"], r["level"]) for r in levels] == [
        ("GA/11955", "Specific reference"), ("S/PV.8886", "Not rated"),
    ]  # fmt: skip


def test_the_profile_counts_every_printed_name_but_not_the_chair_nor_a_namesake(api, coded):
    from tracker.models import Statement

    # "UK" is a shipped alias of the United Kingdom; "United Kingdom Mission" is not.
    Statement.objects.create(meeting=coded.sc, order=20, delegation="UK", text="x")
    Statement.objects.create(meeting=coded.sc, order=21, delegation="United Kingdom Mission",
                             text="x")  # fmt: skip
    Statement.objects.create(meeting=coded.sc, order=22, delegation="UK", text="x",
                             speaker_type="presiding_officer")  # fmt: skip
    body = api.get("/api/delegations/united-kingdom/profile/").json()
    assert body["statements"] == 3  # GA 2, SC 1 and the new "UK"
    assert [(m["symbol"], m["statements"]) for m in body["meetings"]] == [
        ("GA/11955", 1), ("S/PV.8886", 2),
    ]  # fmt: skip


def test_the_quotes_are_the_newest_twenty_of_its_own_statements(api, coded, analyst_a):
    import datetime

    from tracker.models import Meeting, Statement

    protection = Code.objects.get(slug="protection")
    sc1 = coded.s("sc", 1)
    for start in range(22):
        annotation_create(statement=sc1, code=protection, analyst=analyst_a, start=start,
                          end=start + 3)  # fmt: skip
    # Newer, but the chair's (printed "UK", presiding) and China's: not the United Kingdom's.
    later = Meeting.objects.create(symbol="S/PV.9999", date=datetime.date(2022, 1, 5))
    for order, kind, name in [(1, "presiding_officer", "UK"), (2, "member_state", "China")]:
        other = Statement.objects.create(meeting=later, order=order, delegation=name,
                                         speaker_type=kind, text="Protection matters.")  # fmt: skip
        annotation_create(statement=other, code=protection, analyst=analyst_a, start=0, end=10)
    body = api.get("/api/delegations/united-kingdom/profile/").json()
    assert [q["quote"] for q in body["quotes"]] == [sc1.text[i : i + 3] for i in range(20)]
    assert {q["statement"] for q in body["quotes"]} == {sc1.pk}
    codes = {c["code"]: c["statements"] for c in body["codes"]}
    assert codes == {"protection": 1, "victim-centred": 1}  # the chair's coding not counted
