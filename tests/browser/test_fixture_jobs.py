"""An administrator loads a fixture from the admin: the job's page waits for the task
queue's worker, follows the dry run as it runs, shows its report, and the load's."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from annotations.models import Code
from tests.browser.conftest import screenshot
from tests.tracker.fixture_loading.test_loading import CODEBOOK
from tests.tracker.imports.bulk.conftest import DATABASE
from tracker.models import FixtureJob

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def run_worker():
    call_command("db_worker", "--batch", stdout=StringIO(), stderr=StringIO())


def test_a_fixture_is_checked_and_loaded_in_the_background(page, sign_in, administrator, settings):
    settings.TASKS = DATABASE  # a real queue: the job waits for the worker below
    sign_in(administrator)
    page.goto("/admin/")
    page.get_by_role("link", name="Load a fixture").click()
    page.get_by_label("Fixture file").set_input_files(
        {"name": "codebook.json", "mimeType": "application/json", "buffer": CODEBOOK}
    )
    page.get_by_role("button", name="Dry run").click()

    expect(page).to_have_url(re.compile(r"/admin/fixtures/jobs/\d+/$"))  # the job exists by now
    checked = FixtureJob.objects.get()
    expect(page).to_have_url(re.compile(rf"/admin/fixtures/jobs/{checked.pk}/$"))
    expect(page.get_by_role("heading", name="Checking codebook.json")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Waiting for the worker")

    # The worker's progress, as it writes it, shows without a reload.
    FixtureJob.objects.filter(pk=checked.pk).update(
        status="running", phase="checking records", done=12, total=28
    )
    expect(page.get_by_role("status")).to_contain_text("Running — checking records 12 of 28")
    expect(page.locator("[data-job-progress]")).to_have_attribute("value", "12")
    expect(page.get_by_text("Waiting for the background worker")).to_be_hidden()
    screenshot(page, "fixture-job-progress")

    FixtureJob.objects.filter(pk=checked.pk).update(status="queued")
    run_worker()
    expect(page.get_by_role("heading", name="Dry run of codebook.json")).to_be_visible()
    summary = page.get_by_role("table", name="28 records in the file, all valid")
    expect(summary).to_contain_text("Codes")
    assert Code.objects.count() == 0

    page.get_by_role("button", name="Load 28 records").click()
    expect(page.get_by_role("heading", name="Loading codebook.json")).to_be_visible()
    run_worker()
    expect(page.get_by_role("heading", name="Loaded codebook.json")).to_be_visible()
    expect(page.get_by_text("28 records created, 0 updated")).to_be_visible()
    assert Code.objects.count() == 27
