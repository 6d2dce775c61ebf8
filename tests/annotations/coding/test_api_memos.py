"""The memo endpoints: read by everyone logged in, written by the author, versioned like
annotations (428 without a version, 409 with the current memo when stale)."""

import pytest
from rest_framework.test import APIClient

from annotations.coding.memos import services
from annotations.models import Memo

pytestmark = pytest.mark.django_db

CONTRACT_FIELDS = {
    "id", "meeting", "code", "code_slug", "code_name", "author", "title", "text",
    "version", "created", "updated",
}  # fmt: skip


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
def memo(meeting, analyst_a) -> Memo:
    return services.memo_create(
        author=analyst_a, meeting=meeting, title="Reading", text="Survivors barely spoke."
    )


def url(memo: Memo, suffix: str = "") -> str:
    return f"/api/memos/{memo.pk}/{suffix}"


def test_it_writes_a_memo_on_a_meeting(amina, meeting):
    response = amina.post(
        "/api/memos/", {"meeting": meeting.pk, "title": "Tone", "text": "Formal."}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == CONTRACT_FIELDS
    assert (body["meeting"], body["code"], body["code_slug"]) == (meeting.pk, None, None)
    assert (body["author"], body["version"], body["text"]) == ("amina", 1, "Formal.")
    assert response["ETag"] == '"1"'


def test_it_writes_a_memo_on_a_code(amina, code):
    response = amina.post("/api/memos/", {"code": code.pk, "text": "Narrowly."}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["code"], body["code_slug"], body["meeting"]) == (code.pk, code.slug, None)
    assert body["code_name"] == code.name


@pytest.mark.parametrize(
    ("payload", "field", "words"),
    [
        ({"text": ""}, "text", "blank"),
        ({"text": "  "}, "text", "empty"),
        ({}, "text", "required"),
        ({"text": "x" * 20_001}, "text", "20000"),
        ({"text": "Both.", "code": "CODE"}, "non_field_errors", "not on both"),
        ({"text": "Neither.", "meeting": None}, "non_field_errors", "a meeting or a code"),
        ({"text": "Nowhere.", "meeting": 999_999}, "meeting", "does not exist"),
        ({"text": "Too far.", "meeting": 2**70}, "meeting", "does not exist"),
        ({"text": "Nothing.", "meeting": "first"}, "meeting", "Incorrect type"),
        ({"text": "Title.", "title": "t" * 301}, "title", "300"),
    ],
)
def test_it_refuses_bad_memos_with_a_400_naming_the_problem(
    amina, meeting, code, payload, field, words
):
    body = {"meeting": meeting.pk, **payload}
    if body.get("code") == "CODE":
        body["code"] = code.pk
    response = amina.post("/api/memos/", body, format="json")
    assert response.status_code == 400, response.content
    assert words in str(response.json()[field])
    assert not Memo.objects.exists()


def test_a_reviewer_reads_but_cannot_write(memo, reviewer, meeting):
    rosa = client_for(reviewer)
    assert rosa.get("/api/memos/").json()["count"] == 1
    response = rosa.post("/api/memos/", {"meeting": meeting.pk, "text": "Mine."}, format="json")
    assert response.status_code == 403
    assert rosa.patch(url(memo), {"text": "x", "version": 1}, format="json").status_code == 403


def test_an_anonymous_visitor_reads_nothing(memo):
    assert client_for(None).get("/api/memos/").status_code in (401, 403)


def test_another_analysts_memo_is_theirs_alone(bruno, memo):
    response = bruno.patch(url(memo), {"text": "Mine now.", "version": 1}, format="json")
    assert response.status_code == 403
    assert "another analyst" in response.json()["detail"]
    assert bruno.delete(url(memo)).status_code == 403
    memo.refresh_from_db()
    assert (memo.text, memo.deleted_at) == ("Survivors barely spoke.", None)


def test_a_change_needs_a_current_version(amina, memo):
    assert amina.patch(url(memo), {"text": "New"}, format="json").status_code == 428
    first = amina.patch(url(memo), {"text": "Second", "version": 1}, format="json")
    assert (first.status_code, first["ETag"]) == (200, '"2"')
    stale = amina.patch(url(memo), {"text": "From the other tab", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["current"]["text"] == "Second"
    by_header = amina.patch(url(memo), {"title": "T"}, format="json", HTTP_IF_MATCH='"2"')
    assert (by_header.status_code, by_header.json()["version"]) == (200, 3)


def test_a_stale_delete_is_a_409_and_deletes_nothing(amina, memo):
    amina.patch(url(memo), {"text": "Second", "version": 1}, format="json")
    assert amina.delete(url(memo) + "?version=1").status_code == 409
    assert Memo.objects.live().count() == 1


def test_delete_is_soft_and_restore_undoes_it(amina, memo):
    assert amina.delete(url(memo) + "?version=1").status_code == 204
    assert amina.get("/api/memos/").json()["count"] == 0
    assert amina.get(url(memo)).status_code == 404
    restored = amina.post(url(memo, "restore/"))
    assert restored.status_code == 200, restored.content
    assert restored.json()["version"] == 3
    assert amina.get("/api/memos/").json()["count"] == 1


def test_restoring_a_live_memo_is_a_400(amina, memo):
    response = amina.post(url(memo, "restore/"))
    assert response.status_code == 400
    assert "not deleted" in str(response.json())


def test_the_list_filters_by_meeting_code_and_author(amina, memo, code, analyst_b, meeting):
    services.memo_create(author=analyst_b, code=code, text="Bruno on the code.")
    assert amina.get(f"/api/memos/?meeting={meeting.pk}").json()["count"] == 1
    on_code = amina.get(f"/api/memos/?code={code.pk}").json()["results"]
    assert [m["text"] for m in on_code] == ["Bruno on the code."]
    assert amina.get(f"/api/memos/?code_slug={code.slug}").json()["count"] == 1
    assert amina.get("/api/memos/?author=bruno").json()["count"] == 1
    assert amina.get("/api/memos/?author=amina").json()["results"][0]["id"] == memo.pk


@pytest.mark.parametrize(
    "query",
    ["author=nobody", "author=a%00b", "meeting=abc", "code=99999999999999999999", "colour=red"],
)
def test_bad_filters_are_a_400(amina, memo, query):
    response = amina.get(f"/api/memos/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_the_list_costs_the_same_queries_for_one_memo_as_for_thirty(
    amina, meeting, code, analyst_a, analyst_b, django_assert_num_queries
):
    services.memo_create(author=analyst_a, meeting=meeting, text="One.")
    with django_assert_num_queries(QUERIES):
        assert len(amina.get("/api/memos/").json()["results"]) == 1
    for number in range(29):
        author = analyst_a if number % 2 else analyst_b
        target = {"meeting": meeting} if number % 3 else {"code": code}
        services.memo_create(author=author, text=f"Memo {number}", **target)
    with django_assert_num_queries(QUERIES):
        assert len(amina.get("/api/memos/").json()["results"]) == 30


# Counting the memos for the page, and the page of memos with their authors and codes.
QUERIES = 2
