"""An administrator uploads several records at once: the progress page waits for the
task queue's worker, follows the job as it runs, and ends on the summary table."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.tracker.imports.bulk.archives import NOT_A_RECORD, RELEASES, zip_bytes
from tests.tracker.imports.bulk.conftest import DATABASE
from tracker.models import ImportJob, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_progress_and_summary(page, sign_in, administrator, settings):
    settings.TASKS = DATABASE  # a real queue: the job waits for the worker below
    sign_in(administrator)
    page.goto("/imports/new/")
    page.get_by_role("link", name="Import many records").click()
    expect(page).to_have_url(re.compile(r"/imports/bulk/$"))

    archive = {name: RELEASES[name] for name in ("sc-13553.txt", "wom-2138.txt")}
    page.get_by_label("Records: .txt, .html or .pdf files").set_input_files(
        [
            {"name": "records.zip", "mimeType": "application/zip", "buffer": zip_bytes(archive)},
            {"name": "ga-12555.txt", "mimeType": "text/plain",
             "buffer": RELEASES["ga-12555.txt"].encode()},
            {"name": "picnic.txt", "mimeType": "text/plain", "buffer": NOT_A_RECORD.encode()},
        ]
    )  # fmt: skip
    page.get_by_label("What are they?").select_option("press_release")
    page.get_by_label("Import what can be imported").check()
    page.get_by_role("button", name="Start the import").click()

    expect(page).to_have_url(re.compile(r"/imports/jobs/\d+/$"))  # the job exists by now
    job = ImportJob.objects.get()
    expect(page).to_have_url(re.compile(rf"/imports/jobs/{job.pk}/$"))
    expect(page.get_by_role("status")).to_contain_text("Waiting for the worker")
    expect(page.get_by_text("Waiting for the background worker")).to_be_visible()
    assert Meeting.objects.count() == 0

    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())

    # The page notices by itself and shows what became of each file.
    table = page.get_by_role("table", name="What became of each file")
    expect(table).to_be_visible()
    expect(page.get_by_text("4 files: 3 imported, 1 refused.")).to_be_visible()
    expect(table.locator('tr[data-result="imported"]')).to_have_count(3)
    refused = table.locator('tr[data-result="refused"]')
    expect(refused).to_contain_text("picnic.txt")
    expect(refused).to_contain_text("not a UN Meetings Coverage press release")
    expect(table).to_contain_text("records.zip/sc-13553.txt")
    expect(page.locator("[data-job-progress]")).to_have_attribute("value", "4")
    screenshot(page, "bulk-import-summary")
    assert set(Meeting.objects.values_list("symbol", flat=True)) == {
        "SC/13553",
        "WOM/2138",
        "GA/12555",
    }
