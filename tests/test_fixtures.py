"""The fixtures load on an empty database in one `loaddata` call, pass the admin
loader's checks, and `setup_workbench` (run by `make run`) loads them once and
creates the demo logins."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from annotations.models import Code, CodingScheme
from tracker.fixture_loading import preview_fixture
from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.json"))
GA_11955_RELEASE = ROOT.parent / "shared" / "seeds" / "002_c8db3da65464a602.txt"
GA_12387_SUMMARY = ROOT.parent / "shared" / "seeds" / "000_3cc370a475d6b38e.txt"
DSG_SPEECH_2021 = ROOT.parent / "shared" / "seeds" / "001_8413602091af0a7b.txt"


def setup_workbench(*args: str) -> str:
    out = StringIO()
    call_command("setup_workbench", *args, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    [line] = [line for line in output.splitlines() if line.strip().startswith("analyst ")]
    return line.split("/")[-1].strip()


def test_the_fixtures_are_the_codebook_ga_11955_and_ga_12387():
    assert [path.name for path in FIXTURES] == ["codebook.json", "ga-11955.json", "ga-12387.json"]


def test_one_loaddata_call_loads_the_codebook_and_ga_11955():
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)
    assert CodingScheme.objects.get().is_default
    assert Code.objects.count() == 27
    meeting = Meeting.objects.with_statement_counts().get(symbol="GA/11955")
    assert 55 <= meeting.statement_count <= 60
    assert meeting.date.isoformat() == "2017-09-27"
    orders = list(meeting.statements.values_list("order", flat=True))
    assert orders == list(range(1, len(orders) + 1))


def test_statement_texts_are_the_release_verbatim():
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)
    release = GA_11955_RELEASE.read_text(encoding="utf-8")
    texts = list(
        Statement.objects.filter(meeting__symbol="GA/11955").values_list("text", flat=True)
    )
    assert texts and all(text and text in release for text in texts)


def test_the_2021_meeting_is_the_summary_with_the_deputy_secretary_general_s_speech():
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)
    meeting = Meeting.objects.get(symbol="GA/12387")
    assert (meeting.record_kind, meeting.date.isoformat()) == ("summary", "2021-11-22")
    assert Meeting.objects.get(symbol="GA/11955").record_kind == "press_release"
    statements = list(meeting.statements.select_related("speaker").order_by("order"))
    assert [s.order for s in statements] == list(range(1, 14))
    summary, speech = statements[:12], statements[12]
    assert all(s.from_summary and not s.added_from for s in summary)
    assert not speech.from_summary and speech.added_from == "speech of Amina Mohammed"
    assert speech.speaker == statements[0].speaker  # the Deputy Secretary-General, once
    assert speech.text in DSG_SPEECH_2021.read_text(encoding="utf-8")
    seed = " ".join(GA_12387_SUMMARY.read_text(encoding="utf-8").split())
    assert all(" ".join(s.text.split()) in seed for s in summary)
    burkina = meeting.statements.get(delegation="Burkina Faso")
    assert burkina.speaker is None and burkina.gender == "female"
    # 2017 and 2021 load side by side: no key of one fixture overwrites the other's.
    assert Meeting.objects.count() == 2
    assert Statement.objects.filter(meeting__symbol="GA/11955").count() == 58


def test_statements_are_attributed():
    call_command("loaddata", *map(str, FIXTURES), verbosity=0)
    statements = Statement.objects.select_related("speaker")
    assert all(s.speaker_id or s.delegation for s in statements)
    assert Speaker.objects.filter(name="Grizelda Grootboom", gender="female").exists()
    assert {s.segment for s in statements} >= {"Opening Remarks", "Statements", "Panel II"}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_each_fixture_passes_the_admin_loaders_checks(path, administrator):
    report = preview_fixture(content=path.read_bytes(), name=path.name, user=administrator)
    assert report.problems == []
    assert report.updated == 0 and report.created == report.records


def test_setup_workbench_loads_the_fixtures_and_prints_the_demo_logins(monkeypatch):
    monkeypatch.delenv("WB_DEMO_PASSWORD", raising=False)
    output = setup_workbench()
    assert Meeting.objects.filter(symbol="GA/11955").exists()
    assert Code.objects.count() == 27
    password = printed_password(output)
    User = get_user_model()
    analyst, admin = User.objects.get(username="analyst"), User.objects.get(username="admin")
    assert analyst.check_password(password) and admin.check_password(password)
    assert not analyst.is_staff and admin.is_staff and admin.is_superuser
    assert list(analyst.groups.values_list("name", flat=True)) == ["analyst"]
    assert "http://127.0.0.1:8000/accounts/login/" in output


def test_setup_workbench_a_second_time_changes_nothing(monkeypatch):
    monkeypatch.delenv("WB_DEMO_PASSWORD", raising=False)
    password = printed_password(setup_workbench())
    Code.objects.filter(slug="demand").update(name="Demand (edited)")
    counts = (Statement.objects.count(), Code.objects.count(), get_user_model().objects.count())
    output = setup_workbench()
    assert "Fixtures already loaded" in output
    assert "exist already" in output
    assert (Statement.objects.count(), Code.objects.count(), get_user_model().objects.count()) == (
        counts
    )
    assert Code.objects.get(slug="demand").name == "Demand (edited)"
    assert get_user_model().objects.get(username="analyst").check_password(password)


def test_setup_workbench_takes_the_password_from_wb_demo_password(monkeypatch):
    monkeypatch.setenv("WB_DEMO_PASSWORD", "first-demo-password")
    assert printed_password(setup_workbench()) == "first-demo-password"
    monkeypatch.setenv("WB_DEMO_PASSWORD", "second-demo-password")
    setup_workbench()
    analyst = get_user_model().objects.get(username="analyst")
    assert analyst.check_password("second-demo-password")


def test_setup_workbench_can_skip_the_demo_logins():
    output = setup_workbench("--no-demo-users")
    assert not get_user_model().objects.filter(username__in=["analyst", "admin"]).exists()
    assert Meeting.objects.filter(symbol="GA/11955").exists()
    assert "Demo logins" not in output


def test_the_demo_analyst_can_log_in_and_see_ga_11955(client, monkeypatch):
    monkeypatch.setenv("WB_DEMO_PASSWORD", "demo-password-for-tests")
    setup_workbench()
    login = client.post(
        "/accounts/login/", {"username": "analyst", "password": "demo-password-for-tests"}
    )
    assert login.status_code == 302
    response = client.get("/meetings/")
    assert response.status_code == 200
    assert b"GA/11955" in response.content and b"GA/12387" in response.content


def test_the_demo_admin_sees_the_codebook_and_the_meeting_in_the_admin(client, monkeypatch):
    monkeypatch.setenv("WB_DEMO_PASSWORD", "demo-password-for-tests")
    setup_workbench()
    client.force_login(get_user_model().objects.get(username="admin"))
    schemes = client.get("/admin/annotations/codingscheme/")
    meetings = client.get("/admin/tracker/meeting/")
    assert b"Gender analysis of UN meetings on trafficking in persons" in schemes.content
    assert b"GA/11955" in meetings.content
