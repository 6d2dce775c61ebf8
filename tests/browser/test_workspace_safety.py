"""What must never go wrong: others' work, hostile text, offsets, bad input, lost saves."""

import pytest
from playwright.sync_api import expect

from annotations.coding.services import annotation_create
from annotations.models import Annotation, CodingScheme
from tests.browser.conftest import open_workspace, screenshot, select_text
from tracker.models import Statement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_second_analyst_sees_the_first_ones_work_but_cannot_change_it(
    page, sign_in, analyst_a, analyst_b, meeting, code
):
    statement = meeting.statements.get(order=1)
    start = statement.text.index("victim-centred approach")
    theirs = annotation_create(
        statement=statement,
        code=code,
        analyst=analyst_a,
        start=start,
        end=start + len("victim-centred approach"),
        memo="Amina's reading",
    )
    sign_in(analyst_b)
    open_workspace(page, meeting)
    # Own annotations by default: Bruno has none.
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    page.get_by_label("Showing").select_option("amina")
    mark = page.locator(f'[data-annotation-id="{theirs.pk}"]')
    expect(mark).to_have_text("victim-centred approach")
    expect(page.locator("#readonly-banner")).to_contain_text("amina's annotations: read-only")
    screenshot(page, "compare-read-only")
    mark.click()
    card = page.locator("#annotation-card")
    expect(card).to_contain_text("Amina's reading")
    expect(card.get_by_role("button", name="Delete")).to_have_count(0)
    expect(card.get_by_label("Memo")).to_have_count(0)
    page.keyboard.press("Escape")
    # Selecting and pressing a code key does not code anything while comparing.
    select_text(page, statement, "serious crime")
    expect(page.locator("#code-picker")).to_be_hidden()
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("read-only")
    expect(page.locator(".statement-code").first).to_be_disabled()
    # And the server refuses even a hand-made request.
    status = page.evaluate(
        """async (id) => {
          const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
          const response = await fetch(`/api/annotations/${id}/`, {
            method: "PATCH",
            headers: {"Content-Type": "application/json", "X-CSRFToken": token},
            body: JSON.stringify({memo: "overwritten", version: 1}),
          });
          return response.status;
        }""",
        theirs.pk,
    )
    assert status == 403
    theirs.refresh_from_db()
    assert (theirs.memo, theirs.version, theirs.deleted_at) == ("Amina's reading", 1, None)
    assert Annotation.objects.count() == 1
    # Back to their own work, Bruno codes again.
    page.get_by_label("Showing").select_option("")
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    select_text(page, statement, "serious crime")
    page.keyboard.press("l")
    expect(page.locator("[data-annotation-id]")).to_have_text("serious crime")
    assert Annotation.objects.filter(analyst=analyst_b).count() == 1


def test_markup_in_a_statement_renders_as_inert_text(page, sign_in, analyst_a, meeting, codebook):
    hostile = Statement.objects.create(
        meeting=meeting,
        order=4,
        segment="Statements",
        delegation="<b>Nowhere</b>",
        text='Before <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2">'
        " after.",
    )
    sign_in(analyst_a)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_workspace(page, meeting)
    text = page.locator(f'[data-statement-id="{hostile.pk}"] [data-statement-text]')
    expect(text).to_have_text(hostile.text)
    assert text.locator("script, img").count() == 0
    expect(page.locator(f'[data-statement-id="{hostile.pk}"]')).to_contain_text("<b>Nowhere</b>")
    # Coding the markup keeps it text, in the highlight and in the annotation card.
    select_text(page, hostile, '<img src=x onerror="window.pwned = 2">')
    page.keyboard.press("1")
    expect(text.locator("[data-annotation-id]")).to_have_text(
        '<img src=x onerror="window.pwned = 2">'
    )
    text.locator("[data-annotation-id]").click()
    expect(page.locator("#annotation-card blockquote")).to_have_text(
        '<img src=x onerror="window.pwned = 2">'
    )
    assert page.locator("#annotation-card img").count() == 0
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    assert page.evaluate("window.pwned") is None
    assert dialogs == []


def test_offsets_are_code_points_after_an_emoji_and_a_combining_accent(
    page, sign_in, analyst_a, meeting, code
):
    tricky = Statement.objects.create(
        meeting=meeting,
        order=4,
        segment="Statements",
        text="Cafe\u0301 talk 🙂👩🏽‍⚖️ then a victim-centred approach was urged.",
    )
    sign_in(analyst_a)
    open_workspace(page, meeting)
    select_text(page, tricky, "victim-centred approach")
    page.keyboard.press("1")
    mark = page.locator(f'[data-statement-id="{tricky.pk}"] [data-annotation-id]')
    expect(mark).to_have_text("victim-centred approach")
    annotation = Annotation.objects.get()
    expected = tricky.text.index("victim-centred approach")
    assert (annotation.start, annotation.end) == (expected, expected + 23)
    assert tricky.text[annotation.start : annotation.end] == annotation.quote
    # UTF-16 counts more units than there are code points before the passage.
    assert (
        page.evaluate(
            "(id) => document.querySelector(`[data-statement-id='${id}'] [data-statement-text]`)"
            ".textContent.indexOf('victim')",
            tricky.pk,
        )
        > expected
    )
    # Drawn back from the stored offsets after a reload, on exactly the same characters.
    page.reload()
    page.wait_for_selector("#workspace[data-ready=true]")
    expect(mark).to_have_text("victim-centred approach")
    # The conversions both ways, on the emoji and the accent themselves.
    conversions = page.evaluate(
        """async (text) => {
          const {toCodePoints, toUtf16} = await import("/static/js/workspace/offsets.js");
          const at = text.indexOf("then");
          return [toCodePoints(text, at), toUtf16(text, toCodePoints(text, at)) === at];
        }""",
        tricky.text,
    )
    assert conversions == [tricky.text.index("then"), True]


def test_a_selection_across_two_statements_is_refused(page, sign_in, analyst_a, meeting, code):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    first, second = meeting.statements.get(order=1), meeting.statements.get(order=2)
    page.evaluate(
        """([a, b]) => {
          const text = (id) =>
            document.querySelector(`[data-statement-id='${id}'] [data-statement-text]`);
          const range = document.createRange();
          range.setStart(text(a).firstChild, 10);
          range.setEnd(text(b).firstChild, 12);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""",
        [first.pk, second.pk],
    )
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("within one statement")
    page.keyboard.press("c")
    expect(page.locator("#code-picker")).to_be_hidden()
    assert Annotation.objects.count() == 0
    expect(page.locator("[data-annotation-id]")).to_have_count(0)


def test_an_empty_selection_is_refused(page, sign_in, analyst_a, meeting, code):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("Select a passage")
    # Only white space selected is no passage either.
    statement = meeting.statements.get(order=1)
    page.evaluate(
        """(id) => {
          const statement = document.querySelector(`[data-statement-id='${id}']`);
          const node = statement.querySelector("[data-statement-text]").firstChild;
          const at = node.data.indexOf(" ");
          getSelection().setBaseAndExtent(node, at, node, at + 1);
        }""",
        statement.pk,
    )
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("not only spaces")
    assert Annotation.objects.count() == 0


def test_a_network_failure_is_reported_and_nothing_is_drawn(
    page, sign_in, analyst_a, meeting, code
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    page.route("**/api/annotations/", lambda route: route.abort("internetdisconnected"))
    select_text(page, statement, "victim-centred approach")
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("network error")
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    assert Annotation.objects.count() == 0
    # The selection is kept: once the network is back, the same key saves it.
    page.unroute("**/api/annotations/")
    page.keyboard.press("1")
    expect(page.locator("[data-annotation-id]")).to_have_text("victim-centred approach")
    assert Annotation.objects.count() == 1


def test_a_server_error_draws_nothing(page, sign_in, analyst_a, meeting, code):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.route(
        "**/api/annotations/",
        lambda route: route.fulfill(status=502, body="<html>Bad gateway</html>"),
    )
    select_text(page, meeting.statements.get(order=1), "victim-centred approach")
    page.keyboard.press("1")
    expect(page.locator("#alert")).to_contain_text("server failed (502)")
    expect(page.locator("[data-annotation-id]")).to_have_count(0)


def test_a_code_from_another_scheme_gets_the_servers_message(
    page, sign_in, analyst_a, meeting, codebook
):
    other = CodingScheme.objects.create(name="Another codebook", slug="another")
    foreign = other.codes.create(group="g", slug="foreign", name="Foreign code")
    sign_in(analyst_a)
    open_workspace(page, meeting)
    # A stale or tampered page offers a code of another scheme.
    page.evaluate(
        "(id) => { document.querySelector('.code-choice').dataset.codeId = String(id); }",
        foreign.pk,
    )
    select_text(page, meeting.statements.get(order=1), "victim-centred approach")
    page.locator(".code-choice").first.click()
    expect(page.locator("#alert")).to_contain_text('belongs to scheme "Another codebook')
    expect(page.locator("[data-annotation-id]")).to_have_count(0)
    assert Annotation.objects.count() == 0
