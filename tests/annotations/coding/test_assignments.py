"""Assignments (annotations/coding/assignments/): an administrator assigns a meeting to
analysts for independent double coding and sees each one's progress, on the page and
over the API; nobody else may."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations.coding.assignments.selectors import assignment_progress
from annotations.coding.assignments.services import assignment_create, assignment_delete
from annotations.coding.services import annotation_create, annotation_delete, statement_mark_done
from annotations.models import CodingAssignment
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def coded(meeting, analyst, code, *, done: int, passages: int) -> None:
    statements = list(meeting.statements.order_by("order"))
    for statement in statements[:done]:
        statement_mark_done(statement=statement, analyst=analyst)
    for statement in statements[:passages]:
        for start in (0, 6):  # two passages on one statement count it once
            annotation_create(
                statement=statement, code=code, analyst=analyst, start=start, end=start + 4
            )


def test_an_administrator_assigns_a_meeting_to_two_analysts(
    meeting, administrator, analyst_a, analyst_b
):
    for analyst in (analyst_a, analyst_b):
        assignment_create(meeting=meeting, analyst=analyst, actor=administrator)
    rows = [(a.meeting.symbol, a.analyst.username, a.assigned_by.username)
            for a in assignment_progress()]  # fmt: skip
    assert rows == [("GA/TEST-1", "amina", "ada"), ("GA/TEST-1", "bruno", "ada")]


def test_only_an_administrator_assigns_and_only_someone_who_codes(
    meeting, administrator, analyst_a, reviewer
):
    with pytest.raises(PermissionDenied):
        assignment_create(meeting=meeting, analyst=analyst_a, actor=analyst_a)
    with pytest.raises(ValidationError, match="rosa does not code meetings"):
        assignment_create(meeting=meeting, analyst=reviewer, actor=administrator)
    assignment_create(meeting=meeting, analyst=analyst_a, actor=administrator)
    with pytest.raises(ValidationError, match="amina is already assigned GA/TEST-1"):
        assignment_create(meeting=meeting, analyst=analyst_a, actor=administrator)
    assert CodingAssignment.objects.count() == 1


def test_withdrawing_keeps_the_analysts_coding_and_the_history(
    meeting, code, administrator, analyst_a
):
    assignment = assignment_create(meeting=meeting, analyst=analyst_a, actor=administrator)
    coded(meeting, analyst_a, code, done=1, passages=1)
    with pytest.raises(PermissionDenied):
        assignment_delete(assignment=assignment, actor=analyst_a)
    assignment_delete(assignment=assignment, actor=administrator)
    assert not CodingAssignment.objects.exists()
    assert analyst_a.annotations.count() == 2
    assert [h.history_type for h in CodingAssignment.history.order_by("history_id")] == ["+", "-"]


def test_progress_counts_done_marks_and_coded_statements_of_each_analyst(
    meeting, code, administrator, analyst_a, analyst_b
):
    for analyst in (analyst_a, analyst_b):
        assignment_create(meeting=meeting, analyst=analyst, actor=administrator)
    coded(meeting, analyst_a, code, done=2, passages=1)
    coded(meeting, analyst_b, code, done=0, passages=3)
    gone = analyst_b.annotations.filter(statement__order=3)
    for annotation in gone:
        annotation_delete(annotation=annotation, actor=analyst_b)  # no longer coded
    progress = {a.analyst.username: (a.done, a.coded, a.statements) for a in assignment_progress()}
    assert progress == {"amina": (2, 1, 3), "bruno": (0, 2, 3)}


def _many_assignments(administrator, analysts, code):
    for n in range(3):
        extra = Meeting.objects.create(symbol=f"GA/EXTRA-{n}", title="Extra")
        statement = Statement.objects.create(meeting=extra, order=1, text="Trafficking again.")
        statement_mark_done(statement=statement, analyst=analysts[0])
        for analyst in analysts:
            assignment_create(meeting=extra, analyst=analyst, actor=administrator)
            annotation_create(statement=statement, code=code, analyst=analyst, start=0, end=11)


def _queries(client, path) -> int:
    client.get(path)  # the session and the user, read once per client
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("path", "expected"), [("/meetings/assignments/", 5),
                                                ("/api/assignments/", 3)])  # fmt: skip
def test_the_page_and_the_api_cost_the_same_queries_for_one_or_many_assignments(
    meeting, code, codebook, administrator, analyst_a, analyst_b, path, expected
):
    client = signed_in(administrator)
    assignment_create(meeting=meeting, analyst=analyst_a, actor=administrator)
    few = _queries(client, path)
    _many_assignments(administrator, [analyst_a, analyst_b], code)
    assert CodingAssignment.objects.count() == 7
    assert (few, _queries(client, path)) == (expected, expected)


def test_the_page_assigns_shows_progress_and_withdraws(
    meeting, code, administrator, analyst_a, reviewer
):
    client = signed_in(administrator)
    page = client.get("/meetings/assignments/").content.decode()
    assert "No meeting is assigned yet." in page
    assert '<option value="amina">amina</option>' in page and ">rosa<" not in page
    answer = client.post("/meetings/assignments/", {"meeting": meeting.pk, "analyst": "amina"})
    assert answer.status_code == 302
    coded(meeting, analyst_a, code, done=2, passages=1)
    page = client.get("/meetings/assignments/").content.decode()
    assert "GA/TEST-1 is assigned to amina." in page
    assert 'max="3" value="2"' in page and "2 of 3 statements done" in page
    assert "1 coded" in page
    assignment = CodingAssignment.objects.get()
    client.post(f"/meetings/assignments/{assignment.pk}/withdraw/")
    assert not CodingAssignment.objects.exists()


def test_the_page_names_what_cannot_be_assigned(meeting, administrator, analyst_a, reviewer):
    client = signed_in(administrator)
    refused = client.post("/meetings/assignments/", {"meeting": meeting.pk, "analyst": "rosa"})
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()  # reviewers are not offered
    client.post("/meetings/assignments/", {"meeting": meeting.pk, "analyst": "amina"})
    again = client.post("/meetings/assignments/", {"meeting": meeting.pk, "analyst": "amina"})
    assert again.status_code == 400
    assert "amina is already assigned GA/TEST-1." in again.content.decode()


def test_the_api_lists_assigns_and_withdraws(meeting, code, administrator, analyst_a, analyst_b):
    client = signed_in(administrator)
    created = client.post(
        "/api/assignments/",
        {"meeting": meeting.pk, "analyst": "bruno"},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert {k: created.json()[k] for k in ("meeting_symbol", "analyst", "done", "statements")} == {
        "meeting_symbol": "GA/TEST-1", "analyst": "bruno", "done": 0, "statements": 3,
    }  # fmt: skip
    twice = client.post(
        "/api/assignments/",
        {"meeting": meeting.pk, "analyst": "bruno"},
        content_type="application/json",
    )
    assert twice.status_code == 400 and "already assigned" in twice.json()["analyst"][0]
    coded(meeting, analyst_b, code, done=1, passages=2)
    [row] = client.get("/api/assignments/").json()
    assert (row["done"], row["coded"], row["assigned_by"]) == (1, 2, "ada")
    assert client.delete(f"/api/assignments/{row['id']}/").status_code == 204
    assert client.get("/api/assignments/").json() == []


def test_an_analyst_sees_which_meetings_are_assigned_to_them(meeting, administrator, analyst_a):
    other = Meeting.objects.create(symbol="GA/OTHER", title="Not assigned")
    assignment_create(meeting=meeting, analyst=analyst_a, actor=administrator)
    page = signed_in(analyst_a).get("/meetings/").content.decode()
    assert page.count("assigned to you") == 1
    row = page.split(f'href="/meetings/{meeting.pk}/"')[1].split("</tr>")[0]
    assert "assigned to you" in row and other.symbol in page


@pytest.mark.parametrize("name", ["ghost", "am\x00ina"])
def test_an_unknown_or_nul_holding_analyst_name_is_a_400_naming_the_field(
    client, administrator, meeting, name
):
    client.force_login(administrator)
    response = client.post(
        "/api/assignments/",
        {"meeting": meeting.pk, "analyst": name},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert "analyst" in response.json()
