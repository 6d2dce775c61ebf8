"""Defects found by trying the workspace as a new analyst would (issue 14): each test
here failed before its fix."""

import re

import pytest
from playwright.sync_api import expect

from annotations.coding.services import annotation_create
from annotations.models import Annotation, Code
from tests.browser.conftest import SEED, open_workspace, select_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _boxes_overlap(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_a_quote_link_scrolls_to_and_marks_another_analysts_passage(
    page, sign_in, analyst_a, analyst_b, ga_meeting, codebook
):
    statement = ga_meeting.statements.get(order=1)
    end = len(statement.text) - 10
    theirs = annotation_create(
        statement=statement,
        code=codebook.codes.get(slug="prevention"),
        analyst=analyst_b,
        start=end - 40,
        end=end,
    )
    sign_in(analyst_a)
    page.set_viewport_size({"width": 1360, "height": 420})
    page.goto(f"/meetings/{ga_meeting.pk}/?annotation={theirs.pk}#statement-{statement.pk}")
    page.wait_for_selector("#workspace[data-ready=true]")
    mark = page.locator(f'mark[data-annotation-id="{theirs.pk}"]')
    expect(mark.first).to_be_in_viewport()
    expect(mark.first).to_have_class(re.compile(r"\bis-target\b"))
    expect(page.locator("#view-analyst")).to_have_value("bruno")
    expect(page.locator("#status")).to_contain_text("bruno")


def test_a_quote_link_to_my_own_passage_marks_it(page, sign_in, analyst_a, ga_meeting, codebook):
    statement = ga_meeting.statements.get(order=2)
    end = len(statement.text) - 5
    mine = annotation_create(
        statement=statement,
        code=codebook.codes.get(slug="protection"),
        analyst=analyst_a,
        start=end - 30,
        end=end,
    )
    sign_in(analyst_a)
    page.set_viewport_size({"width": 1360, "height": 420})
    page.goto(f"/meetings/{ga_meeting.pk}/?annotation={mine.pk}#statement-{statement.pk}")
    page.wait_for_selector("#workspace[data-ready=true]")
    mark = page.locator(f'mark[data-annotation-id="{mine.pk}"]')
    expect(mark.first).to_be_in_viewport()
    expect(mark.first).to_have_class(re.compile(r"\bis-target\b"))
    expect(page.locator("#view-analyst")).to_have_value("")


def test_find_ignores_un_typography_and_keeps_offsets(page, sign_in, analyst_a, meeting, codebook):
    statement = meeting.statements.get(order=1)
    statement.text = (
        "A survivor\u2011centred approach reached 96\u00a0per\u00a0cent of the “equal” "
        "partners\u2019 programmes."
    )
    statement.save()
    sign_in(analyst_a)
    open_workspace(page, meeting)
    find = page.locator("#find")
    current = "CSS.highlights.get('find-current').values().next().value.toString()"
    for typed, found in [
        ("survivor-centred", "survivor\u2011centred"),
        ("96 per cent", "96\u00a0per\u00a0cent"),
        ('"equal"', "“equal”"),
        ("partners' programmes", "partners\u2019 programmes"),
    ]:
        find.fill(typed)
        expect(page.locator("#find-count")).to_have_text("Match 1 of 1.")
        assert page.evaluate(current) == found


def test_a_highlight_carries_its_codes_name_as_a_label(page, sign_in, analyst_a, meeting, codebook):
    statement = meeting.statements.get(order=1)
    prevention = codebook.codes.get(slug="prevention")
    annotation = annotation_create(
        statement=statement, code=prevention, analyst=analyst_a, start=0, end=17
    )
    sign_in(analyst_a)
    open_workspace(page, meeting)
    mark = page.locator(f'mark[data-annotation-id="{annotation.pk}"]')
    label = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert label == '"Prevention"'
    # The label is not text of the statement: a quote selected over it stays the stored text.
    assert mark.text_content() == "Human trafficking"


def test_the_four_ps_are_told_apart_by_hue(codebook):
    colours = list(
        Code.objects.filter(scheme=codebook, group="four-ps").values_list("colour", flat=True)
    )
    assert len(set(colours)) == 4
    assert "#15803d" not in colours  # the old green of Prevention


def test_the_picker_opens_on_screen_for_a_selection_low_in_the_viewport(
    page, sign_in, analyst_a, ga_meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, ga_meeting)
    statement = ga_meeting.statements.get(order=1)
    last_words = statement.text.rstrip().rsplit(" ", 3)[-3]
    select_text(page, statement, last_words, block="end")
    picker = page.locator("#code-picker")
    expect(picker).to_be_visible()
    box = picker.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 900
    # Every code is on screen without scrolling the list.
    last = picker.locator(".code-choice").last
    expect(last).to_be_in_viewport(ratio=1)
    list_box = picker.locator(".picker-list").evaluate("el => el.scrollHeight - el.clientHeight")
    assert list_box <= 1


def test_the_status_message_covers_no_statement_and_takes_no_selection(
    page, sign_in, analyst_a, ga_meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, ga_meeting)
    statement = ga_meeting.statements.get(order=2)
    select_text(page, statement, statement.text.split()[3], block="end")
    page.keyboard.press("1")
    status = page.locator("#status")
    expect(status).to_contain_text("Coded")
    box = status.bounding_box()
    for article in page.locator("article.statement").all():
        assert not _boxes_overlap(box, article.bounding_box())
    assert status.evaluate("el => getComputedStyle(el).userSelect") == "none"


def test_you_accepted_counts_an_accept_at_once(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    expect(page.locator("#suggestion-list > li").first).to_be_visible()
    page.keyboard.press("n")
    page.keyboard.press("Shift+A")
    expect(page.locator("#status")).to_contain_text("Accepted")
    expect(page.locator("#suggestion-stats")).to_have_text("You accepted 1 and dismissed 0 so far.")


def test_a_stale_edit_shows_both_versions(page, sign_in, analyst_a, meeting, code):
    from annotations.coding.services import annotation_update

    statement = meeting.statements.get(order=1)
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5
    )
    sign_in(analyst_a)
    open_workspace(page, meeting)
    annotation_update(annotation=annotation, actor=analyst_a, version=1, memo="from the other tab")
    page.locator("[data-annotation-id]").first.click()
    card = page.locator("#annotation-card")
    card.get_by_label("Memo").fill("from this tab")
    card.get_by_role("button", name="Save").click()
    conflict = card.locator(".entry-conflict")
    expect(conflict).to_contain_text("from the other tab")
    expect(conflict).to_contain_text("Victim-centred approach")
    expect(card.get_by_label("Memo")).to_have_value("from this tab")


def test_a_statement_level_code_takes_a_memo(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=2)
    article = page.locator(f'[data-statement-id="{statement.pk}"]')
    article.get_by_role("button", name=re.compile("^Survivor testimony")).click()
    memo_button = article.get_by_role("button", name="Memo on Survivor testimony")
    expect(memo_button).to_be_visible()
    memo_button.click()
    card = page.locator("#annotation-card")
    card.get_by_label("Memo").fill("She spoke as a survivor.")
    card.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_contain_text("Saved")
    annotation = Annotation.objects.live().get()
    assert (annotation.start, annotation.memo) == (None, "She spoke as a survivor.")


def test_an_undone_coding_is_not_listed_among_deleted_annotations(
    page, sign_in, analyst_a, administrator, meeting, codebook
):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    statement = meeting.statements.get(order=1)
    select_text(page, statement, "serious crime")
    page.keyboard.press("1")
    expect(page.locator("#status")).to_contain_text("Coded")
    page.keyboard.press("u")
    expect(page.locator("#status")).to_contain_text("Undone")
    assert not Annotation.objects.live().exists()
    sign_in(administrator)
    page.goto("/annotations/deleted/")
    expect(page.locator("main")).not_to_contain_text("serious crime")


def test_keys_keep_working_after_a_filter_checkbox(page, sign_in, analyst_a, meeting, codebook):
    sign_in(analyst_a)
    open_workspace(page, meeting)
    page.locator("#filter-uncoded").click()
    page.locator("#filter-uncoded").click()
    page.keyboard.press("j")
    first = meeting.statements.get(order=1)
    expect(page.locator(f'[data-statement-id="{first.pk}"]')).to_be_focused()


def test_a_refused_import_keeps_the_chosen_file(page, sign_in, administrator, tmp_path):
    not_a_release = tmp_path / "notes.txt"
    not_a_release.write_text("Shopping list: bread, milk.\n", encoding="utf-8")
    sign_in(administrator)
    page.goto("/imports/new/")
    page.set_input_files("input[type=file]", str(not_a_release))
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".import-errors")).to_be_visible()
    files = page.locator("input[type=file]").evaluate("el => [...el.files].map(f => f.name)")
    assert files == ["notes.txt"]


def test_the_source_address_box_is_as_tall_as_the_other_boxes(page, sign_in, administrator):
    sign_in(administrator)
    page.goto("/imports/new/")
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_role("button", name="Preview").click()
    source = page.get_by_label("Source address").bounding_box()
    symbol = page.locator("[name=meeting-symbol]").bounding_box()
    assert source["height"] >= 30
    assert abs(source["height"] - symbol["height"]) <= 1


def test_the_compare_table_fits_its_column(page, sign_in, analyst_a, codebook):
    from tracker.models import Meeting

    ids = [
        Meeting.objects.create(symbol=f"GA/{11950 + n}", title="A meeting on trafficking").pk
        for n in range(5)
    ]
    sign_in(analyst_a)
    page.goto("/reports/compare/?" + "&".join(f"meetings={pk}" for pk in ids))
    table = page.locator("table.compare")
    expect(table).to_be_visible()
    main = page.locator("main").bounding_box()
    box = table.bounding_box()
    assert box["x"] + box["width"] <= main["x"] + main["width"] + 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_favicon_is_served(page):
    response = page.request.get("/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/")
