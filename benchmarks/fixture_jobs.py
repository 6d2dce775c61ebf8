"""The admin's fixture loader as background work (issue 17): the upload's request time,
then the worker's dry run and load, at 1,000 and 10,000 records. Not a test.

    .venv/bin/python benchmarks/fixture_jobs.py [--sizes 1000,10000]
    scripts/with_postgres.sh .venv/bin/python benchmarks/fixture_jobs.py   # on PostgreSQL

A fresh database (a temporary SQLite file unless DATABASE_URL is set), the production-
like settings of benchmarks/bench_settings.py and the database task queue. The upload is
a real POST of the admin page through Django's test client, after one GET of the page
so that the first request's imports are not counted (the request stores the file
and enqueues: it must stay well under a second however large the file); the dry run and
the load are the worker's task, called as `db_worker` calls it. The fixture is
measure_fixtures.fixture(N): a meeting and N - 1 statements. One run each.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="records per fixture")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="wb-fixture-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
    os.environ["WB_TASKS_BACKEND"] = "database"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"{connection.vendor}, database task queue, one run each")
    print("| records | file | upload request | dry run (worker) | per record | load (worker) "
          "| per record |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        measure(size)


def measure(records: int) -> None:
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from benchmarks.measure_fixtures import FIRST_PK, fixture
    from tracker.fixture_loading.jobs import fixture_load_create
    from tracker.fixture_loading.tasks import run_fixture_job
    from tracker.models import FixtureJob, Meeting

    admin, _ = get_user_model().objects.get_or_create(
        username="fixture-bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/fixtures/").status_code == 200  # warm: URLconf, templates
    content = fixture(records)
    upload = SimpleUploadedFile("bench.json", content, content_type="application/json")
    started = time.perf_counter()
    response = client.post("/admin/fixtures/", {"fixture": upload})
    upload_s = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    checked = FixtureJob.objects.latest("created")
    assert checked.status == FixtureJob.Status.QUEUED

    started = time.perf_counter()
    run_fixture_job.func(checked.pk)
    check_s = time.perf_counter() - started
    checked.refresh_from_db()
    assert checked.report.get("problems") == [], checked.report.get("problems")

    load = fixture_load_create(checked=checked, created_by=admin)
    started = time.perf_counter()
    run_fixture_job.func(load.pk)
    load_s = time.perf_counter() - started
    load.refresh_from_db()
    assert load.report["committed"], load.report
    print(
        f"| {records:,} | {len(content) / 1024 / 1024:.1f} MB | {upload_s * 1000:.0f} ms "
        f"| {check_s:.1f} s | {1000 * check_s / records:.1f} ms | {load_s:.1f} s "
        f"| {1000 * load_s / records:.1f} ms |",
        flush=True,
    )
    Meeting.objects.filter(pk=FIRST_PK).delete()


if __name__ == "__main__":
    main()
