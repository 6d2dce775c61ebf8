"""CSV lines formatted by the database, as COPY … (FORMAT csv) would format them.

For a million rows the work per row decides the speed: converting twenty
columns to Python objects and formatting them again costs several times what
the query itself does. So the query returns each row as one finished CSV line
— every text cell quoted, quotes doubled, formula starts neutralised — and
Python only streams the lines. The SQL uses SUBSTR, REPLACE, CASE, CAST and
||, which PostgreSQL and SQLite both have; timestamps get a small per-vendor
function so both give ISO 8601 in UTC.

exchange.tabular.neutralise_formula is the rule in Python; the tests
check that the two agree.
"""

from collections.abc import Iterator

from django.db.models import Expression, F, Func, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce

from .rows import CHUNK_SIZE, EXPORT_COLUMNS
from .tabular import FORMULA_STARTS

NUMBER_HEADINGS = frozenset({"annotation_id", "statement_id", "statement_order", "start", "end"})


class CsvTextCell(Func):
    """A text value as a quoted CSV cell; a formula start gets a leading apostrophe."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        value_sql, value_params = compiler.compile(
            Coalesce(self.source_expressions[0], Value(""), output_field=TextField())
        )
        starts = ", ".join(["%s"] * len(FORMULA_STARTS))
        sql = (
            f"('\"' || REPLACE(CASE WHEN SUBSTR({value_sql}, 1, 1) IN ({starts}) "
            f"THEN '''' || {value_sql} ELSE {value_sql} END, '\"', '\"\"') || '\"')"
        )
        params = (*value_params, *FORMULA_STARTS, *value_params, *value_params)
        return sql, params


class CsvPlainCell(Func):
    """A number or date as its text, empty for NULL (never needs quoting)."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(
            Coalesce(
                Cast(self.source_expressions[0], TextField()), Value(""), output_field=TextField()
            )
        )


class IsoUtcTimestamp(Func):
    """A timestamp as ISO 8601 in UTC with microseconds: 2017-09-27T15:04:05.000000+00:00."""

    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        pattern = 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'
        return f"TO_CHAR(({sql}) AT TIME ZONE 'UTC', '{pattern}')", params

    def as_sqlite(self, compiler, connection, **extra):
        # Django stores UTC as "YYYY-MM-DD HH:MM:SS" with ".ffffff" unless it is zero.
        sql, params = compiler.compile(self.source_expressions[0])
        text = (
            f"(SUBSTR({sql}, 1, 10) || 'T' || SUBSTR({sql}, 12, 8) || '.' "
            f"|| SUBSTR(SUBSTR({sql}, 21) || '000000', 1, 6) || '+00:00')"
        )
        return text, params * 4

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(Cast(self.source_expressions[0], TextField()))


class CsvLine(Func):
    """Cells joined with commas (no line end: the writer adds CRLF)."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        parts, params = [], []
        for expression in self.source_expressions:
            sql, cell_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(cell_params)
        return " || ',' || ".join(parts), tuple(params)


def _cell(heading: str, lookup) -> Expression:
    value = F(lookup) if isinstance(lookup, str) else lookup
    if heading == "created":
        return IsoUtcTimestamp(value)
    if heading in NUMBER_HEADINGS or heading == "meeting_date":
        return CsvPlainCell(value)
    return CsvTextCell(value)


def csv_line_queryset(annotations: QuerySet) -> QuerySet:
    """One finished CSV line per live annotation, in export order (by id)."""
    line = CsvLine(*(_cell(heading, lookup) for heading, lookup in EXPORT_COLUMNS))
    return (
        annotations.filter(deleted_at__isnull=True)
        .annotate(csv_line=line)
        .order_by("id")
        .values_list("csv_line", flat=True)
    )


def csv_lines(annotations: QuerySet) -> Iterator[str]:
    """Stream the CSV lines through a server-side cursor (PostgreSQL), in chunks."""
    return csv_line_queryset(annotations).iterator(chunk_size=CHUNK_SIZE)
