import pytest

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background work runs inside the test; test_tasks.py runs a real db_worker."""
    settings.TASKS = IMMEDIATE
