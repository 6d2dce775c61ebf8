"""`manage.py import_record`: every kind of record, the JSON contract, adding a speech to
its meeting, bad input saving nothing, and the GA/12387 fixture it writes."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ROOT
from tests.tracker.imports import real_records as real
from tests.tracker.imports import record_samples
from tests.tracker.imports.parsing import verbatim_samples
from tests.tracker.imports.parsing.pdf_builder import pdf
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db
FIXTURE_2021 = ROOT / "fixtures" / "ga-12387.json"
S_PV_3756 = real.RECORDS / "S_PV.3756.pdf"
INVOICE = "Invoice 2231 for shipping services, due in thirty days from today."
TOP_KEYS = {"kind", "meeting", "statements", "notes", "warnings"}
STATEMENT_KEYS = {
    "order",
    "segment",
    "speaker",
    "gender",
    "speaker_type",
    "delegation",
    "role",
    "on_behalf_of",
    "language",
    "text",
}


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_record", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def snapshot():
    return sorted(Statement.objects.values_list("meeting__symbol", "order", "text"))


@pytest.mark.parametrize(
    ("kind", "source", "symbol", "expected"),
    [
        ("auto", real.RELEASE_2017, "", ("press_release", "GA/11955", 58)),
        ("press_release", real.RELEASE_2017, "", ("press_release", "GA/11955", 58)),
        ("summary", real.SUMMARY_2021, "GA/12387", ("summary", "GA/12387", 12)),
        ("auto", real.SUMMARY_2021, "GA/12387", ("summary", "GA/12387", 12)),
        ("speech", real.SPEECH_2021, "DSG/SM/1700", ("speech", "DSG/SM/1700", 1)),
        ("auto", real.RECORDS / "S_PV.10100.pdf", "", ("verbatim_record", "S/PV.10100", 2)),
        ("verbatim_record", S_PV_3756, "", ("verbatim_record", "S/PV.3756", 20)),
    ],
)
def test_it_imports_every_kind_and_says_which(kind, source, symbol, expected):
    args = [source, "--kind", kind] + (["--symbol", symbol] if symbol else [])
    out, _ = run(*args)
    record_kind, meeting_symbol, count = expected
    meeting = Meeting.objects.get(symbol=meeting_symbol)
    assert (meeting.record_kind, meeting.statements.count()) == (record_kind, count)
    assert f"Imported {meeting_symbol} (new meeting" in out
    if record_kind != "press_release":
        assert meeting.get_record_kind_display().lower() in out


def test_a_preliminary_release_is_detected_and_stored_as_one(tmp_path):
    run(write(tmp_path, "preliminary.txt", record_samples.PRELIMINARY_RELEASE), "--symbol", "GA/1")
    assert Meeting.objects.get(symbol="GA/1").record_kind == "preliminary_release"


@pytest.mark.parametrize(
    "source",
    [real.RECORDS / "S_PV.10100.pdf", real.SUMMARY_2021, real.SPEECH_2021, real.RELEASE_2017],
    ids=["verbatim", "summary", "speech", "release"],
)
def test_json_has_exactly_the_contracted_keys_on_every_statement(source):
    out, _ = run(source, "--json", "--dry-run", "--symbol", "GA/12387")
    data = json.loads(out)
    assert set(data) == TOP_KEYS
    assert {"symbol", "body", "session", "meeting_number", "title", "date"} <= set(data["meeting"])
    assert data["statements"]
    for statement in data["statements"]:
        assert set(statement) == STATEMENT_KEYS
        assert statement["gender"] in ("female", "male", "unknown")
        assert statement["speaker_type"]
        if statement["speaker"] is not None:
            assert set(statement["speaker"]) == {"name", "gender", "type"}
    assert not Meeting.objects.exists()


def test_json_of_a_record_carries_languages_president_and_unnamed_genders():
    out, _ = run(real.RECORDS / "S_PV.10100.pdf", "--json", "--dry-run")
    data = json.loads(out)
    assert data["kind"] == "verbatim_record"
    assert data["meeting"]["president"]["name"] == "Osman"
    assert all(s["language"] for s in data["statements"])
    summary = json.loads(run(real.SUMMARY_2021, "--json", "--dry-run", "--symbol", "GA/1")[0])
    greece = next(s for s in summary["statements"] if s["delegation"] == "Liechtenstein")
    assert (greece["speaker"], greece["gender"]) == (None, "female")


def test_several_files_print_a_list_and_import_all_or_nothing(tmp_path):
    out, _ = run(real.RELEASE_2017, real.RECORDS / "S_PV.10100.pdf", "--json", "--dry-run")
    assert [item["kind"] for item in json.loads(out)] == ["press_release", "verbatim_record"]
    cut = write(tmp_path, "cut.txt", "GA/99\nGeneral Assembly\n24th Meeting (AM)\n\nHeadline\n")
    with pytest.raises(CommandError, match="Nothing was saved"):
        run(real.RELEASE_2017, cut)
    assert not Meeting.objects.exists()


def test_a_speech_is_added_to_its_meeting_with_into():
    run(real.SUMMARY_2021, "--symbol", "GA/12387", "--date", "2021-11-22")
    out, _ = run(real.SPEECH_2021, "--into", "ga/12387")
    assert "Added speech of Amina Mohammed to GA/12387: 1 statements added" in out
    meeting = Meeting.objects.get(symbol="GA/12387")
    assert meeting.statements.count() == 13
    assert meeting.statements.get(order=13).added_from == "speech of Amina Mohammed"
    again, _ = run(real.SPEECH_2021, "--into", "GA/12387")
    assert "0 statements added" in again and "1 unchanged" in again


def test_the_date_given_is_stored_and_a_bad_one_refused():
    run(real.SUMMARY_2021, "--symbol", "GA/12387", "--date", "2021-11-23")
    assert Meeting.objects.get().date.isoformat() == "2021-11-23"
    with pytest.raises(CommandError, match="not a date: use YYYY-MM-DD"):
        run(real.SUMMARY_2021, "--date", "22/11/2021")


@pytest.mark.parametrize(
    ("name", "data", "kind", "message"),
    [
        ("scan.pdf", pdf("", ""), "auto", "needs OCR"),
        ("locked.pdf", pdf("S/PV.1 The meeting", encrypted=True), "auto", "encrypted"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<", "auto", "damaged"),
        ("invoice.pdf", pdf(INVOICE), "auto", "not a UN verbatim"),
        ("record.pdf", None, "press_release", "This is a PDF: only verbatim records"),
        ("record.txt", verbatim_samples.SECURITY_COUNCIL, "summary", "This is a verbatim record"),
        ("poem.txt", "Roses are red.\n\nViolets are blue.\n", "auto", "none of the records"),
    ],
)
def test_bad_input_gets_a_message_naming_the_problem_and_saves_nothing(
    tmp_path, name, data, kind, message
):
    data = real.pdf_bytes("S_PV.10100") if data is None else data
    run(real.RELEASE_2017)
    before = snapshot()
    with pytest.raises(CommandError, match=message) as refused:
        run(write(tmp_path, name, data), "--kind", kind)
    assert name in str(refused.value) and "Nothing was saved" in str(refused.value)
    assert snapshot() == before


def test_into_an_unknown_meeting_and_a_missing_file_are_refused():
    with pytest.raises(CommandError, match="--into GA/404: no meeting has that symbol"):
        run(real.SPEECH_2021, "--into", "GA/404")
    with pytest.raises(CommandError, match="no such file"):
        run("no-such.pdf")
    assert not Meeting.objects.exists()


def test_the_2021_fixture_is_what_the_importer_writes_today(tmp_path):
    # In a folder with the 2017 fixture, so that shared speakers keep its keys.
    (tmp_path / "ga-11955.json").write_bytes((ROOT / "fixtures" / "ga-11955.json").read_bytes())
    target = tmp_path / "ga-12387.json"
    run(
        real.SUMMARY_2021,
        real.SPEECH_2021,
        "--symbol",
        "GA/12387",
        "--date",
        "2021-11-22",
        "--fixture",
        target,
        "--fixture-pk",
        "2",
    )
    assert json.loads(target.read_text("utf-8")) == json.loads(FIXTURE_2021.read_text("utf-8"))
    assert not Meeting.objects.exists()


def test_a_file_with_windows_line_breaks_is_stored_with_lf(tmp_path):
    crlf = real.RELEASE_2017.read_text("utf-8").replace("\n", "\r\n")
    run(write(tmp_path, "release.txt", crlf.encode("utf-8")))
    texts = Statement.objects.values_list("text", flat=True)
    assert len(texts) == 58 and not any("\r" in text for text in texts)
