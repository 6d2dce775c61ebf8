"""Imports at the same moment: several administrators import the same new release at
once. One creates the meeting (201), the others re-import into it (200, or 409),
never a 500; each speaker (a name for a delegation) is one row, whatever the
interleaving, and two delegations' namesakes stay two speakers.

Each client is a thread with its own PostgreSQL connection, so the transactions really
overlap. SQLite's in-memory test database fails threads at once ("table is locked")
instead of queueing them, so these run on PostgreSQL only (postgres_only: deselected
on SQLite, as tests/conftest.py says).
"""

import json
from collections import Counter

import pytest
from django.test import Client

from tests.test_concurrency_postgres import Answer, race
from tests.tracker.imports import press_release_samples as samples
from tracker.imports.parsing.catalogue import parse
from tracker.imports.saving import record_save
from tracker.models import Meeting, Speaker

pytestmark = pytest.mark.postgres_only

COMMIT = "/api/imports/"
CLIENTS = 6


@pytest.fixture
def admins(transactional_db, administrator):
    clients = [Client(raise_request_exception=False) for _ in range(CLIENTS)]
    for client in clients:
        client.force_login(administrator)
    return clients


def send_to(clients):
    def send(i, method, body, headers):
        response = clients[i].post(COMMIT, body, content_type="application/json")
        return Answer(response.status_code, json.loads(response.content or b"{}"))

    return send


def speaker_rows() -> list[tuple[str, str]]:
    """(name, delegation) of every speaker row, once per row."""
    return [
        (speaker.name, speaker.statements.values_list("delegation", flat=True).first())
        for speaker in Speaker.objects.all()
    ]


def test_one_import_creates_the_meeting_the_others_update_it(admins):
    for _ in range(3):
        Meeting.objects.all().delete()
        Speaker.objects.all().delete()
        answers = race(
            send_to(admins), [("post", {"text": samples.SECURITY_COUNCIL}, {})] * CLIENTS
        )
        statuses = Counter(answer.status for answer in answers)
        assert statuses[201] == 1, statuses
        assert set(statuses) <= {201, 200, 409}, [a.body for a in answers]
        assert Meeting.objects.count() == 1
        rows = speaker_rows()
        assert len(rows) == len(set(rows)) > 0


def test_imports_naming_the_same_new_speakers_create_one_row_each(transactional_db):
    releases = [parse(samples.SECURITY_COUNCIL, symbol=f"SC/9999{i}") for i in range(CLIENTS)]
    named = {s.speaker.name for s in releases[0].statements if s.speaker}
    assert named

    def save(i, release, *unused):
        record_save(release=release)
        return Answer(201, {})

    for _ in range(3):
        Meeting.objects.all().delete()
        Speaker.objects.all().delete()
        race(save, [(release, None, None) for release in releases])
        assert Meeting.objects.count() == CLIENTS
        rows = Counter(Speaker.objects.values_list("name", flat=True))
        assert rows == dict.fromkeys(named, 1)


def test_one_speaker_speaking_twice_stays_one_row_under_concurrent_imports(admins):
    """The audit's case: Karel van Oosterom (Netherlands) speaks twice in the Security
    Council sample (statement 3 for a Group of Friends, 4 nationally). Whatever the
    interleaving, both statements point at the one speaker row, and the audit's check
    (which once counted his two statements as two rows) agrees."""
    from benchmarks.attacks.concurrency import speaker_rows

    text = samples.SECURITY_COUNCIL.replace("SC/13553", "SC/99184")
    answers = race(send_to(admins), [("post", {"text": text}, {})] * CLIENTS)
    assert Counter(answer.status for answer in answers)[201] == 1
    meeting = Meeting.objects.get(symbol="SC/99184")
    third, fourth = (meeting.statements.get(order=n) for n in (3, 4))
    assert third.speaker.name == "Karel van Oosterom" and third.on_behalf_of
    assert third.speaker_id == fourth.speaker_id
    assert Speaker.objects.filter(name="Karel van Oosterom").count() == 1
    rows = speaker_rows("SC/99184")
    assert rows[("Karel van Oosterom", "Netherlands")] == [third.speaker_id]
    assert all(len(ids) == 1 for ids in rows.values()), rows
