"""Schemes and codes over the API: read by everyone logged in, written by administrators."""

import pytest
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.models import Code, CodingScheme

pytestmark = pytest.mark.django_db


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_analysts_read_the_codebook_in_order(analyst_a, codebook):
    client = client_for(analyst_a)
    schemes = client.get("/api/schemes/").json()["results"]
    assert [s["slug"] for s in schemes] == ["trafficking-gender-analysis"]
    assert [g["slug"] for g in schemes[0]["groups"]][:2] == ["approach", "root-causes"]
    codes = client.get("/api/codes/?page_size=100").json()["results"]
    assert len(codes) == 27
    assert codes[0]["slug"] == "victim-centred"


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("group=four-ps", 4),
        ("slug=demand", 1),
        ("statement_level=true", 1),
        ("retired=false", 27),
    ],
)
def test_codes_filter_by_scheme_slug_and_group(analyst_a, codebook, query, count):
    response = client_for(analyst_a).get(f"/api/codes/?scheme={codebook.pk}&{query}")
    assert response.status_code == 200
    assert response.json()["count"] == count


def test_schemes_filter_by_slug_and_default(analyst_a, codebook):
    client = client_for(analyst_a)
    assert client.get("/api/schemes/?is_default=true").json()["count"] == 1
    assert client.get("/api/schemes/?slug=nothing").json()["count"] == 0


def test_analysts_and_reviewers_cannot_change_the_codebook(analyst_a, reviewer, codebook, code):
    for user in (analyst_a, reviewer):
        client = client_for(user)
        response = client.patch(f"/api/codes/{code.pk}/", {"name": "Renamed"}, format="json")
        assert response.status_code == 403
        assert client.post("/api/schemes/", {"name": "S", "slug": "s"}).status_code == 403
        assert client.delete(f"/api/codes/{code.pk}/").status_code == 403
    code.refresh_from_db()
    assert code.name == "Victim-centred approach"


def test_anonymous_visitors_cannot_read_the_codebook(codebook):
    assert client_for(None).get("/api/codes/").status_code in (401, 403)


def test_administrators_add_and_change_codes(administrator, codebook):
    client = client_for(administrator)
    response = client.post(
        "/api/codes/",
        {
            "scheme": codebook.pk,
            "group": "root-causes",
            "slug": "climate",
            "name": "Climate change",
            "colour": "#112233",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    code_id = response.json()["id"]
    response = client.patch(f"/api/codes/{code_id}/", {"retired": True}, format="json")
    assert response.status_code == 200
    assert Code.objects.get(pk=code_id).retired is True


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"slug": "demand"}, "non_field_errors"),
        ({"shortcut": "1"}, "non_field_errors"),
        ({"group": "no-such-group"}, "group"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_administrators_get_field_messages_for_bad_codes(administrator, codebook, payload, field):
    data = {"scheme": codebook.pk, "group": "approach", "slug": "new-code", "name": "N", **payload}
    response = client_for(administrator).post("/api/codes/", data, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert codebook.codes.count() == 27


def test_a_used_code_keeps_its_slug_and_cannot_be_deleted(
    administrator, analyst_a, codebook, statement, code
):
    services.annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    client = client_for(administrator)
    response = client.patch(f"/api/codes/{code.pk}/", {"slug": "renamed"}, format="json")
    assert response.status_code == 400
    assert "slug" in response.json()
    response = client.delete(f"/api/codes/{code.pk}/")
    assert response.status_code == 400
    assert "retire it" in response.json()["non_field_errors"][0]
    assert client.delete(f"/api/schemes/{codebook.pk}/").status_code == 400
    assert Code.objects.filter(pk=code.pk, slug="victim-centred").exists()


def test_administrators_create_schemes_with_checked_groups(administrator, codebook):
    client = client_for(administrator)
    bad = client.post("/api/schemes/", {"name": "S", "slug": "s", "groups": ["x"]}, format="json")
    assert bad.status_code == 400
    assert "groups" in bad.json()
    second_default = client.post(
        "/api/schemes/", {"name": "S", "slug": "s", "is_default": True}, format="json"
    )
    assert second_default.status_code == 400
    good = client.post(
        "/api/schemes/",
        {"name": "S", "slug": "s", "groups": [{"slug": "g", "name": "G"}]},
        format="json",
    )
    assert good.status_code == 201, good.content
    scheme = CodingScheme.objects.get(slug="s")
    assert client.delete(f"/api/schemes/{scheme.pk}/").status_code == 204
