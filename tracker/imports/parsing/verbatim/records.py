"""The plain data of a parsed verbatim record: the press release's shapes, plus what a
verbatim record says that a release does not (delivery language, time and place, the
President and members on the cover, the agenda)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tracker.imports.parsing.records import UNKNOWN, PressRelease, Statement

from .header import VerbatimHeader

VERBATIM_RECORD = "verbatim_record"


@dataclass(frozen=True)
class VerbatimStatement(Statement):
    """A statement with the language it was delivered in ("spoke in Spanish"; English
    when the record notes none) and the speaker's gender also when no person is named."""

    language: str = "English"
    gender: str = UNKNOWN


@dataclass(frozen=True)
class VerbatimRecord(PressRelease):
    """What `parse_verbatim_record` returns; the saver stores it as it stores a release."""

    kind: str = VERBATIM_RECORD
    segments: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The JSON of `import_record --json`: gender, speaker_type and language on every
        statement."""
        data = super().as_dict()
        data["meeting"] = meeting_dict(self.meeting)
        for row, statement in zip(data["statements"], self.statements, strict=True):
            row["gender"] = getattr(statement, "gender", UNKNOWN)
            row["language"] = getattr(statement, "language", "")
        data["segments"] = list(self.segments)
        return data


def meeting_dict(meeting) -> dict:
    data = asdict(meeting)
    data["date"] = meeting.date.isoformat() if meeting.date else None
    data["summary"] = list(meeting.summary)
    if isinstance(meeting, VerbatimHeader):
        data["members"] = [asdict(m) for m in meeting.members]
        data["agenda"] = list(meeting.agenda)
    return data
