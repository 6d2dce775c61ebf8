"""Undo and redo that survive a reload (the server keeps the history), a stale step
refused, and every suggestion of a code accepted as one step, then undone."""

import pytest
from playwright.sync_api import expect

from annotations.coding.services import annotation_update
from annotations.models import Annotation, SuggestionDecision
from tests.annotations.coding.test_workspace_views import make_meeting
from tests.browser.conftest import open_workspace

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def patient_navigation(page):
    # A test's first page can take over 10 s on a loaded machine (the live server warms
    # up); navigation may wait longer, every expectation keeps its 10 s.
    page.set_default_navigation_timeout(60_000)


def code_phrase_from_find(page, phrase):
    page.keyboard.press("f")
    page.keyboard.type(phrase)
    page.keyboard.press("Escape")
    page.keyboard.press("h")  # prevention
    expect(page.locator("#status")).to_contain_text("as Prevention")


def reload(page):
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    page.locator("body").click(position={"x": 5, "y": 5})


def test_after_a_reload_ctrl_z_undoes_and_ctrl_shift_z_and_ctrl_y_redo(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    code_phrase_from_find(page, "trafficking")
    assert Annotation.objects.live().count() == 1
    reload(page)
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(1)
    page.keyboard.press("Control+z")
    expect(page.locator("#status")).to_contain_text("Undone: coding Prevention on “trafficking”")
    expect(page.locator("mark.hl")).to_have_count(0)
    assert not Annotation.objects.live().exists()
    page.keyboard.press("Control+Shift+z")
    expect(page.locator("#status")).to_contain_text("Redone: coding Prevention")
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(1)
    assert Annotation.objects.live().count() == 1
    # Undone before a reload, redone after it.
    page.keyboard.press("Control+z")
    expect(page.locator("mark.hl")).to_have_count(0)
    reload(page)
    page.keyboard.press("Control+y")
    expect(page.locator("#status")).to_contain_text("Redone: coding Prevention")
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(1)
    assert Annotation.objects.live().count() == 1


def test_undo_of_a_step_changed_elsewhere_is_refused_and_keeps_the_change(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    code_phrase_from_find(page, "trafficking")
    annotation = Annotation.objects.live().get()
    # Another tab (or the API) changes the memo; that change is no step of this page's.
    annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="kept")
    reload(page)
    page.keyboard.press("u")
    expect(page.locator("#alert")).to_contain_text("has changed since")
    expect(page.locator("#alert")).to_contain_text("taken off your history")
    assert Annotation.objects.live().get().memo == "kept"
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(1)


def test_accept_all_of_a_code_is_one_step_that_undo_takes_back_after_a_reload(
    page, sign_in, analyst_a, codebook
):
    meeting = make_meeting("GA/UNDO-14", 14)  # "a victim-centred approach" in every one
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#suggestion-count")).to_have_text("14")
    page.get_by_role("button", name="Accept all 14 suggestions of Victim-centred approach").click()
    expect(page.locator("#status")).to_contain_text(
        "Accepted 14 suggestions of Victim-centred approach."
    )
    expect(page.locator("#suggestion-stats")).to_have_text(
        "You accepted 14 and dismissed 0 so far."
    )
    expect(page.locator("#suggestion-count")).to_have_text("0")
    expect(page.locator('mark[data-label="Victim-centred approach"]')).to_have_count(14)
    assert SuggestionDecision.objects.filter(decision="accepted").count() == 14
    reload(page)
    page.keyboard.press("Control+z")
    expect(page.locator("#status")).to_contain_text(
        "Undone: accepting 14 suggestions of Victim-centred approach."
    )
    expect(page.locator("#suggestion-stats")).to_have_text("You accepted 0 and dismissed 0 so far.")
    expect(page.locator("#suggestion-count")).to_have_text("14")
    expect(page.locator("mark.hl")).to_have_count(0)
    assert not SuggestionDecision.objects.exists()
    assert not Annotation.objects.live().exists()
    page.keyboard.press("Shift+U")
    expect(page.locator("#suggestion-stats")).to_have_text(
        "You accepted 14 and dismissed 0 so far."
    )
    expect(page.locator('mark[data-label="Victim-centred approach"]')).to_have_count(14)
    assert Annotation.objects.live().count() == 14


def test_dismiss_all_of_a_keyword_says_what_it_left_out(page, sign_in, analyst_a, codebook):
    meeting = make_meeting("GA/UNDO-4", 4)
    statement = meeting.statements.get(order=1)
    statement.text = "A victim-focused approach. Then a victim-centred approach was needed."
    statement.save()
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#suggestion-count")).to_have_text("5")
    page.get_by_role(
        "button", name="Dismiss all 4 suggestions of “victim-centred” (Victim-centred approach)"
    ).click()
    expect(page.locator("#status")).to_contain_text("Dismissed 4 suggestions")
    expect(page.locator("#suggestion-count")).to_have_text("1")
    expect(page.locator("#suggestion-stats")).to_have_text("You accepted 0 and dismissed 4 so far.")
    page.keyboard.press("u")
    expect(page.locator("#suggestion-count")).to_have_text("5")
    expect(page.locator("#suggestion-stats")).to_have_text("You accepted 0 and dismissed 0 so far.")
