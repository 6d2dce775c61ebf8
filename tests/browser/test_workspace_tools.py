"""The side panel and the keys around coding: suggestions, missed opportunities, find,
filters, help; and the analyst's guide's screenshots, taken of real GA/11955 statements."""

import re

import pytest
from playwright.sync_api import expect

from annotations.coding.services import annotation_create
from annotations.models import Annotation, MissedOpportunity, SuggestionDecision
from tests.browser.conftest import open_workspace, screenshot, select_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_suggestions_are_accepted_and_dismissed_with_one_key(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    items = page.locator("#suggestion-list > li")
    expect(items.first).to_be_visible()
    offered = items.count()
    expect(page.locator("#suggestion-count")).to_have_text(str(offered))
    page.keyboard.press("n")
    expect(items.first).to_have_attribute("aria-current", "true")
    first_code = items.first.locator(".suggestion-code").text_content()
    page.keyboard.press("Shift+A")
    expect(page.locator("#status")).to_contain_text(f"Accepted: {first_code}")
    expect(items).to_have_count(offered - 1)
    annotation = Annotation.objects.get()
    assert (annotation.source, annotation.code.name) == ("suggestion", first_code)
    expect(page.locator(f'[data-annotation-id="{annotation.pk}"]').first).to_be_visible()
    # The next suggestion is current now; x dismisses it.
    page.keyboard.press("x")
    expect(items).to_have_count(offered - 2)
    expect(page.locator("#suggestion-stats")).to_have_text("You accepted 1 and dismissed 1 so far.")
    assert sorted(SuggestionDecision.objects.values_list("decision", flat=True)) == [
        "accepted",
        "dismissed",
    ]
    # Undo brings the dismissed suggestion back, and its decision is forgotten.
    page.keyboard.press("u")
    expect(items).to_have_count(offered - 1)
    assert list(SuggestionDecision.objects.values_list("decision", flat=True)) == ["accepted"]
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(items).to_have_count(offered - 1)


def test_recording_editing_and_deleting_a_missed_opportunity(
    page, sign_in, analyst_a, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#missed-count")).to_have_text("0")
    page.get_by_role("button", name="Record a missed opportunity").click()
    dialog = page.locator("#missed-dialog")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog.locator('[data-error-for="title"]')).to_contain_text("Name the theme")
    assert MissedOpportunity.objects.count() == 0
    dialog.get_by_label("Theme the meeting failed to address").fill("Training of border officials")
    dialog.get_by_label("Training of police, border and judicial personnel").check()
    dialog.get_by_label("Rationale").fill("Only Luxembourg mentioned training.")
    screenshot(dialog, "missed-opportunity")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    item = page.locator("#missed-list > li")
    expect(item).to_contain_text("Training of border officials")
    expect(item).to_contain_text("Training of police, border and judicial personnel")
    missed = MissedOpportunity.objects.get()
    assert [c.slug for c in missed.codes.all()] == ["training-officials"]
    item.get_by_role("button", name=re.compile("^Edit")).click()
    expect(dialog.get_by_label("Rationale")).to_have_value("Only Luxembourg mentioned training.")
    dialog.get_by_label("Rationale").fill("Only Luxembourg mentioned training of officials.")
    dialog.get_by_label("Sex- and age-disaggregated data").check()
    dialog.get_by_role("button", name="Save").click()
    expect(item).to_contain_text("Only Luxembourg mentioned training of officials.")
    missed.refresh_from_db()
    assert missed.version == 2
    assert sorted(c.slug for c in missed.codes.all()) == [
        "disaggregated-data",
        "training-officials",
    ]
    page.once("dialog", lambda confirm: confirm.accept())
    item.get_by_role("button", name=re.compile("^Delete")).click()
    expect(page.locator("#missed-list > li")).to_have_count(0)
    missed.refresh_from_db()
    assert missed.deleted_at is not None


def test_another_analysts_missed_opportunity_is_read_only(
    page, sign_in, analyst_a, analyst_b, meeting, codebook
):
    from annotations.coding.services import missed_opportunity_create

    missed_opportunity_create(
        meeting=meeting, analyst=analyst_a, title="Safe migration", rationale="Absent."
    )
    sign_in(analyst_b)
    open_workspace(page, meeting)
    item = page.locator("#missed-list > li")
    expect(item).to_contain_text("Safe migration")
    expect(item).to_contain_text("amina")
    expect(item.get_by_role("button")).to_have_count(0)


def test_find_counts_and_steps_through_matches(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.keyboard.press("f")
    expect(page.locator("#find")).to_be_focused()
    page.keyboard.type("trafficking")
    expect(page.locator("#find-count")).to_have_text("Match 1 of 2.")
    page.keyboard.press("Enter")
    expect(page.locator("#find-count")).to_have_text("Match 2 of 2.")
    page.keyboard.press("Enter")
    expect(page.locator("#find-count")).to_have_text("Match 1 of 2.")
    page.locator("#find").fill("nothing like this")
    expect(page.locator("#find-count")).to_have_text("No matches.")


def test_filters_narrow_the_statements(page, sign_in, analyst_a, meeting, code):
    statement = meeting.statements.get(order=1)
    annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    sign_in(analyst_a)
    open_workspace(page, meeting)
    shown = page.locator("[data-statement-id]:visible")
    expect(shown).to_have_count(3)
    page.get_by_label("Not yet coded").check()
    expect(shown).to_have_count(2)
    page.get_by_label("Not yet coded").uncheck()
    page.locator("#filter-code").select_option(label="Victim-centred approach")
    expect(shown).to_have_count(1)
    expect(page.locator("#filter-count")).to_have_text("Showing 1 of 3 statements.")
    page.locator("#filter-code").select_option("")
    page.get_by_label("Gender", exact=True).select_option("female")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("Purna Sen")
    page.get_by_label("Gender", exact=True).select_option("")
    page.get_by_label("Segment", exact=True).select_option("Panel Discussion I")
    expect(shown).to_have_count(2)
    page.get_by_label("Speaker type", exact=True).select_option("un_official")
    expect(shown).to_have_count(1)
    # j and k move only among the statements shown.
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    expect(shown.first).to_be_focused()


def test_the_help_lists_the_keys(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.keyboard.press("?")
    help_dialog = page.locator("#help-dialog")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Accept the current suggestion")
    expect(help_dialog).to_contain_text("Undo your last change")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()


def test_a_reviewer_reads_the_workspace_without_coding_controls(
    page, sign_in, reviewer, analyst_a, meeting, code
):
    annotation_create(
        statement=meeting.statements.get(order=1), code=code, analyst=analyst_a, start=0, end=5
    )
    sign_in(reviewer)
    open_workspace(page, meeting)
    expect(page.locator("#readonly-banner")).to_be_visible()
    expect(page.locator(".done-toggle").first).to_be_disabled()
    expect(page.get_by_role("button", name="Record a missed opportunity")).to_have_count(0)
    page.get_by_label("Showing").select_option("amina")
    expect(page.locator("[data-annotation-id]")).to_have_text("Human")


def test_the_workspace_on_real_statements_for_the_guide(
    page, sign_in, analyst_a, analyst_b, ga_meeting, codebook
):
    """Codes a few GA/11955 passages the way the guide describes, taking its pictures."""
    sorvino = ga_meeting.statements.get(order=2)
    grootboom = ga_meeting.statements.get(order=3)
    braz = ga_meeting.statements.get(order=4)
    sign_in(analyst_a)
    open_workspace(page, ga_meeting)
    page.keyboard.press("j")
    page.keyboard.press("j")
    select_text(page, sorvino, "involvement of survivors at all levels of policymaking")
    expect(page.locator("#code-picker")).to_be_visible()
    page.locator("#picker-filter").fill("surviv")
    screenshot(page, "code-picker")
    status = page.locator("#status")
    # Each coding redraws the statement (its highlight gains a label), which moves the
    # text: the next drag is measured once the last coding is drawn, as an analyst sees it.
    page.locator('#code-picker [data-code-slug="survivor-participation"]').click()
    expect(status).to_contain_text("as Survivor participation.")
    select_text(page, sorvino, "child‑centred, evidence‑based approach")
    page.keyboard.press("6")  # child-centred
    expect(status).to_contain_text("as Child-centred approach.")
    select_text(page, sorvino, "Law‑enforcement efforts must take a child‑centred")
    page.keyboard.press("l")  # prosecution: overlaps the child-centred passage
    expect(status).to_contain_text("as Prosecution.")
    testimony = page.locator(
        f'[data-statement-id="{grootboom.pk}"] .statement-code[data-code-slug="survivor-testimony"]'
    )
    testimony.click()
    expect(testimony).to_have_attribute("aria-pressed", "true")
    select_text(page, braz, "providing adequate training for law enforcement authorities")
    page.keyboard.press("t")  # training-officials
    expect(page.locator("#status")).to_contain_text("Training of police")
    page.locator(f'[data-statement-id="{braz.pk}"] .done-toggle').click()
    expect(page.locator("#progress-text")).to_have_text("1 of 5 statements done")
    assert Annotation.objects.filter(analyst=analyst_a).count() == 5
    page.mouse.click(5, 5)  # put the picker away, as an analyst would
    page.evaluate(
        "(id) => document.querySelector(`[data-statement-id='${id}']`).scrollIntoView()",
        sorvino.pk,
    )
    screenshot(page, "workspace")
    page.keyboard.press("n")
    current = page.locator("#suggestion-list > li[aria-current=true]")
    expect(current).to_be_visible()
    screenshot(page, "suggestions")
    page.keyboard.press("Shift+A")
    expect(page.locator("#status")).to_contain_text("Accepted")
    assert Annotation.objects.filter(analyst=analyst_a, source="suggestion").count() == 1
    # Where the prosecution and child-centred passages overlap, both open together.
    page.locator(f'[data-statement-id="{sorvino.pk}"] mark mark').first.click()
    card = page.locator("#annotation-card")
    expect(card.locator(".annotation-entry")).to_have_count(2)
    card.get_by_label("Memo").first.fill("Law enforcement framed around children; no gender lens.")
    screenshot(page, "annotation-card")
    card.get_by_role("button", name="Save").first.click()
    expect(page.locator("#status")).to_contain_text("Saved")
    page.keyboard.press("Escape")
    page.keyboard.press("?")
    screenshot(page.locator("#help-dialog"), "keys")
    page.keyboard.press("Escape")
    page.goto("/meetings/")
    expect(page.locator("tr", has_text="GA/11955")).to_contain_text("1 / 5")
    screenshot(page, "meeting-list")
