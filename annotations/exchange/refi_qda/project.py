"""Writing a REFI-QDA project (.qdpx) of coded statements.

Statements are text sources (their text in Sources/<guid>.txt), analysts are
users, annotations are codings — a passage as a PlainTextSelection (positions
in Unicode code points of the text, as everywhere in the workbench), a
statement-level code as a selection of the whole text — and each speaker is a
case whose variables are the speaker's attributes (gender, speaker type,
delegation). A passage's memo travels as its selection's description; the
memos on a meeting or a code are <Notes> (their text inline), each meeting
memo referred to (<NoteRef>) by every statement source of its meeting and each
code memo by its code. Source names have "-" where a file name cannot hold a
character ("GA-11955 #47 …").

The project is streamed: qdpx_chunks writes the zip (stdlib zipfile) onto a
sink that cannot seek, so zipfile puts each member's sizes and CRC in a data
descriptor after its data instead of going back to its header, and the bytes
are handed on as they are written. Rows stream from the database and the
project XML is written element by element (lxml's xmlfile), so memory stays
bounded by one statement source, the speaker index (a few bytes per
statement) and one piece of about PIECE_BYTES, whatever the project's size.
"""

import datetime
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone
from lxml import etree

from tracker.models import Gender, Meeting, Statement

from ...models import Annotation, CodingScheme, Memo
from .codebook import codes_element
from .schema import ORIGIN, PROJECT_NS, guid, xml_text

CHUNK_SIZE = 2000
PIECE_BYTES = 256 * 1024  # the zip is handed on in pieces of about this size
P = f"{{{PROJECT_NS}}}"

CASE_VARIABLES = (
    ("Speaker", "Text"),
    ("Gender", "Text"),
    ("Speaker type", "Text"),
    ("Delegation", "Text"),
)
SOURCE_VARIABLES = (
    ("Meeting", "Text"),
    ("Meeting date", "Date"),
    ("Statement order", "Integer"),
    ("Segment", "Text"),
    ("Role", "Text"),
    ("On behalf of", "Text"),
)
WHOLE_STATEMENT = "Whole statement"
_NOT_IN_FILE_NAMES = re.compile(r'[/\\:*?"<>|\x00-\x1f]')
_VALUE_ELEMENT = {"Text": "TextValue", "Date": "DateValue", "Integer": "IntegerValue"}


@dataclass(frozen=True)
class Coding:
    id: int
    statement_id: int
    code_id: int
    analyst_id: int
    start: int | None
    end: int | None
    quote: str
    memo: str
    created: datetime.datetime


@dataclass(frozen=True)
class Note:
    """A memo on a meeting or on a code, as the project's <Note> carries it."""

    id: int
    meeting_id: int | None
    code_id: int | None
    author_id: int
    title: str
    text: str
    created: datetime.datetime
    updated: datetime.datetime
    target: str  # the meeting's symbol or the code's name

    @property
    def guid(self) -> str:
        return guid("memo", self.id)


def _notes(memos: QuerySet[Memo] | None) -> list[Note]:
    """The memos, read at once: a project holds a few per meeting and per code."""
    if memos is None:
        return []
    rows = memos.order_by("id").values_list(
        "id", "meeting_id", "code_id", "author_id", "title", "text", "created", "updated",
        "meeting__symbol", "code__name",
    )  # fmt: skip
    return [Note(*row[:8], target=row[8] or row[9]) for row in rows]


def _note_refs(notes: list[Note], key: str) -> dict[int, list[str]]:
    """The notes' GUIDs by meeting id (key "meeting_id") or code id ("code_id")."""
    refs: dict[int, list[str]] = {}
    for note in notes:
        target = getattr(note, key)
        if target is not None:
            refs.setdefault(target, []).append(note.guid)
    return refs


def _time(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _el(tag: str, parent=None, **attributes) -> etree._Element:
    attributes = {k: str(v) for k, v in attributes.items() if v not in (None, "")}
    if parent is None:
        return etree.Element(P + tag, attributes, nsmap={None: PROJECT_NS})
    return etree.SubElement(parent, P + tag, attributes)


def _variable_value(parent, name: str, kind: str, value) -> None:
    if value in (None, ""):
        return
    element = _el("VariableValue", parent)
    _el("VariableRef", element, targetGUID=guid("variable", name))
    _el(_VALUE_ELEMENT[kind], element).text = xml_text(
        value.isoformat() if isinstance(value, datetime.date) else str(value)
    )


def _case_key(statement: Statement) -> tuple:
    if statement.speaker_id:
        return ("speaker", statement.speaker_id, statement.delegation, statement.speaker_type)
    return ("delegation", statement.delegation, statement.speaker_type)


def source_name(name: str) -> str:
    """A source name that tools can use as a file name: GA/11955 #47 … → GA-11955 #47 ….

    QualCoder copies each source to a file named after it, and "/" (like \\ : * ? " < > |
    on Windows) cannot be in a file name; "-" keeps the symbol readable.
    """
    return _NOT_IN_FILE_NAMES.sub("-", xml_text(name)).strip() or "statement"


def _source_guid(statement_id: int) -> str:
    return guid("statement", statement_id)


def _statements(meetings: QuerySet[Meeting]) -> Iterator[Statement]:
    return (
        Statement.objects.filter(meeting__in=meetings)
        .select_related("meeting", "speaker")
        .order_by("id")
        .iterator(chunk_size=CHUNK_SIZE)
    )


def _codings(annotations: QuerySet[Annotation]) -> Iterator[Coding]:
    rows = (
        annotations.filter(deleted_at__isnull=True)
        .order_by("statement_id", "start", "id")
        .values_list(
            "id",
            "statement_id",
            "code_id",
            "analyst_id",
            "start",
            "end",
            "quote",
            "memo",
            "created",
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )
    return (Coding(*row) for row in rows)


def _users_element(annotations: QuerySet[Annotation], notes: list[Note]) -> etree._Element | None:
    authors = {note.author_id for note in notes}
    analysts = (
        get_user_model()
        .objects.filter(Q(pk__in=annotations.values("analyst_id")) | Q(pk__in=authors))
        .order_by("username")
        .only("pk", "username")
    )
    users = _el("Users")
    for analyst in analysts:
        _el(
            "User",
            users,
            guid=guid("user", analyst.pk),
            name=xml_text(analyst.username),
            id=analyst.username,
        )
    return users if len(users) else None


def _codebook_element(schemes: QuerySet[CodingScheme], notes: list[Note]) -> etree._Element | None:
    schemes = [s for s in schemes.prefetch_related("codes") if s.codes.all()]
    if not schemes:
        return None
    codebook = _el("CodeBook")
    codes_element(codebook, PROJECT_NS, schemes, notes=_note_refs(notes, "code_id"))
    return codebook


def _variables_element() -> etree._Element:
    variables = _el("Variables")
    for name, kind in CASE_VARIABLES + SOURCE_VARIABLES:
        _el("Variable", variables, guid=guid("variable", name), name=name, typeOfVariable=kind)
    return variables


def _cases_element(meetings: QuerySet[Meeting]) -> etree._Element | None:
    cases: dict[tuple, tuple[Statement, list[int]]] = {}
    for statement in _statements(meetings):
        key = _case_key(statement)
        cases.setdefault(key, (statement, []))[1].append(statement.pk)
    if not cases:
        return None
    element = _el("Cases")
    for key, (first, statement_ids) in cases.items():
        label = first.speaker_label + (
            f" ({first.delegation})" if first.speaker_id and first.delegation else ""
        )
        case = _el(
            "Case", element, guid=guid("case", "|".join(map(str, key))), name=xml_text(label)
        )
        gender = first.speaker.gender if first.speaker_id else Gender.UNKNOWN
        for (name, kind), value in zip(
            CASE_VARIABLES,
            (
                first.speaker.name if first.speaker_id else "",
                gender,
                first.speaker_type,
                first.delegation,
            ),
            strict=True,
        ):
            _variable_value(case, name, kind, value)
        for statement_id in statement_ids:
            _el("SourceRef", case, targetGUID=_source_guid(statement_id))
    return element


def _text_source(
    statement: Statement, codings: list[Coding], notes: list[str] = ()
) -> etree._Element:
    meeting = statement.meeting
    source = _el(
        "TextSource",
        guid=_source_guid(statement.pk),
        name=source_name(f"{meeting.symbol} #{statement.order} {statement.speaker_label}"),
        plainTextPath=f"internal://{_source_guid(statement.pk)}.txt",
        creationDateTime=_time(statement.created),
        modifiedDateTime=_time(statement.updated),
    )
    for coding in codings:
        # A statement-level code is a selection of the whole text: QualCoder (and
        # others) read codings only from selections, not from the source itself.
        whole = coding.start is None
        selection = _el(
            "PlainTextSelection",
            source,
            guid=guid("selection", coding.id),
            name=WHOLE_STATEMENT if whole else xml_text(coding.quote[:100]),
            startPosition=0 if whole else coding.start,
            endPosition=len(statement.text) if whole else coding.end,
            creatingUser=guid("user", coding.analyst_id),
            creationDateTime=_time(coding.created),
        )
        if coding.memo:
            _el("Description", selection).text = xml_text(coding.memo)
        _coding(selection, coding)
    for note in notes:
        _el("NoteRef", source, targetGUID=note)
    for (name, kind), value in zip(
        SOURCE_VARIABLES,
        (
            meeting.symbol,
            meeting.date,
            statement.order,
            statement.segment,
            statement.role,
            statement.on_behalf_of,
        ),
        strict=True,
    ):
        _variable_value(source, name, kind, value)
    return source


def _coding(parent, coding: Coding) -> etree._Element:
    element = _el(
        "Coding",
        parent,
        guid=guid("coding", coding.id),
        creatingUser=guid("user", coding.analyst_id),
        creationDateTime=_time(coding.created),
    )
    _el("CodeRef", element, targetGUID=guid("code", coding.code_id))
    return element


def _notes_element(notes: list[Note]) -> etree._Element | None:
    """<Notes>: each memo as a note with its text inline, its author and its times."""
    if not notes:
        return None
    element = _el("Notes")
    for note in notes:
        item = _el(
            "Note",
            element,
            guid=note.guid,
            name=xml_text(note.title or f"Memo on {note.target}"),
            creatingUser=guid("user", note.author_id),
            creationDateTime=_time(note.created),
            modifiedDateTime=_time(note.updated),
        )
        _el("PlainTextContent", item).text = xml_text(note.text)
    return element


def _write_sources(
    xf, meetings: QuerySet[Meeting], annotations: QuerySet[Annotation], notes: list[Note]
):
    """<Sources>: the statements in id order, each with its codings (a merge of two
    streams sorted by statement id) and its meeting's notes. Yields after each source,
    so the caller can pass on what has been written."""
    meeting_notes = _note_refs(notes, "meeting_id")
    codings = _codings(annotations)
    pending = next(codings, None)
    with xf.element(P + "Sources"):
        for statement in _statements(meetings):
            mine = []
            while pending is not None and pending.statement_id <= statement.pk:
                if pending.statement_id == statement.pk:
                    mine.append(pending)
                pending = next(codings, None)
            xf.write(_text_source(statement, mine, meeting_notes.get(statement.meeting_id, [])))
            yield


class _Pipe:
    """A write-only sink that cannot seek or tell: zipfile then streams (data
    descriptors), and `taken` hands on what has been written so far."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.pieces.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def taken(self) -> bytes:
        data = b"".join(self.pieces)
        self.pieces, self.size = [], 0
        return data


def _write_project(
    zf: zipfile.ZipFile,
    *,
    name: str,
    annotations: QuerySet[Annotation],
    meetings: QuerySet[Meeting],
    schemes: QuerySet[CodingScheme],
    memos: QuerySet[Memo] | None = None,
) -> Iterator[None]:
    """Write the members into `zf`, yielding after each unit of work (a source file,
    an element of the project XML)."""
    now = _time(timezone.now())
    notes = _notes(memos)
    for statement in _statements(meetings):
        zf.writestr(f"Sources/{_source_guid(statement.pk)}.txt", statement.text.encode("utf-8"))
        yield
    has_sources = Statement.objects.filter(meeting__in=meetings).exists()
    with zf.open("project.qde", "w", force_zip64=True) as stream:
        with etree.xmlfile(stream, encoding="utf-8") as xf:
            xf.write_declaration()
            attributes = {"name": xml_text(name) or "project", "origin": ORIGIN}
            attributes["creationDateTime"] = now
            with xf.element(P + "Project", attributes, nsmap={None: PROJECT_NS}):
                for element in (
                    _users_element(annotations, notes),
                    _codebook_element(schemes, notes),
                    _variables_element(),
                    _cases_element(meetings),
                ):
                    if element is not None:
                        xf.write(element)
                        yield
                if has_sources:
                    yield from _write_sources(xf, meetings, annotations, notes)
                notes_element = _notes_element(notes)
                if notes_element is not None:
                    xf.write(notes_element)


def qdpx_chunks(
    *,
    name: str,
    annotations: QuerySet[Annotation],
    meetings: QuerySet[Meeting],
    schemes: QuerySet[CodingScheme],
    memos: QuerySet[Memo] | None = None,
) -> Iterator[bytes]:
    """A .qdpx of the meetings' statements, coded with `annotations`, as it is written:
    pieces of about PIECE_BYTES (the last one ends the zip).

    `schemes` are the codebooks the codings refer to (their codes all go in); `memos`
    the memos on the meetings and on those codes, written as notes.
    """
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for _ in _write_project(
            zf,
            name=name,
            annotations=annotations,
            meetings=meetings,
            schemes=schemes,
            memos=memos,
        ):
            if pipe.size >= PIECE_BYTES:
                yield pipe.taken()
    yield pipe.taken()


def write_qdpx(*, target: BinaryIO, **project) -> None:
    """The same project written to a seekable file (`target`): for scripts and tests."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for _ in _write_project(zf, **project):
            pass
