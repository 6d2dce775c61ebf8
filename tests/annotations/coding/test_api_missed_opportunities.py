"""The missed-opportunity endpoints: same ownership and version rules as annotations."""

import pytest
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.models import CodingScheme, MissedOpportunity

pytestmark = pytest.mark.django_db

CONTRACT_FIELDS = {
    "id",
    "meeting",
    "analyst",
    "title",
    "codes",
    "code_slugs",
    "rationale",
    "version",
    "created",
    "updated",
}


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def amina(analyst_a):
    return client_for(analyst_a)


@pytest.fixture
def bruno(analyst_b):
    return client_for(analyst_b)


@pytest.fixture
def missed(codebook, meeting, analyst_a) -> MissedOpportunity:
    return services.missed_opportunity_create(
        meeting=meeting,
        analyst=analyst_a,
        title="No women's voices from conflict settings",
        rationale="Nobody linked trafficking to conflict-related sexual violence.",
        codes=[codebook.codes.get(slug="conflict-insecurity")],
    )


def test_it_records_a_missed_opportunity_with_code_slugs(amina, codebook, meeting):
    response = amina.post(
        "/api/missed-opportunities/",
        {
            "meeting": meeting.pk,
            "title": "Demand side ignored",
            "rationale": "No speaker named the demand for sexual exploitation.",
            "code_slugs": ["demand", "prevention"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == CONTRACT_FIELDS
    assert sorted(body["code_slugs"]) == ["demand", "prevention"]
    assert sorted(body["codes"]) == sorted(
        codebook.codes.filter(slug__in=["demand", "prevention"]).values_list("pk", flat=True)
    )
    assert (body["analyst"], body["version"]) == ("amina", 1)
    assert response["ETag"] == '"1"'


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": ""}, "title"),
        ({"rationale": None}, "rationale"),
        ({"meeting": 999_999}, "meeting"),
        ({"codes": [999_999]}, "codes"),
        ({"code_slugs": ["no-such-code"]}, "code_slugs"),
        ({"code_slugs": "demand"}, "code_slugs"),
    ],
)
def test_it_refuses_bad_missed_opportunities(amina, codebook, meeting, payload, field):
    data = {"meeting": meeting.pk, "title": "T", "rationale": "R", **payload}
    data = {key: value for key, value in data.items() if value is not None}
    response = amina.post("/api/missed-opportunities/", data, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not MissedOpportunity.objects.exists()


def test_it_refuses_codes_of_another_scheme(amina, codebook, meeting):
    other = CodingScheme.objects.create(name="Other", slug="other")
    foreign = other.codes.create(group="g", slug="foreign", name="Foreign")
    response = amina.post(
        "/api/missed-opportunities/",
        {"meeting": meeting.pk, "title": "T", "rationale": "R", "codes": [foreign.pk]},
        format="json",
    )
    assert response.status_code == 400
    assert "foreign" in response.json()["codes"][0]


def test_everyone_logged_in_reads_them_and_filters_by_analyst(bruno, missed):
    response = bruno.get("/api/missed-opportunities/?analyst=amina")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [missed.pk]
    assert bruno.get("/api/missed-opportunities/?analyst=bruno").json()["results"] == []
    assert (
        bruno.get("/api/missed-opportunities/?code_slug=conflict-insecurity").json()["count"] == 1
    )
    assert bruno.get(f"/api/missed-opportunities/?meeting={missed.meeting_id}").json()["count"] == 1


def test_a_teammate_cannot_change_or_delete_it(bruno, missed):
    url = f"/api/missed-opportunities/{missed.pk}/"
    assert bruno.patch(url, {"title": "Mine", "version": 1}, format="json").status_code == 403
    assert bruno.delete(url).status_code == 403
    missed.refresh_from_db()
    assert (missed.title, missed.deleted_at) == ("No women's voices from conflict settings", None)


def test_an_anonymous_visitor_cannot_read_them(missed):
    assert client_for(None).get("/api/missed-opportunities/").status_code in (401, 403)


def test_a_change_needs_a_current_version(amina, missed):
    url = f"/api/missed-opportunities/{missed.pk}/"
    assert amina.patch(url, {"title": "New"}, format="json").status_code == 428
    changed = amina.patch(
        url, {"title": "New", "code_slugs": ["demand"]}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert changed.status_code == 200, changed.content
    assert (changed.json()["title"], changed.json()["code_slugs"]) == ("New", ["demand"])
    stale = amina.patch(url, {"title": "Newer", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current"]["title"] == "New"


def test_delete_is_soft(amina, missed):
    response = amina.delete(f"/api/missed-opportunities/{missed.pk}/?version=1")
    assert response.status_code == 204
    missed.refresh_from_db()
    assert missed.deleted_at is not None
    assert amina.get("/api/missed-opportunities/").json()["count"] == 0


def test_the_list_costs_a_fixed_number_of_queries(
    amina, codebook, meeting, analyst_a, django_assert_max_num_queries
):
    for number in range(20):
        services.missed_opportunity_create(
            meeting=meeting,
            analyst=analyst_a,
            title=f"Theme {number}",
            rationale="R",
            codes=list(codebook.codes.all()[:3]),
        )
    with django_assert_max_num_queries(6):
        response = amina.get("/api/missed-opportunities/?page_size=50")
    assert len(response.json()["results"]) == 20
