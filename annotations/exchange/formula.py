"""The spreadsheet formula rule, in one place: Python and SQL.

A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return
as a formula, so every CSV cell of text that starts so gets a leading
apostrophe (the OWASP advice against CSV injection). UN text often starts with
a dash ("- the Assembly…"): such a quote reads '- the Assembly… in the file.
JSON Lines and the other formats are never altered.

neutralise_formula is the rule for Python writers (it lives with the one CSV
writer, tracker.web.csv_files); FormulaSafe the same rule as an SQL expression for
the exports the database formats (exchange.csv_sql). The tests check that the two
agree.
"""

from collections.abc import Callable

from django.db.models import Func, TextField, Value
from django.db.models.functions import Coalesce

from tracker.web.csv_files import FORMULA_STARTS, neutralise_formula

__all__ = [
    "FORMULA_CODES",
    "FORMULA_STARTS",
    "FormulaSafe",
    "formula_safe_sql",
    "neutralise_formula",
]

# The code points of FORMULA_STARTS: the SQL tests a cell's first character by its number.
FORMULA_CODES = tuple(ord(start) for start in FORMULA_STARTS)


def formula_safe_sql(value_sql: str, function: str = "ascii") -> str:
    """The rule as SQL on a text `value_sql` that is never NULL (it appears 4 times).

    `function` gives a text's first code point (PostgreSQL's ascii(), SQLite's
    unicode(); 0 or NULL for ''). Every formula start is below the letters, so a
    first test `< max + 1` leaves most text after one comparison instead of six
    (benchmarks/README.md, "Issue 18, round 5").
    """
    codes = ", ".join(str(code) for code in FORMULA_CODES)
    first = f"{function}({value_sql})"
    test = f"{first} < {max(FORMULA_CODES) + 1} AND {first} IN ({codes})"
    return f"(CASE WHEN {test} THEN '''' || {value_sql} ELSE {value_sql} END)"


class FormulaSafe(Func):
    """The formula rule in SQL: the text (NULL as '') with a leading apostrophe when
    it starts with one of FORMULA_STARTS, as csv_files.neutralise_formula does.

    PostgreSQL's ascii() and SQLite's unicode() give the code point of the first
    character (whatever the script; 0 or NULL for ''), tested against
    FORMULA_CODES: one call returning an integer per cell instead of cutting out
    a one-character string and comparing it as text six times, which on
    thirteen text cells a row was a large part of the export's cost
    (benchmarks/README.md, "The export against raw COPY").
    """

    output_field = TextField()

    def _guarded(self, compiler, test: Callable[[str], str]):
        value_sql, value_params = compiler.compile(
            Coalesce(self.source_expressions[0], Value(""), output_field=TextField())
        )
        sql = f"(CASE WHEN {test(value_sql)} THEN '''' || {value_sql} ELSE {value_sql} END)"
        return sql, value_params

    def _by_code_point(self, compiler, function: str):
        value_sql, params = compiler.compile(
            Coalesce(self.source_expressions[0], Value(""), output_field=TextField())
        )
        return formula_safe_sql(value_sql, function), params * 4

    def as_postgresql(self, compiler, connection, **extra):
        return self._by_code_point(compiler, "ascii")

    def as_sqlite(self, compiler, connection, **extra):
        return self._by_code_point(compiler, "unicode")

    def as_sql(self, compiler, connection, **extra):
        starts = ", ".join(["%s"] * len(FORMULA_STARTS))
        sql, params = self._guarded(compiler, lambda value: f"SUBSTR({value}, 1, 1) IN ({starts})")
        return sql, (*params, *FORMULA_STARTS, *params, *params)
