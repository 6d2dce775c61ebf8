"""CSV and JSON Lines built whole by PostgreSQL, for COPY … (FORMAT binary).

Every export line is one text value the database finishes, line end included,
so the COPY needs no CSV scan of its own and Python only strips the binary
framing (exchange.streaming.copy_lines). The bytes are those of
exchange.csv_sql and exchange.jsonl_sql (SQLite's path), which the equality
tests pin on both databases.

What makes it cheap (benchmarks/README.md, "Issue 18, round 5"): the cells of
a statement, its meeting, its speaker, a code and an analyst are formatted
once each, not once per annotation. Each comes from a LATERAL subquery kept
apart by OFFSET 0 (a pulled-up subquery would have its expressions evaluated
again for every row), keyed by its own id, so PostgreSQL puts a Memoize in
front of it and the nested loops keep the annotations' id order (no sort). A
line is then the annotation's own cells (quote, memo, offsets, time) and the
finished fragments, joined. Only nullable columns are COALESCEd.

The filters and visibility of the queryset stay Django's: its SELECT of the
annotation's own columns is the FROM of the export's.
"""

import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Model, QuerySet

from tracker.models import Gender, Meeting, Speaker, Statement
from tracker.web.csv_files import neutralise_formula

from ..models import Annotation, Code
from .csv_sql import NUMBER_HEADINGS, live_in_export_order
from .formula import formula_safe_sql
from .rows import HEADINGS


@dataclass(frozen=True)
class Source:
    alias: str
    model: type[Model]
    # How the lateral finds its one row: (its column, the alias.column it matches).
    key: tuple[str, str]
    optional: bool = False  # LEFT JOIN: a statement need not have a speaker


ANNOTATION = Source("a", Annotation, ("id", "a.id"))
STATEMENT = Source("st", Statement, ("id", "a.statement_id"))
MEETING = Source("mt", Meeting, ("id", "st.meeting_id"))
SPEAKER = Source("spk", Speaker, ("id", "st.speaker_id"), optional=True)
CODE = Source("cd", Code, ("id", "a.code_id"))
ANALYST = Source("us", get_user_model(), ("id", "a.analyst_id"))

LATERALS = (STATEMENT, MEETING, SPEAKER, CODE, ANALYST)

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
    raise ImportError("copy_lines.CELLS must follow rows.EXPORT_COLUMNS")

# What a statement without a speaker shows (rows.EXPORT_COLUMNS): no name, gender unknown.
NO_SPEAKER = {"speaker": None, "gender": Gender.UNKNOWN}
# The annotation's own columns, as the FROM subquery hands them over.
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


def literal(text: str) -> str:
    """An SQL string literal (standard_conforming_strings, PostgreSQL's default)."""
    return "'" + text.replace("'", "''") + "'"


def iso_utc_sql(value_sql: str) -> str:
    """A timestamptz as ISO 8601 in UTC, microseconds always: 2017-09-27T15:04:05.000000+00:00.

    to_char does not depend on DateStyle or the session's TimeZone.
    """
    return f"""to_char(({value_sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')"""


class CsvFormat:
    """A cell as RFC 4180 text: text quoted (quotes doubled) and formula-safe."""

    closing = ""
    line_end = r"E'\r\n'"

    def opening(self, index: int) -> str:
        """The text before the cell at `index` (of CELLS)."""
        return "" if index == 0 else ","

    def cell(self, kind: str, sql: str, nullable: bool) -> str:
        if kind == "text":
            return f"""('"' || replace({formula_safe_sql(sql)}, '"', '""') || '"')"""
        if kind == "timestamp":
            return iso_utc_sql(sql)
        return f"COALESCE(({sql})::text, '')" if nullable else f"({sql})::text"

    def value(self, value) -> str:
        """A constant cell's text."""
        text = "" if value is None else neutralise_formula(value)
        return '"' + text.replace('"', '""') + '"'


class JsonFormat:
    """A cell as `"heading": value`, as json.dumps(…, ensure_ascii=False) writes it."""

    closing = "'}'"
    line_end = r"E'\n'"

    def opening(self, index: int) -> str:
        return ("{" if index == 0 else ", ") + json.dumps(HEADINGS[index]) + ": "

    def cell(self, kind: str, sql: str, nullable: bool) -> str:
        if kind == "timestamp":  # never NULL
            return f"""('"' || {iso_utc_sql(sql)} || '"')"""
        value = {
            "text": f"to_json({sql})::text",
            # Digits and - only (DateStyle ISO, which streaming.copy_lines sets): no escaping.
            "date": f"""('"' || ({sql})::text || '"')""",
            "number": f"({sql})::text",
        }[kind]
        return f"COALESCE({value}, 'null')" if nullable else value

    def value(self, value) -> str:
        return json.dumps(value, ensure_ascii=False)


Format = CsvFormat | JsonFormat


def _kind(heading: str) -> str:
    if heading in NUMBER_HEADINGS:
        return "number"
    if heading == "created":
        return "timestamp"
    if heading == "meeting_date":
        return "date"
    return "text"


def _runs() -> list[tuple[Source, list[int]]]:
    """CELLS cut into runs of one source: [(source, [index in CELLS…])…]."""
    runs: list[tuple[Source, list[int]]] = []
    for index, (_, source, _) in enumerate(CELLS):
        if runs and runs[-1][0] is source:
            runs[-1][1].append(index)
        else:
            runs.append((source, [index]))
    return runs


def _fragment(form: Format, source: Source, cells: list[int], *, table: str) -> str:
    """The SQL of a run of cells, each after its opening; `table` is the alias read."""
    parts = []
    for index in cells:
        field = source.model._meta.get_field(CELLS[index][2])
        if opening := form.opening(index):
            parts.append(literal(opening))
        column = f"{table}.{connection.ops.quote_name(field.column)}"
        parts.append(form.cell(_kind(HEADINGS[index]), column, field.null))
    return " || ".join(parts)


def _missing(form: Format, cells: list[int]) -> str:
    """A run's text when its optional row is missing (a statement without a speaker)."""
    text = (form.opening(index) + form.value(NO_SPEAKER[HEADINGS[index]]) for index in cells)
    return literal("".join(text))


def _lateral(source: Source, fragments: list[str]) -> str:
    """The subquery giving `source`'s fragments f0, f1… for the one row its key names."""
    quote = connection.ops.quote_name
    column, outer = source.key
    columns = [f"{sql} AS f{number}" for number, sql in enumerate(fragments)]
    if source is STATEMENT:  # the keys the meeting's and the speaker's laterals look up
        columns += ['t."meeting_id"', 't."speaker_id"']
    join, on = ("LEFT JOIN LATERAL", " ON true") if source.optional else ("CROSS JOIN LATERAL", "")
    table = quote(source.model._meta.db_table)
    return (
        f"{join} (SELECT {', '.join(columns)} FROM {table} t "  # noqa: S608 (model names)
        f"WHERE t.{quote(column)} = {outer} OFFSET 0) {source.alias}{on}"
    )


def line_sql(annotations: QuerySet, form: Format) -> str:
    """SELECT one finished line (line end included) per live annotation, by id."""
    import psycopg  # only the PostgreSQL backend needs it

    # Ordered by id inside: a subquery with ORDER BY is not merged into the outer
    # query, so whatever the filters and visibility need (a hash join, a sort of the
    # annotations' own columns) happens before the lines are built, never a sort of
    # the finished lines; the outer ORDER BY takes the subquery's order as it is.
    own = live_in_export_order(annotations).values_list(*OWN_COLUMNS)
    sql, params = own.query.sql_with_params()
    connection.ensure_connection()
    # COPY takes no bind parameters: bind them client-side, as psycopg would quote them.
    inner = psycopg.ClientCursor(connection.connection).mogrify(sql, params)

    fragments: dict[Source, list[str]] = {}
    line = []
    for source, cells in _runs():
        if source is ANNOTATION:
            line.append(_fragment(form, source, cells, table="a"))
            continue
        fragments.setdefault(source, []).append(_fragment(form, source, cells, table="t"))
        ref = f"{source.alias}.f{len(fragments[source]) - 1}"
        line.append(f"COALESCE({ref}, {_missing(form, cells)})" if source.optional else ref)
    if form.closing:
        line.append(form.closing)
    line.append(form.line_end)
    # The statement's lateral first: the meeting's and the speaker's look up its keys.
    laterals = "\n".join(
        _lateral(source, fragments[source]) for source in LATERALS if source in fragments
    )
    columns = ", ".join(connection.ops.quote_name(name) for name in OWN_COLUMNS)
    return (
        f"SELECT ({' || '.join(line)}) AS line\n"  # noqa: S608 (built from the models)
        f"FROM ({inner}) a({columns})\n{laterals}\nORDER BY a.id"
    )


def csv_lines_sql(annotations: QuerySet) -> str:
    """The CSV rows (no heading), CRLF line ends."""
    return line_sql(annotations, CsvFormat())


def jsonl_lines_sql(annotations: QuerySet) -> str:
    """The JSON Lines, "\\n" line ends."""
    return line_sql(annotations, JsonFormat())
