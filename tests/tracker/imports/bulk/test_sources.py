"""What a bulk import reads: folders, files, zips, and the zip safety rules."""

import io
import stat
import zipfile
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.tracker.imports.bulk.archives import RELEASES, folder, zip_bytes, zip_file
from tracker.imports.bulk import sources
from tracker.imports.bulk.sources import NamedData, expand
from tracker.imports.parsing.records import ImportProblem


def names_and_problems(found):
    return [(f.name.rsplit("/", 1)[-1], f.problem) for f in found]


def test_a_folder_gives_its_record_files_in_order_without_hidden_ones(tmp_path):
    root = folder(tmp_path, {**RELEASES, ".DS_Store": "x", "sub/more.txt": "text"})
    with ExitStack() as stack:
        found = expand(root, stack)
    relative = [str(Path(f.name).relative_to(root)) for f in found]
    assert relative == sorted([*RELEASES, "sub/more.txt"])
    assert all(f.problem == "" and f.read() for f in found)


def test_a_zip_gives_its_members_named_inside_the_archive(tmp_path):
    path = zip_file(tmp_path)
    with ExitStack() as stack:
        found = expand([path], stack)
        assert [f.name for f in found] == [f"{path}/{name}" for name in RELEASES]
        assert found[0].read().decode("utf-8") == RELEASES["sc-13553.txt"]


def test_it_refuses_members_whose_path_leaves_the_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/evil.txt", "x")
        archive.writestr("/abs/evil.txt", "x")
        archive.writestr("ok/../../evil.txt", "x")
        archive.writestr("fine.txt", "x")
    with ExitStack() as stack:
        found = expand(NamedData("up.zip", buffer.getvalue()), stack)
    problems = [f.problem for f in found]
    assert sum("leaves the archive" in p for p in problems) == 3
    assert problems[-1] == ""


def test_it_refuses_an_archive_inside_the_archive_by_name_and_by_content():
    inner = zip_bytes({"a.txt": "x"})
    with ExitStack() as stack:
        found = expand(NamedData("up.zip", zip_bytes({"inner.zip": inner, "x.txt": inner})), stack)
        assert "archive inside" in found[0].problem
        with pytest.raises(ImportProblem, match="archive inside"):
            found[1].read()


def test_it_refuses_symbolic_links_and_encrypted_members():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    data = bytearray(buffer.getvalue())
    with ExitStack() as stack:
        (found,) = expand(NamedData("up.zip", bytes(data)), stack)
    assert "symbolic link" in found.problem


def test_it_refuses_other_kinds_of_file_naming_what_it_expects(tmp_path):
    with ExitStack() as stack:
        (found,) = expand(folder(tmp_path, {"photo.jpg": b"\xff\xd8"}), stack)
    assert found.problem == "not a record as .txt, .html or .pdf (.jpg)."


def test_it_refuses_a_damaged_zip_and_a_missing_path(tmp_path):
    with ExitStack() as stack:
        broken = expand(NamedData("up.zip", b"PK\x03\x04 not really"), stack)
        missing = expand(tmp_path / "nowhere", stack)
    assert broken[0].problem == "not a readable zip archive."
    assert missing[0].problem == "no such file or folder."


def test_size_and_count_limits(monkeypatch):
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(sources, "MAX_ARCHIVE_BYTES", 10_000)
    with ExitStack() as stack:
        big = expand(NamedData("up.zip", zip_bytes({"big.txt": "x" * 101})), stack)
        huge = expand(
            NamedData("up.zip", zip_bytes({f"{n}.txt": "x" * 99 for n in range(200)})), stack
        )
    assert "at most" in big[0].problem
    assert "unpacked; the limit" in huge[0].problem
    monkeypatch.setattr(sources, "MAX_FILES", 3)
    with ExitStack() as stack:
        (many,) = expand(NamedData("up.zip", zip_bytes()), stack)
        assert "4 files; the limit is 3" in many.problem
        with pytest.raises(ImportProblem, match="limit is 3"):
            expand([NamedData(f"{n}.txt", b"x") for n in range(4)], stack)


def test_no_member_is_read_past_the_limit_whatever_was_checked_before(monkeypatch):
    data = zip_bytes({"long.txt": "x" * 5000})
    with ExitStack() as stack:
        (found,) = expand(NamedData("up.zip", data), stack)
        monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
        with pytest.raises(ImportProblem, match="or more unpacked"):
            found.read()
