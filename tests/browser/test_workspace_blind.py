"""Blind double coding in headless Chromium: the analyst is told the meeting is blind and
how many statements are left, has no switch to the other analyst until she is done, and
after marking the last statement done (and reloading) can look at his coding; WCAG 2.1 AA
by axe-core in each state."""

import pytest
from playwright.sync_api import expect

from annotations.coding.blind.services import blind_coding_set
from annotations.coding.services import annotation_create, statement_mark_done
from tests.browser.conftest import open_workspace, screenshot
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_codes_blind_until_she_has_marked_every_statement_done(
    page, sign_in, meeting, code, administrator, analyst_a, analyst_b
):
    blind_coding_set(meeting=meeting, enabled=True, actor=administrator)
    first, second, third = meeting.statements.order_by("order")
    theirs = annotation_create(statement=second, code=code, analyst=analyst_b, start=0, end=11)
    statement_mark_done(statement=first, analyst=analyst_a)
    sign_in(analyst_a)
    open_workspace(page, meeting)
    banner = page.locator("#blind-banner")
    expect(banner).to_have_text(
        "Blind coding: other analysts' work appears when you have marked all 3 statements "
        "done; 2 left."
    )
    expect(page.locator("#view-analyst")).to_have_count(0)
    expect(page.locator(f'[data-annotation-id="{theirs.pk}"]')).to_have_count(0)
    assert violations(page) == []
    screenshot(page, "blind-coding")

    # A quote link to his annotation finds nothing: the server does not hand it out.
    page.goto(f"/meetings/{meeting.pk}/?annotation={theirs.pk}")
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(page.get_by_role("alert")).to_contain_text("no longer exists")

    page.locator(f'[data-statement-id="{second.pk}"] .done-toggle').click()
    expect(banner).to_contain_text("3 statements done; 1 left.")
    page.locator(f'[data-statement-id="{third.pk}"] .done-toggle').click()
    expect(banner).to_contain_text("you have marked all 3 statements done.")
    banner.get_by_role("link", name="Reload to see other analysts' work.").click()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(banner).to_contain_text("so other analysts' work is shown")
    page.get_by_label("Showing").select_option("bruno")
    expect(page.locator(f'mark[data-annotation-id="{theirs.pk}"]').first).to_be_visible()
    assert violations(page) == []


def test_a_reviewer_sees_every_analyst_of_a_blind_meeting_at_once(
    page, sign_in, meeting, code, administrator, analyst_b, reviewer
):
    blind_coding_set(meeting=meeting, enabled=True, actor=administrator)
    second = meeting.statements.get(order=2)
    theirs = annotation_create(statement=second, code=code, analyst=analyst_b, start=0, end=11)
    sign_in(reviewer)
    open_workspace(page, meeting)
    expect(page.locator("#blind-banner")).to_contain_text("your role sees it all")
    page.get_by_label("Showing").select_option("bruno")
    expect(page.locator(f'mark[data-annotation-id="{theirs.pk}"]').first).to_be_visible()
