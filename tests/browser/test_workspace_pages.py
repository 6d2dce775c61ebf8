"""A long meeting's workspace, a page at a time (PAGE_SIZE is 5 here): a quote link
opens the page holding the passage and marks it, the pager moves between pages, and the
progress bar counts the whole meeting."""

import re

import pytest
from playwright.sync_api import expect

from annotations.coding import paging
from annotations.coding.services import annotation_create
from annotations.models import StatementProgress
from tests.annotations.coding.test_workspace_views import make_meeting, span
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_quote_link_opens_its_page_and_the_pager_moves_on(
    page, sign_in, analyst_a, analyst_b, codebook, monkeypatch
):
    monkeypatch.setattr(paging, "PAGE_SIZE", 5)  # the live server runs in this process
    meeting = make_meeting("GA/LONG", 12)
    last = meeting.statements.get(order=12)
    start, end = span(last, "victim-centred")
    theirs = annotation_create(
        statement=last,
        code=codebook.codes.get(slug="prevention"),
        analyst=analyst_b,
        start=start,
        end=end,
    )
    StatementProgress.objects.create(statement=meeting.statements.get(order=1), analyst=analyst_a)
    sign_in(analyst_a)
    page.goto(f"/meetings/{meeting.pk}/?annotation={theirs.pk}#statement-{last.pk}")
    page.wait_for_selector("#workspace[data-ready=true]")
    mark = page.locator(f'mark[data-annotation-id="{theirs.pk}"]')
    expect(mark.first).to_have_class(re.compile(r"\bis-target\b"))
    expect(page.locator("article.statement")).to_have_count(2)
    expect(page.locator("#progress-text")).to_have_text("1 of 12 statements done")

    pager = page.get_by_role("navigation", name="Pages of statements", exact=True)
    screenshot(page, "long-meeting-pager")
    pager.get_by_role("link", name="← Statements 6–10").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(page.locator("article.statement").first).to_have_attribute("data-order", "6")
    expect(page.locator("#progress-text")).to_have_text("1 of 12 statements done")
    expect(page.get_by_text("Search the whole meeting")).to_have_attribute(
        "href", f"/monitoring/search/?meeting={meeting.pk}"
    )
