"""Backups: backup_database, then restore_database into a freshly migrated database,
and every row of every table compared (timestamps to the microsecond); then a backup
holding one annotation that does not match its statement's text, restored into
another fresh database: it must exit non-zero and write nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from benchmarks.databases import database, url

from .tally import Tally

ROOT = Path(__file__).resolve().parent.parent.parent
# Not data: which migrations ran is compared by name (when they ran and their ids are
# the new database's own).
BY_COLUMNS = {"django_migrations": "app, name"}


def manage(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def rows() -> dict[str, list[tuple]]:
    """Every row of every table of the current database, in a stable order."""
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT {BY_COLUMNS.get(table, "*")} FROM "{table}"')
            tables[table] = sorted(cursor.fetchall(), key=repr)
    return tables


def create(name: str, template: str | None = None) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        extra = f' TEMPLATE "{template}"' if template else ""
        cursor.execute(f'CREATE DATABASE "{name}"{extra}')
    return url(name)


def spoil(backup: Path, spoiled: Path) -> int:
    """A copy of the backup with one annotation's quote changed; its id."""
    records = json.loads(backup.read_text(encoding="utf-8"))
    for record in records:
        if record["model"] == "annotations.annotation" and record["fields"].get("quote"):
            record["fields"]["quote"] = "not what the statement says"
            spoiled.write_text(json.dumps(records), encoding="utf-8")
            return record["pk"]
    raise RuntimeError("the backup holds no annotation with a quote")


def attack(directory: Path, tally: Tally) -> None:
    source_url = os.environ["DATABASE_URL"]
    backup = directory / "backup.json"
    done = manage("backup_database", "-o", str(backup), database_url=source_url)
    tally.check(
        done.returncode == 0, f"backup_database exited {done.returncode}: {done.stderr[-300:]}"
    )
    original = rows()
    fresh = create("audit_restored")
    migrated = manage("migrate", "--no-input", database_url=fresh)
    tally.check(migrated.returncode == 0, f"migrate exited {migrated.returncode}")
    spoiled_url = create("audit_spoiled", template="audit_restored")
    restored = manage("restore_database", str(backup), database_url=fresh)
    tally.check(
        restored.returncode == 0,
        f"restore_database exited {restored.returncode}: {restored.stderr[-300:]}",
    )
    with database("audit_restored"):
        copy = rows()
    compared = 0
    for table, expected in original.items():
        got = copy.get(table)
        compared += len(expected)
        differing = "missing" if got is None else len(set(expected) ^ set(got))
        tally.check(got == expected, f"table {table}: {differing} rows differ")
    tally.note(f"{len(original)} tables, {compared:,} rows compared after the restore")

    spoiled = directory / "spoiled.json"
    annotation = spoil(backup, spoiled)
    with database("audit_spoiled"):
        before = rows()
    refused = manage("restore_database", str(spoiled), database_url=spoiled_url)
    tally.check(refused.returncode != 0, "the mismatched backup was restored (exit 0)")
    tally.check(
        str(annotation) in refused.stdout + refused.stderr,
        f"the refusal does not name annotation {annotation}",
    )
    with database("audit_spoiled"):
        after = rows()
    for table, expected in before.items():
        tally.check(after.get(table) == expected, f"the refused restore wrote into {table}")
