"""The report pages in headless Chromium: no script or Content-Security-Policy error,
WCAG 2.1 AA by axe-core, the threshold form, quote links into the workspace, print."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.annotations.reports.report_data import small_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b)


def test_the_report_passes_wcag_aa_and_its_threshold_form_works(page, sign_in, analyst_a, small):
    sign_in(analyst_a)
    page.goto(f"/meetings/{small.meeting.pk}/report/")
    expect(page.get_by_role("heading", name="Coverage per code")).to_be_visible()
    assert violations(page) == []
    candidates = page.locator("table.candidates")
    expect(candidates).not_to_contain_text("Training of police")
    page.get_by_label("Missed-opportunity threshold (% of speakers)").fill("30")
    page.get_by_role("button", name="Update").click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?threshold=30&quotes=5")
    expect(page.locator("table.candidates")).to_contain_text("Training of police")


def test_a_quote_opens_its_passage_in_the_workspace(page, sign_in, analyst_a, small):
    sign_in(analyst_a)
    page.goto(f"/meetings/{small.meeting.pk}/report/")
    claim = page.locator("#claim-survivors-role")
    expect(claim).to_contain_text("50.0%")
    link = re.compile(r"open in the workspace\s*\(statement 4\)")
    claim.get_by_role("link", name=link).first.click()
    statement = small.statements[4]
    expect(page).to_have_url(
        f"{page.url.split('/meetings/')[0]}/meetings/{small.meeting.pk}/"
        f"?annotation={small.annotations[('bruno', 4, 'survivor-participation')].pk}"
        f"#statement-{statement.pk}"
    )
    expect(page.locator(f"#statement-{statement.pk}")).to_be_visible()


def test_printing_hides_the_controls_and_keeps_the_figures(page, sign_in, analyst_a, small):
    sign_in(analyst_a)
    page.goto(f"/meetings/{small.meeting.pk}/report/")
    page.emulate_media(media="print")
    expect(page.locator(".report-controls")).to_be_hidden()
    expect(page.locator("#downloads")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("#overview")).to_be_visible()
    expect(page.locator("table.heatmap")).to_be_visible()
    assert len(page.pdf(format="A4")) > 10_000


def test_the_comparison_and_side_by_side_pages_pass_wcag_aa(
    page, sign_in, analyst_a, small, meeting
):
    sign_in(analyst_a)
    page.goto("/reports/compare/")
    page.get_by_label("GA/SMALL").check()
    page.get_by_label("GA/TEST-1").check()
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("table.compare")).to_contain_text("Survivor participation")
    assert violations(page) == []
    page.goto(f"/meetings/{small.meeting.pk}/report/")
    page.locator("#disagreements-survivor-participation").get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Statement 1: Alice Nangolo (Namibia)")).to_be_visible()
    expect(page.locator("tr.disputed")).to_contain_text("survivors must help shape policy")
    assert violations(page) == []
