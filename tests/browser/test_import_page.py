"""An administrator imports a release or a record's PDF in the browser: paste or upload,
check the preview, save."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.tracker.imports import press_release_samples as samples
from tests.tracker.imports import real_records as real
from tests.tracker.imports.bulk.conftest import DATABASE
from tracker.models import ImportJob, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pasting_correcting_and_saving_a_release(page, sign_in, administrator):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in(administrator)
    page.goto("/meetings/")
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page).to_have_url(re.compile(r"/imports/new/$"))
    page.get_by_label("Paste the text").fill(samples.SECURITY_COUNCIL)
    page.get_by_role("button", name="Preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import: SC/13553")
    # The preview's script (deferred) copies a speaker's gender across rows: the load
    # event comes after it ran, so a change made now reaches its listener.
    page.wait_for_load_state("load")
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(6)
    expect(page.get_by_label("Speaker (statement 3)")).to_have_value("Karel van Oosterom")
    expect(page.get_by_label("On behalf of (statement 3)")).to_have_value(
        "Group of Friends of Women"
    )
    screenshot(page, "import-preview")

    # One speaker, one gender: changing it in statement 3 changes it in statement 4 too.
    page.get_by_label("Gender (statement 3)").select_option("unknown")
    expect(page.get_by_label("Gender (statement 4)")).to_have_value("unknown")
    page.get_by_label("Gender (statement 3)").select_option("male")
    expect(page.get_by_label("Gender (statement 4)")).to_have_value("male")
    page.get_by_label("Speaker (statement 2)").fill("François Delattre")
    page.get_by_label("Gender (statement 2)").select_option("male")

    page.get_by_role("button", name="Save 6 statements").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))  # saved, then shown
    meeting = Meeting.objects.get(symbol="SC/13553")
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    france = meeting.statements.get(order=2)
    assert (france.speaker.name, france.speaker.gender) == ("François Delattre", "male")
    assert violations == []


def test_rows_with_warnings_can_be_shown_alone(page, sign_in, administrator):
    sign_in(administrator)
    page.goto("/imports/new/")
    page.get_by_label("Paste the text").fill(samples.COMMISSION_ON_THE_STATUS_OF_WOMEN)
    page.get_by_role("button", name="Preview").click()
    rows = page.locator("[data-row]")
    expect(rows).to_have_count(6)
    warned = page.locator("tr.has-warning")
    expect(warned).to_have_count(1)
    expect(warned).to_contain_text("DE LA ROSA was not introduced")
    page.get_by_role("button", name="Show only rows with warnings").click()
    expect(page.locator("[data-row]:visible")).to_have_count(1)
    page.get_by_role("button", name="Show all rows").click()
    expect(page.locator("[data-row]:visible")).to_have_count(6)


def test_the_warnings_button_appears_only_when_its_script_can_work(page, sign_in, administrator):
    # Without its script the button would do nothing, and a click that lands before the
    # script runs did nothing (a CI run clicked it too early): it comes hidden, and the
    # script shows it once the click is handled.
    page.route(re.compile(r"/js/imports/preview[^/]*\.js"), lambda route: route.abort())
    sign_in(administrator)
    page.goto("/imports/new/")
    page.get_by_label("Paste the text").fill(samples.COMMISSION_ON_THE_STATUS_OF_WOMEN)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("tr.has-warning")).to_have_count(1)
    expect(page.locator("[data-toggle-warnings]")).to_be_hidden()
    expect(page.locator("[data-row]:visible")).to_have_count(6)


def test_uploading_a_verbatim_record_s_pdf_detects_it_and_saves_it(
    page, sign_in, administrator, settings
):
    settings.TASKS = DATABASE  # a real queue, run below by a real worker
    sign_in(administrator)
    page.goto("/imports/new/")
    expect(page.get_by_label("What is it?")).to_have_value("auto")
    page.get_by_label(re.compile(r"upload it")).set_input_files(
        str(real.RECORDS / "S_PV.10100.pdf")
    )
    page.get_by_role("button", name="Preview").click()

    # The PDF is read by the task queue's worker while the page shows the job waiting.
    expect(page.get_by_role("heading", level=1)).to_have_text("Reading the record")
    job = ImportJob.objects.get()
    expect(page).to_have_url(re.compile(rf"/imports/jobs/{job.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text("Waiting for the worker")
    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())

    # The page notices by itself and opens the preview.
    expect(page).to_have_url(re.compile(rf"/imports/jobs/{job.pk}/preview/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import: S/PV.10100")
    expect(page.locator("[data-record-kind]")).to_contain_text("A verbatim record")
    cover = page.get_by_role("region", name="The record's cover")
    expect(cover).to_contain_text("Mr. Osman (Somalia)")
    expect(cover).to_contain_text("Provisional")
    statements = len(real.parsed_record("S_PV.10100").statements)
    page.get_by_role("button", name=re.compile(r"^Save")).click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))  # saved, then shown
    meeting = Meeting.objects.get(symbol="S/PV.10100")
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert meeting.record_kind == "verbatim_record"
    stored = [s.text for s in meeting.statements.order_by("order")]
    assert stored == [s.text for s in real.parsed_record("S_PV.10100").statements]
    assert len(stored) == statements
