"""The plain data a parse produces: no Django, no ORM, JSON-ready.

Gender and speaker-type values are the strings the models store
(tracker.models.Gender and SpeakerType); a test keeps the two in step.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

FEMALE = "female"
MALE = "male"
UNKNOWN = "unknown"
GENDERS = (FEMALE, MALE, UNKNOWN)

MEMBER_STATE = "member_state"
OBSERVER = "observer"
UN_OFFICIAL = "un_official"
CIVIL_SOCIETY = "civil_society"
SURVIVOR = "survivor"
PRESIDING_OFFICER = "presiding_officer"
OTHER = "other"
SPEAKER_TYPES = (
    MEMBER_STATE,
    OBSERVER,
    UN_OFFICIAL,
    CIVIL_SOCIETY,
    SURVIVOR,
    PRESIDING_OFFICER,
    OTHER,
)

PRESS_RELEASE = "press_release"
PRELIMINARY_RELEASE = "preliminary_release"
SUMMARY = "summary"
SPEECH = "speech"
RECORD_KINDS = (PRESS_RELEASE, PRELIMINARY_RELEASE, SUMMARY, SPEECH)  # what parsers produce


class ImportProblem(ValueError):
    """The input cannot be imported at all; the message says why, for the analyst."""


@dataclass(frozen=True)
class MeetingHeader:
    symbol: str = ""
    body: str = ""
    session: str = ""
    meeting_number: str = ""
    title: str = ""
    subtitle: str = ""
    date: datetime.date | None = None
    source_url: str = ""
    summary: tuple[str, ...] = ()
    # A preliminary release: "A complete summary … will be made available" later.
    preliminary: bool = False


@dataclass(frozen=True)
class Speaker:
    name: str
    gender: str = UNKNOWN
    type: str = OTHER


@dataclass(frozen=True)
class Statement:
    order: int
    segment: str
    speaker: Speaker | None
    delegation: str
    role: str
    on_behalf_of: str
    speaker_type: str
    text: str
    # The speaker's gender, also when the release names no one ("The representative of X
    # said her country…"); for a named speaker, the speaker's.
    gender: str = UNKNOWN
    # True when the text is a summary's account of the statement, not the statement
    # paragraph by paragraph (a summary release or page).
    from_summary: bool = False

    @property
    def label(self) -> str:
        """Who spoke, as an analyst would name the statement in a message."""
        if self.speaker:
            return self.speaker.name
        if self.delegation:
            return f"the representative of {self.delegation}"
        return "an unattributed speaker"


@dataclass(frozen=True)
class Note:
    """A paragraph about the meeting or about several speakers at once."""

    segment: str
    text: str


@dataclass(frozen=True)
class ImportWarning:
    """Something the analyst should check: `statement` is its order, if it has one;
    `field` names what to correct (symbol, date, speaker_name, gender), so that a
    correction clears the warning."""

    message: str
    statement: int | None = None
    field: str = ""


@dataclass(frozen=True)
class PressRelease:
    """A parsed meeting record: the header, attributed statements and notes.

    A single speech is a release with one statement and kind "speech".
    """

    meeting: MeetingHeader
    statements: tuple[Statement, ...] = ()
    notes: tuple[Note, ...] = ()
    warnings: tuple[ImportWarning, ...] = ()
    kind: str = PRESS_RELEASE
    source: str = field(default="", repr=False)

    @property
    def notes_text(self) -> str:
        """The notes as Meeting.notes stores them: a line naming each new segment."""
        blocks: list[str] = []
        segment = None
        for note in self.notes:
            if note.segment != segment and note.segment:
                blocks.append(f"{note.segment}\n{note.text}")
            else:
                blocks.append(note.text)
            segment = note.segment
        return "\n\n".join(blocks)

    def as_dict(self) -> dict:
        """The JSON of `import_press_release --json` and of the preview API."""
        meeting = asdict(self.meeting)
        meeting["date"] = self.meeting.date.isoformat() if self.meeting.date else None
        meeting["summary"] = list(self.meeting.summary)
        return {
            "kind": self.kind,
            "meeting": meeting,
            "statements": [
                {
                    "order": s.order,
                    "segment": s.segment,
                    "speaker": asdict(s.speaker) if s.speaker else None,
                    "delegation": s.delegation,
                    "role": s.role,
                    "on_behalf_of": s.on_behalf_of,
                    "speaker_type": s.speaker_type,
                    "gender": s.gender,
                    "from_summary": s.from_summary,
                    "text": s.text,
                }
                for s in self.statements
            ],
            "notes": [asdict(n) for n in self.notes],
            "warnings": [asdict(w) for w in self.warnings],
        }


ADDED_RECORD_NAME_LENGTH = 120  # tracker.models.Statement.added_from


def added_record_name(release: PressRelease) -> str:
    """What names a record added to another meeting (a speech) among that meeting's
    statements: its symbol, else its kind and speaker ("speech of Amina Mohammed")."""
    if release.meeting.symbol:
        return release.meeting.symbol
    first = release.statements[0] if release.statements else None
    who = first.label if first else "an unattributed speaker"
    return f"{release.kind.replace('_', ' ')} of {who}"[:ADDED_RECORD_NAME_LENGTH]
