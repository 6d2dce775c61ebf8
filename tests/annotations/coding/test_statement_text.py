"""Editing a statement's text re-anchors every annotation on it, or changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.coding.services import annotation_create, annotation_delete
from annotations.coding.statement_text import statement_text_plan, statement_text_update
from annotations.models import Annotation
from tracker.models import Statement

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


def test_inserted_words_shift_every_annotation_and_bump_its_version(
    statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    new = "In his view, " + statement.text
    update = statement_text_update(statement=statement, text=new, actor=administrator)
    annotation.refresh_from_db()
    statement.refresh_from_db()
    assert statement.text == new
    assert statement.text[annotation.start : annotation.end] == "victim-centred approach"
    assert annotation.version == 2
    assert annotation.needs_review is False
    assert update.for_review == []


def test_an_edited_quote_follows_the_edit_and_is_flagged_for_review(
    statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    new = statement.text.replace("victim-centred", "victim-centered")
    update = statement_text_update(statement=statement, text=new, actor=administrator)
    annotation.refresh_from_db()
    assert annotation.quote == "victim-centered approach"
    assert annotation.needs_review is True
    assert [r.annotation.pk for r in update.for_review] == [annotation.pk]
    assert "now quotes 'victim-centered approach'" in update.for_review[0].describe()


def test_it_refuses_a_text_that_removes_a_coded_passage_and_changes_nothing(
    statement, code, analyst_a, analyst_b, administrator
):
    kept = coded(statement, code, analyst_a, "Human trafficking")
    doomed = coded(statement, code, analyst_b, "victim-centred approach was needed")
    old = statement.text
    new = "Human trafficking was a serious crime."
    with pytest.raises(ValidationError) as error:
        statement_text_update(statement=statement, text=new, actor=administrator)
    message = str(error.value)
    assert f"annotation {doomed.pk}" in message
    assert "bruno" in message
    assert f"annotation {kept.pk}" not in message
    statement.refresh_from_db()
    kept.refresh_from_db()
    assert statement.text == old
    assert kept.version == 1
    assert statement.history.count() == 1  # only its creation


def test_deleted_annotations_are_re_anchored_too_so_a_restore_stays_true(
    statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "serious crime")
    annotation = annotation_delete(annotation=annotation, actor=analyst_a)
    statement_text_update(
        statement=statement, text="Indeed. " + statement.text, actor=administrator
    )
    annotation.refresh_from_db()
    statement.refresh_from_db()
    assert statement.text[annotation.start : annotation.end] == "serious crime"


def test_statement_level_annotations_are_untouched(meeting, codebook, analyst_a, administrator):
    statement = meeting.statements.get(order=1)
    testimony = codebook.codes.get(slug="survivor-testimony")
    annotation = annotation_create(statement=statement, code=testimony, analyst=analyst_a)
    statement_text_update(statement=statement, text=statement.text + " More.", actor=administrator)
    annotation.refresh_from_db()
    assert (annotation.start, annotation.end, annotation.quote, annotation.version) == (
        None,
        None,
        "",
        1,
    )


def test_the_history_records_who_re_anchored_and_the_quote_before(
    statement, code, analyst_a, administrator
):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    new = statement.text.replace("victim-centred", "victim-centered")
    statement_text_update(statement=statement, text=new, actor=administrator)
    latest, before = annotation.history.order_by("-history_id")[:2]
    assert latest.history_user == administrator
    assert "Re-anchored" in latest.history_change_reason
    assert before.quote == "victim-centred approach"
    assert latest.quote == "victim-centered approach"
    assert statement.history.latest().history_user == administrator


def test_shifting_two_spans_of_one_analyst_onto_each_others_offsets_saves_cleanly(
    meeting, code, analyst_a, administrator
):
    statement = Statement.objects.create(meeting=meeting, order=9, text="ab ab ab ab")
    first = annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=2)
    second = annotation_create(statement=statement, code=code, analyst=analyst_a, start=3, end=5)
    # Prefixing "xx " moves the first "ab" onto the offsets the second one holds.
    update = statement_text_update(statement=statement, text="xx ab ab ab ab", actor=administrator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.start, second.start) == (3, 6)
    assert all(statement.text[a.start : a.end] == "ab" for a in (first, second))
    assert len(update.reanchorings) == 2


def test_the_plan_previews_without_writing(statement, code, analyst_a):
    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    plan = statement_text_plan(statement=statement, text="Nothing of the kind.")
    assert [r.placement for r in plan] == ["lost"]
    annotation.refresh_from_db()
    assert annotation.version == 1


def test_it_refuses_an_empty_text(statement, administrator):
    with pytest.raises(ValidationError) as error:
        statement_text_update(statement=statement, text="  ", actor=administrator)
    assert "needs some text" in str(error.value)


PIECES = ["word ", "🙂", "e\u0301", "\r\n", "نساء ", "נשים ", "\u200f", ", "]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    prefix=st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
    middle=st.lists(st.sampled_from(PIECES), max_size=6).map("".join),
)
def test_every_annotation_still_quotes_the_text_after_any_accepted_edit(
    meeting, code, analyst_a, administrator, prefix, middle
):
    order = Statement.objects.filter(meeting=meeting).count() + 1
    statement = Statement.objects.create(
        meeting=meeting,
        order=order,
        text="Survivors 🙂 spoke.\r\nThe victim-centred approach, قالت النساء, was needed.",
    )
    for phrase in ("Survivors", "victim-centred approach", "النساء"):
        coded(statement, code, analyst_a, phrase)
    new = prefix + statement.text.replace("approach,", "approach," + middle)
    try:
        statement_text_update(statement=statement, text=new, actor=administrator)
    except ValidationError:
        statement.refresh_from_db()
        assert statement.text != new
    statement.refresh_from_db()
    for annotation in Annotation.objects.filter(statement=statement):
        assert statement.text[annotation.start : annotation.end] == annotation.quote
