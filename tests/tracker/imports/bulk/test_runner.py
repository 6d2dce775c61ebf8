"""import_many: folders, lists and zips of records, each all-or-nothing."""

from pathlib import Path

import pytest

from annotations.coding.services import annotation_create
from tests.conftest import GA_11955_RELEASE, SEEDS
from tests.tracker.imports.bulk.archives import (
    NOT_A_RECORD,
    RELEASES,
    SYMBOLS,
    folder,
    zip_file,
)
from tracker.imports.bulk.runner import (
    HELD_BACK,
    IMPORTED,
    REFUSED,
    UNCHANGED,
    UPDATED,
    import_many,
)
from tracker.imports.parsing import catalogue
from tracker.imports.parsing.verbatim import parse_verbatim_record
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db
RECORDS = Path(__file__).resolve().parents[4].parent / "shared" / "records"


def statuses(report):
    return {Path(r.name).name: r.status for r in report.files}


def test_it_imports_a_folder_of_releases_in_text_and_html(tmp_path):
    report = import_many(folder(tmp_path), kind="press_release")
    assert set(statuses(report).values()) == {IMPORTED}
    assert set(Meeting.objects.values_list("symbol", flat=True)) == SYMBOLS
    assert report.counts[IMPORTED] == 4
    by_symbol = {r.symbol: r.statements for r in report.files}
    assert by_symbol["SC/13553"] == Meeting.objects.get(symbol="SC/13553").statements.count()


def test_it_imports_a_list_of_files_and_a_zip_together(tmp_path):
    root = folder(tmp_path, {"ga-11955.txt": GA_11955_RELEASE.read_text(encoding="utf-8")})
    archive = zip_file(tmp_path)
    report = import_many([root / "ga-11955.txt", archive], kind="press_release")
    assert [r.status for r in report.files] == [IMPORTED] * 5
    assert report.files[1].name == f"{archive}/sc-13553.txt"
    assert Meeting.objects.get(symbol="GA/11955").statements.count() == 58


def test_running_the_same_archive_again_changes_nothing(tmp_path):
    archive = zip_file(tmp_path)
    import_many(archive, kind="press_release")
    stamps = dict(Meeting.objects.values_list("symbol", "updated"))
    history = Statement.history.count()
    again = import_many(archive, kind="press_release")
    assert [r.status for r in again.files] == [UNCHANGED] * 4
    assert dict(Meeting.objects.values_list("symbol", "updated")) == stamps
    assert Statement.history.count() == history


def test_a_changed_release_is_reported_updated(tmp_path):
    import_many(folder(tmp_path), kind="press_release")
    changed = RELEASES["wom-2138.txt"].replace("rural women and girls", "rural women")
    (tmp_path / "b").mkdir()
    report = import_many(folder(tmp_path / "b", {"wom-2138.txt": changed}), kind="press_release")
    assert statuses(report) == {"wom-2138.txt": UPDATED}


def test_without_keep_going_one_refused_file_saves_nothing_of_the_archive(tmp_path):
    archive = zip_file(tmp_path, {**RELEASES, "picnic.txt": NOT_A_RECORD, "photo.jpg": b"\xff"})
    report = import_many(archive, kind="press_release")
    got = statuses(report)
    assert got["picnic.txt"] == got["photo.jpg"] == REFUSED
    assert {got[name] for name in RELEASES} == {HELD_BACK}
    assert Meeting.objects.count() == 0
    assert "Nothing was saved: 2 files were refused" in report.summary
    picnic = next(r for r in report.files if r.name.endswith("picnic.txt"))
    assert "not a UN Meetings Coverage press release" in picnic.reason
    photo = next(r for r in report.files if r.name.endswith("photo.jpg"))
    assert photo.reason == "not a record as .txt, .html or .pdf (.jpg)."


def test_with_keep_going_it_imports_what_it_can_and_lists_the_refused(tmp_path):
    archive = zip_file(tmp_path, {**RELEASES, "picnic.txt": NOT_A_RECORD})
    report = import_many(archive, kind="press_release", keep_going=True)
    assert statuses(report)["picnic.txt"] == REFUSED
    assert report.counts[IMPORTED] == 4
    assert set(Meeting.objects.values_list("symbol", flat=True)) == SYMBOLS


def test_a_dry_run_checks_every_file_and_saves_none(tmp_path):
    report = import_many(folder(tmp_path), kind="press_release", dry_run=True)
    assert report.counts[IMPORTED] == 4
    assert Meeting.objects.count() == 0
    assert report.summary.startswith("Dry run, nothing was saved.")


def test_a_file_that_would_change_coded_text_is_refused_naming_the_statements(
    tmp_path, codebook, analyst_a
):
    import_many(folder(tmp_path), kind="press_release")
    statement = Meeting.objects.get(symbol="WOM/2138").statements.get(order=1)
    annotation_create(
        statement=statement, code=codebook.codes.first(), analyst=analyst_a, start=0, end=5
    )
    changed = RELEASES["wom-2138.txt"].replace("rural women and girls", "rural women")
    (tmp_path / "b").mkdir()
    report = import_many(folder(tmp_path / "b", {"wom-2138.txt": changed}), kind="press_release")
    (result,) = report.files
    assert result.status == REFUSED
    assert "analysts have worked on statements" in result.reason
    assert result.symbol == "WOM/2138"
    assert statement.text == Statement.objects.get(pk=statement.pk).text


def test_each_record_is_all_or_nothing_a_broken_parser_refuses_one_file(tmp_path, monkeypatch):
    real = catalogue.parse

    def parse(data, *, kind, symbol):
        if b"WOM/2138" in data:
            raise RuntimeError("a bug")
        return real(data, kind=kind, symbol=symbol)

    monkeypatch.setattr(catalogue, "parse", parse)
    report = import_many(folder(tmp_path), kind="press_release", keep_going=True)
    assert statuses(report)["wom-2138.txt"] == REFUSED
    assert "RuntimeError" in report.files[-1].reason
    assert not Meeting.objects.filter(symbol="WOM/2138").exists()
    assert Meeting.objects.count() == 3


def auto(data, *, kind, symbol):
    """A stand-in for the catalogue's kind detection (kind "auto", coming with the
    imports-faces work): PDFs are verbatim records, texts without a symbol speeches."""
    assert kind == "auto"
    if data[:5] == b"%PDF-":
        return parse_verbatim_record(data, symbol=symbol)
    try:
        return catalogue.import_kind("press_release").parse(data, symbol=symbol)
    except catalogue.ImportProblem:
        return catalogue.import_kind("speech").parse(data, symbol=symbol)


def test_mixed_kinds_text_html_and_pdf_in_one_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue, "parse", auto)
    pdf = (RECORDS / "S_PV.3756.pdf").read_bytes()
    speech = (SEEDS / "001_8413602091af0a7b.txt").read_bytes()  # the 2021 DSG speech
    archive = zip_file(tmp_path, {**RELEASES, "S_PV.3756.pdf": pdf, "speech.txt": speech})
    progress = []
    report = import_many(archive, keep_going=True, progress=progress.append)
    got = statuses(report)
    assert got["S_PV.3756.pdf"] == IMPORTED
    assert Meeting.objects.get(symbol="S/PV.3756").statements.count() > 10
    assert {got[name] for name in RELEASES} == {IMPORTED}
    # A speech with no symbol of its own cannot be a meeting: refused, saying so.
    assert got["speech.txt"] == REFUSED
    assert "symbol" in report.files[-1].reason
    assert [p.done for p in progress] == list(range(1, 7))
    assert {p.phase for p in progress} == {"importing"}


def test_progress_is_told_for_the_check_and_then_the_save(tmp_path):
    progress = []
    import_many(folder(tmp_path), kind="press_release", progress=progress.append)
    assert [(p.phase, p.done, p.total) for p in progress] == [
        *(("checking", n, 4) for n in range(1, 5)),
        *(("saving", n, 4) for n in range(1, 5)),
    ]
