"""`manage.py import_archive`: folders, files and zips, a summary table, JSON, and a
non-zero exit when anything was refused."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.tracker.imports.bulk.archives import NOT_A_RECORD, RELEASES, folder, zip_file
from tracker.models import Meeting

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_archive", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_a_folder_and_prints_a_table_of_every_file(tmp_path):
    out, _ = run(str(folder(tmp_path)), "--kind", "press_release")
    lines = out.splitlines()
    assert lines[0].split() == ["file", "status", "symbol", "statements", "reason"]
    assert sum(" imported " in line for line in lines) == 4
    assert "4 files: 4 imported." in out
    assert Meeting.objects.count() == 4


def test_a_second_run_reports_every_file_unchanged(tmp_path):
    archive = str(zip_file(tmp_path))
    run(archive, "--kind", "press_release")
    out, _ = run(archive, "--kind", "press_release")
    assert "4 files: 4 unchanged." in out


def test_a_refused_file_exits_non_zero_and_saves_nothing_without_keep_going(tmp_path):
    archive = str(zip_file(tmp_path, {**RELEASES, "picnic.txt": NOT_A_RECORD}))
    with pytest.raises(CommandError, match="1 files were refused") as refused:
        run(archive, "--kind", "press_release")
    assert refused.value.returncode == 1
    assert Meeting.objects.count() == 0


def test_keep_going_imports_the_others_and_still_exits_non_zero(tmp_path):
    archive = str(zip_file(tmp_path, {**RELEASES, "picnic.txt": NOT_A_RECORD}))
    with pytest.raises(CommandError) as refused:
        run(archive, "--kind", "press_release", "--keep-going")
    assert refused.value.returncode == 1
    assert Meeting.objects.count() == 4


def test_json_prints_the_report_and_dry_run_saves_nothing(tmp_path):
    out, _ = run(str(folder(tmp_path)), "--kind", "press_release", "--dry-run", "--json")
    report = json.loads(out)
    assert report["dry_run"] is True and report["counts"]["imported"] == 4
    assert {f["status"] for f in report["files"]} == {"imported"}
    assert Meeting.objects.count() == 0


def test_too_many_files_is_a_clear_error(tmp_path, monkeypatch):
    from tracker.imports.bulk import sources

    monkeypatch.setattr(sources, "MAX_FILES", 2)
    with pytest.raises(CommandError, match="the limit is 2"):
        run(*(str(p) for p in folder(tmp_path).iterdir()), "--kind", "press_release")


def test_an_unknown_kind_is_refused_by_the_parser(tmp_path):
    with pytest.raises(CommandError, match="invalid choice"):
        run(str(folder(tmp_path)), "--kind", "minutes")
