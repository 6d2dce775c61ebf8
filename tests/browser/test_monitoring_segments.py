"""Retrieved segments in headless Chromium: choose codes and filters, read each passage
in its context, follow it to its place; WCAG 2.1 AA by axe-core."""

import pytest
from playwright.sync_api import expect

from tests.annotations.monitoring.corpus import build_corpus, code_corpus
from tests.browser.conftest import screenshot
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_retrieves_the_segments_of_two_codes_and_opens_one(
    page, sign_in, analyst_a, analyst_b, codebook
):
    corpus = code_corpus(build_corpus(), analyst_a, analyst_b)
    sign_in(analyst_a)
    page.goto("/monitoring/segments/")
    assert violations(page) == []
    page.get_by_label("Codes").select_option(["protection", "victim-centred"])
    page.get_by_label("Speaker type").select_option("member_state")
    page.get_by_role("button", name="Retrieve").click()
    expect(page.locator("#segment-count")).to_have_text("4")
    first = page.locator("#segments > li").first
    expect(first).to_contain_text("GA/11955 #2 — Amber Rudd (United Kingdom)")
    expect(first.locator("mark")).to_have_text("victim‑centred approach")
    expect(first).to_contain_text("must guide the “Global Plan”")
    expect(page.get_by_label("Codes").locator("option:checked")).to_have_count(2)
    screenshot(page.locator("#segments"), "retrieved-segments")
    assert violations(page) == []
    page.get_by_label("Analyst").select_option("bruno")
    page.get_by_role("button", name="Retrieve").click()
    expect(page.locator("#segment-count")).to_have_text("1")
    page.locator("#segments a").first.click()
    bruno = corpus.s("sc", 3).annotations.get(analyst=analyst_b)
    expect(page).to_have_url(
        f"{page.url.split('/meetings/')[0]}/meetings/{corpus.sc.pk}/"
        f"?annotation={bruno.pk}#statement-{corpus.s('sc', 3).pk}"
    )
