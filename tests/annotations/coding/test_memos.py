"""Memos on a meeting or a code: one target, a text, the author's alone, versioned."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from annotations.codebook.services import code_delete
from annotations.coding.memos import selectors, services
from annotations.models import Memo

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_memo(meeting, analyst_a) -> Memo:
    return services.memo_create(
        author=analyst_a, meeting=meeting, title="First reading", text="Survivors barely spoke."
    )


@pytest.fixture
def code_memo(code, analyst_a) -> Memo:
    return services.memo_create(author=analyst_a, code=code, text="Read it narrowly.")


def test_it_writes_a_memo_on_a_meeting_and_one_on_a_code(meeting_memo, code_memo, meeting, code):
    assert (meeting_memo.meeting, meeting_memo.code, meeting_memo.version) == (meeting, None, 1)
    assert (code_memo.meeting, code_memo.code, code_memo.title) == (None, code, "")
    assert meeting_memo.history.count() == 1


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_it_refuses_an_empty_text(meeting, analyst_a, text):
    with pytest.raises(ValidationError) as caught:
        services.memo_create(author=analyst_a, meeting=meeting, text=text)
    assert "text is empty" in str(caught.value.message_dict["text"])
    assert not Memo.objects.exists()


def test_it_refuses_both_targets_and_neither(meeting, code, analyst_a):
    with pytest.raises(ValidationError, match="not on both"):
        services.memo_create(author=analyst_a, meeting=meeting, code=code, text="Both.")
    with pytest.raises(ValidationError, match="a meeting or a code"):
        services.memo_create(author=analyst_a, text="Neither.")
    assert not Memo.objects.exists()


def test_the_database_itself_holds_a_memo_to_one_target(meeting, code, analyst_a):
    for target in ({"meeting": meeting, "code": code}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Memo.objects.create(author=analyst_a, text="Bypassing the service.", **target)


def test_a_reviewer_reads_memos_but_does_not_write_them(meeting, reviewer):
    with pytest.raises(PermissionDenied):
        services.memo_create(author=reviewer, meeting=meeting, text="A reviewer's note.")


def test_the_author_edits_with_the_version_they_saw(meeting_memo, analyst_a):
    memo = services.memo_update(memo=meeting_memo, actor=analyst_a, version=1, text="Revised.")
    assert (memo.text, memo.title, memo.version) == ("Revised.", "First reading", 2)
    with pytest.raises(services.StaleMemo) as caught:
        services.memo_update(memo=meeting_memo, actor=analyst_a, version=1, text="From a tab.")
    assert caught.value.current.text == "Revised."
    assert Memo.objects.get().text == "Revised."


def test_an_edit_cannot_empty_the_text(meeting_memo, analyst_a):
    with pytest.raises(ValidationError):
        services.memo_update(memo=meeting_memo, actor=analyst_a, version=1, text=" ")
    assert Memo.objects.get().text == "Survivors barely spoke."


def test_another_analyst_cannot_change_delete_or_restore_the_memo(meeting_memo, analyst_b):
    with pytest.raises(PermissionDenied):
        services.memo_update(memo=meeting_memo, actor=analyst_b, version=1, text="Mine now.")
    with pytest.raises(PermissionDenied):
        services.memo_delete(memo=meeting_memo, actor=analyst_b)
    meeting_memo.refresh_from_db()
    assert (meeting_memo.text, meeting_memo.deleted_at) == ("Survivors barely spoke.", None)


def test_a_delete_is_soft_and_the_author_restores_it(meeting_memo, analyst_a, analyst_b):
    gone = services.memo_delete(memo=meeting_memo, actor=analyst_a, version=1)
    assert (gone.deleted_by, gone.version) == (analyst_a, 2)
    assert not Memo.objects.live().exists()
    with pytest.raises(ValidationError, match="already deleted"):
        services.memo_delete(memo=meeting_memo, actor=analyst_a)
    with pytest.raises(PermissionDenied):
        services.memo_restore(memo=meeting_memo, actor=analyst_b)
    back = services.memo_restore(memo=meeting_memo, actor=analyst_a)
    assert (back.deleted_at, back.version) == (None, 3)
    assert [h.history_type for h in back.history.order_by("history_id")] == ["+", "~", "~"]


def test_a_stale_delete_is_refused(meeting_memo, analyst_a):
    services.memo_update(memo=meeting_memo, actor=analyst_a, version=1, title="Renamed")
    with pytest.raises(services.StaleMemo):
        services.memo_delete(memo=meeting_memo, actor=analyst_a, version=1)
    assert Memo.objects.live().count() == 1


def test_a_code_with_memos_is_retired_not_deleted(code_memo, code):
    with pytest.raises(ValidationError, match="has memos"):
        code_delete(code=code)


def test_the_meetings_memos_come_first_then_those_on_its_codes(
    meeting_memo, code_memo, meeting, codebook, analyst_b
):
    services.memo_create(author=analyst_b, meeting=meeting, text="Bruno's reading.")
    found = selectors.memos_for_meeting(meeting=meeting, scheme=codebook)
    assert [m.text for m in found] == [
        "Survivors barely spoke.",
        "Bruno's reading.",
        "Read it narrowly.",
    ]
    mine = selectors.memos_for_meeting(meeting=meeting, scheme=codebook, author=analyst_b)
    assert [m.text for m in mine] == ["Bruno's reading."]
