"""Writes of the meeting record: saving an imported record of any kind.

    record_save(*, release, imported_by=None, dry_run=False) → ImportOutcome

with `into_meeting=` to add a record (a single speech) to a meeting already imported, and
`same_meeting_as=` to link the two records of one meeting (found by date, body and
meeting number when not given). All-or-nothing; see .records for the rules of re-import.
"""

from .records import (
    SELF_NAMED_ERRORS,
    ImportConflict,
    ImportOutcome,
    record_save,
    validate_release,
)

__all__ = [
    "SELF_NAMED_ERRORS",
    "ImportConflict",
    "ImportOutcome",
    "record_save",
    "validate_release",
]
