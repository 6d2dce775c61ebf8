"""Memos in the undo history: writing, changing and deleting a memo on the meeting, or on
a code from the meeting's workspace, is one step that undo takes back and redo does
again; a memo changed since is refused (409 naming it), never written over."""

import pytest
from rest_framework.test import APIClient

from annotations.coding.memos import services
from annotations.models import Annotation, CodingScheme, Memo, UndoStep
from tests.annotations.coding.test_workspace_views import make_meeting

pytestmark = pytest.mark.django_db


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(analyst_a):
    return client_for(analyst_a)


def undo(api, meeting):
    return api.post(f"/api/meetings/{meeting.pk}/undo/")


def redo(api, meeting):
    return api.post(f"/api/meetings/{meeting.pk}/redo/")


def labels(api, meeting, which="undo"):
    return [s["label"] for s in api.get(f"/api/meetings/{meeting.pk}/undo/").json()[which]]


def write(api, **data):
    response = api.post("/api/memos/", data, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def change(api, memo, **data):
    body = {"version": memo["version"], **data}
    response = api.patch(f"/api/memos/{memo['id']}/", body, format="json")
    assert response.status_code == 200, response.json()
    return response.json()


def test_writing_a_meeting_memo_is_a_step_undo_deletes_and_redo_restores(api, meeting):
    memo = write(api, meeting=meeting.pk, title="Survivors", text="None spoke.")
    assert labels(api, meeting) == ["writing the memo “Survivors”"]
    answer = undo(api, meeting)
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert (body["memos"], body["memos_gone"]) == ([], [memo["id"]])
    assert body["annotations"] == [] and body["gone"] == []
    assert Memo.objects.get(pk=memo["id"]).deleted_at is not None
    again = redo(api, meeting).json()
    assert [(m["id"], m["title"], m["text"]) for m in again["memos"]] == [
        (memo["id"], "Survivors", "None spoke.")
    ]
    assert again["memos_gone"] == []
    assert Memo.objects.live().filter(pk=memo["id"]).exists()


def test_an_edit_is_undone_to_the_title_and_text_it_had_and_redone(api, meeting):
    memo = write(api, meeting=meeting.pk, title="Tone", text="Formal.")
    change(api, memo, title="Register", text="Formal, and cold.")
    assert labels(api, meeting)[0] == "the change to the memo “Register”"
    undone = undo(api, meeting).json()["memos"][0]
    assert (undone["title"], undone["text"]) == ("Tone", "Formal.")
    redone = redo(api, meeting).json()["memos"][0]
    assert (redone["title"], redone["text"], redone["version"]) == (
        "Register",
        "Formal, and cold.",
        4,
    )


def test_a_delete_is_undone_by_restoring_and_redone_by_deleting(api, meeting):
    memo = write(api, meeting=meeting.pk, text="Gone soon.")
    assert api.delete(f"/api/memos/{memo['id']}/?version=1").status_code == 204
    assert labels(api, meeting)[0] == "deleting the memo “Gone soon.”"
    assert undo(api, meeting).json()["memos"][0]["id"] == memo["id"]
    assert Memo.objects.live().filter(pk=memo["id"]).exists()
    assert redo(api, meeting).json()["memos_gone"] == [memo["id"]]
    assert Memo.objects.get(pk=memo["id"]).deleted_at is not None


def test_undoing_the_writing_after_undoing_an_edit_is_not_stale(api, meeting):
    memo = write(api, meeting=meeting.pk, text="First.")
    change(api, memo, text="Second.")
    assert undo(api, meeting).status_code == 200  # the edit goes
    assert undo(api, meeting).status_code == 200  # then the memo
    assert not Memo.objects.live().exists()


def test_a_code_memo_is_undone_in_the_workspace_that_wrote_it(api, meeting, code):
    other = make_meeting("GA/U-M2", 1)
    memo = write(api, code=code.pk, text="Count redress.", workspace=meeting.pk)
    change(api, memo, text="Count redress too.", workspace=meeting.pk)
    assert labels(api, meeting) == [
        "the change to the memo “Count redress too.”",
        "writing the memo “Count redress.”",
    ]
    assert labels(api, other) == []  # another workspace has not this step
    assert undo(api, other).status_code == 400
    assert undo(api, meeting).json()["memos"][0]["text"] == "Count redress."
    assert undo(api, meeting).json()["memos_gone"] == [memo["id"]]
    assert redo(api, meeting).json()["memos"][0]["code"] == code.pk
    gone = api.delete(f"/api/memos/{memo['id']}/?version=5&workspace={meeting.pk}")
    assert gone.status_code == 204
    assert undo(api, meeting).json()["memos"][0]["id"] == memo["id"]


def test_a_code_memo_written_outside_a_workspace_logs_no_step(api, meeting, code):
    memo = write(api, code=code.pk, text="From a script.")
    change(api, memo, text="Still from a script.")
    assert UndoStep.objects.count() == 0
    assert api.delete(f"/api/memos/{memo['id']}/?version=2").status_code == 204
    assert UndoStep.objects.count() == 0


@pytest.fixture
def foreign_code(codebook):
    other = CodingScheme.objects.create(name="Another codebook", slug="another")
    return other.codes.create(group="g", slug="foreign", name="Foreign code")


def test_a_workspace_whose_scheme_lacks_the_code_is_a_400_and_nothing_is_written(
    api, meeting, foreign_code
):
    response = api.post(
        "/api/memos/",
        {"code": foreign_code.pk, "text": "Elsewhere.", "workspace": meeting.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "does not hold the code “foreign”" in response.json()["workspace"][0]
    assert "GA/TEST-1" in response.json()["workspace"][0]
    assert not Memo.objects.exists() and not UndoStep.objects.exists()


def test_a_meeting_memo_from_another_meetings_workspace_is_a_400(api, meeting):
    other = make_meeting("GA/U-M3", 1)
    response = api.post(
        "/api/memos/",
        {"meeting": meeting.pk, "text": "Here.", "workspace": other.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "not from GA/U-M3's" in response.json()["workspace"][0]
    assert not Memo.objects.exists()


@pytest.mark.parametrize(
    ("workspace", "words"),
    [(999_999, "does not exist"), (2**70, "does not exist"), ("first", "Incorrect type")],
)
def test_a_bad_workspace_is_a_400_naming_it(api, code, codebook, workspace, words):
    response = api.post(
        "/api/memos/", {"code": code.pk, "text": "x", "workspace": workspace}, format="json"
    )
    assert response.status_code == 400
    assert words in response.json()["workspace"][0]


@pytest.mark.parametrize("workspace", ["first", "1%00", "999999"])
def test_a_delete_from_a_bad_workspace_is_a_400_and_deletes_nothing(
    api, analyst_a, code, workspace
):
    memo = services.memo_create(author=analyst_a, code=code, text="Kept.")
    response = api.delete(f"/api/memos/{memo.pk}/?version=1&workspace={workspace}")
    assert response.status_code == 400
    assert "workspace" in response.json()
    assert Memo.objects.live().filter(pk=memo.pk).exists()


def test_a_patch_from_a_workspace_lacking_the_code_changes_nothing(
    api, analyst_a, meeting, foreign_code
):
    memo = services.memo_create(author=analyst_a, code=foreign_code, text="Kept.")
    response = api.patch(
        f"/api/memos/{memo.pk}/",
        {"text": "Changed.", "version": 1, "workspace": meeting.pk},
        format="json",
    )
    assert response.status_code == 400
    memo.refresh_from_db()
    assert (memo.text, memo.version) == ("Kept.", 1)


def test_a_memo_changed_since_is_refused_naming_it_and_nothing_is_written(api, analyst_a, meeting):
    memo = write(api, meeting=meeting.pk, title="Survivors", text="Mine.")
    # Another tab (here, the service, which logs no step) changes the memo.
    services.memo_update(
        memo=Memo.objects.get(pk=memo["id"]), actor=analyst_a, version=1, text="Theirs."
    )
    answer = undo(api, meeting)
    assert answer.status_code == 409
    detail = answer.json()["detail"]
    assert "Could not undo “writing the memo “Survivors””" in detail
    assert "the memo “Survivors” has changed since" in detail
    kept = Memo.objects.get(pk=memo["id"])
    assert kept.deleted_at is None and (kept.text, kept.version) == ("Theirs.", 2)
    # Refused once, it leaves the history.
    assert answer.json()["history"]["undo"] == []


def test_a_redo_of_a_memo_changed_since_is_refused(api, analyst_a, meeting):
    memo = write(api, meeting=meeting.pk, text="Mine.")
    change(api, memo, text="Mine, edited.")
    undo(api, meeting)
    services.memo_update(
        memo=Memo.objects.get(pk=memo["id"]), actor=analyst_a, version=3, text="Theirs."
    )
    answer = redo(api, meeting)
    assert answer.status_code == 409
    assert "the memo “Theirs.” has changed since" in answer.json()["detail"]
    assert Memo.objects.get(pk=memo["id"]).text == "Theirs."


def test_memo_and_coding_steps_share_one_history(api, meeting, code):
    statement = meeting.statements.order_by("order").first()
    start = statement.text.index("victim")
    coded = api.post(
        "/api/annotations/",
        {"statement": statement.pk, "code": code.pk, "start": start, "end": start + 6},
        format="json",
    ).json()
    memo = write(api, meeting=meeting.pk, text="After the coding.")
    # u after the memo takes back the memo, not the coding before it.
    assert undo(api, meeting).json()["memos_gone"] == [memo["id"]]
    assert Memo.objects.get(pk=memo["id"]).deleted_at is not None
    assert Annotation.objects.live().filter(pk=coded["id"]).exists()
    assert undo(api, meeting).json()["gone"] == [coded["id"]]


def test_another_analyst_cannot_undo_my_memo_step(api, analyst_b, meeting):
    memo = write(api, meeting=meeting.pk, text="Mine.")
    assert undo(client_for(analyst_b), meeting).json() == {"detail": "Nothing to undo."}
    assert Memo.objects.live().filter(pk=memo["id"]).exists()


# Counted with the session's permissions read (a test's first request reads them: 2
# more). A write on a meeting memo: what it cost before (10 to write), the workspace read
# (1), the outer savepoint (2), forgetting the redo list and the step (2); on a code memo
# the workspace's scheme is read too (2 more). Undo and redo: the step, the memo checked
# (locked) and written through memos.services, the answer (memos, history).
WRITE_QUERIES = {"meeting": 15, "code": 17}
CHANGE_QUERIES = {"meeting": 16, "code": 18}
DELETE_QUERIES = {"meeting": 11, "code": 13}
PLAIN_WRITE_QUERIES = 12  # a code memo written outside a workspace: the savepoint, no step
UNDO_QUERIES = 15
REDO_QUERIES = 15


@pytest.mark.parametrize("target", ["meeting", "code"])
def test_memo_writes_and_their_undo_cost_fixed_queries(
    api, meeting, code, target, django_assert_num_queries
):
    data = {"meeting": meeting.pk} if target == "meeting" else {"code": code.pk}
    for memo_count in (1, 30):
        # However many memos and steps there are already.
        for _ in range(memo_count):
            write(api, text="Earlier.", workspace=meeting.pk, **data)
        with django_assert_num_queries(WRITE_QUERIES[target]):
            write(api, text="This one.", workspace=meeting.pk, **data)
        with django_assert_num_queries(UNDO_QUERIES):
            assert undo(api, meeting).status_code == 200
        with django_assert_num_queries(REDO_QUERIES):
            assert redo(api, meeting).status_code == 200
        memo = Memo.objects.live().order_by("-id").first()
        with django_assert_num_queries(CHANGE_QUERIES[target]):
            changed = api.patch(
                f"/api/memos/{memo.pk}/",
                {"text": "Changed.", "version": memo.version, "workspace": meeting.pk},
                format="json",
            )
            assert changed.status_code == 200
        with django_assert_num_queries(DELETE_QUERIES[target]):
            gone = f"/api/memos/{memo.pk}/?version={memo.version + 1}&workspace={meeting.pk}"
            assert api.delete(gone).status_code == 204


def test_a_code_memo_outside_a_workspace_logs_nothing_and_reads_no_meeting(
    api, code, django_assert_num_queries
):
    write(api, code=code.pk, text="Reads the permissions.")
    with django_assert_num_queries(PLAIN_WRITE_QUERIES):
        write(api, code=code.pk, text="Plain.")
