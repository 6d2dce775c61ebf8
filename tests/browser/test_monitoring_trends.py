"""Trends in headless Chromium: the form, Debate Watch's sentence linking to its
passages, the charts drawn from SVG under the page's CSP, the print stylesheet;
WCAG 2.1 AA by axe-core; no CSP error."""

import pytest
from playwright.sync_api import expect

from tests.annotations.monitoring.corpus import build_corpus, code_corpus
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def drawn(page) -> list[int]:
    """The natural width of every chart image: 0 for one the browser could not draw."""
    return page.eval_on_selector_all(
        "figure.chart img", "images => images.map(i => i.complete ? i.naturalWidth : -1)"
    )


def test_an_analyst_follows_a_code_by_year_and_opens_the_passages(
    page, sign_in, analyst_a, analyst_b, codebook
):
    code_corpus(build_corpus(), analyst_a, analyst_b)
    sign_in(analyst_a)
    page.goto("/monitoring/trends/")
    page.get_by_label("Code", exact=True).select_option(label="Protection")
    page.get_by_label("By").select_option("year")
    page.get_by_role("button", name="Show").click()
    rows = page.locator("#trend-rows tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("2 out of 4 statements mentioned Protection")
    expect(rows.nth(1)).to_contain_text("Kenya, United Kingdom")
    widths = drawn(page)
    for _ in range(50):  # the images load after the page (no wait_for_function: no eval)
        if all(w >= 0 for w in widths):
            break
        page.wait_for_timeout(200)
        widths = drawn(page)
    assert len(widths) == 5 and all(w > 0 for w in widths), widths
    alt = page.locator("figure.chart img").first.get_attribute("alt")
    assert alt.endswith("Security Council: 2021 50%.")
    assert violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".monitoring-form")).to_be_hidden()
    expect(page.locator("figure.chart img").first).to_be_visible()
    page.emulate_media(media="screen")
    rows.nth(1).get_by_role("link", name="2 out of 4 statements mentioned Protection").click()
    expect(page.locator("#passage-count")).to_have_text("2")
    expect(page.locator("#passages")).to_contain_text("“protect women and girls”")
    assert violations(page) == []


def test_the_svg_opened_on_its_own_draws_without_a_csp_refusal(page, sign_in, analyst_a, codebook):
    code_corpus(build_corpus(), analyst_a, analyst_a)
    sign_in(analyst_a)
    page.goto("/monitoring/charts/trends.svg?code=protection")
    assert page.locator("svg text").count() > 5
