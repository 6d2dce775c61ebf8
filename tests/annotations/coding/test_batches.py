"""Coding many passages as one step (find → code all hits; corpus search later), and
undoing a single coding without listing it as deleted."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from annotations.coding.batches import (
    annotations_create_batch,
    annotations_restore_batch,
    annotations_withdraw_batch,
)
from annotations.coding.services import annotation_create
from annotations.models import Annotation
from annotations.review.history import deleted_annotations
from tests.annotations.coding.test_workspace_views import make_meeting

pytestmark = pytest.mark.django_db

PHRASE = "victim-centred"


@pytest.fixture
def api(analyst_a):
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def hits(meeting):
    return [
        (s, s.text.index(PHRASE), s.text.index(PHRASE) + len(PHRASE))
        for s in meeting.statements.select_related("meeting").order_by("order")
    ]


def test_a_batch_codes_every_span_with_quotes_and_history(analyst_a, codebook, code):
    meeting = make_meeting("GA/B-1", 4)
    created = annotations_create_batch(analyst=analyst_a, code=code, spans=hits(meeting), memo="m")
    assert len(created) == 4
    stored = Annotation.objects.live().order_by("statement__order")
    assert [a.quote for a in stored] == [PHRASE] * 4
    assert all(a.statement.text[a.start : a.end] == a.quote for a in stored)
    assert {a.memo for a in stored} == {"m"}
    assert Annotation.history.filter(history_type="+").count() == 4


def test_one_bad_span_refuses_the_whole_batch(analyst_a, codebook, code):
    meeting = make_meeting("GA/B-2", 3)
    spans = hits(meeting)
    statement = spans[1][0]
    spans[1] = (statement, 0, len(statement.text) + 5)
    with pytest.raises(ValidationError) as refused:
        annotations_create_batch(analyst=analyst_a, code=code, spans=spans)
    assert "span 2" in str(refused.value)
    assert not Annotation.objects.exists()


def test_a_batch_refuses_a_passage_already_coded(analyst_a, codebook, code):
    meeting = make_meeting("GA/B-3", 2)
    spans = hits(meeting)
    annotation_create(statement=spans[0][0], code=code, analyst=analyst_a, start=spans[0][1],
                      end=spans[0][2])  # fmt: skip
    with pytest.raises(ValidationError, match="already coded"):
        annotations_create_batch(analyst=analyst_a, code=code, spans=spans)
    assert Annotation.objects.count() == 1


def test_undo_withdraws_the_batch_and_redo_restores_it(analyst_a, codebook, code):
    meeting = make_meeting("GA/B-4", 3)
    ids = [
        a.pk for a in annotations_create_batch(analyst=analyst_a, code=code, spans=hits(meeting))
    ]
    annotations_withdraw_batch(analyst=analyst_a, ids=ids)
    assert not Annotation.objects.live().exists()
    assert not deleted_annotations().exists()
    annotations_restore_batch(analyst=analyst_a, ids=ids)
    assert Annotation.objects.live().count() == 3


def test_another_analyst_cannot_undo_my_batch(analyst_a, analyst_b, codebook, code):
    meeting = make_meeting("GA/B-5", 2)
    ids = [
        a.pk for a in annotations_create_batch(analyst=analyst_a, code=code, spans=hits(meeting))
    ]
    with pytest.raises(PermissionDenied):
        annotations_withdraw_batch(analyst=analyst_b, ids=ids)
    assert Annotation.objects.live().count() == 2


# 40 hits stay within one INSERT on both databases: past about 45 rows SQLite splits a bulk
# insert at its bound-parameter limit (one more query per batch); PostgreSQL never does.
@pytest.mark.parametrize("statements", [3, 40])
def test_the_batch_api_costs_the_same_queries_for_few_and_many(
    api, codebook, code, statements, django_assert_num_queries
):
    meeting = make_meeting(f"GA/B-Q{statements}", statements)
    spans = [
        {"statement": s.pk, "start": a, "end": b, "quote": PHRASE} for s, a, b in hits(meeting)
    ]
    # 11, and 4 for the undo step: its savepoint and the step (forget redo, insert).
    with django_assert_num_queries(15):
        response = api.post(
            "/api/annotations/batch/", {"code": code.pk, "spans": spans}, format="json"
        )
    assert response.status_code == 201, response.json()
    ids = [a["id"] for a in response.json()["annotations"]]
    assert len(ids) == statements
    with django_assert_num_queries(5):
        undone = api.post("/api/annotations/batch/withdraw/", {"annotations": ids}, format="json")
    assert undone.status_code == 200
    assert not Annotation.objects.live().exists()
    with django_assert_num_queries(6):
        redone = api.post("/api/annotations/batch/restore/", {"annotations": ids}, format="json")
    assert redone.status_code == 200
    assert Annotation.objects.live().count() == statements


def test_the_batch_api_checks_the_quotes(api, codebook, code):
    meeting = make_meeting("GA/B-6", 2)
    spans = [
        {"statement": s.pk, "start": a, "end": b, "quote": "other"} for s, a, b in hits(meeting)
    ]
    response = api.post("/api/annotations/batch/", {"code": code.pk, "spans": spans}, format="json")
    assert response.status_code == 400
    assert "quote" in str(response.json())
    assert not Annotation.objects.exists()


def test_a_reviewer_cannot_code_a_batch(reviewer, codebook, code):
    meeting = make_meeting("GA/B-7", 1)
    client = APIClient()
    client.force_authenticate(reviewer)
    spans = [{"statement": s.pk, "start": a, "end": b} for s, a, b in hits(meeting)]
    response = client.post(
        "/api/annotations/batch/", {"code": code.pk, "spans": spans}, format="json"
    )
    assert response.status_code == 403


def test_withdrawing_one_coding_over_the_api_keeps_it_off_the_deleted_list(
    api, analyst_a, statement, code
):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    response = api.post(f"/api/annotations/{annotation.pk}/withdraw/?version=1")
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert (annotation.deleted_at is not None, annotation.withdrawn) == (True, True)
    assert not deleted_annotations().exists()
    stale = annotation_create(statement=statement, code=code, analyst=analyst_a, start=6, end=10)
    assert api.post(f"/api/annotations/{stale.pk}/withdraw/?version=7").status_code == 409
    # Redo: a restore brings it back and clears the mark.
    assert api.post(f"/api/annotations/{annotation.pk}/restore/").status_code == 200
    annotation.refresh_from_db()
    assert (annotation.deleted_at, annotation.withdrawn) == (None, False)
