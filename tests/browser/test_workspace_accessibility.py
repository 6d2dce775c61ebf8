"""The meeting list and the workspace pass axe-core's WCAG 2.1 A and AA rules (contrast,
labels, names, landmarks), in each state an analyst sees: plain, picker open, card open,
comparing read-only; the memo panel and the memo dialogs, on the meeting and on a code."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from annotations.coding.memos.services import memo_create
from annotations.coding.services import annotation_create
from tests.browser.conftest import open_workspace, select_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def test_the_meeting_list_passes_wcag_aa(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    page.goto("/meetings/")
    assert violations(page) == []


def test_the_workspace_passes_wcag_aa_in_every_state(
    page, sign_in, analyst_a, analyst_b, meeting, code
):
    statement = meeting.statements.get(order=1)
    annotation_create(statement=statement, code=code, analyst=analyst_b, start=0, end=5)
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#suggestion-count")).not_to_have_text("…")
    assert violations(page) == []
    select_text(page, statement, "victim-centred approach")
    expect(page.locator("#code-picker")).to_be_visible()
    assert violations(page) == []
    page.keyboard.press("1")
    page.locator("[data-annotation-id]").first.click()
    expect(page.locator("#annotation-card")).to_be_visible()
    assert violations(page) == []
    page.keyboard.press("Escape")
    page.get_by_label("Showing").select_option("bruno")
    expect(page.locator("#readonly-banner")).to_be_visible()
    assert violations(page) == []
    page.keyboard.press("?")
    expect(page.locator("#help-dialog")).to_be_visible()
    assert violations(page) == []


def test_the_memo_panel_and_dialogs_pass_wcag_aa(
    page, sign_in, analyst_a, analyst_b, meeting, code
):
    memo_create(author=analyst_a, meeting=meeting, title="Mine", text="Survivors were absent.")
    memo_create(author=analyst_b, meeting=meeting, text="A teammate's memo.")
    memo_create(author=analyst_b, code=code, text="On the code.")
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#memo-list .memo-item")).to_have_count(2)
    assert violations(page) == []
    page.get_by_role("button", name="Write a memo on the meeting").click()
    page.locator("#memo-dialog").get_by_role("button", name="Save").click()  # an error shown
    expect(page.locator('[data-error-for="text"]')).not_to_be_empty()
    assert violations(page) == []
    page.keyboard.press("Escape")
    page.get_by_role("button", name=f"Memo on the code {code.name}").click()
    expect(page.locator("#memo-code-list .memo-item")).to_have_count(1)
    assert violations(page) == []
