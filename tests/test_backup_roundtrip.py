"""Backups: the whole database goes out with dumpdata and comes back, identical,
into a brand-new database (a new SQLite file, or a new PostgreSQL database on
the same server), created by `migrate` exactly as a restore on a new machine
would be.

    python manage.py backup_database -o backup.json
    python manage.py migrate && python manage.py restore_database backup.json
"""

import io
import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import connection

from annotations.coding.services import (
    annotation_create,
    annotation_delete,
    annotation_update,
    missed_opportunity_create,
)
from annotations.coding.statement_text import statement_text_update
from annotations.review.services import decide

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def dump() -> list[dict]:
    out = StringIO()
    call_command("backup_database", stdout=out)
    return json.loads(out.getvalue())


def coded(statement, code, analyst, phrase, **extra):
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=start + len(phrase),
        **extra,
    )


@pytest.fixture
def a_working_database(meeting, codebook, analyst_a, analyst_b, reviewer, administrator, client):
    """Some of everything: codes, statements with history, live and deleted
    annotations, decisions, a missed opportunity with codes, sessions."""
    victim = codebook.codes.get(slug="victim-centred")
    testimony = codebook.codes.get(slug="survivor-testimony")
    first, third = meeting.statements.get(order=1), meeting.statements.get(order=3)
    mine = coded(first, victim, analyst_a, "victim-centred approach", memo="Clear «quote» 🙂")
    annotation_update(annotation=mine, actor=analyst_a, version=1, memo="Edited memo")
    theirs = coded(third, victim, analyst_b, "positive role")
    annotation_create(statement=first, code=testimony, analyst=analyst_b)
    gone = coded(first, victim, analyst_b, "serious crime")
    annotation_delete(annotation=gone, actor=analyst_b)
    decide(annotation=theirs, reviewer=reviewer, decision="rejected", reason="Not victims.")
    statement_text_update(statement=first, text="Indeed. " + first.text, actor=administrator)
    missed = missed_opportunity_create(
        meeting=meeting,
        analyst=analyst_a,
        title="No survivor spoke",
        rationale="None was invited.",
        codes=[victim, testimony],
    )
    client.force_login(analyst_a)
    return {"missed": missed}


def _fresh_database_url(tmp_path: Path) -> tuple[str, callable]:
    """A URL for an empty database of the same kind as the test database, and its cleanup."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", lambda: None
    name = f"wb_restore_{uuid.uuid4().hex[:12]}"
    params = {**connection.get_connection_params(), "dbname": "postgres"}
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(**params, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path=f"/{name}")), drop


def _manage(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_whole_database_round_trips_into_a_fresh_database(a_working_database, tmp_path):
    before = dump()
    kinds = {entry["model"] for entry in before}
    # The dump really is the whole database, history and decisions included.
    assert {
        "annotations.annotation",
        "annotations.historicalannotation",
        "annotations.adjudicationdecision",
        "annotations.missedopportunity",
        "annotations.historicalmissedopportunity_codes",
        "tracker.historicalstatement",
        "auth.user",
        "auth.group",
        "contenttypes.contenttype",
        "sessions.session",
    } <= kinds
    backup = tmp_path / "backup.json"
    call_command("backup_database", "-o", str(backup))
    url, cleanup = _fresh_database_url(tmp_path)
    try:
        _manage(url, "migrate", "--no-input", "-v", "0")
        restored = _manage(url, "restore_database", str(backup), "-v", "0")
        # The restored database still satisfies text[start:end] == quote everywhere.
        assert "match their text" in restored
        after = json.loads(_manage(url, "backup_database"))
        refused = subprocess.run(
            [sys.executable, "manage.py", "restore_database", str(backup)],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url},
            capture_output=True,
            text=True,
        )
        assert refused.returncode == 1 and "not empty" in refused.stderr
    finally:
        cleanup()
    extra = [e for e in after if e not in before]
    missing = [e for e in before if e not in after]
    assert (extra, missing) == ([], [])
    assert after == before


def test_the_backup_keeps_timestamps_to_the_microsecond(statement, code, analyst_a):
    import datetime

    from annotations.models import Annotation

    annotation = coded(statement, code, analyst_a, "victim-centred approach")
    exact = datetime.datetime(2026, 11, 22, 10, 0, 0, 123456, tzinfo=datetime.UTC)
    Annotation.objects.filter(pk=annotation.pk).update(created=exact)
    (entry,) = [e for e in dump() if e["model"] == "annotations.annotation"]
    assert entry["fields"]["created"] == "2026-11-22T10:00:00.123456Z"


def test_a_backup_with_a_mismatched_annotation_restores_nothing_and_fails(
    a_working_database, tmp_path
):
    backup = tmp_path / "backup.json"
    call_command("backup_database", "-o", str(backup))
    entries = json.loads(backup.read_text(encoding="utf-8"))
    spans = [e for e in entries if e["model"] == "annotations.annotation" and e["fields"]["quote"]]
    spans[0]["fields"]["quote"] = "not what the text says"
    backup.write_text(json.dumps(entries), encoding="utf-8")
    url, cleanup = _fresh_database_url(tmp_path)
    try:
        _manage(url, "migrate", "--no-input", "-v", "0")
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        restore = subprocess.run(
            [sys.executable, "manage.py", "restore_database", str(backup), "-v", "0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        counted = _manage(
            url,
            "shell",
            "-c",
            "from annotations.models import Annotation; from tracker.models import Meeting;"
            "print(Annotation.objects.count(), Meeting.objects.count())",
        )
    finally:
        cleanup()
    assert restore.returncode == 1
    assert "do not match their statement's text. Nothing was restored." in restore.stderr
    assert counted.strip().splitlines()[-1].split() == ["0", "0"]


class _CountingStream(io.StringIO):
    """A file that counts the characters read from it."""

    read_so_far = 0

    def read(self, size=-1):
        piece = super().read(size)
        self.read_so_far += len(piece)
        return piece


@pytest.mark.parametrize("piece", [1, 7, 64 * 1024])
def test_the_restore_reads_the_backup_a_record_at_a_time(monkeypatch, piece):
    from annotations.management.commands import _exact_json

    monkeypatch.setattr(_exact_json, "PIECE_CHARS", piece)
    entries = [{"model": "x.y", "pk": n, "fields": {"text": "«ü» [, ]" * n}} for n in range(300)]
    text = json.dumps(entries, indent=1)
    stream = _CountingStream(text)
    read = _exact_json.records(stream)
    assert next(read) == entries[0]
    assert stream.read_so_far < max(len(text) // 10, piece)  # not the whole file
    assert [entries[0], *read] == entries
    assert list(_exact_json.records(io.StringIO(" [ ] "))) == []
    with pytest.raises(DeserializationError, match="cut off"):
        list(_exact_json.records(io.StringIO(text[: len(text) // 2])))
