"""`manage.py import_press_release` and the GA/11955 fixture it writes."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import GA_11955_RELEASE, ROOT, SEEDS
from tests.tracker.imports import press_release_samples as samples
from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db
FIXTURE = ROOT / "fixtures" / "ga-11955.json"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_press_release", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_it_imports_a_release_and_reports_what_it_did():
    out, _ = run(str(GA_11955_RELEASE))
    assert "Imported GA/11955 (new meeting): 58 statements added" in out
    assert "warning (statement 11)" in out
    assert Statement.objects.filter(meeting__symbol="GA/11955").count() == 58


def test_json_prints_the_parse_with_the_contracted_keys_and_dry_run_saves_nothing():
    out, err = run(str(GA_11955_RELEASE), "--json", "--dry-run")
    data = json.loads(out)
    assert set(data) >= {"meeting", "statements", "notes", "warnings"}
    assert data["meeting"]["symbol"] == "GA/11955"
    assert data["meeting"]["meeting_number"] == "24th Meeting (AM & PM)"
    assert data["meeting"]["date"] is None
    panama = [s for s in data["statements"] if s["delegation"] == "Panama"]
    assert panama[0]["on_behalf_of"] == "Human Security Network"
    assert panama[0]["speaker"] == {
        "name": "Alexis Bethancourt Yau",
        "gender": "male",
        "type": "member_state",
    }
    assert "Would import GA/11955" in err
    assert not Meeting.objects.exists()


def test_symbol_and_date_can_be_given(tmp_path):
    path = write(tmp_path, "sc.txt", samples.SECURITY_COUNCIL.replace("SC/13553\n", ""))
    run(path, "--symbol", "sc/13553", "--date", "2018-10-25")
    meeting = Meeting.objects.get()
    assert meeting.symbol == "SC/13553"
    assert str(meeting.date) == "2018-10-25"


def test_several_files_are_imported_together_or_not_at_all(tmp_path):
    good = write(tmp_path, "sc.txt", samples.SECURITY_COUNCIL)
    truncated = write(tmp_path, "cut.txt", samples.SECURITY_COUNCIL.split("Briefings")[0])
    with pytest.raises(CommandError, match="Nothing was saved.*no statements"):
        run(good, truncated)
    assert not Meeting.objects.exists()
    run(good, write(tmp_path, "csw.txt", samples.COMMISSION_ON_THE_STATUS_OF_WOMEN))
    assert set(Meeting.objects.values_list("symbol", flat=True)) == {"SC/13553", "WOM/2138"}


def test_a_single_speech_is_imported_for_the_speaker_the_analyst_names():
    out, _ = run(
        str(SEEDS / "001_8413602091af0a7b.txt"),
        "--speech",
        "--symbol",
        "DSG/SM/1700",
        "--speaker",
        "Amina J. Mohammed",
        "--gender",
        "female",
    )
    statement = Statement.objects.get()
    assert statement.speaker.name == "Amina J. Mohammed"
    assert statement.speaker.gender == "female"
    assert statement.text.startswith("I thank the President of the General Assembly")
    assert statement.meeting.symbol == "DSG/SM/1700"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not text"),
        (b"Dear colleagues, the workshop is on Monday.", "not a UN Meetings Coverage"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_saved(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not Meeting.objects.exists()


def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match="no-such.txt: no such file"):
        run("no-such.txt")


def test_the_fixture_is_what_the_importer_writes_today(tmp_path):
    target = tmp_path / "ga-11955.json"
    run(
        str(GA_11955_RELEASE),
        "--date",
        "2017-09-27",
        "--source-url",
        "https://press.un.org/en/2017/ga11955.doc.htm",
        "--fixture",
        str(target),
    )
    assert json.loads(target.read_text("utf-8")) == json.loads(FIXTURE.read_text("utf-8"))
    assert not Meeting.objects.exists()


def test_both_fixtures_load_in_one_call_on_an_empty_database():
    fixtures = sorted(str(p) for p in (ROOT / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    meeting = Meeting.objects.get(pk=1)
    assert meeting.symbol == "GA/11955"
    assert meeting.statements.count() == 58
    assert list(meeting.statements.values_list("pk", flat=True)) == list(range(1, 59))
    assert Speaker.objects.get(pk=1).name == "Miroslav Lajčák"
    assert meeting.statements.get(order=14).on_behalf_of == ""
    assert meeting.statements.get(order=13).on_behalf_of == "Human Security Network"
    release_text = GA_11955_RELEASE.read_text(encoding="utf-8")
    for statement in meeting.statements.all():
        for paragraph in statement.text.split("\n\n"):
            assert paragraph in release_text
