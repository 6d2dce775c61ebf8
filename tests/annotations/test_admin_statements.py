"""The admin edits statement text only through the re-anchoring service."""

import pytest

from annotations.coding.services import annotation_create
from annotations.models import CodingScheme, SchemeAssignment, StatementProgress
from tracker.models import Meeting, Statement

from .test_admin import page_data

pytestmark = pytest.mark.django_db


def form_data(statement, **changes):
    data = {
        "meeting": statement.meeting_id,
        "order": statement.order,
        "segment": statement.segment,
        "speaker": statement.speaker_id or "",
        "delegation": statement.delegation,
        "role": statement.role,
        "on_behalf_of": statement.on_behalf_of,
        "speaker_type": statement.speaker_type,
        "text": statement.text,
    }
    data.update(changes)
    return data


def coded(statement, code, analyst, phrase):
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement, code=code, analyst=analyst, start=start, end=start + len(phrase)
    )


def test_an_admin_text_edit_re_anchors_and_lists_what_needs_review(
    client, statement, code, analyst_a, administrator
):
    shifted = coded(statement, code, analyst_a, "serious crime")
    edited = coded(statement, code, analyst_a, "victim-centred approach")
    client.force_login(administrator)
    new = "Indeed, " + statement.text.replace("victim-centred", "victim-centered")
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/",
        form_data(statement, text=new, segment="Opening Remarks"),
        follow=True,
    )
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert "Re-anchored 2 annotation(s)." in shown
    assert any(f"Needs review: annotation {edited.pk}" in m for m in shown)
    statement.refresh_from_db()
    assert statement.text == new
    assert statement.segment == "Opening Remarks"
    for annotation in (shifted, edited):
        annotation.refresh_from_db()
        assert statement.text[annotation.start : annotation.end] == annotation.quote
    assert edited.needs_review and not shifted.needs_review


def test_an_admin_edit_that_removes_a_coded_passage_is_refused_on_the_form(
    client, statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    old = statement.text
    client.force_login(administrator)
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/",
        form_data(statement, text="Human trafficking was a serious crime.", segment="Changed"),
    )
    assert response.status_code == 200  # the form again, with the error
    errors = response.context["adminform"].form.errors["text"]
    assert f"annotation {annotation.pk}" in errors[0]
    statement.refresh_from_db()
    assert (statement.text, statement.segment) == (old, "Statements")


def test_the_meeting_pages_statement_inline_refuses_text_edits_of_annotated_statements(
    client, meeting, code, analyst_a, administrator
):
    statement = meeting.statements.get(order=1)
    coded(statement, code, analyst_a, "serious crime")
    client.force_login(administrator)
    page = client.get(f"/admin/tracker/meeting/{meeting.pk}/change/")
    formset = page.context["inline_admin_formsets"][0].formset
    data = {
        "symbol": meeting.symbol,
        "body": meeting.body,
        "session": meeting.session,
        "meeting_number": meeting.meeting_number,
        "title": meeting.title,
        f"{formset.prefix}-TOTAL_FORMS": "3",
        f"{formset.prefix}-INITIAL_FORMS": "3",
        f"{formset.prefix}-MIN_NUM_FORMS": "0",
        f"{formset.prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, s in enumerate(meeting.statements.order_by("order")):
        text = "Rewritten." if s.pk == statement.pk else s.text
        data.update(
            {
                f"{formset.prefix}-{i}-id": s.pk,
                f"{formset.prefix}-{i}-meeting": meeting.pk,
                f"{formset.prefix}-{i}-order": s.order,
                f"{formset.prefix}-{i}-segment": s.segment,
                f"{formset.prefix}-{i}-speaker": s.speaker_id or "",
                f"{formset.prefix}-{i}-delegation": s.delegation,
                f"{formset.prefix}-{i}-speaker_type": s.speaker_type,
                f"{formset.prefix}-{i}-text": text,
            }
        )
    response = client.post(f"/admin/tracker/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 200
    assert "edit its text on the statement" in response.content.decode()
    assert Statement.objects.get(pk=statement.pk).text != "Rewritten."


def test_unannotated_statements_are_edited_as_before(client, meeting, administrator):
    statement = meeting.statements.get(order=2)
    client.force_login(administrator)
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/",
        form_data(statement, text="A corrected text."),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "A corrected text."


def test_a_statement_is_not_reverted_from_its_history_behind_re_anchoring(
    client, statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    client.force_login(administrator)
    new = "Indeed, " + statement.text
    client.post(f"/admin/tracker/statement/{statement.pk}/change/", form_data(statement, text=new))
    annotation.refresh_from_db()
    assert annotation.start == len("Indeed, ") + statement.text.index("victim-centred")
    first = statement.history.order_by("history_id").first()
    response = client.post(  # what the "Revert" button of the first version posts
        f"/admin/tracker/statement/{statement.pk}/history/{first.history_id}/",
        form_data(first.instance),
    )
    assert response.status_code == 403
    statement.refresh_from_db()
    annotation.refresh_from_db()
    assert statement.text == new
    assert statement.text[annotation.start : annotation.end] == annotation.quote


# The meeting a statement belongs to: fixed once there is work on the statement.


@pytest.fixture
def other_meeting(db) -> Meeting:
    """A meeting coded with another scheme, so a statement moved in would break its scheme."""
    other = Meeting.objects.create(symbol="GA/OTHER", body="General Assembly")
    scheme = CodingScheme.objects.create(name="Other", slug="other")
    SchemeAssignment.objects.create(meeting=other, scheme=scheme)
    return other


def test_an_annotated_statement_cannot_be_moved_to_another_meeting(
    client, statement, code, analyst_a, administrator, other_meeting
):
    coded(statement, code, analyst_a, "victim-centred approach")
    client.force_login(administrator)
    target = f"/admin/tracker/statement/{statement.pk}/change/"
    page = client.get(target)
    assert "meeting" not in page.context["adminform"].form.fields  # shown, not editable
    assert statement.meeting.symbol in page.content.decode()
    response = client.post(target, form_data(statement, meeting=other_meeting.pk, segment="Moved"))
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.meeting_id, statement.segment) == (statement.meeting.pk, "Moved")
    assert statement.meeting_id != other_meeting.pk


def test_a_statement_with_any_work_on_it_keeps_its_meeting(
    client, statement, analyst_a, administrator, other_meeting
):
    StatementProgress.objects.create(statement=statement, analyst=analyst_a)  # a done mark
    client.force_login(administrator)
    page = client.get(f"/admin/tracker/statement/{statement.pk}/change/")
    assert "meeting" not in page.context["adminform"].form.fields


def test_a_fixed_meeting_still_keeps_its_statements_orders_unique(
    client, statement, code, analyst_a, administrator
):
    coded(statement, code, analyst_a, "victim-centred approach")
    taken = statement.meeting.statements.exclude(pk=statement.pk).first().order
    client.force_login(administrator)
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/", form_data(statement, order=taken)
    )
    assert response.status_code == 200  # the form again, not a database error
    assert "already" in str(response.context["adminform"].form.errors)
    assert Statement.objects.get(pk=statement.pk).order == statement.order


def test_a_statement_without_work_can_move_to_another_meeting(
    client, meeting, administrator, other_meeting
):
    statement = meeting.statements.get(order=2)
    client.force_login(administrator)
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/",
        form_data(statement, meeting=other_meeting.pk),
    )
    assert response.status_code == 302
    assert Statement.objects.get(pk=statement.pk).meeting_id == other_meeting.pk


def test_the_meeting_pages_statement_inline_cannot_move_a_statement(
    client, meeting, code, analyst_a, administrator, other_meeting
):
    statement = meeting.statements.get(order=1)
    coded(statement, code, analyst_a, "serious crime")
    client.force_login(administrator)
    target = f"/admin/tracker/meeting/{meeting.pk}/change/"
    page = client.get(target)
    data = page_data(page, **{"statements-0-meeting": other_meeting.pk})
    response = client.post(target, data)
    assert response.status_code == 200  # the inline's parent is not a field one can change
    assert Statement.objects.get(pk=statement.pk).meeting_id == meeting.pk


def test_an_admin_text_edit_from_a_textarea_is_stored_with_lf(client, statement, administrator):
    client.force_login(administrator)
    new = "First paragraph of the statement.\r\n\r\nSecond paragraph."
    response = client.post(
        f"/admin/tracker/statement/{statement.pk}/change/", form_data(statement, text=new)
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.text == "First paragraph of the statement.\n\nSecond paragraph."
