"""The fixture loader takes the workbench's own domain records only: users, groups,
permissions, tokens, sessions, the admin's log and every history table are refused by
name, whoever loads them (a superuser too), and nothing is written."""

import json

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from simple_history.models import HistoricalChanges

from annotations.models import Code, CodingScheme, MissedOpportunity
from tracker.fixture_loading import load_fixture, preview_fixture
from tracker.models import Meeting

pytestmark = pytest.mark.django_db

HISTORY_LABELS = sorted(
    model._meta.label_lower for model in apps.get_models() if issubclass(model, HistoricalChanges)
)


def load(records, user):
    return load_fixture(content=json.dumps(records).encode(), name="attack.json", user=user)


def problems(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def counts() -> tuple[int, ...]:
    User = get_user_model()
    return (
        User.objects.count(),
        User.objects.filter(is_superuser=True).count(),
        Group.objects.count(),
        Token.objects.count(),
        LogEntry.objects.count(),
        Meeting.objects.count(),
    )


def test_history_tables_are_found():
    assert {"annotations.historicalannotation", "tracker.historicalstatement"} <= set(
        HISTORY_LABELS
    )


@pytest.mark.parametrize(
    ("label", "fields"),
    [
        ("auth.user", {"username": "eve", "password": "x", "is_superuser": True}),
        ("auth.group", {"name": "everything"}),
        ("auth.permission", {"name": "x", "codename": "x", "content_type": 1}),
        ("authtoken.token", {"user": 1, "created": "2026-01-01T00:00:00Z"}),
        ("sessions.session", {"session_data": "x", "expire_date": "2030-01-01T00:00:00Z"}),
        ("admin.logentry", {"action_flag": 1, "action_time": "2026-01-01T00:00:00Z"}),
        ("axes.accessattempt", {"username": "amina"}),
        ("annotations.schemeassignment", {}),
        ("annotations.adjudicationdecision", {}),
        *[(label, {"history_type": "-"}) for label in HISTORY_LABELS],
    ],
)
def test_records_outside_the_domain_are_refused_by_name(label, fields, administrator):
    before = counts()
    report = load([{"model": label, "pk": 77, "fields": fields}], administrator)
    assert not report.committed
    [problem] = problems(report)
    assert problem.startswith(
        f"Record 1 ({label}, pk 77): {label} records are not loaded from fixtures; "
        "a fixture holds annotations.annotation, "
    )
    assert counts() == before


def test_a_superuser_record_beside_valid_records_writes_nothing(administrator, analyst_a):
    before = counts()
    report = load(
        [
            {"model": "tracker.meeting", "pk": 5, "fields": {"symbol": "GA/X", "body": "GA"}},
            {
                "model": "auth.user",
                "pk": analyst_a.pk,
                "fields": {
                    "username": "amina",
                    "password": analyst_a.password,
                    "is_superuser": True,
                    "is_staff": True,
                    "is_active": True,
                    "date_joined": "2026-01-01T00:00:00Z",
                },
            },
        ],
        administrator,
    )
    assert not report.committed
    assert [p.number for p in report.problems] == [2]
    assert counts() == before
    analyst_a.refresh_from_db()
    assert not analyst_a.is_superuser


def test_a_token_of_a_chosen_key_is_never_loaded_not_even_in_a_dry_run(administrator):
    token = [{"model": "authtoken.token", "pk": "k" * 40, "fields": {"user": administrator.pk}}]
    preview = preview_fixture(content=json.dumps(token).encode(), name="t.json", user=administrator)
    report = load(token, administrator)
    assert "authtoken.token records are not loaded" in problems(preview)[0]
    assert not report.committed
    assert not Token.objects.exists()


def test_the_admin_page_names_the_refused_model(client, administrator):
    client.force_login(administrator)
    content = json.dumps([{"model": "auth.user", "pk": 9, "fields": {"username": "eve"}}])
    upload = SimpleUploadedFile("users.json", content.encode(), content_type="application/json")
    response = client.post("/admin/fixtures/", {"fixture": upload}, follow=True)
    assert response.status_code == 200
    assert b"auth.user records are not loaded from fixtures" in response.content
    assert not get_user_model().objects.filter(username="eve").exists()


def test_the_domain_models_are_listed_and_nothing_else(settings):
    loadable = {label.lower() for label in settings.FIXTURE_LOADABLE_MODELS}
    assert {"tracker.meeting", "tracker.statement", "annotations.code"} <= loadable
    assert all(label.split(".")[0] in {"tracker", "annotations"} for label in loadable)
    assert not loadable & set(HISTORY_LABELS)


def test_a_missed_opportunity_with_a_code_of_another_scheme_is_refused(
    administrator, analyst_a, meeting, code
):
    other = CodingScheme.objects.create(name="Other", slug="other", version=1)
    foreign = Code.objects.create(scheme=other, group="approach", slug="foreign", name="F")
    record = {
        "model": "annotations.missedopportunity",
        "pk": 40,
        "fields": {
            "meeting": meeting.pk,
            "analyst": analyst_a.pk,
            "title": "Root causes",
            "rationale": "Nobody named them.",
            "codes": [foreign.pk, code.pk],
        },
    }
    report = load([record], administrator)
    assert not report.committed
    assert problems(report) == [
        'Record 1 (annotations.missedopportunity, pk 40): codes: "foreign" is not in the '
        "coding scheme of the meeting."
    ]
    assert not MissedOpportunity.objects.exists()
    record["fields"]["codes"] = [code.pk]
    assert load([record], administrator).committed
    assert list(MissedOpportunity.objects.get().codes.all()) == [code]
