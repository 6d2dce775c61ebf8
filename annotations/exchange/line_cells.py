"""The cells of an export line, where each comes from, and how CSV and JSON Lines lay
them out: what both databases' line builders share (exchange.copy_lines for
PostgreSQL's COPY, exchange.sqlite_lines for SQLite).

A line is the annotation's own cells (id, offsets, quote, memo, time) and the
cells of its statement, meeting, speaker, code and analyst, in the order of
rows.EXPORT_COLUMNS. Those other cells repeat on every annotation of the same
statement or code, so both builders format them once per row of their own
table and join the finished text; cut into runs of one source, CELLS says which.
"""

import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet

from tracker.models import Gender, Meeting, Speaker, Statement
from tracker.web.csv_files import neutralise_formula

from ..models import Annotation, Code
from .rows import HEADINGS

NUMBER_HEADINGS = frozenset({"annotation_id", "statement_id", "statement_order", "start", "end"})


@dataclass(frozen=True)
class Source:
    alias: str
    model: type[Model]
    # How its one row is found: (its column, the alias.column it matches).
    key: tuple[str, str]
    optional: bool = False  # LEFT JOIN: a statement need not have a speaker


ANNOTATION = Source("a", Annotation, ("id", "a.id"))
STATEMENT = Source("st", Statement, ("id", "a.statement_id"))
MEETING = Source("mt", Meeting, ("id", "st.meeting_id"))
SPEAKER = Source("spk", Speaker, ("id", "st.speaker_id"), optional=True)
CODE = Source("cd", Code, ("id", "a.code_id"))
ANALYST = Source("us", get_user_model(), ("id", "a.analyst_id"))

# (heading, source, field) in export order; checked against rows.HEADINGS below.
CELLS: tuple[tuple[str, Source, str], ...] = (
    ("annotation_id", ANNOTATION, "id"),
    ("meeting_symbol", MEETING, "symbol"),
    ("meeting_date", MEETING, "date"),
    ("statement_id", STATEMENT, "id"),
    ("statement_order", STATEMENT, "order"),
    ("segment", STATEMENT, "segment"),
    ("speaker", SPEAKER, "name"),
    ("gender", SPEAKER, "gender"),
    ("speaker_type", STATEMENT, "speaker_type"),
    ("delegation", STATEMENT, "delegation"),
    ("on_behalf_of", STATEMENT, "on_behalf_of"),
    ("code_slug", CODE, "slug"),
    ("code_name", CODE, "name"),
    ("code_group", CODE, "group"),
    ("analyst", ANALYST, "username"),
    ("start", ANNOTATION, "start"),
    ("end", ANNOTATION, "end"),
    ("quote", ANNOTATION, "quote"),
    ("memo", ANNOTATION, "memo"),
    ("created", ANNOTATION, "created"),
)
if tuple(heading for heading, _, _ in CELLS) != HEADINGS:  # pragma: no cover
    raise ImportError("line_cells.CELLS must follow rows.EXPORT_COLUMNS")

# What a statement without a speaker shows (rows.EXPORT_COLUMNS): no name, gender unknown.
NO_SPEAKER = {"speaker": None, "gender": Gender.UNKNOWN}
# The annotation's own columns, as the builders' FROM hands them over.
OWN_COLUMNS = (
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


def live_in_export_order(annotations: QuerySet) -> QuerySet:
    return annotations.filter(deleted_at__isnull=True).order_by("id")


def literal(text: str) -> str:
    """An SQL string literal (standard SQL: PostgreSQL's standard_conforming_strings, SQLite)."""
    return "'" + text.replace("'", "''") + "'"


def kind(heading: str) -> str:
    """How a cell is written: "number", "timestamp", "date" or "text"."""
    if heading in NUMBER_HEADINGS:
        return "number"
    if heading == "created":
        return "timestamp"
    if heading == "meeting_date":
        return "date"
    return "text"


def runs() -> list[tuple[Source, list[int]]]:
    """CELLS cut into runs of one source: [(source, [index in CELLS…])…]."""
    cut: list[tuple[Source, list[int]]] = []
    for index, (_, source, _) in enumerate(CELLS):
        if cut and cut[-1][0] is source:
            cut[-1][1].append(index)
        else:
            cut.append((source, [index]))
    return cut


class CsvLayout:
    """RFC 4180: cells between commas, CRLF line ends; text quoted, formula-safe."""

    closing = ""
    line_end = "\r\n"

    def opening(self, index: int) -> str:
        """The text before the cell at `index` (of CELLS)."""
        return "" if index == 0 else ","

    def value(self, value) -> str:
        """A constant cell's text."""
        text = "" if value is None else neutralise_formula(value)
        return '"' + text.replace('"', '""') + '"'


class JsonLayout:
    """`{"heading": value, …}` as json.dumps(…, ensure_ascii=False) writes it, "\\n" ends."""

    closing = "}"
    line_end = "\n"

    def opening(self, index: int) -> str:
        return ("{" if index == 0 else ", ") + json.dumps(HEADINGS[index]) + ": "

    def value(self, value) -> str:
        return json.dumps(value, ensure_ascii=False)
