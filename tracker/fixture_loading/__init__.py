"""Loading a Django JSON fixture from the admin: a dry run first, then the real load.

Both runs do the same work inside one transaction: read every record, validate it as
the model would (field validation, `clean()`, unique checks, database constraints),
save it, check that every reference points at a record that exists, run the checks
other apps registered for their models — then roll back (dry run, or any problem) or
commit. A broken or half-valid file therefore changes nothing, and the summary of a
dry run is exactly what the load would do.

The loader knows no app's models: it works on any model through
`django.core.serializers`. Rules that need another app's knowledge (for example, that
an annotation's quote matches its statement's text) are registered by that app with
`register_record_check`, so this module never imports `annotations`.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .checks import RecordCheck, register_record_check, run_record_checks
from .reading import (
    MAX_FIXTURE_BYTES,
    check_permissions,
    deserialize,
    mark_existing,
    parse_records,
    summarise,
)
from .report import (
    MAX_PROBLEMS,
    FixtureReport,
    ModelSummary,
    Progress,
    RecordProblem,
    Rejected,
    no_progress,
)
from .saving import (
    check_database_constraints,
    check_references,
    leave_a_trace,
    reset_sequences,
    save_all,
)

__all__ = [
    "MAX_FIXTURE_BYTES",
    "MAX_PROBLEMS",
    "FixtureReport",
    "ModelSummary",
    "Progress",
    "RecordCheck",
    "RecordProblem",
    "load_fixture",
    "preview_fixture",
    "register_record_check",
]


def preview_fixture(
    *, content: bytes, name: str, user: AbstractBaseUser, progress: Progress = no_progress
) -> FixtureReport:
    """The dry run: what loading `content` would create and update, and what stops it."""
    return _load(content=content, name=name, user=user, commit=False, progress=progress)


def load_fixture(
    *, content: bytes, name: str, user: AbstractBaseUser, progress: Progress = no_progress
) -> FixtureReport:
    """Load `content` for good, or change nothing when any record has a problem."""
    return _load(content=content, name=name, user=user, commit=True, progress=progress)


def _load(
    *, content: bytes, name: str, user: AbstractBaseUser, commit: bool, progress: Progress
) -> FixtureReport:
    report = FixtureReport(name=name)
    try:
        progress("reading the file", 0, 0)
        raw_records = parse_records(content, report)
        report.records = len(raw_records)
        records = deserialize(raw_records, report, progress)
        mark_existing(records, report)
        summarise(records, report)
        check_permissions(records, user, report)
    except Rejected:
        return report
    with transaction.atomic():
        save_all(records, report, progress)
        progress("checking references", len(records), len(records))
        if report.ok:
            check_references(records, report)
        if report.ok:
            run_record_checks(records, report)
        if report.ok:
            check_database_constraints(records, report)
        if report.ok and commit:
            progress("writing the trace", len(records), len(records))
            reset_sequences(records)
            leave_a_trace(records, name, user)
            report.committed = True
        else:
            transaction.set_rollback(True)
    return report
