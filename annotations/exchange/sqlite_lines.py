"""CSV and JSON Lines built whole by SQLite (the embedded default), in one SELECT.

Every export line is one text value, line end included, so Python only joins
and encodes batches (exchange.streaming.fetched_lines). The bytes are those of
PostgreSQL's lines (exchange.copy_lines), which the equality tests pin on both
databases.

What makes it cheap (benchmarks/README.md, "Issue 18, round 7"):

- The cells of a statement (with its meeting and speaker), of a code and of an
  analyst are formatted once each, in a MATERIALIZED common table expression,
  not once per annotation: of the statements the export reaches, and of every
  code and user (small tables; finding the export's would take another pass
  over its annotations, round 8). The annotations are
  read first (CROSS JOIN keeps SQLite's join order), in id order, and find
  their fragments through SQLite's automatic index on each expression, so the
  finished lines are never sorted.
- Each text is made by one printf, whatever its number of cells: every || and
  every JSON function call allocates a new string, and at twenty cells a row
  the allocations were most of the query. printf's %w writes a text with each
  '"' doubled (a CSV cell); json_quote escapes a JSON string as
  json.dumps(…, ensure_ascii=False) does (\\" \\\\ \\b \\f \\n \\r \\t, \\u00XX
  for other control characters, everything else as stored).

A line leaves as a BLOB: the text's bytes in the database's encoding, which is
UTF-8 for every SQLite database Django creates (an encoding is fixed when the
file is made), so Python makes no str of it to encode again.

printf ends a text at a NUL character, which never reaches the database: forms,
serializers and importers refuse it, and PostgreSQL cannot store it.

The filters and visibility of the queryset stay Django's: its SELECT of the
annotation's own columns is the first common table expression, inlined where
it is read (NOT MATERIALIZED: its quotes and memos are never copied).
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from .formula import formula_safe_sql
from .line_cells import (
    ANALYST,
    ANNOTATION,
    CELLS,
    CODE,
    MEETING,
    NO_SPEAKER,
    OWN_COLUMNS,
    SPEAKER,
    STATEMENT,
    CsvLayout,
    JsonLayout,
    Source,
    kind,
)


@dataclass(frozen=True)
class Lookup:
    """A common table expression of formatted cells, one row per row of its first source,
    found by the annotation's `column` (its id); the other sources are joined to it."""

    name: str
    sources: tuple[Source, ...]
    # Formatted for every row of its table instead of only those the export reaches:
    # for the small ones (a codebook's codes, the team's accounts) that costs less
    # than finding the export's keys, another pass over its annotations.
    whole_table: bool = False

    @property
    def column(self) -> str:
        """The annotation's column the first source's key matches ("a.statement_id")."""
        alias, column = self.sources[0].key[1].split(".")
        if alias != ANNOTATION.alias:  # pragma: no cover (a mistake in the table above)
            raise ValueError(f"{self.name} is not found by an annotation's column")
        return column


STATEMENTS = Lookup("statement_cells", (STATEMENT, MEETING, SPEAKER))
CODES = Lookup("code_cells", (CODE,), whole_table=True)
ANALYSTS = Lookup("analyst_cells", (ANALYST,), whole_table=True)
LOOKUPS = (STATEMENTS, CODES, ANALYSTS)


def iso_utc_sql(sql: str) -> str:
    """Django's stored UTC text as ISO 8601 without the offset, microseconds always.

    Django stores "YYYY-MM-DD HH:MM:SS.ffffff", without ".ffffff" when it is zero.
    """
    padded = (
        f"SUBSTR({sql}, 1, 10) || 'T' || SUBSTR({sql}, 12, 8) || '.' "
        f"|| SUBSTR(SUBSTR({sql}, 21) || '000000', 1, 6)"
    )
    return f"iif(length({sql}) = 26, replace({sql}, ' ', 'T'), {padded})"


class CsvFormat(CsvLayout):
    def cell(self, kind: str, sql: str, nullable: bool) -> tuple[str, str]:
        """(printf conversion, its argument's SQL) of a cell."""
        if kind == "text":
            text = f"COALESCE({sql}, '')" if nullable else sql
            return '"%w"', formula_safe_sql(text, "unicode")
        if kind == "timestamp":
            return "%s+00:00", iso_utc_sql(sql)
        if nullable:
            return "%s", f"ifnull({sql}, '')"
        return ("%d", sql) if kind == "number" else ("%s", sql)


class JsonFormat(JsonLayout):
    def cell(self, kind: str, sql: str, nullable: bool) -> tuple[str, str]:
        if kind == "text":  # json_quote(NULL) is null
            return "%s", f"json_quote({sql})"
        if kind == "timestamp":
            return '"%s+00:00"', iso_utc_sql(sql)
        if kind == "date":  # digits and - only: no escaping
            return "%s", f"""iif({sql} IS NULL, 'null', '"' || {sql} || '"')"""
        if nullable:
            return "%s", f"ifnull({sql}, 'null')"
        return "%d", sql


Format = CsvFormat | JsonFormat


class Printf:
    """One printf(template, arguments…) being written; the template goes as a parameter."""

    def __init__(self):
        self.template: list[str] = []
        self.arguments: list[str] = []
        self.params: list[str] = []

    def text(self, text: str) -> None:
        self.template.append(text.replace("%", "%%"))

    def argument(self, conversion: str, sql: str, params=()) -> None:
        self.template.append(conversion)
        self.arguments.append(sql)
        self.params.extend(params)

    def sql(self) -> tuple[str, list[str]]:
        return (
            f"printf({', '.join(['%s', *self.arguments])})",
            ["".join(self.template), *self.params],
        )


def _cell(form: Format, index: int, into: Printf) -> None:
    """Write CELLS[index], after its opening, into `into`."""
    heading, source, name = CELLS[index]
    field = source.model._meta.get_field(name)
    column = f"{source.alias}.{connection.ops.quote_name(field.column)}"
    into.text(form.opening(index))
    conversion, sql = form.cell(kind(heading), column, field.null)
    if not source.optional:
        into.argument(conversion, sql)
        return
    # A statement without a speaker: the cell's text as NO_SPEAKER has it.
    into.argument(
        "%s",
        f"iif({source.alias}.id IS NULL, %s, printf(%s, {sql}))",
        [form.value(NO_SPEAKER[heading]), conversion],
    )


def _lookup_of(source: Source) -> Lookup | None:
    return next((lookup for lookup in LOOKUPS if source in lookup.sources), None)


def _lookup_sql(lookup: Lookup, fragments: list[Printf]) -> tuple[str, list[str]]:
    quote = connection.ops.quote_name
    first, *joined = lookup.sources
    columns, params = [f"{first.alias}.{quote(first.key[0])} AS id"], []
    for number, fragment in enumerate(fragments):
        sql, fragment_params = fragment.sql()
        columns.append(f"{sql} AS f{number}")
        params.extend(fragment_params)
    tables = [f"{quote(first.model._meta.db_table)} {first.alias}"]
    for source in joined:
        join = "LEFT JOIN" if source.optional else "INNER JOIN"
        column, outer = source.key
        tables.append(
            f"{join} {quote(source.model._meta.db_table)} {source.alias} "
            f"ON {source.alias}.{quote(column)} = {outer}"
        )
    where = ""
    if not lookup.whole_table:  # only the rows the export reaches
        key = f"{first.alias}.{quote(first.key[0])}"
        where = f" WHERE {key} IN (SELECT {lookup.column} FROM a)"  # noqa: S608 (models)
    sql = (
        f"{lookup.name} AS MATERIALIZED (SELECT {', '.join(columns)} "  # noqa: S608 (models)
        f"FROM {' '.join(tables)}{where})"
    )
    return sql, params


def line_sql(annotations: QuerySet, form: Format) -> tuple[str, list]:
    """SELECT one finished line (line end included) per live annotation, by id, as
    UTF-8 bytes (a BLOB: no str made and encoded again in Python); and its parameters."""
    quote = connection.ops.quote_name
    # Unordered: the CTE is inlined where it is read, so the lookups' IN lists need no
    # sort, and the lines' ORDER BY a.id is the annotations' rowid order.
    own = annotations.filter(deleted_at__isnull=True).order_by().values_list(*OWN_COLUMNS)
    own_sql, own_params = own.query.sql_with_params()

    line = Printf()
    fragments: dict[Lookup, list[Printf]] = {}
    current: Lookup | None = None
    for index, (_, source, _) in enumerate(CELLS):
        lookup = _lookup_of(source)
        if lookup is None:
            _cell(form, index, line)
            current = None
            continue
        if lookup is not current:  # a new fragment of this lookup's
            fragments.setdefault(lookup, []).append(Printf())
            number = len(fragments[lookup]) - 1
            line.argument("%s", f"{lookup.name}.f{number}")
            current = lookup
        _cell(form, index, fragments[lookup][-1])
    line.text(form.closing + form.line_end)

    columns = ", ".join(quote(name) for name in OWN_COLUMNS)
    ctes = [f"a({columns}) AS NOT MATERIALIZED ({own_sql})"]
    params = list(own_params)
    joins = []
    for lookup in LOOKUPS:
        if lookup in fragments:
            sql, lookup_params = _lookup_sql(lookup, fragments[lookup])
            ctes.append(sql)
            params.extend(lookup_params)
            joins.append(f"CROSS JOIN {lookup.name} ON {lookup.name}.id = a.{lookup.column}")
    line_select, line_params = line.sql()
    params = [*params, *line_params]
    sql = (
        f"WITH {', '.join(ctes)}\n"  # noqa: S608 (built from the models)
        f"SELECT CAST({line_select} AS BLOB) FROM a\n{chr(10).join(joins)}\nORDER BY a.id"
    )
    return sql, params


def csv_lines_query(annotations: QuerySet) -> tuple[str, list]:
    """The CSV rows (no heading), CRLF line ends."""
    return line_sql(annotations, CsvFormat())


def jsonl_lines_query(annotations: QuerySet) -> tuple[str, list]:
    """The JSON Lines, "\\n" line ends."""
    return line_sql(annotations, JsonFormat())
