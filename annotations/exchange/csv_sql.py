"""CSV cells and lines formatted by the database.

For a million rows the work per row decides the speed: converting twenty
columns to Python objects and formatting them again costs several times what
the query itself does. So the database formats every cell — text cells
formula-guarded (FormulaSafe), numbers and dates as text, timestamps as ISO
8601 in UTC — and Python only streams bytes (exchange.streaming).

Here csv_line_queryset: each row as one finished line (text cells quoted, quotes
doubled), for SQLite, which has no COPY; SQLite builds each line with one printf.
PostgreSQL builds the same lines in exchange.copy_lines, for a binary COPY, with
the cells of a statement, code and analyst formatted once each.

The formula rule lives in exchange.formula (in Python and in SQL), nowhere
else; the tests check that the two agree.
"""

from django.db.models import Expression, F, Func, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce

from .formula import FormulaSafe
from .rows import EXPORT_COLUMNS

NUMBER_HEADINGS = frozenset({"annotation_id", "statement_id", "statement_order", "start", "end"})


class CsvTextCell(Func):
    """A text value as a quoted CSV cell: formula-safe, quotes doubled."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        value_sql, params = compiler.compile(FormulaSafe(self.source_expressions[0]))
        return f"""('"' || REPLACE({value_sql}, '"', '""') || '"')""", params


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

    def as_sqlite(self, compiler, connection, **extra):
        # One printf a row: its %w writes a text with every '"' doubled, so a quoted
        # cell is '"%w"' of the formula-safe text, any other cell '%s' of its text.
        # About half the query's time of REPLACE and || on twenty cells (benchmarks/README.md).
        # printf ends a text at a NUL character, which never reaches the database:
        # forms, serializers and importers refuse it, and PostgreSQL cannot store it.
        specifiers, arguments = [], []
        for expression in self.source_expressions:
            if isinstance(expression, CsvTextCell):
                specifiers.append('"%w"')
                expression = FormulaSafe(*expression.source_expressions)
            else:
                specifiers.append("%s")
            arguments.append(expression)
        return printf(compiler, ",".join(specifiers), arguments)


def printf(compiler, template: str, arguments) -> tuple[str, tuple]:
    """SQLite's printf(template, arguments…); the template goes as a parameter."""
    parts, params = ["%s"], [template]
    for argument in arguments:
        sql, argument_params = compiler.compile(argument)
        parts.append(sql)
        params.extend(argument_params)
    return f"printf({', '.join(parts)})", tuple(params)


def is_text_cell(heading: str) -> bool:
    return heading not in NUMBER_HEADINGS and heading not in {"meeting_date", "created"}


def _cell(heading: str, lookup) -> Expression:
    value = F(lookup) if isinstance(lookup, str) else lookup
    if heading == "created":
        return IsoUtcTimestamp(value)
    if not is_text_cell(heading):
        return CsvPlainCell(value)
    return CsvTextCell(value)


def live_in_export_order(annotations: QuerySet) -> QuerySet:
    return annotations.filter(deleted_at__isnull=True).order_by("id")


def csv_line_queryset(annotations: QuerySet) -> QuerySet:
    """One finished CSV line (no line end) per live annotation, in export order (by id)."""
    line = CsvLine(*(_cell(heading, lookup) for heading, lookup in EXPORT_COLUMNS))
    return (
        live_in_export_order(annotations).annotate(csv_line=line).values_list("csv_line", flat=True)
    )
