"""An analyst codes passages in the workspace: mouse, keys, overlaps, memos, undo."""

import re

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation, StatementProgress
from tests.browser.conftest import open_workspace, screenshot, select_text
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def live(**filters):
    return Annotation.objects.live().filter(**filters)


def test_an_analyst_signs_in_and_opens_a_meeting(page, analyst_a, meeting, codebook):
    page.goto("/meetings/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/meetings/$"))
    expect(page.locator("tr", has_text="GA/TEST-1")).to_contain_text("0 / 3")
    page.get_by_role("link", name="GA/TEST-1", exact=True).click()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(page.locator("[data-statement-id]")).to_have_count(3)


def test_coding_a_passage_with_the_mouse_and_the_picker(page, sign_in, analyst_a, meeting, code):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    select_text(page, statement, "victim-centred approach")
    picker = page.locator("#code-picker")
    expect(picker).to_be_visible()
    picker.locator('[data-code-slug="victim-centred"]').click()
    mark = page.locator(f'[data-statement-id="{statement.pk}"] [data-annotation-id]')
    expect(mark).to_have_text("victim-centred approach")
    expect(picker).to_be_hidden()
    annotation = live().get()
    assert (annotation.statement, annotation.code, annotation.analyst) == (
        statement,
        code,
        analyst_a,
    )
    assert annotation.quote == "victim-centred approach"
    assert statement.text[annotation.start : annotation.end] == annotation.quote
    assert mark.get_attribute("data-annotation-id") == str(annotation.pk)


def test_coding_by_shortcut_key_and_reload_keeps_it(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=2)
    select_text(page, statement, "gender-based problem")
    page.keyboard.press("5")  # gender-specific
    marks = page.locator(f'[data-statement-id="{statement.pk}"] [data-annotation-id]')
    expect(marks).to_have_text("gender-based problem")
    assert live().get().code.slug == "gender-specific"
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(marks).to_have_text("gender-based problem")
    expect(page.locator("[data-count-for] >> nth=4")).to_have_text("1")


def test_keyboard_alone_selects_and_codes_a_passage(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.keyboard.press("j")
    first = meeting.statements.get(order=1)
    expect(page.locator(f'[data-statement-id="{first.pk}"]')).to_be_focused()
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("c")
    expect(page.locator("#picker-filter")).to_be_focused()
    page.keyboard.type("preven")
    page.keyboard.press("Enter")
    expect(page.locator(f'[data-statement-id="{first.pk}"] [data-annotation-id]')).to_have_text(
        "Human trafficking"
    )
    annotation = live().get()
    assert (annotation.code.slug, annotation.start, annotation.end) == ("prevention", 0, 17)
    # The caret on the highlight, Enter opens it: no mouse needed to write a memo.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#status")).to_contain_text("On Prevention")
    page.keyboard.press("Enter")
    card = page.locator("#annotation-card")
    expect(card.get_by_label("Memo")).to_be_focused()
    page.keyboard.type("Read with the keyboard alone.")
    card.get_by_role("button", name="Save").press("Enter")
    expect(card).to_be_hidden()
    annotation.refresh_from_db()
    assert annotation.memo == "Read with the keyboard alone."


def test_overlapping_passages_and_two_codes_on_one_passage_stay_apart(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    select_text(page, statement, "a serious crime and a victim-centred")
    page.keyboard.press("l")  # prosecution
    expect(page.locator("[data-annotation-id]")).not_to_have_count(0)
    select_text(page, statement, "victim-centred approach")
    page.keyboard.press("1")  # victim-centred
    select_text(page, statement, "victim-centred approach")
    page.keyboard.press("4")  # human-rights-based
    expect(page.locator("#status")).to_contain_text("Human-rights-based")
    assert live().count() == 3
    text = page.locator(f'[data-statement-id="{statement.pk}"] [data-statement-text]')
    expect(text).to_have_text(statement.text)
    # Each annotation has its own highlight, and the overlap is nested, not cut away.
    for annotation in live():
        marks = page.locator(f'[data-annotation-id="{annotation.pk}"]')
        assert "".join(marks.all_text_contents()) == annotation.quote
    screenshot(page.locator(f'[data-statement-id="{statement.pk}"]'), "overlapping-codes")
    # Clicking where all three overlap lists all three.
    page.locator(f'[data-statement-id="{statement.pk}"] mark mark mark').first.click()
    card = page.locator("#annotation-card")
    expect(card.locator(".annotation-entry")).to_have_count(3)
    expect(card).to_contain_text("Prosecution")
    expect(card).to_contain_text("Victim-centred approach")
    expect(card).to_contain_text("Human-rights-based approach")


def test_editing_a_memo_and_changing_the_code(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    select_text(page, statement, "victim-centred approach")
    page.keyboard.press("1")
    page.locator("[data-annotation-id]").first.click()
    card = page.locator("#annotation-card")
    expect(card).to_be_visible()
    card.get_by_label("Memo").fill("Framed as a criminal-justice need; compare Sorvino.")
    card.get_by_role("button", name="Save").click()
    expect(card).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("Saved")
    annotation = live().get()
    assert annotation.memo == "Framed as a criminal-justice need; compare Sorvino."
    assert annotation.version == 2
    page.locator("[data-annotation-id]").first.click()
    card.get_by_label("Code").select_option(label="Human-rights-based approach")
    card.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_contain_text("Saved Human-rights-based approach")
    annotation.refresh_from_db()
    assert (annotation.code.slug, annotation.version) == ("human-rights-based", 3)
    assert annotation.memo == "Framed as a criminal-justice need; compare Sorvino."


def test_a_stale_memo_edit_is_refused_and_the_text_kept(page, sign_in, analyst_a, meeting, code):
    from annotations.coding.services import annotation_create, annotation_update

    statement = meeting.statements.get(order=1)
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    sign_in(analyst_a)
    open_workspace(page, meeting)
    # Meanwhile, in another tab, the same analyst changed the memo.
    annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="from the other tab")
    page.locator("[data-annotation-id]").first.click()
    card = page.locator("#annotation-card")
    card.get_by_label("Memo").fill("from this tab")
    card.get_by_role("button", name="Save").click()
    expect(page.locator("#alert")).to_contain_text("changed elsewhere")
    expect(card.get_by_label("Memo")).to_have_value("from this tab")
    annotation.refresh_from_db()
    assert annotation.memo == "from the other tab"
    card.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_contain_text("Saved")
    annotation.refresh_from_db()
    assert annotation.memo == "from this tab"


def test_deleting_and_undoing(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    select_text(page, statement, "victim-centred approach")
    page.keyboard.press("1")
    expect(page.locator("[data-annotation-id]")).to_have_count(1)
    page.locator("[data-annotation-id]").first.click()
    page.locator("#annotation-card").get_by_role("button", name="Delete").click()
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    expect(page.locator("#status")).to_contain_text("Deleted Victim-centred approach")
    annotation = Annotation.objects.get()
    assert annotation.deleted_at is not None
    page.keyboard.press("u")
    expect(page.locator("[data-annotation-id]")).to_have_text("victim-centred approach")
    expect(page.locator("#status")).to_contain_text("Undone")
    annotation.refresh_from_db()
    assert annotation.deleted_at is None
    # Undo again takes back the coding itself.
    page.keyboard.press("u")
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    assert live().count() == 0


def test_a_statement_level_code_is_a_toggle(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=2)
    toggle = page.locator(
        f'[data-statement-id="{statement.pk}"] .statement-code[data-code-slug="survivor-testimony"]'
    )
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    annotation = live().get()
    assert (annotation.code.slug, annotation.start, annotation.end, annotation.quote) == (
        "survivor-testimony",
        None,
        None,
        "",
    )
    assert toggle.get_attribute("data-annotation-id") == str(annotation.pk)
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    assert live().count() == 0
    # Its key toggles it on the current statement.
    page.locator(f'[data-statement-id="{statement.pk}"] .speaker').click()
    page.keyboard.press("2")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert live().get().statement == statement


def test_marking_statements_done_moves_on_and_fills_the_progress_bar(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    first, second = meeting.statements.get(order=1), meeting.statements.get(order=2)
    page.keyboard.press("j")
    page.keyboard.press("d")
    expect(page.locator("#progress-text")).to_have_text("1 of 3 statements done")
    expect(page.locator(f'[data-statement-id="{second.pk}"]')).to_be_focused()
    page.locator(f'[data-statement-id="{second.pk}"] .done-toggle').click()
    expect(page.locator("#progress-text")).to_have_text("2 of 3 statements done")
    expect(page.locator("#progress")).to_have_attribute("value", "2")
    assert set(StatementProgress.objects.values_list("statement", flat=True)) == {
        first.pk,
        second.pk,
    }
    page.keyboard.press("u")
    expect(page.locator("#progress-text")).to_have_text("1 of 3 statements done")
    page.goto("/meetings/")
    expect(page.locator("tr", has_text="GA/TEST-1")).to_contain_text("1 / 3")
