"""Memos beyond a passage in the workspace: the meeting's memo panel and a code's memos,
written, edited and deleted with the keyboard, each step undoable."""

import re

import pytest
from playwright.sync_api import expect

from annotations.coding.memos.services import memo_create, memo_update
from annotations.models import Annotation, Memo
from tests.browser.conftest import open_workspace, screenshot
from tests.browser.test_workspace_undo_history import code_phrase_from_find, reload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_meeting_memo_is_written_edited_and_deleted_with_the_keyboard_and_undone(
    page, sign_in, analyst_a, analyst_b, meeting, codebook
):
    memo_create(author=analyst_b, meeting=meeting, title="Bruno's", text="Read by all.")
    sign_in(analyst_a)
    open_workspace(page, meeting)
    panel = page.locator("#memo-panel")
    expect(page.locator("#memo-count")).to_have_text("1")
    # A teammate's memo is listed, read-only.
    expect(panel.locator(".memo-item .memo-text")).to_have_text(["Read by all."])
    expect(panel.locator(".memo-item .memo-author")).to_have_text(["bruno"])
    expect(panel.locator(".memo-item .memo-edit")).to_have_count(0)

    page.get_by_role("button", name="Write a memo on the meeting").focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#memo-dialog")
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Title (optional)")).to_be_focused()
    # Offered only while editing a memo (a `hidden` the button's class used to override).
    expect(dialog.get_by_role("button", name="Write a new one instead")).to_be_hidden()
    # An empty memo is refused before it is sent.
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator('[data-error-for="text"]')).to_contain_text("text is empty")
    assert Memo.objects.count() == 1
    page.get_by_label("Title (optional)").fill("Survivors")
    page.get_by_label("Memo", exact=True).fill("No survivor spoke in the\nfirst segment.")
    page.get_by_label("Memo", exact=True).press("Tab")
    page.keyboard.press("Enter")  # Save has the focus
    expect(dialog).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("Saved the memo “Survivors”")
    memo = Memo.objects.get(author=analyst_a)
    assert (memo.meeting, memo.title, memo.text) == (
        meeting,
        "Survivors",
        "No survivor spoke in the\nfirst segment.",
    )
    expect(page.locator("#memo-count")).to_have_text("2")
    screenshot(panel, "memos")

    panel.get_by_role("button", name="Edit the memo “Survivors”").click()
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Memo", exact=True)).to_have_value(memo.text)
    expect(dialog.get_by_role("button", name="Write a new one instead")).to_be_visible()
    page.get_by_label("Memo", exact=True).fill("Grootboom spoke, as a survivor.")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(panel.locator(".memo-text").nth(1)).to_have_text("Grootboom spoke, as a survivor.")
    memo.refresh_from_db()
    assert (memo.text, memo.version) == ("Grootboom spoke, as a survivor.", 2)

    page.keyboard.press("u")  # undo the edit
    expect(page.locator("#status")).to_contain_text("Undone")
    expect(panel.locator(".memo-text").nth(1)).to_have_text(
        "No survivor spoke in the\nfirst segment."
    )
    memo.refresh_from_db()
    assert memo.text == "No survivor spoke in the\nfirst segment."

    panel.get_by_role("button", name="Delete the memo “Survivors”").click()
    expect(page.locator("#memo-count")).to_have_text("1")
    expect(page.locator("#status")).to_contain_text("Deleted the memo “Survivors”")
    memo.refresh_from_db()
    assert memo.deleted_at is not None
    expect(page.get_by_role("button", name="Write a memo on the meeting")).to_be_focused()
    page.keyboard.press("u")  # undo the delete
    expect(page.locator("#memo-count")).to_have_text("2")
    memo.refresh_from_db()
    assert memo.deleted_at is None
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(page.locator("#memo-count")).to_have_text("2")


def test_a_stale_edit_keeps_the_analysts_text_and_saves_over_on_purpose(
    page, sign_in, analyst_a, meeting, codebook
):
    memo = memo_create(author=analyst_a, meeting=meeting, text="First.")
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.get_by_role("button", name="Edit the memo “First.”").click()
    memo_update(memo=memo, actor=analyst_a, version=1, text="From the other tab.")
    page.get_by_label("Memo", exact=True).fill("From this tab.")
    dialog = page.locator("#memo-dialog")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator('[data-error-for="non_field_errors"]')).to_contain_text(
        "changed elsewhere"
    )
    expect(page.get_by_label("Memo", exact=True)).to_have_value("From this tab.")
    memo.refresh_from_db()
    assert memo.text == "From the other tab."
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    memo.refresh_from_db()
    assert (memo.text, memo.version) == ("From this tab.", 3)


def test_a_memo_on_a_code_from_the_codebook_with_the_teammates_ones(
    page, sign_in, analyst_a, analyst_b, meeting, code
):
    memo_create(author=analyst_b, code=code, text="Bruno reads it broadly.")
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.get_by_role("button", name=f"Memo on the code {code.name}").click()
    dialog = page.locator("#memo-dialog")
    expect(dialog.get_by_role("heading", name=f"Memos on the code “{code.name}”")).to_be_visible()
    listed = dialog.locator("#memo-code-list .memo-item")
    expect(listed.locator(".memo-text")).to_have_text(["Bruno reads it broadly."])
    expect(listed.locator(".memo-edit")).to_have_count(0)
    page.get_by_label("Memo", exact=True).fill("Count redress too.")
    page.get_by_label("Memo", exact=True).press("Tab")
    page.keyboard.press("Enter")
    # The dialog stays open on the code's memos, ready for another.
    expect(listed).to_have_count(2)
    expect(dialog.locator("#memo-dialog-status")).to_contain_text("Saved the memo")
    expect(page.get_by_label("Memo", exact=True)).to_have_value("")
    memo = Memo.objects.get(author=analyst_a)
    assert (memo.code, memo.meeting, memo.text) == (code, None, "Count redress too.")
    expect(page.locator("#memo-count")).to_have_text("0")  # not a memo on the meeting
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.keyboard.press("u")
    expect(page.locator("#status")).to_contain_text("Undone")
    memo.refresh_from_db()
    assert memo.deleted_at is not None
    page.keyboard.press("Shift+U")
    expect(page.locator("#status")).to_contain_text("Redone")
    memo.refresh_from_db()
    assert memo.deleted_at is None


def test_after_a_reload_u_undoes_the_memo_not_the_coding_before_it(
    page, sign_in, analyst_a, meeting, codebook
):
    page.set_default_navigation_timeout(60_000)
    sign_in(analyst_a)
    open_workspace(page, meeting)
    code_phrase_from_find(page, "trafficking")
    page.get_by_role("button", name="Write a memo on the meeting").click()
    page.get_by_label("Title (optional)").fill("Survivors")
    page.get_by_label("Memo", exact=True).fill("None spoke.")
    page.locator("#memo-dialog").get_by_role("button", name="Save").click()
    expect(page.locator("#memo-count")).to_have_text("1")
    reload(page)
    page.keyboard.press("u")
    expect(page.locator("#status")).to_contain_text("Undone: writing the memo “Survivors”")
    expect(page.locator("#memo-count")).to_have_text("0")
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(1)
    assert Memo.objects.get().deleted_at is not None
    assert Annotation.objects.live().count() == 1
    page.keyboard.press("Shift+U")
    expect(page.locator("#status")).to_contain_text("Redone: writing the memo “Survivors”")
    expect(page.locator("#memo-list .memo-text")).to_have_text(["None spoke."])
    assert Memo.objects.live().count() == 1


def test_a_code_memo_changed_elsewhere_is_not_undone_over_and_the_page_says_so(
    page, sign_in, analyst_a, meeting, code
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.get_by_role("button", name=f"Memo on the code {code.name}").click()
    page.get_by_label("Memo", exact=True).fill("Count redress.")
    dialog = page.locator("#memo-dialog")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator("#memo-dialog-status")).to_contain_text("Saved the memo")
    page.keyboard.press("Escape")
    memo = Memo.objects.get()
    memo_update(memo=memo, actor=analyst_a, version=1, text="From the other tab.")
    page.locator("#status").get_by_role("button", name="Undo (u)").click()
    expect(page.locator("#alert")).to_contain_text(
        "the memo “From the other tab.” has changed since"
    )
    memo.refresh_from_db()
    assert (memo.deleted_at, memo.text) == (None, "From the other tab.")


def test_a_reviewer_reads_the_memos_and_writes_none(
    page, sign_in, reviewer, analyst_a, meeting, code
):
    memo_create(author=analyst_a, meeting=meeting, text="On the meeting.")
    memo_create(author=analyst_a, code=code, text="On the code.")
    sign_in(reviewer)
    open_workspace(page, meeting)
    expect(page.locator("#memo-list .memo-text")).to_have_text(["On the meeting."])
    expect(page.get_by_role("button", name="Write a memo on the meeting")).to_have_count(0)
    expect(page.locator("#memo-list .memo-edit")).to_have_count(0)
    page.get_by_role("button", name=f"Memo on the code {code.name}").click()
    dialog = page.locator("#memo-dialog")
    expect(dialog.locator("#memo-code-list .memo-text")).to_have_text(["On the code."])
    expect(dialog.locator("form")).to_have_count(0)
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()


def test_unsaved_memo_text_survives_closing_the_dialog_and_leaving_asks_first(
    page, sign_in, analyst_a, meeting, code
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    dialog = page.locator("#memo-dialog")
    page.get_by_role("button", name="Write a memo on the meeting").click()
    page.get_by_label("Memo", exact=True).fill("Half a thought about survivors")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator("#status")).to_contain_text("Your unsaved memo text is kept")
    # Another target's dialog starts empty; the meeting's gives the draft back.
    page.get_by_role("button", name=f"Memo on the code {code.name}").click()
    expect(page.get_by_label("Memo", exact=True)).to_have_value("")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Write a memo on the meeting").click()
    expect(page.get_by_label("Memo", exact=True)).to_have_value("Half a thought about survivors")
    expect(dialog.locator("#memo-dialog-status")).to_contain_text("Your unsaved text is back")
    page.keyboard.press("Escape")

    # Leaving the page with the draft asks first; the analyst stays.
    asked = []

    def answer(browser_dialog):
        asked.append(browser_dialog.type)
        browser_dialog.dismiss()

    page.on("dialog", answer)
    workspace = page.url
    with page.expect_event("dialog"):
        page.evaluate("setTimeout(() => window.location.assign('/meetings/'), 0)")
    expect(page.locator("#workspace")).to_be_visible()
    assert (asked, page.url) == (["beforeunload"], workspace)

    # Saved, the draft is gone and the page is left without a question.
    page.get_by_role("button", name="Write a memo on the meeting").click()
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator("#memo-list .memo-text")).to_have_text(["Half a thought about survivors"])
    page.goto("/meetings/")
    expect(page).to_have_url(re.compile(r"/meetings/$"))
    assert asked == ["beforeunload"]
