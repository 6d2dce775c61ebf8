"""Corpus search in headless Chromium: the form, the concordance, the link to the
passage, a bad query named on the page; WCAG 2.1 AA by axe-core; no CSP error."""

import pytest
from playwright.sync_api import expect

from tests.annotations.monitoring.corpus import build_corpus
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_searches_and_opens_a_passage(page, sign_in, analyst_a, codebook):
    corpus = build_corpus()
    sign_in(analyst_a)
    page.goto("/meetings/")
    page.get_by_role("link", name="Monitoring").click()
    page.get_by_label("Words").fill("victim-centred")
    page.get_by_label("Body").select_option("General Assembly")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#hit-count")).to_have_text("2")
    rows = page.locator("table.concordance tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("mark")).to_have_text("victim‑centred")
    expect(rows.nth(1).locator("mark")).to_have_text("victim centred")
    assert violations(page) == []
    rows.first.locator("td.match a").click()
    statement = corpus.s("ga", 2)
    expect(page).to_have_url(
        f"{page.url.split('/meetings/')[0]}/meetings/{corpus.ga.pk}/#statement-{statement.pk}"
    )


def test_a_bad_query_is_named_not_shown_as_no_results(page, sign_in, analyst_a):
    build_corpus()
    sign_in(analyst_a)
    page.goto("/monitoring/search/?q=%22victim+centred")
    expect(page.get_by_role("alert")).to_contain_text("quotation mark is not closed")
    expect(page.locator("table.concordance")).to_have_count(0)
