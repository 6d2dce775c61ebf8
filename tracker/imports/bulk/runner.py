"""import_many: many record files, each imported all-or-nothing — pure orchestration.

    import_many(sources, *, kind="auto", dry_run=False, keep_going=False,
                imported_by=None, progress=None) → BulkReport

Called by `manage.py import_archive` and by the queue's task (tasks.py); no HTTP here.
Each record is parsed by the catalogue and saved by the saver in its own transaction, so
a record is never half-written. What happens when some files are refused:

- keep_going=False (the default): every file is checked first (parsed, and saved in a
  dry run that is rolled back); if any is refused, nothing of the whole import is saved
  and the other files are reported as "held back". Otherwise they are saved one by one.
- keep_going=True: each file is imported on its own; the refused ones are reported and
  the others saved — the analyst asked for what can be imported.

A file whose import would change nothing is rolled back (not even a timestamp moves) and
reported "unchanged", so re-running the same archive changes nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.imports.parsing import catalogue
from tracker.imports.parsing.records import ImportProblem, PressRelease

# The one place that names the saver (renamed record_save on the imports-faces branch).
from tracker.imports.saving import SELF_NAMED_ERRORS, ImportOutcome, record_save
from tracker.models import Meeting
from tracker.web.errors import validation_messages

from .sources import RecordFile, Source, expand

logger = logging.getLogger(__name__)

IMPORTED, UPDATED, UNCHANGED, REFUSED, HELD_BACK = (
    "imported",
    "updated",
    "unchanged",
    "refused",
    "held back",
)
STATUSES = (IMPORTED, UPDATED, UNCHANGED, REFUSED, HELD_BACK)
CHECKING, SAVING, IMPORTING = "checking", "saving", "importing"
# What a re-import may change on the meeting itself (timestamps and key aside).
_MEETING_STATE = [
    f.attname for f in Meeting._meta.concrete_fields if f.name not in {"id", "created", "updated"}
]


@dataclass(frozen=True)
class FileResult:
    name: str
    status: str
    symbol: str = ""
    reason: str = ""
    statements: int = 0
    warnings: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Progress:
    """Told to the `progress` callback after each file of each phase."""

    phase: str  # checking, saving or importing
    done: int
    total: int
    result: FileResult


@dataclass
class BulkReport:
    files: list[FileResult] = field(default_factory=list)
    dry_run: bool = False
    keep_going: bool = False

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(result.status for result in self.files)
        return {status: found[status] for status in STATUSES}

    @property
    def refused(self) -> list[FileResult]:
        return [result for result in self.files if result.status == REFUSED]

    @property
    def summary(self) -> str:
        counts = self.counts
        what = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
        head = f"{len(self.files)} files: {what or 'none'}."
        if self.dry_run:
            return f"Dry run, nothing was saved. {head}"
        if counts[HELD_BACK]:
            return (
                f"Nothing was saved: {counts[REFUSED]} files were refused (see their reasons; "
                f"fix them, or import with keep going to save the others). {head}"
            )
        return head

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "keep_going": self.keep_going,
            "counts": self.counts,
            "summary": self.summary,
            "files": [result.as_dict() for result in self.files],
        }


ProgressCallback = Callable[[Progress], None]


def import_many(
    sources: Source | Iterable[Source],
    *,
    kind: str = "auto",
    dry_run: bool = False,
    keep_going: bool = False,
    imported_by=None,
    progress: ProgressCallback | None = None,
) -> BulkReport:
    """Import every record file of `sources` (folders, files, zips); see the module."""
    tell = progress or (lambda _: None)
    with ExitStack() as stack:
        files = expand(sources, stack)
        if dry_run or keep_going:
            phase = CHECKING if dry_run else IMPORTING
            results = [
                _tell(tell, phase, n, len(files), _import_one(f, kind, dry_run, imported_by)[0])
                for n, f in enumerate(files, 1)
            ]
        else:
            results = _check_then_save(files, kind, imported_by, tell)
    return BulkReport(files=results, dry_run=dry_run, keep_going=keep_going)


def _tell(tell: ProgressCallback, phase: str, done: int, total: int, result: FileResult):
    tell(Progress(phase=phase, done=done, total=total, result=result))
    return result


def _check_then_save(files: list[RecordFile], kind: str, imported_by, tell) -> list[FileResult]:
    checked = []
    for n, record_file in enumerate(files, 1):
        result, release = _import_one(record_file, kind, True, imported_by)
        checked.append((record_file, release, _tell(tell, CHECKING, n, len(files), result)))
    refused = sum(result.status == REFUSED for _, _, result in checked)
    if refused:
        reason = f"nothing was saved because {refused} of the files were refused."
        return [
            result if result.status == REFUSED else _held_back(result, reason)
            for _, _, result in checked
        ]
    results = []
    for n, (record_file, release, _) in enumerate(checked, 1):
        result = _save_checked(record_file, release, imported_by)
        results.append(_tell(tell, SAVING, n, len(files), result))
    return results


def _held_back(result: FileResult, reason: str) -> FileResult:
    return FileResult(result.name, HELD_BACK, result.symbol, reason, result.statements)


def _save_checked(record_file: RecordFile, release: PressRelease, imported_by) -> FileResult:
    # Checked a moment ago; refused now only if someone changed the meeting meanwhile.
    try:
        return _save(record_file.name, release, dry_run=False, imported_by=imported_by)
    except ValidationError as exc:
        return _refused(record_file.name, _messages(exc), release)


def _import_one(
    record_file: RecordFile, kind: str, dry_run: bool, imported_by
) -> tuple[FileResult, PressRelease | None]:
    """Parse and save (or check) one file: its result, and the parse if it has one."""
    if record_file.problem:
        return _refused(record_file.name, record_file.problem), None
    release = None
    try:
        release = catalogue.parse(record_file.read(), kind=kind, symbol="")
        return _save(record_file.name, release, dry_run=dry_run, imported_by=imported_by), release
    except ImportProblem as exc:
        return _refused(record_file.name, str(exc), release), None
    except ValidationError as exc:
        return _refused(record_file.name, _messages(exc), release), None
    except Exception as exc:  # one broken file must not stop hundreds of others
        logger.exception("Bulk import failed on %s", record_file.name)
        reason = f"the workbench failed on this file ({type(exc).__name__}; see its log)."
        return _refused(record_file.name, reason, release), None


def _messages(exc: ValidationError) -> str:
    return " ".join(validation_messages(exc, unlabelled=SELF_NAMED_ERRORS))


def _refused(name: str, reason: str, release: PressRelease | None = None) -> FileResult:
    symbol = release.meeting.symbol if release else ""
    return FileResult(name, REFUSED, symbol, reason)


def _save(name: str, release: PressRelease, *, dry_run: bool, imported_by) -> FileResult:
    before = Meeting.objects.filter(symbol=release.meeting.symbol).values(*_MEETING_STATE).first()
    with transaction.atomic():
        outcome = record_save(release=release, imported_by=imported_by, dry_run=dry_run)
        status = _status(outcome, before)
        if status == UNCHANGED:
            transaction.set_rollback(True)  # not even the meeting's timestamp moves
    return FileResult(
        name,
        status,
        outcome.meeting.symbol,
        statements=len(release.statements),
        warnings=len(outcome.warnings),
    )


def _status(outcome: ImportOutcome, before: dict | None) -> str:
    if outcome.created or before is None:
        return IMPORTED
    after = {name: getattr(outcome.meeting, name) for name in _MEETING_STATE}
    changed = (
        outcome.statements_created
        or outcome.statements_updated
        or outcome.statements_removed
        or outcome.speakers_created
        or after != before
    )
    return UPDATED if changed else UNCHANGED
