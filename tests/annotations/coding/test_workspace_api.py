import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from annotations.models import Annotation, CodingScheme, StatementProgress, SuggestionDecision
from tests.annotations.coding.test_workspace_views import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(analyst_a):
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def done_url(statement):
    return f"/api/statements/{statement.pk}/done/"


def test_marking_a_statement_done_reports_the_meeting_progress(api, meeting, analyst_a):
    statement = meeting.statements.get(order=2)
    response = api.put(done_url(statement))
    assert response.status_code == 200
    assert response.json() == {
        "statement": statement.pk,
        "done": True,
        "meeting_done": 1,
        "meeting_total": 3,
    }
    assert StatementProgress.objects.filter(statement=statement, analyst=analyst_a).exists()


def test_marking_done_twice_keeps_one_mark(api, meeting):
    statement = meeting.statements.get(order=1)
    api.put(done_url(statement))
    response = api.put(done_url(statement))
    assert response.json()["meeting_done"] == 1
    assert StatementProgress.objects.count() == 1


def test_taking_the_done_mark_off_again(api, meeting, analyst_b):
    statement = meeting.statements.get(order=1)
    StatementProgress.objects.create(statement=statement, analyst=analyst_b)
    api.put(done_url(statement))
    response = api.delete(done_url(statement))
    assert response.status_code == 200
    assert response.json()["done"] is False
    assert response.json()["meeting_done"] == 0
    # Another analyst's mark on the same statement is theirs and stays.
    assert list(StatementProgress.objects.values_list("analyst__username", flat=True)) == ["bruno"]


def test_a_reviewer_cannot_mark_statements_done(meeting, reviewer):
    client = APIClient()
    client.force_authenticate(reviewer)
    response = client.put(done_url(meeting.statements.get(order=1)))
    assert response.status_code == 403
    assert "not code" in response.json()["detail"]
    assert StatementProgress.objects.count() == 0


def test_anonymous_visitors_cannot_use_the_workspace_endpoints(meeting, codebook):
    client = APIClient()
    assert client.put(done_url(meeting.statements.get(order=1))).status_code in {401, 403}
    assert client.get(f"/api/meetings/{meeting.pk}/suggestions/").status_code in {401, 403}
    assert StatementProgress.objects.count() == 0


def test_an_unknown_statement_is_not_found(api, meeting):
    assert api.put("/api/statements/999999/done/").status_code == 404


def test_session_writes_need_the_csrf_token(meeting, analyst_a):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(analyst_a)
    response = client.put(done_url(meeting.statements.get(order=1)))
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def suggestions(api, meeting):
    response = api.get(f"/api/meetings/{meeting.pk}/suggestions/")
    assert response.status_code == 200
    return response.json()


def test_the_suggestions_of_a_meeting_in_reading_order(api, meeting, codebook):
    data = suggestions(api, meeting)
    assert (data["meeting"], data["accepted"], data["dismissed"]) == (meeting.pk, 0, 0)
    first = data["suggestions"][0]
    statement = meeting.statements.get(order=1)
    assert first == {
        "statement": statement.pk,
        "code": codebook.codes.get(slug="victim-centred").pk,
        "code_slug": "victim-centred",
        "code_name": "Victim-centred approach",
        "code_colour": "#0b5cad",
        "start": 0,
        "end": len(statement.text),
        "quote": statement.text,
        "keyword": "victim-centred",
        "code_keyword": "victim-centred",
    }


def choice(item):
    return {k: item[k] for k in ("statement", "code", "start", "end")}


def test_accepting_a_suggestion_answers_with_the_annotation(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    response = api.post("/api/suggestions/accept/", choice(item), format="json")
    assert response.status_code == 201
    body = response.json()
    assert response["ETag"] == '"1"'
    assert (body["source"], body["quote"], body["meeting"]) == (
        "suggestion",
        item["quote"],
        meeting.pk,
    )
    assert body["analyst"] == "amina"
    after = suggestions(api, meeting)
    assert after["accepted"] == 1
    assert item not in after["suggestions"]


def test_a_suggestion_can_be_named_by_code_slug(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    data = choice(item) | {"code_slug": item["code_slug"]}
    del data["code"]
    response = api.post("/api/suggestions/dismiss/", data, format="json")
    assert response.status_code == 201
    assert response.json()["decision"] == "dismissed"
    assert suggestions(api, meeting)["dismissed"] == 1


def test_undoing_an_accept_takes_the_annotation_away(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    api.post("/api/suggestions/accept/", choice(item), format="json")
    response = api.post("/api/suggestions/reopen/", choice(item), format="json")
    assert response.status_code == 204
    assert Annotation.objects.live().count() == 0
    assert item in suggestions(api, meeting)["suggestions"]


def test_bad_suggestion_choices_get_field_messages(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    cases = [
        ({}, "statement"),
        (choice(item) | {"start": -1}, "start"),
        (choice(item) | {"end": 3}, "start"),
        (choice(item) | {"code": 999999}, "code"),
        ({k: v for k, v in choice(item).items() if k != "code"}, "code"),
        (choice(item) | {"statement": 999999}, "statement"),
    ]
    for data, field in cases:
        response = api.post("/api/suggestions/accept/", data, format="json")
        assert response.status_code == 400, data
        assert field in response.json(), (data, response.json())
    assert Annotation.objects.count() == 0
    assert SuggestionDecision.objects.count() == 0


def test_a_slug_from_no_scheme_of_the_meeting_is_refused(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    data = {k: v for k, v in choice(item).items() if k != "code"} | {"code_slug": "no-such"}
    response = api.post("/api/suggestions/accept/", data, format="json")
    assert response.status_code == 400
    assert "no-such" in str(response.json())


def test_a_code_of_another_scheme_is_refused(api, meeting, codebook):
    other = CodingScheme.objects.create(name="Other", slug="other")
    foreign = other.codes.create(group="g", slug="victim-centred", name="Other", keywords="victim")
    item = suggestions(api, meeting)["suggestions"][0]
    response = api.post(
        "/api/suggestions/accept/", choice(item) | {"code": foreign.pk}, format="json"
    )
    assert response.status_code == 400
    assert Annotation.objects.count() == 0


def test_deciding_twice_is_refused_with_a_message(api, meeting, codebook):
    item = suggestions(api, meeting)["suggestions"][0]
    api.post("/api/suggestions/dismiss/", choice(item), format="json")
    response = api.post("/api/suggestions/accept/", choice(item), format="json")
    assert response.status_code == 400
    assert "already accepted or dismissed" in str(response.json())
    assert Annotation.objects.count() == 0


def test_suggestions_cost_the_same_queries_for_10_and_200_statements(api, codebook):
    def queries(meeting):
        with CaptureQueriesContext(connection) as captured:
            data = suggestions(api, meeting)
        assert len(data["suggestions"]) == meeting.statements.count()
        return len(captured)

    assert queries(make_meeting("GA/SMALL", 10)) == queries(make_meeting("GA/LARGE", 200))
