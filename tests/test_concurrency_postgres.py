"""Concurrent edits: two clients change the same annotation from the same version
at the same moment, round after round. Exactly one write wins each round; the
other gets 409 with the current state (or, against a deletion, a clear 400),
and nothing is silently overwritten.

On PostgreSQL each client is a thread with its own database connection, going
through the real REST API against the committed test database; the row lock
(SELECT … FOR UPDATE) serialises the writes. SQLite's in-memory test database
cannot stand for a real one here (its shared cache fails at once with "table
is locked" instead of waiting), so on SQLite the same rounds run against a
real server: gunicorn with two worker processes on a fresh SQLite file, as
`make run` uses it, and two HTTP clients.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client

from annotations.coding.services import annotation_create
from annotations.models import Annotation

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = {"postgresql": 60, "sqlite": 25}
PHRASE = "victim-centred approach"


@dataclass
class Answer:
    status: int
    body: dict


@dataclass
class State:
    version: int
    memo: str
    deleted: bool


def race(send, requests: list[tuple[str, dict, dict]]) -> list[Answer]:
    """Send the requests at the same moment, one thread (one client) each."""
    barrier = threading.Barrier(len(requests))
    answers: list = [None] * len(requests)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            answers[i] = send(i, *requests[i])
        except BaseException as exc:  # reported in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return answers


class InProcess:
    """Two Django test clients of one analyst, each in its own thread and connection."""

    def __init__(self, annotation: Annotation, analyst):
        self.pk = annotation.pk
        self.tabs = [Client() for _ in range(2)]
        for tab in self.tabs:
            tab.force_login(analyst)

    def send(self, i: int, method: str, body: dict, headers: dict, suffix: str = "") -> Answer:
        response = getattr(self.tabs[i], method)(
            f"/api/annotations/{self.pk}/{suffix}",
            body,
            content_type="application/json",
            headers=headers,
        )
        return Answer(response.status_code, json.loads(response.content or b"{}"))

    def state(self) -> State:
        a = Annotation.objects.get(pk=self.pk)
        return State(a.version, a.memo, a.deleted_at is not None)

    def history_count(self) -> int:
        return Annotation.history.filter(id=self.pk).count()


SETUP = """
import json
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from annotations.models import CodingScheme
from annotations.roles import ANALYST, ensure_roles
from annotations.coding.services import annotation_create
from django.contrib.auth import get_user_model
from tracker.models import Meeting, Statement
call_command("loaddata", "fixtures/codebook.json", verbosity=0)
user = get_user_model().objects.create_user(username="amina")
user.groups.add(ensure_roles()[ANALYST])
meeting = Meeting.objects.create(symbol="GA/RACE")
text = "Human trafficking was a serious crime and a victim-centred approach was needed."
statement = Statement.objects.create(meeting=meeting, order=1, text=text)
code = CodingScheme.objects.get(is_default=True).codes.get(slug="victim-centred")
start = text.index("victim-centred approach")
a = annotation_create(statement=statement, code=code, analyst=user, start=start, end=start + 23)
print(json.dumps({"pk": a.pk, "token": Token.objects.create(user=user).key}))
"""


class Served:
    """gunicorn with two worker processes on a fresh SQLite file, and two HTTP clients."""

    def __init__(self, tmp_path: Path):
        self.db = tmp_path / "race.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{self.db}", "DJANGO_DEBUG": "1"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        manage = [sys.executable, "manage.py"]
        for args in (["migrate", "--no-input", "-v", "0"], ["shell", "-c", SETUP]):
            done = subprocess.run(
                manage + args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
            )
            assert done.returncode == 0, done.stderr
        made = json.loads(done.stdout.strip().splitlines()[-1])
        self.pk, self.token = made["pk"], made["token"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.server = subprocess.Popen(
            [str(gunicorn), "tracker.wsgi:application", "-w", "2", "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{self.base}/accounts/login/", timeout=2)  # noqa: S310
                break
            except OSError:
                assert self.server.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)

    def send(self, i: int, method: str, body: dict, headers: dict, suffix: str = "") -> Answer:
        request = urllib.request.Request(  # noqa: S310
            f"{self.base}/api/annotations/{self.pk}/{suffix}",
            data=json.dumps(body).encode() if method != "delete" else None,
            method=method.upper(),
            headers={
                "Authorization": f"Token {self.token}",
                "Content-Type": "application/json",
                **headers,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return Answer(response.status, json.loads(response.read() or b"{}"))
        except urllib.error.HTTPError as error:
            return Answer(error.code, json.loads(error.read() or b"{}"))

    def _row(self, sql: str):
        with sqlite3.connect(self.db, timeout=30) as db:
            return db.execute(sql, (self.pk,)).fetchone()

    def state(self) -> State:
        version, memo, deleted_at = self._row(
            "SELECT version, memo, deleted_at FROM annotations_annotation WHERE id = ?"
        )
        return State(version, memo, deleted_at is not None)

    def history_count(self) -> int:
        return self._row("SELECT count(*) FROM annotations_historicalannotation WHERE id = ?")[0]


@pytest.fixture
def two_clients(transactional_db, statement, code, analyst_a, tmp_path):
    if connection.vendor == "postgresql":
        start = statement.text.index(PHRASE)
        annotation = annotation_create(
            statement=statement, code=code, analyst=analyst_a, start=start, end=start + len(PHRASE)
        )
        yield InProcess(annotation, analyst_a)
        return
    served = Served(tmp_path)
    try:
        yield served
    finally:
        served.stop()


def test_exactly_one_of_two_simultaneous_edits_wins_every_round(two_clients):
    rounds = ROUNDS[connection.vendor]
    for round_number in range(1, rounds + 1):
        version = two_clients.state().version
        memos = [f"round {round_number} by client {i}" for i in (0, 1)]
        # One client sends the version in the body, the other as If-Match.
        answers = race(
            two_clients.send,
            [
                ("patch", {"memo": memos[0], "version": version}, {}),
                ("patch", {"memo": memos[1]}, {"If-Match": f'"{version}"'}),
            ],
        )
        assert sorted(a.status for a in answers) == [200, 409], (round_number, answers)
        winner = next(i for i, a in enumerate(answers) if a.status == 200)
        loser = answers[1 - winner].body
        now = two_clients.state()
        assert (now.version, now.memo) == (version + 1, memos[winner])
        # The loser is told what the annotation is now, so nothing is lost unseen.
        assert (loser["current"]["version"], loser["current"]["memo"]) == (
            version + 1,
            memos[winner],
        )
    assert two_clients.state().version == rounds + 1
    assert two_clients.history_count() == rounds + 1  # the creation, then one per round


def test_an_edit_racing_a_delete_never_changes_a_deleted_annotation(two_clients):
    rounds = ROUNDS[connection.vendor] // 2
    for round_number in range(1, rounds + 1):
        version = two_clients.state().version
        memo = f"edit {round_number}"
        edit, delete = race(
            two_clients.send,
            [
                ("patch", {"memo": memo, "version": version}, {}),
                ("delete", {}, {"If-Match": f'"{version}"'}),
            ],
        )
        # The loser is refused: a stale version (409), or an edit of an annotation deleted
        # before (404: no longer listed) or while (400: "has been deleted") it was looked up.
        assert (edit.status, delete.status) in ((200, 409), (409, 204), (400, 204), (404, 204)), (
            edit,
            delete,
        )
        now = two_clients.state()
        assert now.version == version + 1
        if delete.status == 204:
            assert now.deleted and now.memo != memo
            assert two_clients.send(0, "post", {}, {}, "restore/").status == 200
        else:
            assert not now.deleted and now.memo == memo
