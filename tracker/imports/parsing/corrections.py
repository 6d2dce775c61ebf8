"""The analyst's corrections from the preview, applied to a parse (pure data)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .gazetteer import normalise_space
from .records import (
    GENDERS,
    SPEAKER_TYPES,
    SPEECH,
    ImportProblem,
    PressRelease,
    Speaker,
    Statement,
)
from .source import normalise_text

MEETING_FIELDS = ("symbol", "body", "session", "meeting_number", "title", "subtitle", "date")
MEETING_FIELDS += ("source_url",)
STATEMENT_FIELDS = (
    "speaker_name",
    "gender",
    "speaker_type",
    "delegation",
    "role",
    "on_behalf_of",
    "segment",
    "text",
)


def apply_corrections(
    release: PressRelease,
    *,
    meeting: Mapping[str, Any] | None = None,
    statements: Mapping[int, Mapping[str, Any]] | None = None,
) -> PressRelease:
    """A copy of `release` with the analyst's corrections.

    `statements` maps a statement's order to its corrected fields (STATEMENT_FIELDS);
    an empty speaker_name makes the statement a delegation's ("The representative of X").
    Text can be edited (trimmed) only for a single speech: a release's text is evidence.
    """
    header = release.meeting
    cleared: set[tuple[int | None, str]] = set()
    if meeting:
        changes = {k: v for k, v in meeting.items() if k in MEETING_FIELDS}
        if "date" in changes:
            changes["date"] = _date(changes["date"])
        for key in ("symbol",):
            if key in changes:
                changes[key] = "".join(str(changes[key] or "").split()).upper()
        for key, value in changes.items():
            if key != "date":
                changes[key] = normalise_space(str(value or ""))
        header = replace(header, **changes)
        cleared = {(None, key) for key, value in changes.items() if value}
    corrected = list(release.statements)
    by_order = {s.order: index for index, s in enumerate(corrected)}
    for order, fields in (statements or {}).items():
        if order not in by_order:
            raise ImportProblem(f"There is no statement {order} in this release.")
        index = by_order[order]
        corrected[index] = _statement(corrected[index], fields, kind=release.kind)
        cleared.update((order, key) for key, value in fields.items() if value not in ("", None))
    warnings = tuple(
        w for w in release.warnings if not (w.field and (w.statement, w.field) in cleared)
    )
    return replace(release, meeting=header, statements=tuple(corrected), warnings=warnings)


def _statement(statement: Statement, fields: Mapping[str, Any], *, kind: str) -> Statement:
    fields = {k: v for k, v in fields.items() if k in STATEMENT_FIELDS}
    if "text" in fields:
        # A browser's textarea sends CRLF: the text is compared and kept as stored, with LF.
        fields["text"] = normalise_text(str(fields["text"] or ""))
    if "text" in fields and fields["text"] != statement.text:
        if kind != SPEECH:
            raise ImportProblem(
                f"Statement {statement.order}: a release's statement text is kept as printed "
                "and cannot be edited in the import; correct it after import if needed."
            )
        text = fields["text"].strip()
        if not text:
            raise ImportProblem("The speech text is empty: keep at least one paragraph.")
        statement = replace(statement, text=text)
    # An unnamed representative keeps the gender the record's pronouns gave.
    gender = fields.get("gender") or (
        statement.speaker.gender if statement.speaker else statement.gender
    )
    kind_of_speaker = fields.get("speaker_type") or statement.speaker_type
    if gender not in GENDERS:
        raise ImportProblem(f"Statement {statement.order}: “{gender}” is not a gender.")
    if kind_of_speaker not in SPEAKER_TYPES:
        raise ImportProblem(f"Statement {statement.order}: “{kind_of_speaker}” is not a type.")
    name = statement.speaker.name if statement.speaker else ""
    if "speaker_name" in fields:
        name = normalise_space(str(fields["speaker_name"] or ""))
    speaker = Speaker(name=name, gender=gender, type=kind_of_speaker) if name else None
    text_fields = {
        key: normalise_space(str(fields[key] or ""))
        for key in ("delegation", "role", "on_behalf_of", "segment")
        if key in fields
    }
    return replace(
        statement, speaker=speaker, speaker_type=kind_of_speaker, gender=gender, **text_fields
    )


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ImportProblem(f"“{value}” is not a date; use YYYY-MM-DD.") from None
