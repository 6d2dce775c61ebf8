"""CSV and JSON Lines built whole by PostgreSQL, for COPY … (FORMAT binary).

Every export line is one text value the database finishes, line end included,
so the COPY needs no CSV scan of its own and Python only strips the binary
framing (exchange.streaming.copy_lines). The cells and their layout are
exchange.line_cells'; the bytes are those of exchange.sqlite_lines (SQLite's
path), which the equality tests pin on both databases.

What makes it cheap (benchmarks/README.md, "Issue 18, round 5"): the cells of
a statement, its meeting, its speaker, a code and an analyst are formatted
once each, not once per annotation. Each comes from a LATERAL subquery kept
apart by OFFSET 0 (a pulled-up subquery would have its expressions evaluated
again for every row), keyed by its own id, so PostgreSQL puts a Memoize in
front of it and the nested loops keep the annotations' id order (no sort). A
line is then the annotation's own cells (quote, memo, offsets, time) and the
finished fragments, joined. Only nullable columns are COALESCEd.

The filters and visibility of the queryset stay Django's: its SELECT, ordered
by id, is the FROM of the export's, and it formats the annotation's own cells
itself (the id; offsets, quote, memo, time and the line end). A subquery with
ORDER BY is planned on its own, in parallel workers when PostgreSQL judges it
worth it (the scan, the filters, the sort by id), and its expressions are
computed there too: the replace, formula test and to_char of every row are
shared out, and the one process that joins the fragments and sends the lines
only concatenates (benchmarks/README.md, "Issue 18, round 8"). The LATERAL
subqueries cannot go to a worker on PostgreSQL 15 (they take their key as a
parameter from the outer query), so they stay above the Gather.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .formula import formula_safe_sql
from .line_cells import (
    ANALYST,
    ANNOTATION,
    CELLS,
    CODE,
    MEETING,
    NO_SPEAKER,
    SPEAKER,
    STATEMENT,
    CsvLayout,
    JsonLayout,
    Source,
    kind,
    literal,
    live_in_export_order,
    runs,
)
from .rows import HEADINGS

LATERALS = (STATEMENT, MEETING, SPEAKER, CODE, ANALYST)
# The annotation's columns the export's FROM hands over besides its own formatted cells.
KEYS = ("id", "statement_id", "code_id", "analyst_id")


def iso_utc_sql(value_sql: str) -> str:
    """A timestamptz as ISO 8601 in UTC, microseconds always: 2017-09-27T15:04:05.000000+00:00.

    to_char does not depend on DateStyle or the session's TimeZone.
    """
    return f"""to_char(({value_sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')"""


class CsvFormat(CsvLayout):
    """A cell as RFC 4180 text: text quoted (quotes doubled) and formula-safe."""

    def cell(self, kind: str, sql: str, nullable: bool) -> str:
        if kind == "text":
            return f"""('"' || replace({formula_safe_sql(sql)}, '"', '""') || '"')"""
        if kind == "timestamp":
            return iso_utc_sql(sql)
        return f"COALESCE(({sql})::text, '')" if nullable else f"({sql})::text"


class JsonFormat(JsonLayout):
    """A cell as `"heading": value`, as json.dumps(…, ensure_ascii=False) writes it."""

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


Format = CsvFormat | JsonFormat


def _fragment(form: Format, source: Source, cells: list[int], *, table: str) -> str:
    """The SQL of a run of cells, each after its opening; `table` is the alias read."""
    parts = []
    for index in cells:
        field = source.model._meta.get_field(CELLS[index][2])
        if opening := form.opening(index):
            parts.append(literal(opening))
        column = f"{table}.{connection.ops.quote_name(field.column)}"
        parts.append(form.cell(kind(HEADINGS[index]), column, field.null))
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

    quote = connection.ops.quote_name
    live = live_in_export_order(annotations)
    # Django names the queryset's own table by itself; joined tables get other aliases.
    table = quote(live.query.get_initial_alias())
    cut = runs()
    # The line's end comes with its last cells.
    ending = [literal(text) for text in (form.closing, form.line_end) if text]
    own: dict[str, RawSQL] = {}  # the annotation's runs, formatted by Django's SELECT
    fragments: dict[Source, list[str]] = {}
    line = []
    for number, (source, cells) in enumerate(cut):
        if source is ANNOTATION:
            parts = [_fragment(form, source, cells, table=table)]
            if number == len(cut) - 1:
                parts, ending = parts + ending, []
            name = f"own{len(own)}"
            # Built from the models and literal text; RawSQL's text is %-formatted
            # with its (no) parameters.
            own[name] = RawSQL(" || ".join(parts).replace("%", "%%"), ())  # noqa: S611
            line.append(f"a.{name}")
            continue
        fragments.setdefault(source, []).append(_fragment(form, source, cells, table="t"))
        ref = f"{source.alias}.f{len(fragments[source]) - 1}"
        line.append(f"COALESCE({ref}, {_missing(form, cells)})" if source.optional else ref)
    line += ending  # unless the annotation's own cells took it

    # Ordered by id inside: a subquery with ORDER BY is not merged into the outer
    # query, so whatever the filters and visibility need (a hash join, a sort of the
    # annotations' own columns) happens before the lines are joined, never a sort of
    # the finished lines; the outer ORDER BY takes the subquery's order as it is.
    sql, params = live.annotate(**own).values_list(*KEYS, *own).query.sql_with_params()
    connection.ensure_connection()
    # COPY takes no bind parameters: bind them client-side, as psycopg would quote them.
    inner = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
    # The statement's lateral first: the meeting's and the speaker's look up its keys.
    laterals = "\n".join(
        _lateral(source, fragments[source]) for source in LATERALS if source in fragments
    )
    columns = ", ".join(quote(name) for name in (*KEYS, *own))
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
