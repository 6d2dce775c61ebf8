"""What a bulk import reads: folders, files and zip archives, expanded into record files.

Nothing here parses a record or touches the database. Each record file is read only when
the runner asks for it, so an archive of hundreds of PDFs is never held in memory at once.

Zip safety: members are read in memory, never extracted to disk, and still a member whose
name climbs out of the archive ("../", an absolute path, a drive letter), a symbolic link,
an encrypted member and an archive inside the archive are refused with their reason; an
archive with more than MAX_FILES members or more than MAX_ARCHIVE_BYTES unpacked is refused
whole; no member is read past MAX_FILE_BYTES, whatever its header claims.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tracker.imports.parsing.records import ImportProblem

RECORD_SUFFIXES = (".txt", ".text", ".htm", ".html", ".pdf")
ARCHIVE_SUFFIXES = (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz")
EXPECTED = "a record as .txt, .html or .pdf"
MAX_FILES = 2000
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_ARCHIVE_BYTES = 500 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class NamedData:
    """An upload: its file name and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class RecordFile:
    """One file to import: `read()` gives its bytes; `problem` refuses it unread."""

    name: str
    read: Callable[[], bytes] | None = None
    problem: str = ""


Source = str | Path | NamedData


def expand(sources: Source | Iterable[Source], stack: ExitStack) -> list[RecordFile]:
    """The record files of `sources` in order; archives stay open until `stack` closes."""
    if isinstance(sources, str | Path | NamedData):
        sources = [sources]
    files: list[RecordFile] = []
    for source in sources:
        files.extend(_expand_one(source, stack))
    if len(files) > MAX_FILES:
        raise ImportProblem(
            f"{len(files)} files in one import; the limit is {MAX_FILES}: split them."
        )
    return files


def _expand_one(source: Source, stack: ExitStack) -> list[RecordFile]:
    if isinstance(source, NamedData):
        if _is_archive_name(source.name) or source.data.startswith(ZIP_MAGIC):
            return _zip_files(source.name, io.BytesIO(source.data), stack)
        return [_record_file(source.name, len(source.data), lambda: source.data)]
    path = Path(source)
    if path.is_symlink():
        return [RecordFile(str(path), problem="a symbolic link: not followed.")]
    if path.is_dir():
        return _folder_files(path)
    if not path.is_file():
        return [RecordFile(str(path), problem="no such file or folder.")]
    if _is_archive_name(path.name):
        return _zip_files(str(path), path, stack)
    return [_record_file(str(path), path.stat().st_size, path.read_bytes)]


def _folder_files(folder: Path) -> list[RecordFile]:
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") or part == "__MACOSX" for part in relative.parts):
            continue  # hidden files and the litter of archivers and file managers
        if path.is_symlink():
            files.append(RecordFile(str(path), problem="a symbolic link: not followed."))
        elif path.is_file():
            if _is_archive_name(path.name):
                files.append(RecordFile(str(path), problem=_NESTED))
            else:
                files.append(_record_file(str(path), path.stat().st_size, path.read_bytes))
    return files


_NESTED = "an archive inside the import: unpack it, or import it on its own."


def _is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _record_file(name: str, size: int, read: Callable[[], bytes]) -> RecordFile:
    if not name.lower().endswith(RECORD_SUFFIXES):
        suffix = PurePosixPath(name).suffix or "no extension"
        return RecordFile(name, problem=f"not {EXPECTED} ({suffix}).")
    if size > MAX_FILE_BYTES:
        return RecordFile(name, problem=_too_large(size))
    return RecordFile(name, read=read)


def _too_large(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB; a record is at most {MAX_FILE_BYTES // 1024 // 1024} MB."


def _zip_files(name: str, file, stack: ExitStack) -> list[RecordFile]:
    try:
        archive = stack.enter_context(zipfile.ZipFile(file))
    except (zipfile.BadZipFile, OSError):
        return [RecordFile(name, problem="not a readable zip archive.")]
    members = [
        info for info in archive.infolist() if not info.is_dir() and not _is_litter(info.filename)
    ]
    if len(members) > MAX_FILES:
        return [RecordFile(name, problem=f"{len(members)} files; the limit is {MAX_FILES}.")]
    unpacked = sum(info.file_size for info in members)
    if unpacked > MAX_ARCHIVE_BYTES:
        return [
            RecordFile(
                name,
                problem=f"{unpacked / 1024 / 1024:.0f} MB unpacked; the limit is "
                f"{MAX_ARCHIVE_BYTES // 1024 // 1024} MB.",
            )
        ]
    return [_member(archive, info, f"{name}/{info.filename}") for info in members]


def _is_litter(member: str) -> bool:
    parts = PurePosixPath(member).parts
    return any(part == "__MACOSX" for part in parts) or PurePosixPath(member).name.startswith(".")


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> RecordFile:
    problem = _member_problem(info)
    if problem:
        return RecordFile(name, problem=problem)
    record = _record_file(name, info.file_size, lambda: _read_member(archive, info))
    return record


def _member_problem(info: zipfile.ZipInfo) -> str:
    member = info.filename
    path = PurePosixPath(member.replace("\\", "/"))
    if member.startswith(("/", "\\")) or ".." in path.parts or ":" in path.parts[0]:
        return "its path leaves the archive (an absolute path or “..”): refused."
    if stat.S_ISLNK(info.external_attr >> 16):
        return "a symbolic link: not followed."
    if info.flag_bits & 0x1:
        return "encrypted: give the archive without a password."
    if _is_archive_name(member):
        return _NESTED
    return ""


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, never more than MAX_FILE_BYTES whatever its header says."""
    try:
        with archive.open(info) as member:
            data = member.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ImportProblem(f"The archive's copy of this file is damaged ({exc}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem(_too_large(len(data)).replace("MB;", "MB or more unpacked;"))
    if data.startswith(ZIP_MAGIC):
        raise ImportProblem(_NESTED)
    return data
