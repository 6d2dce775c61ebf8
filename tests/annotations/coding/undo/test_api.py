"""The undo history kept by the server: every workspace step can be undone and redone
after a reload, as one step, and a stale step is refused, never written over."""

import json

import pytest
from rest_framework.test import APIClient

from annotations.models import Annotation, StatementProgress, SuggestionDecision, UndoStep
from tests.annotations.coding.test_workspace_views import make_meeting, workspace_queries

pytestmark = pytest.mark.django_db

PHRASE = "victim-centred"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(analyst_a):
    return client_for(analyst_a)


@pytest.fixture
def place(codebook):
    meeting = make_meeting("GA/U-1", 3)
    return meeting, list(meeting.statements.order_by("order"))


def code_phrase(api, statement, code, phrase=PHRASE):
    start = statement.text.index(phrase)
    response = api.post(
        "/api/annotations/",
        {"statement": statement.pk, "code": code.pk, "start": start, "end": start + len(phrase)},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return response.json()


def undo(api, meeting):
    return api.post(f"/api/meetings/{meeting.pk}/undo/")


def redo(api, meeting):
    return api.post(f"/api/meetings/{meeting.pk}/redo/")


def history(api, meeting):
    response = api.get(f"/api/meetings/{meeting.pk}/undo/")
    assert response.status_code == 200
    return response.json()


def test_a_coding_is_in_the_history_and_undo_withdraws_it(api, place, code):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    assert [s["label"] for s in history(api, meeting)["undo"]] == [
        "coding Victim-centred approach on “victim-centred”"
    ]
    answer = undo(api, meeting)
    assert answer.status_code == 200, answer.json()
    assert answer.json()["gone"] == [made["id"]]
    gone = Annotation.objects.get(pk=made["id"])
    assert gone.deleted_at is not None and gone.withdrawn
    assert history(api, meeting)["redo"][0]["label"].startswith("coding Victim-centred")
    again = redo(api, meeting)
    assert again.status_code == 200
    assert [a["id"] for a in again.json()["annotations"]] == [made["id"]]
    assert Annotation.objects.live().filter(pk=made["id"]).exists()


def test_undo_takes_the_latest_step_first_and_redo_the_last_undone(api, place, code):
    meeting, statements = place
    first = code_phrase(api, statements[0], code)
    second = code_phrase(api, statements[1], code)
    assert undo(api, meeting).json()["gone"] == [second["id"]]
    assert undo(api, meeting).json()["gone"] == [first["id"]]
    assert undo(api, meeting).status_code == 400
    assert [a["id"] for a in redo(api, meeting).json()["annotations"]] == [first["id"]]
    assert [a["id"] for a in redo(api, meeting).json()["annotations"]] == [second["id"]]
    assert redo(api, meeting).json() == {"detail": "Nothing to redo."}


def test_a_new_step_forgets_what_could_be_redone(api, place, code):
    meeting, statements = place
    code_phrase(api, statements[0], code)
    undo(api, meeting)
    code_phrase(api, statements[1], code)
    assert history(api, meeting)["redo"] == []
    assert redo(api, meeting).status_code == 400


def test_an_edit_is_undone_to_the_memo_and_code_it_had(api, place, code, codebook):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    other = codebook.codes.get(slug="human-rights-based")
    changed = api.patch(
        f"/api/annotations/{made['id']}/",
        {"memo": "a note", "code": other.pk, "version": made["version"]},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    undone = undo(api, meeting).json()["annotations"][0]
    assert (undone["memo"], undone["code"]) == ("", code.pk)
    redone = redo(api, meeting).json()["annotations"][0]
    assert (redone["memo"], redone["code"]) == ("a note", other.pk)


def test_a_delete_is_undone_by_restoring_and_redone_by_deleting(api, place, code):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    assert api.delete(f"/api/annotations/{made['id']}/?version=1").status_code == 204
    assert undo(api, meeting).json()["annotations"][0]["id"] == made["id"]
    assert redo(api, meeting).json()["gone"] == [made["id"]]
    deleted = Annotation.objects.get(pk=made["id"])
    assert deleted.deleted_at is not None and not deleted.withdrawn  # listed as deleted


def test_undoing_the_create_after_undoing_an_edit_is_not_stale(api, place, code):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    api.patch(f"/api/annotations/{made['id']}/", {"memo": "x", "version": 1}, format="json")
    assert undo(api, meeting).status_code == 200  # the memo goes
    assert undo(api, meeting).status_code == 200  # then the coding
    assert not Annotation.objects.live().exists()


def test_a_step_changed_since_is_refused_and_nothing_is_written(api, place, code):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    # Another tab edits the memo, and that edit is not an undo step of this history.
    annotation = Annotation.objects.get(pk=made["id"])
    annotation.memo, annotation.version = "from the other tab", 2
    annotation.save()
    UndoStep.objects.filter(label__startswith="the change").delete()
    answer = undo(api, meeting)
    assert answer.status_code == 409
    assert "has changed since" in answer.json()["detail"]
    assert "coding Victim-centred approach" in answer.json()["detail"]
    kept = Annotation.objects.get(pk=made["id"])
    assert kept.deleted_at is None and kept.memo == "from the other tab"
    # Refused once, it leaves the history: the next undo goes to the step before.
    assert answer.json()["history"]["undo"] == []


def test_a_batch_of_hits_is_one_step(api, code, codebook):
    meeting = make_meeting("GA/U-2", 4)
    spans = [
        {"statement": s.pk, "start": s.text.index(PHRASE), "end": s.text.index(PHRASE) + 14}
        for s in meeting.statements.all()
    ]
    made = api.post("/api/annotations/batch/", {"code": code.pk, "spans": spans}, format="json")
    assert made.status_code == 201
    assert history(api, meeting)["undo"][0]["label"] == (
        "coding 4 hits of “victim-centred” as Victim-centred approach"
    )
    assert len(undo(api, meeting).json()["gone"]) == 4
    assert not Annotation.objects.live().exists()
    assert len(redo(api, meeting).json()["annotations"]) == 4


def test_a_done_mark_is_undone_and_redone(api, place):
    meeting, statements = place
    assert api.put(f"/api/statements/{statements[1].pk}/done/").status_code == 200
    answer = undo(api, meeting).json()
    assert answer["done"] == [{"statement": statements[1].pk, "done": False}]
    assert answer["progress"] == {"meeting_done": 0, "meeting_total": 3}
    assert not StatementProgress.objects.exists()
    assert redo(api, meeting).json()["progress"]["meeting_done"] == 1


def test_an_accepted_suggestion_is_undone_with_its_annotation(api, meeting, codebook):
    item = api.get(f"/api/meetings/{meeting.pk}/suggestions/").json()["suggestions"][0]
    choice = {k: item[k] for k in ("statement", "code", "start", "end")}
    made = api.post("/api/suggestions/accept/", choice, format="json").json()
    answer = undo(api, meeting).json()
    assert answer["gone"] == [made["id"]]
    assert answer["suggestions"] == {"accepted": 0, "dismissed": 0}
    assert not SuggestionDecision.objects.exists()
    assert redo(api, meeting).json()["suggestions"]["accepted"] == 1
    decision = SuggestionDecision.objects.get()
    assert decision.annotation_id == made["id"]
    assert Annotation.objects.live().filter(pk=made["id"]).exists()


def test_a_dismissed_suggestion_is_undone(api, meeting, codebook):
    item = api.get(f"/api/meetings/{meeting.pk}/suggestions/").json()["suggestions"][0]
    choice = {k: item[k] for k in ("statement", "code", "start", "end")}
    assert api.post("/api/suggestions/dismiss/", choice, format="json").status_code == 201
    assert undo(api, meeting).json()["suggestions"] == {"accepted": 0, "dismissed": 0}
    assert not SuggestionDecision.objects.exists()


def test_each_analyst_undoes_only_their_own_steps(api, place, code, analyst_b):
    meeting, statements = place
    made = code_phrase(api, statements[0], code)
    bruno = client_for(analyst_b)
    assert history(bruno, meeting) == {"undo": [], "redo": []}
    assert undo(bruno, meeting).json() == {"detail": "Nothing to undo."}
    assert Annotation.objects.live().filter(pk=made["id"]).exists()


def test_a_reviewer_may_not_undo(place, reviewer):
    meeting, _ = place
    assert undo(client_for(reviewer), meeting).status_code == 403


def test_an_unknown_meeting_is_not_found(api, codebook):
    assert undo(api, type("M", (), {"pk": 999999})).status_code == 404


# Session and permissions, the step, the annotations (locked), the batch service, the
# answer (annotations, history): fixed, whatever the number of annotations in the step.
UNDO_QUERIES = 15
REDO_QUERIES = 16


@pytest.mark.parametrize("count", [3, 40])
def test_undo_and_redo_cost_the_same_queries_for_few_and_many(
    api, code, codebook, count, django_assert_num_queries
):
    meeting = make_meeting(f"GA/U-Q{count}", count)
    spans = [
        {"statement": s.pk, "start": s.text.index(PHRASE), "end": s.text.index(PHRASE) + 14}
        for s in meeting.statements.all()
    ]
    api.post("/api/annotations/batch/", {"code": code.pk, "spans": spans}, format="json")
    with django_assert_num_queries(UNDO_QUERIES):
        assert undo(api, meeting).status_code == 200
    with django_assert_num_queries(REDO_QUERIES):
        assert redo(api, meeting).status_code == 200


def test_the_workspace_page_carries_the_history_for_after_a_reload(
    api, place, code, client, analyst_a
):
    meeting, statements = place
    code_phrase(api, statements[0], code)
    code_phrase(api, statements[1], code)
    undo(api, meeting)
    client.force_login(analyst_a)
    page = client.get(f"/meetings/{meeting.pk}/")
    config = json.loads(
        page.content.decode()
        .split('id="workspace-config" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert [s["label"] for s in config["history"]["undo"]] == [
        "coding Victim-centred approach on “victim-centred”"
    ]
    assert len(config["history"]["redo"]) == 1


def test_the_workspace_page_costs_one_query_more_for_the_history_however_long(
    api, place, code, client, analyst_a
):
    meeting, statements = place
    client.force_login(analyst_a)
    few = workspace_queries(client, meeting)
    for statement in statements:
        code_phrase(api, statement, code)
    assert workspace_queries(client, meeting) == few
