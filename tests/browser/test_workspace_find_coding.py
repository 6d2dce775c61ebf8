"""Code from find: one hit or every hit as one undoable step; the keyboard path to a
phrase mid-statement (find, Esc, a code's key); redo."""

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from annotations.review.history import deleted_annotations
from tests.browser.conftest import open_workspace

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coding_every_hit_is_one_step_that_undo_and_redo_take_whole(
    page, sign_in, analyst_a, ga_meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, ga_meeting)
    page.keyboard.press("f")
    page.keyboard.type("trafficking")
    hits = sum(s.text.lower().count("trafficking") for s in ga_meeting.statements.all())
    assert hits > 3
    expect(page.locator("#find-count")).to_have_text(f"Match 1 of {hits}.")
    page.locator("#find-code").select_option(label="Prevention")
    page.get_by_role("button", name=f"Code all {hits} hits").click()
    expect(page.locator("#status")).to_contain_text(f"Coded {hits} hits")
    assert Annotation.objects.live().filter(code__slug="prevention").count() == hits
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(hits)
    page.keyboard.press("u")
    expect(page.locator("#status")).to_contain_text("Undone")
    expect(page.locator("mark.hl")).to_have_count(0)
    assert not Annotation.objects.live().exists()
    assert not deleted_annotations().exists()
    page.keyboard.press("Shift+U")
    expect(page.locator("#status")).to_contain_text("Redone")
    expect(page.locator('mark[data-label="Prevention"]')).to_have_count(hits)
    assert Annotation.objects.live().count() == hits


def test_find_esc_and_a_key_code_a_phrase_mid_statement(
    page, sign_in, analyst_a, ga_meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, ga_meeting)
    statement = ga_meeting.statements.get(order=2)
    phrase = " ".join(statement.text.split()[6:9])
    page.keyboard.press("f")
    page.keyboard.type(phrase)
    page.keyboard.press("Escape")
    page.keyboard.press("h")  # prevention
    expect(page.locator("#status")).to_contain_text("as Prevention")
    annotation = Annotation.objects.live().get()
    assert annotation.statement_id == statement.pk
    assert annotation.quote == statement.text[annotation.start : annotation.end]
    # f, the phrase, Esc, the code's key: len(phrase) + 3 keys.
    assert annotation.quote.split() == phrase.split()


def test_coding_this_hit_only(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.locator("#find").fill("trafficking")
    expect(page.locator("#find-count")).to_have_text("Match 1 of 2.")
    page.locator("#find-code").select_option(label="Prosecution")
    page.get_by_role("button", name="Code this hit").click()
    expect(page.locator("#status")).to_contain_text("Coded 1 hit")
    annotation = Annotation.objects.live().get()
    assert (annotation.statement.order, annotation.code.slug) == (1, "prosecution")
