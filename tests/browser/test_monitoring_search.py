"""Corpus search in headless Chromium: the form, the concordance, the link to the
passage, a bad query named on the page; WCAG 2.1 AA by axe-core; no CSP error."""

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from tests.annotations.monitoring.corpus import build_corpus
from tests.browser.conftest import screenshot
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
    workspace = f"/meetings/{corpus.ga.pk}/?statement={statement.pk}#statement-{statement.pk}"
    expect(page).to_have_url(f"{page.url.split('/meetings/')[0]}{workspace}")


def test_a_bad_query_is_named_not_shown_as_no_results(page, sign_in, analyst_a):
    build_corpus()
    sign_in(analyst_a)
    page.goto("/monitoring/search/?q=%22victim+centred")
    expect(page.get_by_role("alert")).to_contain_text("quotation mark is not closed")
    expect(page.locator("table.concordance")).to_have_count(0)


def test_an_analyst_codes_all_hits_as_one_step_and_undoes_it(page, sign_in, analyst_a, codebook):
    corpus = build_corpus()
    sign_in(analyst_a)
    page.goto("/monitoring/search/?q=victim-centred")
    page.get_by_label("Code hits with").select_option(label="Victim-centred approach")
    page.get_by_role("button", name="Code this hit").first.click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Coded 1 hit as Victim-centred approach.")
    page.get_by_role("button", name="Code all 2 hits").click()
    expect(status).to_contain_text("Coded 1 hit as Victim-centred approach. 1 hit already coded")
    screenshot(page, "search-coding")
    assert sorted(Annotation.objects.live().values_list("statement_id", "quote")) == [
        (corpus.s("ga", 2).pk, "victim‑centred"),
        (corpus.s("ga", 4).pk, "victim centred"),
    ]
    assert violations(page) == []
    status.get_by_role("button", name="Undo").click()
    expect(status).to_contain_text("Undone: coding 1 hit")
    assert list(Annotation.objects.live().values_list("statement_id", flat=True)) == [
        corpus.s("ga", 2).pk
    ]
    status.get_by_role("button", name="Redo").click()
    expect(status.get_by_role("button", name="Undo")).to_be_visible()
    assert Annotation.objects.live().count() == 2


def test_a_reviewer_sees_no_coding_control(page, sign_in, reviewer):
    build_corpus()
    sign_in(reviewer)
    page.goto("/monitoring/search/?q=victim-centred")
    expect(page.locator("#hit-count")).to_have_text("2")
    expect(page.get_by_label("Code hits with")).to_have_count(0)
    expect(page.get_by_role("button", name="Code this hit")).to_have_count(0)
