"""A parse as the JSON of `import_record --json`: one contract for every kind of record.

    {"kind", "meeting": {"symbol", "body", "session", "meeting_number", "title", "date", …},
     "statements": [{"order", "segment", "speaker": {"name", "gender", "type"} | null,
                     "gender", "speaker_type", "delegation", "role", "on_behalf_of",
                     "language", "text"}],
     "notes": [{"segment", "text"}], "warnings": [{"message", "statement", "field"}]}

`gender` and `speaker_type` are on every statement, also when no person is named;
`language` is empty when the record does not say (only verbatim records do).
"""

from __future__ import annotations

from dataclasses import asdict

from .records import PressRelease
from .records import Statement as ParsedStatement
from .verbatim.records import meeting_dict

STATEMENT_KEYS = (
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
)


def record_json(release: PressRelease) -> dict:
    return {
        "kind": release.kind,
        "meeting": meeting_dict(release.meeting),
        "statements": [statement_json(s) for s in release.statements],
        "notes": [asdict(note) for note in release.notes],
        "warnings": [asdict(warning) for warning in release.warnings],
    }


def statement_json(statement: ParsedStatement) -> dict:
    speaker = statement.speaker
    return {
        "order": statement.order,
        "segment": statement.segment,
        "speaker": asdict(speaker) if speaker else None,
        "gender": speaker.gender if speaker else statement.gender,
        "speaker_type": statement.speaker_type,
        "delegation": statement.delegation,
        "role": statement.role,
        "on_behalf_of": statement.on_behalf_of,
        "language": getattr(statement, "language", ""),
        "text": statement.text,
    }
