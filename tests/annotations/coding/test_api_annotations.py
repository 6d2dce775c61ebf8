"""The annotation endpoints: the workspace's contract, ownership, versions, bad input."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.models import Annotation, CodingScheme

pytestmark = pytest.mark.django_db

CONTRACT_FIELDS = {
    "id",
    "statement",
    "meeting",
    "code",
    "code_slug",
    "code_name",
    "code_group",
    "analyst",
    "start",
    "end",
    "quote",
    "memo",
    "source",
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
def coded(codebook, meeting, statement, analyst_a, code) -> Annotation:
    """Amina's annotation of "victim-centred approach" in statement 1."""
    start = statement.text.index("victim-centred approach")
    return services.annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=start + 23
    )


def post(client, data, **extra):
    return client.post("/api/annotations/", data, format="json", **extra)


def test_it_creates_a_passage_annotation_in_the_contract_shape(amina, codebook, statement, code):
    start = statement.text.index("serious crime")
    response = post(
        amina,
        {"statement": statement.pk, "code": code.pk, "start": start, "end": start + 13},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == CONTRACT_FIELDS
    assert body["quote"] == "serious crime" == statement.text[body["start"] : body["end"]]
    assert body["analyst"] == "amina"
    assert body["meeting"] == statement.meeting_id
    assert (body["code_slug"], body["code_group"]) == ("victim-centred", "approach")
    assert body["version"] == 1
    assert response["ETag"] == '"1"'


def test_it_resolves_a_code_slug_in_the_meetings_scheme(amina, codebook, statement):
    response = post(
        amina,
        {"statement": statement.pk, "code_slug": "prosecution", "start": 0, "end": 5},
    )
    assert response.status_code == 201, response.content
    assert response.json()["code"] == codebook.codes.get(slug="prosecution").pk


def test_it_codes_a_whole_statement_without_offsets(amina, codebook, statement):
    response = post(amina, {"statement": statement.pk, "code_slug": "survivor-testimony"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["start"], body["end"], body["quote"]) == (None, None, "")


def test_it_accepts_a_quote_that_matches_the_text(amina, codebook, statement, code):
    response = post(
        amina,
        {"statement": statement.pk, "code": code.pk, "start": 0, "end": 5, "quote": "Human"},
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"start": 0, "end": 10_000}, "end"),
        ({"start": 9, "end": 3}, "end"),
        ({"start": 4, "end": 4}, "end"),
        ({"start": -1, "end": 4}, "start"),
        ({"start": 0, "end": 5, "quote": "Women"}, "quote"),
        ({"start": "the first word", "end": 5}, "start"),
        ({"start": 0}, "start"),
        ({"code": 999_999, "start": 0, "end": 5}, "code"),
        ({"statement": 999_999, "start": 0, "end": 5}, "statement"),
        ({"statement": "one", "start": 0, "end": 5}, "statement"),
        ({"code": None, "code_slug": None, "start": 0, "end": 5}, "code"),
        ({"code": None, "code_slug": "no-such-code", "start": 0, "end": 5}, "code_slug"),
        ({"memo": ["not", "text"], "start": 0, "end": 5}, "memo"),
    ],
)
def test_it_refuses_bad_annotations_with_a_field_message(
    amina, codebook, statement, code, payload, field
):
    data = {"statement": statement.pk, "code": code.pk, **payload}
    data = {key: value for key, value in data.items() if value is not None}
    response = post(amina, data)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Annotation.objects.exists()


def test_it_refuses_offsets_on_a_statement_level_code(amina, codebook, statement):
    response = post(
        amina,
        {"statement": statement.pk, "code_slug": "survivor-testimony", "start": 0, "end": 5},
    )
    assert response.status_code == 400
    assert "statement-level" in response.json()["start"][0]


def test_it_refuses_a_code_from_another_scheme(amina, codebook, statement):
    other = CodingScheme.objects.create(name="Other", slug="other")
    foreign = other.codes.create(group="g", slug="foreign", name="Foreign")
    response = post(amina, {"statement": statement.pk, "code": foreign.pk, "start": 0, "end": 5})
    assert response.status_code == 400
    assert "belongs to scheme" in response.json()["code"][0]


def test_it_refuses_the_same_passage_twice(amina, coded):
    response = post(
        amina,
        {
            "statement": coded.statement_id,
            "code": coded.code_id,
            "start": coded.start,
            "end": coded.end,
        },
    )
    assert response.status_code == 400
    assert "already coded" in response.json()["non_field_errors"][0]


def test_it_answers_malformed_json_with_400(amina, codebook, statement):
    response = amina.post(
        "/api/annotations/", data='{"statement": 1,', content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_it_answers_a_list_body_with_400(amina, codebook, statement):
    response = amina.post("/api/annotations/", data="[1, 2]", content_type="application/json")
    assert response.status_code == 400


def test_a_teammate_reads_but_cannot_change_anothers_annotation(bruno, coded):
    assert bruno.get(f"/api/annotations/{coded.pk}/").status_code == 200
    patch = bruno.patch(
        f"/api/annotations/{coded.pk}/", {"memo": "mine now", "version": 1}, format="json"
    )
    assert patch.status_code == 403
    assert bruno.delete(f"/api/annotations/{coded.pk}/").status_code == 403
    assert bruno.post(f"/api/annotations/{coded.pk}/restore/").status_code == 403
    coded.refresh_from_db()
    assert (coded.memo, coded.deleted_at, coded.version) == ("", None, 1)


def test_a_reviewer_reads_but_does_not_code(reviewer, coded, statement, code):
    client = client_for(reviewer)
    assert client.get("/api/annotations/").json()["results"][0]["id"] == coded.pk
    response = post(client, {"statement": statement.pk, "code": code.pk, "start": 0, "end": 5})
    assert response.status_code == 403


def test_an_anonymous_visitor_gets_nothing(coded):
    client = client_for(None)
    assert client.get("/api/annotations/").status_code in (401, 403)
    assert client.get(f"/api/annotations/{coded.pk}/").status_code in (401, 403)
    assert client.delete(f"/api/annotations/{coded.pk}/").status_code in (401, 403)
    assert Annotation.objects.live().count() == 1


def test_a_token_authenticates_api_calls(analyst_a, coded):
    token = Token.objects.create(user=analyst_a)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.get("/api/annotations/")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [coded.pk]


def test_manage_py_drf_create_token_gives_a_working_token(analyst_a, coded):
    out = io.StringIO()
    call_command("drf_create_token", "amina", stdout=out)
    key = Token.objects.get(user=analyst_a).key
    assert key in out.getvalue()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(f"/api/annotations/{coded.pk}/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    assert client.get(f"/api/annotations/{coded.pk}/").status_code in (401, 403)


def test_a_session_authenticates_api_calls_and_writes_need_the_csrf_token(
    analyst_a, coded, statement, code
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst_a)
    assert client.get("/api/annotations/").status_code == 200
    payload = {"statement": statement.pk, "code": code.pk, "start": 0, "end": 5}
    refused = client.post("/api/annotations/", payload, content_type="application/json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get("/accounts/login/")  # a page that sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.post(
        "/api/annotations/", payload, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert accepted.status_code == 201


def test_a_change_needs_the_version_the_client_saw(amina, coded):
    response = amina.patch(f"/api/annotations/{coded.pk}/", {"memo": "why"}, format="json")
    assert response.status_code == 428
    coded.refresh_from_db()
    assert coded.memo == ""


def test_it_changes_memo_span_and_code_by_version_in_the_body(amina, coded, codebook):
    response = amina.patch(
        f"/api/annotations/{coded.pk}/",
        {"memo": "Names the approach", "version": 1, "start": coded.start, "end": coded.end - 9},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["memo"], body["quote"], body["version"]) == (
        "Names the approach",
        "victim-centred",
        2,
    )
    assert response["ETag"] == '"2"'
    response = amina.patch(
        f"/api/annotations/{coded.pk}/",
        {"code_slug": "protection"},
        format="json",
        HTTP_IF_MATCH='"2"',
    )
    assert response.status_code == 200, response.content
    assert response.json()["code_slug"] == "protection"


def test_a_stale_change_gets_409_with_the_current_annotation(amina, coded):
    first = amina.patch(
        f"/api/annotations/{coded.pk}/", {"memo": "first"}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert first.status_code == 200
    second = amina.patch(
        f"/api/annotations/{coded.pk}/", {"memo": "second", "version": 1}, format="json"
    )
    assert second.status_code == 409
    body = second.json()
    assert "changed since" in body["detail"]
    assert (body["current"]["memo"], body["current"]["version"]) == ("first", 2)


@pytest.mark.parametrize(
    ("payload", "headers", "field"),
    [
        ({"version": "three"}, {}, "version"),
        ({"version": 2}, {"HTTP_IF_MATCH": '"1"'}, "version"),
        ({}, {"HTTP_IF_MATCH": "yesterday"}, "If-Match"),
        ({"version": 1, "start": 60, "end": 10_000}, {}, "end"),
        ({"version": 1, "code": 999_999}, {}, "code"),
        ({"version": 1, "code_slug": "survivor-testimony"}, {}, "code"),
    ],
)
def test_it_refuses_bad_changes_with_a_field_message(amina, coded, payload, headers, field):
    response = amina.patch(f"/api/annotations/{coded.pk}/", payload, format="json", **headers)
    assert response.status_code == 400, response.content
    assert field in response.json()
    coded.refresh_from_db()
    assert coded.version == 1


def test_put_is_not_offered(amina, coded):
    response = amina.put(f"/api/annotations/{coded.pk}/", {"memo": "x"}, format="json")
    assert response.status_code == 405


def test_delete_is_soft_and_restore_undoes_it(amina, coded):
    response = amina.delete(f"/api/annotations/{coded.pk}/", HTTP_IF_MATCH='"1"')
    assert response.status_code == 204
    assert amina.get(f"/api/annotations/{coded.pk}/").status_code == 404
    assert amina.get("/api/annotations/").json()["results"] == []
    coded.refresh_from_db()
    assert coded.deleted_at is not None
    restored = amina.post(f"/api/annotations/{coded.pk}/restore/")
    assert restored.status_code == 200
    assert restored.json()["version"] == 3
    assert [r["id"] for r in amina.get("/api/annotations/").json()["results"]] == [coded.pk]


def test_a_stale_delete_gets_409_and_deletes_nothing(amina, coded):
    amina.patch(f"/api/annotations/{coded.pk}/", {"memo": "x", "version": 1}, format="json")
    response = amina.delete(f"/api/annotations/{coded.pk}/?version=1")
    assert response.status_code == 409
    assert response.json()["current"]["version"] == 2
    assert Annotation.objects.live().filter(pk=coded.pk).exists()


def test_restoring_a_live_annotation_is_a_400(amina, coded):
    response = amina.post(f"/api/annotations/{coded.pk}/restore/")
    assert response.status_code == 400
    assert "not deleted" in json.dumps(response.json())
