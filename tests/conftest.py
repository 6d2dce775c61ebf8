"""Shared fixtures: the codebook, a small meeting, and the personas every
permission test uses (analyst A owns the work, analyst B is a teammate, a
reviewer, an administrator, and the anonymous visitor)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from annotations.models import Code, CodingScheme
from annotations.roles import ADMINISTRATOR, ANALYST, REVIEWER, ensure_roles
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
GA_11955_RELEASE = SEEDS / "002_c8db3da65464a602.txt"
PASSWORD = "correct-horse-battery-staple"

# Settings the whole suite runs under:
# - The suite sends thousands of API requests a minute as a handful of users from one
#   address: the API throttles would answer 429. tests/tracker/web/test_login.py sets the
#   rates it tests.
# - The personas' passwords are hashed cheaply. Production's PBKDF2 (a million rounds, the
#   point of it) costs 0.3-1 s of CPU per password, and nearly every test makes two to four
#   users: that was most of the suite's time. What the tests check of passwords holds for
#   any hasher; the deployment checks run the production settings in their own process.
RELAXED_THROTTLE_RATES = {"anon": "100000/min", "user": "100000/min", "wrong_token": "100000/min"}
CHEAP_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def _suite_settings():
    rest = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": RELAXED_THROTTLE_RATES}
    with override_settings(REST_FRAMEWORK=rest, PASSWORD_HASHERS=CHEAP_PASSWORD_HASHERS):
        yield


@pytest.fixture
def codebook(db) -> CodingScheme:
    call_command("loaddata", str(ROOT / "fixtures" / "codebook.json"), verbosity=0)
    return CodingScheme.objects.get(is_default=True)


@pytest.fixture
def code(codebook) -> Code:
    return codebook.codes.get(slug="victim-centred")


@pytest.fixture
def roles(db):
    return ensure_roles()


def _user(django_user_model, roles, username, role, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    user.groups.add(roles[role])
    return user


@pytest.fixture
def analyst_a(django_user_model, roles):
    return _user(django_user_model, roles, "amina", ANALYST)


@pytest.fixture
def analyst_b(django_user_model, roles):
    return _user(django_user_model, roles, "bruno", ANALYST)


@pytest.fixture
def reviewer(django_user_model, roles):
    return _user(django_user_model, roles, "rosa", REVIEWER)


@pytest.fixture
def administrator(django_user_model, roles):
    return _user(django_user_model, roles, "ada", ADMINISTRATOR, is_staff=True, is_superuser=True)


@pytest.fixture
def meeting(db) -> Meeting:
    """A three-statement meeting in the shape of GA/11955."""
    m = Meeting.objects.create(
        symbol="GA/TEST-1",
        body="General Assembly",
        session="Seventy-second Session",
        meeting_number="24th Meeting (AM & PM)",
        title="Test meeting on trafficking",
    )
    sen = Speaker.objects.create(name="Purna Sen", gender=Gender.FEMALE)
    braz = Speaker.objects.create(name="Félix Braz", gender=Gender.MALE)
    Statement.objects.create(
        meeting=m,
        order=1,
        segment="Statements",
        speaker=braz,
        delegation="Luxembourg",
        role="Minister for Justice",
        speaker_type=SpeakerType.MEMBER_STATE,
        text="Human trafficking was a serious crime and a victim-centred approach was needed.",
    )
    Statement.objects.create(
        meeting=m,
        order=2,
        segment="Panel Discussion I",
        speaker=sen,
        delegation="UN-Women",
        role="Director of the Policy Division",
        speaker_type=SpeakerType.UN_OFFICIAL,
        text="Trafficking was a gender-based problem and should be addressed as such.",
    )
    Statement.objects.create(
        meeting=m,
        order=3,
        segment="Panel Discussion I",
        speaker=None,
        delegation="Ethiopia",
        speaker_type=SpeakerType.MEMBER_STATE,
        text="The representative 🙂 stressed the positive role of migration.",
    )
    return m


@pytest.fixture
def statement(meeting) -> Statement:
    return meeting.statements.get(order=1)


# Each run leaves out what only the other can test or already tests, deselected (never
# skipped): on SQLite, the tests marked postgres_only (threads racing on real connections;
# its in-memory test database cannot share threads); on PostgreSQL, the tests marked
# sqlite_only (SQL only SQLite runs) and the parsers' tests — plain Python
# (tests/test_architecture.py pins it) that touches no database, so the SQLite run covers
# them and a second run would only read every real PDF again.
DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}
PARSER_TESTS = "tests/tracker/imports/parsing/"


def _only_for_postgresql(item) -> bool:
    return item.get_closest_marker("postgres_only") is not None


def _left_to_sqlite(item) -> bool:
    return item.get_closest_marker("sqlite_only") is not None or _database_free_parser_test(item)


def _database_free_parser_test(item) -> bool:
    return (
        item.nodeid.startswith(PARSER_TESTS)
        and item.get_closest_marker("django_db") is None
        and not DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    on_postgresql = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    leave_out = _left_to_sqlite if on_postgresql else _only_for_postgresql
    left_out = [item for item in items if leave_out(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        dropped = set(left_out)
        items[:] = [item for item in items if item not in dropped]
