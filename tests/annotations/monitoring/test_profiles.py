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
    # delegation, its aliases, count, meetings ×2, codes ×2, quotes, levels ×2;
    # the viewer's permissions ×2 (blind coding: does she see every analyst's work).
    with django_assert_num_queries(12):
        body = api.get("/api/delegations/united-kingdom/profile/").json()
    assert body["statements"] == 2 + extra  # "UK" is a shipped alias


def test_the_chairs_statements_are_not_his_countrys(api, coded):
    # GA 1 is Lajčák's, presiding: printed "Slovakia", spoken for the Assembly.
    body = api.get("/api/delegations/slovakia/profile/").json()
    assert (body["statements"], body["meetings"]) == (0, [])
