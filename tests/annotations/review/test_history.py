"""History: who changed what, when, before and after; restoring deleted annotations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annotations.coding.services import (
    annotation_create,
    annotation_delete,
    annotation_restore,
    annotation_update,
    missed_opportunity_create,
    missed_opportunity_delete,
    missed_opportunity_update,
)
from annotations.coding.statement_text import statement_text_update
from annotations.models import Annotation, Code
from annotations.review.history import annotation_history, meeting_history
from annotations.review.services import decide

pytestmark = pytest.mark.django_db


def coded(statement, code, analyst, phrase, **extra):
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=start + len(phrase),
        **extra,
    )


def test_every_create_change_delete_and_restore_of_an_annotation_is_recorded(
    statement, codebook, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach", memo="first")
    other = codebook.codes.exclude(statement_level=True).exclude(pk=code.pk).first()
    annotation = annotation_update(
        annotation=annotation, actor=analyst_a, version=1, memo="second", code=other
    )
    annotation = annotation_delete(annotation=annotation, actor=analyst_a)
    annotation_restore(annotation=annotation, actor=administrator)
    entries = annotation_history(annotation=annotation)
    assert [e.action for e in entries] == ["restored", "deleted", "changed", "created"]
    changed = entries[2]
    assert {c.field: (c.before, c.after) for c in changed.changes} == {
        "code": (code.slug, other.slug),
        "memo": ("first", "second"),
    }


def test_the_history_names_the_user_of_the_request(client, statement, code, analyst_a):
    annotation = coded(statement, code, analyst_a, "serious crime")
    client.force_login(analyst_a)
    response = client.post(f"/annotations/{annotation.pk}/restore/")
    assert response.status_code == 400  # not deleted: refused, and said so
    assert "nothing to restore" in response.content.decode()
    annotation_delete(annotation=annotation, actor=analyst_a)
    response = client.post(f"/annotations/{annotation.pk}/restore/")
    assert response.status_code == 302
    latest = Annotation.history.filter(id=annotation.pk).latest()
    assert latest.history_user == analyst_a
    assert latest.deleted_at is None


def test_missed_opportunities_and_codes_keep_their_history(meeting, codebook, analyst_a):
    code = codebook.codes.first()
    missed = missed_opportunity_create(
        meeting=meeting, analyst=analyst_a, title="No survivor spoke", rationale="None invited."
    )
    missed = missed_opportunity_update(
        missed_opportunity=missed, actor=analyst_a, version=1, rationale="Nobody was invited."
    )
    missed_opportunity_delete(missed_opportunity=missed, actor=analyst_a)
    entries = [
        e for e in meeting_history(meeting=meeting, viewer=analyst_a) if e.kind != "statement"
    ]
    assert [e.action for e in entries] == ["deleted", "changed", "created"]
    assert entries[1].changes[0].before == "None invited."
    for definition in ("First wording.", "Second wording."):
        code.definition = definition
        code.save()
    latest = code.history.latest()
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("definition", "First wording.", "Second wording.")
    ]


def test_an_analyst_sees_their_own_history_a_reviewer_everyones(
    meeting, code, analyst_a, analyst_b, reviewer
):
    statement = meeting.statements.get(order=1)
    mine = coded(statement, code, analyst_a, "serious crime")
    theirs = coded(statement, code, analyst_b, "victim-centred approach")
    decide(annotation=theirs, reviewer=reviewer, decision="rejected", reason="Not in the text.")
    seen_by_a = {(e.kind, e.object_id) for e in meeting_history(meeting=meeting, viewer=analyst_a)}
    assert ("annotation", mine.pk) in seen_by_a
    assert ("annotation", theirs.pk) not in seen_by_a
    seen_by_reviewer = meeting_history(meeting=meeting, viewer=reviewer)
    decisions = [e for e in seen_by_reviewer if e.action == "rejected"]
    assert [(d.object_id, d.who, d.reason) for d in decisions] == [
        (theirs.pk, "rosa", "Not in the text.")
    ]


def test_the_meeting_history_page_shows_before_and_after(
    client, meeting, code, analyst_a, administrator, reviewer, django_assert_max_num_queries
):
    statement = meeting.statements.get(order=1)
    annotation = coded(statement, code, analyst_a, "victim-centred approach", memo="<b>bold</b>")
    statement_text_update(
        statement=statement,
        text=statement.text.replace("victim-centred", "victim-centered"),
        actor=administrator,
    )
    client.force_login(reviewer)
    with django_assert_max_num_queries(12):
        response = client.get(f"/meetings/{meeting.pk}/history/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Re-anchored after the statement text was edited" in page
    assert "<del>victim-centred approach</del> → <ins>victim-centered approach</ins>" in page
    assert f'href="/annotations/{annotation.pk}/history/"' in page
    assert "<b>bold</b>" not in page


def test_another_analysts_annotation_history_is_forbidden(
    client, statement, code, analyst_a, analyst_b, reviewer
):
    annotation = coded(statement, code, analyst_a, "serious crime")
    client.force_login(analyst_b)
    assert client.get(f"/annotations/{annotation.pk}/history/").status_code == 403
    client.force_login(reviewer)
    assert client.get(f"/annotations/{annotation.pk}/history/").status_code == 200
    assert client.get("/annotations/999999/history/").status_code == 404


def test_an_administrator_lists_and_restores_deleted_annotations(
    client, statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "serious crime")
    annotation_delete(annotation=annotation, actor=analyst_a)
    client.force_login(administrator)
    page = client.get("/annotations/deleted/").content.decode()
    assert f'action="/annotations/{annotation.pk}/restore/"' in page
    response = client.post(
        f"/annotations/{annotation.pk}/restore/", {"next": "/annotations/deleted/"}
    )
    assert response.status_code == 302 and response["Location"] == "/annotations/deleted/"
    annotation.refresh_from_db()
    assert annotation.deleted_at is None and annotation.version == 3
    again = client.post(f"/annotations/{annotation.pk}/restore/")
    assert again.status_code == 400
    assert "nothing to restore" in again.content.decode()
    annotation.refresh_from_db()
    assert annotation.version == 3


def test_restore_refuses_an_offsite_next_url(client, statement, code, analyst_a, administrator):
    annotation = coded(statement, code, analyst_a, "serious crime")
    annotation_delete(annotation=annotation, actor=analyst_a)
    client.force_login(administrator)
    response = client.post(
        f"/annotations/{annotation.pk}/restore/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/annotations/{annotation.pk}/history/"


def test_only_the_owner_or_an_administrator_may_restore(
    client, statement, code, analyst_a, analyst_b, reviewer
):
    annotation = coded(statement, code, analyst_a, "serious crime")
    annotation_delete(annotation=annotation, actor=analyst_a)
    for outsider in (analyst_b, reviewer):
        with pytest.raises(PermissionDenied):
            annotation_restore(annotation=annotation, actor=outsider)
        client.force_login(outsider)
        assert client.post(f"/annotations/{annotation.pk}/restore/").status_code == 403
        assert client.get("/annotations/deleted/").status_code == 403
    annotation.refresh_from_db()
    assert annotation.deleted_at is not None


def test_a_restore_that_would_duplicate_a_newer_annotation_is_refused(
    statement, code, analyst_a, administrator
):
    old = coded(statement, code, analyst_a, "serious crime")
    annotation_delete(annotation=old, actor=analyst_a)
    coded(statement, code, analyst_a, "serious crime")
    with pytest.raises(ValidationError, match="coded again"):
        annotation_restore(annotation=old, actor=administrator)


def test_the_deleted_list_filters_by_meeting_and_refuses_a_bad_filter(
    client, statement, administrator
):
    client.force_login(administrator)
    assert client.get(f"/annotations/deleted/?meeting={statement.meeting_id}").status_code == 200
    assert client.get("/annotations/deleted/?meeting=x").status_code == 400
    assert client.get("/annotations/deleted/?meeting=99999").status_code == 404


def test_statement_edits_are_recorded_with_who_and_the_text_before(statement, administrator):
    old = statement.text
    statement_text_update(statement=statement, text=old + " Added.", actor=administrator)
    latest = statement.history.latest()
    assert latest.history_user == administrator
    assert latest.prev_record.text == old
    assert Code.history.model is not None
