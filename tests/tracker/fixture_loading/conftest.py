import pytest

from tests.tracker.imports.bulk.conftest import IMMEDIATE


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """The dry run and the load run inside the test; test_jobs.py and the browser test
    run a real db_worker."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client
