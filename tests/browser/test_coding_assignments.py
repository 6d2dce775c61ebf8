"""Assignments in headless Chromium: an administrator assigns a meeting to two analysts
and reads each one's progress; WCAG 2.1 AA by axe-core in each state."""

import pytest
from playwright.sync_api import expect

from annotations.coding.services import statement_mark_done
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_assigns_a_meeting_and_follows_the_progress(
    page, sign_in, meeting, administrator, analyst_a, analyst_b
):
    statement_mark_done(statement=meeting.statements.get(order=1), analyst=analyst_a)
    sign_in(administrator)
    page.goto("/meetings/")
    page.get_by_role("link", name="Assignments").click()
    expect(page.get_by_text("No meeting is assigned yet.")).to_be_visible()
    assert violations(page) == []
    for username in ("amina", "bruno"):
        page.get_by_label("Meeting", exact=True).select_option(
            label=f"{meeting.symbol} — {meeting.title}"
        )
        page.get_by_label("Analyst", exact=True).select_option(username)
        page.get_by_role("button", name="Assign").click()
        expect(page.get_by_role("status")).to_contain_text(f"is assigned to {username}")
    rows = page.locator("#assignments tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("1 of 3 statements done")
    expect(rows.nth(1)).to_contain_text("0 of 3 statements done")
    assert violations(page) == []
    page.get_by_role("button", name=f"Withdraw {meeting.symbol} from bruno").click()
    expect(rows).to_have_count(1)
