import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annotations.coding.services import (
    StaleVersion,
    annotation_create,
    annotation_delete,
    annotation_restore,
    annotation_update,
)
from annotations.models import Annotation, Code, CodingScheme

pytestmark = pytest.mark.django_db


def span(statement, phrase):
    start = statement.text.index(phrase)
    return start, start + len(phrase)


def test_it_stores_offsets_and_the_quote(statement, code, analyst_a):
    start, end = span(statement, "victim-centred approach")
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=end, memo="clear"
    )
    annotation.refresh_from_db()
    assert statement.text[annotation.start : annotation.end] == annotation.quote
    assert annotation.quote == "victim-centred approach"
    assert annotation.prefix.endswith("crime and a ")
    assert annotation.suffix.startswith(" was needed")


def test_offsets_count_code_points_not_utf16_units(meeting, code, analyst_a):
    statement = meeting.statements.get(order=3)  # has an emoji before the passage
    start, end = span(statement, "positive role")
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=end
    )
    assert annotation.quote == "positive role"
    assert (
        start == statement.text.encode("utf-16-le").index("positive".encode("utf-16-le")) // 2 - 1
    )  # the emoji is two UTF-16 units but one code point


def test_it_refuses_offsets_past_the_end(statement, code, analyst_a):
    with pytest.raises(ValidationError) as error:
        annotation_create(
            statement=statement, code=code, analyst=analyst_a, start=5, end=len(statement.text) + 1
        )
    assert "past the end" in str(error.value)
    assert Annotation.objects.count() == 0


def test_it_refuses_a_quote_that_does_not_match(statement, code, analyst_a):
    with pytest.raises(ValidationError) as error:
        annotation_create(
            statement=statement, code=code, analyst=analyst_a, start=0, end=5, quote="Women"
        )
    assert "does not match" in str(error.value)


def test_it_refuses_start_not_before_end(statement, code, analyst_a):
    with pytest.raises(ValidationError):
        annotation_create(statement=statement, code=code, analyst=analyst_a, start=5, end=5)


def test_it_refuses_a_code_from_another_scheme(statement, codebook, analyst_a):
    other = CodingScheme.objects.create(name="Other", slug="other")
    foreign = Code.objects.create(scheme=other, group="g", slug="victim-centred", name="X")
    with pytest.raises(ValidationError) as error:
        annotation_create(statement=statement, code=foreign, analyst=analyst_a, start=0, end=5)
    assert "belongs to scheme" in str(error.value)


def test_statement_level_codes_take_no_offsets(statement, codebook, analyst_a):
    testimony = codebook.codes.get(slug="survivor-testimony")
    with pytest.raises(ValidationError):
        annotation_create(statement=statement, code=testimony, analyst=analyst_a, start=0, end=4)
    annotation = annotation_create(statement=statement, code=testimony, analyst=analyst_a)
    assert annotation.start is None and annotation.quote == ""


def test_the_same_analyst_cannot_store_the_same_span_twice(statement, code, analyst_a, analyst_b):
    annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    with pytest.raises(ValidationError) as error:
        annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    assert "already coded" in str(error.value)
    # another analyst codes independently
    annotation_create(statement=statement, code=code, analyst=analyst_b, start=0, end=5)
    assert Annotation.objects.count() == 2


def test_another_analyst_cannot_change_or_delete(statement, code, analyst_a, analyst_b):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    with pytest.raises(PermissionDenied):
        annotation_update(annotation=annotation, actor=analyst_b, version=1, memo="mine now")
    with pytest.raises(PermissionDenied):
        annotation_delete(annotation=annotation, actor=analyst_b)
    annotation.refresh_from_db()
    assert annotation.memo == "" and annotation.deleted_at is None


def test_a_stale_version_is_refused(statement, code, analyst_a):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="first")
    with pytest.raises(StaleVersion) as error:
        annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="second")
    assert error.value.current.memo == "first"
    assert error.value.current.version == 2


def test_delete_is_soft_and_restorable(statement, code, analyst_a):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    annotation_delete(annotation=annotation, actor=analyst_a)
    assert Annotation.objects.live().count() == 0
    assert Annotation.objects.count() == 1
    annotation_restore(annotation=annotation, actor=analyst_a)
    assert Annotation.objects.live().count() == 1
    with pytest.raises(ValidationError):
        annotation_restore(annotation=annotation, actor=analyst_a)


def test_history_records_who_changed_what(statement, code, analyst_a):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="a memo")
    memos = [h.memo for h in annotation.history.order_by("history_date")]
    assert memos == ["", "a memo"]


def test_moving_the_span_clears_needs_review_but_a_memo_edit_does_not(statement, code, analyst_a):
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    Annotation.objects.filter(pk=annotation.pk).update(needs_review=True)
    annotation = annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="m")
    assert annotation.needs_review is True
    start, end = span(statement, "serious crime")
    annotation = annotation_update(
        annotation=annotation, actor=analyst_a, version=2, start=start, end=end
    )
    annotation.refresh_from_db()
    assert annotation.needs_review is False
    assert annotation.quote == "serious crime"
