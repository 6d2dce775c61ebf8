"""Accept or dismiss every suggestion of a code or keyword at once, as one undoable step."""

import pytest
from rest_framework.test import APIClient

from annotations.coding.services import annotation_create, suggestion_dismiss
from annotations.models import Annotation, Code, CodingScheme, SuggestionDecision
from tests.annotations.coding.test_workspace_views import make_meeting

pytestmark = pytest.mark.django_db

URL = "/api/suggestions/decide/"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(analyst_a):
    return client_for(analyst_a)


def decide(api, **body):
    return api.post(URL, body, format="json")


def open_suggestions(api, meeting):
    return api.get(f"/api/meetings/{meeting.pk}/suggestions/").json()


def test_accept_all_of_a_code_codes_every_open_suggestion(api, code):
    meeting = make_meeting("GA/D-1", 14)
    answer = decide(api, meeting=meeting.pk, code=code.pk, decision="accept")
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert (body["decided"], body["already_decided"], body["already_coded"]) == (14, 0, 0)
    assert (body["accepted"], body["dismissed"]) == (14, 0)
    assert len(body["annotations"]) == 14
    stored = Annotation.objects.live().filter(code=code, source="suggestion")
    assert stored.count() == 14
    assert all(a.statement.text[a.start : a.end] == a.quote for a in stored)
    assert SuggestionDecision.objects.filter(decision="accepted").count() == 14
    assert open_suggestions(api, meeting)["suggestions"] == []
    assert open_suggestions(api, meeting)["accepted"] == 14


def test_it_skips_suggestions_already_decided_or_coded_and_says_how_many(api, code, analyst_a):
    meeting = make_meeting("GA/D-2", 5)
    statements = list(meeting.statements.order_by("order"))
    first = open_suggestions(api, meeting)["suggestions"][0]
    suggestion_dismiss(
        statement=statements[0],
        code=code,
        analyst=analyst_a,
        start=first["start"],
        end=first["end"],
    )
    start = statements[1].text.index("victim-centred")
    annotation_create(
        statement=statements[1], code=code, analyst=analyst_a, start=start, end=start + 14
    )
    body = decide(api, meeting=meeting.pk, code=code.pk, decision="dismiss").json()
    assert (body["decided"], body["already_decided"], body["already_coded"]) == (3, 1, 1)
    assert (body["accepted"], body["dismissed"]) == (0, 4)


def test_a_keyword_alone_or_a_codes_keyword_picks_its_suggestions(api, code, codebook):
    meeting = make_meeting("GA/D-3", 4)
    statement = meeting.statements.get(order=4)
    statement.text = "We need a rights-based approach. Gender-sensitive budgets too."
    statement.save()
    body = decide(api, meeting=meeting.pk, keyword="Gender-Sensitive", decision="dismiss").json()
    assert body["decided"] == 1
    assert SuggestionDecision.objects.get().code.slug == "gender-specific"
    body = decide(
        api, meeting=meeting.pk, code=code.pk, keyword="victim-centred", decision="accept"
    ).json()
    assert body["decided"] == 3


def test_the_bulk_decision_is_one_step_that_undo_takes_back_whole(api, code):
    meeting = make_meeting("GA/D-4", 6)
    decide(api, meeting=meeting.pk, code=code.pk, decision="accept")
    history = api.get(f"/api/meetings/{meeting.pk}/undo/").json()["undo"]
    assert [s["label"] for s in history] == ["accepting 6 suggestions of Victim-centred approach"]
    undone = api.post(f"/api/meetings/{meeting.pk}/undo/").json()
    assert len(undone["gone"]) == 6
    assert undone["suggestions"] == {"accepted": 0, "dismissed": 0}
    assert not Annotation.objects.live().exists()
    assert not SuggestionDecision.objects.exists()
    assert len(open_suggestions(api, meeting)["suggestions"]) == 6
    redone = api.post(f"/api/meetings/{meeting.pk}/redo/").json()
    assert len(redone["annotations"]) == 6
    assert redone["suggestions"] == {"accepted": 6, "dismissed": 0}
    assert SuggestionDecision.objects.exclude(annotation=None).count() == 6


def test_nothing_left_to_decide_is_no_step(api, code):
    meeting = make_meeting("GA/D-5", 2)
    decide(api, meeting=meeting.pk, code=code.pk, decision="dismiss")
    body = decide(api, meeting=meeting.pk, code=code.pk, decision="dismiss").json()
    assert (body["decided"], body["already_decided"]) == (0, 2)
    assert len(api.get(f"/api/meetings/{meeting.pk}/undo/").json()["undo"]) == 1


def test_an_unknown_code_is_a_400(api, codebook):
    meeting = make_meeting("GA/D-6", 1)
    answer = decide(api, meeting=meeting.pk, code=999999, decision="accept")
    assert answer.status_code == 400
    assert "code" in answer.json()


def test_a_code_of_another_scheme_is_a_400_naming_it(api, codebook):
    meeting = make_meeting("GA/D-7", 1)
    scheme = CodingScheme.objects.create(name="Other", slug="other")
    foreign = Code.objects.create(
        scheme=scheme, group="g", slug="foreign", name="Foreign", keywords="victim-centred"
    )
    answer = decide(api, meeting=meeting.pk, code=foreign.pk, decision="accept")
    assert answer.status_code == 400
    assert "foreign" in answer.json()["code"][0] and "GA/D-7" in answer.json()["code"][0]
    assert not Annotation.objects.exists()


def test_a_keyword_not_in_the_code_is_a_400_naming_it(api, code):
    meeting = make_meeting("GA/D-8", 1)
    answer = decide(
        api, meeting=meeting.pk, code=code.pk, keyword="gender-based", decision="accept"
    )
    assert answer.status_code == 400
    assert answer.json()["keyword"] == ['"gender-based" is not a keyword of code "victim-centred".']
    answer = decide(api, meeting=meeting.pk, keyword="no such words", decision="accept")
    assert answer.status_code == 400
    assert "any code of this meeting" in answer.json()["keyword"][0]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"decision": "accept"}, "non_field_errors"),
        ({"decision": "maybe", "keyword": "victim-centred"}, "decision"),
        ({"meeting": 999999, "decision": "accept", "keyword": "victim-centred"}, "meeting"),
    ],
)
def test_bad_input_is_a_400_naming_the_problem(api, code, body, field):
    meeting = make_meeting("GA/D-9", 1)
    answer = api.post(URL, {"meeting": meeting.pk, **body}, format="json")
    assert answer.status_code == 400
    assert field in answer.json()


def test_a_reviewer_may_not_decide(reviewer, code):
    meeting = make_meeting("GA/D-10", 2)
    answer = decide(client_for(reviewer), meeting=meeting.pk, code=code.pk, decision="accept")
    assert answer.status_code == 403
    assert not SuggestionDecision.objects.exists()


def test_another_analysts_decisions_and_history_are_their_own(api, code, analyst_b):
    meeting = make_meeting("GA/D-11", 3)
    decide(api, meeting=meeting.pk, code=code.pk, decision="dismiss")
    bruno = client_for(analyst_b)
    body = decide(bruno, meeting=meeting.pk, code=code.pk, decision="accept").json()
    # Amina's dismissals are not Bruno's: all three are open to him.
    assert (body["decided"], body["already_decided"]) == (3, 0)
    assert bruno.post(f"/api/meetings/{meeting.pk}/undo/").status_code == 200
    assert SuggestionDecision.objects.filter(decision="dismissed").count() == 3
    assert api.post(f"/api/meetings/{meeting.pk}/redo/").json() == {"detail": "Nothing to redo."}


# Fixed however many suggestions: the statements, decisions and annotations are read
# once, the annotations (and their history) and the decisions are written in bulk.
ACCEPT_QUERIES = 19
UNDO_QUERIES = 18
REDO_QUERIES = 19


@pytest.mark.parametrize("count", [3, 40])
def test_deciding_costs_the_same_queries_for_3_and_40(api, code, count, django_assert_num_queries):
    meeting = make_meeting(f"GA/D-Q{count}", count)
    with django_assert_num_queries(ACCEPT_QUERIES):
        answer = decide(api, meeting=meeting.pk, code=code.pk, decision="accept")
    assert answer.json()["decided"] == count
    with django_assert_num_queries(UNDO_QUERIES):
        assert api.post(f"/api/meetings/{meeting.pk}/undo/").status_code == 200
    with django_assert_num_queries(REDO_QUERIES):
        assert api.post(f"/api/meetings/{meeting.pk}/redo/").status_code == 200
