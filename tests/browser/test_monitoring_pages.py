"""Delegations, a country profile, country groups and the Gender Index in headless
Chromium: WCAG 2.1 AA by axe-core, no CSP error, links to the passages."""

import pytest
from playwright.sync_api import expect

from annotations.coding.services import annotation_create
from annotations.monitoring.reference_levels import reference_level_declare
from tests.annotations.monitoring.corpus import build_corpus, code_corpus
from tests.browser.test_report_pages import violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_delegation_list_to_a_profile_and_its_quotes(
    page, sign_in, analyst_a, analyst_b, codebook
):
    corpus = code_corpus(build_corpus(), analyst_a, analyst_b)
    sign_in(analyst_a)
    page.goto("/monitoring/delegations/")
    assert violations(page) == []
    page.get_by_role("link", name="United Kingdom").click()
    expect(page.locator("#profile-summary")).to_contain_text("2 statements in 2 meetings")
    expect(page.locator("#profile-codes")).to_contain_text("Victim-centred approach")
    assert violations(page) == []
    page.locator("#profile-quotes a").first.click()
    expect(page).to_have_url(f"{page.url.split('/meetings/')[0]}/meetings/{corpus.sc.pk}/"
                             f"?annotation={corpus.s('sc', 1).annotations.first().pk}"
                             f"#statement-{corpus.s('sc', 1).pk}")  # fmt: skip


def test_an_analyst_defines_a_group_and_reads_the_gender_index(page, sign_in, analyst_a, codebook):
    corpus = build_corpus()
    _, general, specific = reference_level_declare(scheme=codebook)
    annotation_create(statement=corpus.s("ga", 2), code=specific, analyst=analyst_a)
    sign_in(analyst_a)
    page.goto("/monitoring/groups/")
    page.get_by_label("Name").fill("Friends of trafficking survivors")
    page.get_by_label("Members, one delegation a line").fill("United Kingdom\nEthiopia")
    page.get_by_role("button", name="Save group").click()
    expect(page.locator("#groups")).to_contain_text("Friends of trafficking survivors")
    assert violations(page) == []
    page.goto("/monitoring/gender-index/")
    page.get_by_label("Country group").select_option(label="Friends of trafficking survivors")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#index-rows tbody tr")).to_have_count(2)
    expect(page.locator("#index-rows")).to_contain_text("Specific reference")
    assert violations(page) == []
