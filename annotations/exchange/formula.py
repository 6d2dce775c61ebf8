"""The spreadsheet formula rule, in one place: Python and SQL.

A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return
as a formula, so every CSV cell of text that starts so gets a leading
apostrophe (the OWASP advice against CSV injection). UN text often starts with
a dash ("- the Assembly…"): such a quote reads '- the Assembly… in the file.
JSON Lines and the other formats are never altered.

neutralise_formula is the rule for Python writers; FormulaSafe the same rule
as an SQL expression for the exports the database formats (exchange.csv_sql).
The tests check that the two agree.
"""

from django.db.models import Func, TextField, Value
from django.db.models.functions import Coalesce

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: str) -> str:
    """'=1+1' → "'=1+1": a spreadsheet shows the text instead of computing it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class FormulaSafe(Func):
    """The formula rule in SQL: the text (NULL as '') with a leading apostrophe when
    it starts with one of FORMULA_STARTS, as tabular.neutralise_formula does."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        value_sql, value_params = compiler.compile(
            Coalesce(self.source_expressions[0], Value(""), output_field=TextField())
        )
        starts = ", ".join(["%s"] * len(FORMULA_STARTS))
        sql = (
            f"(CASE WHEN SUBSTR({value_sql}, 1, 1) IN ({starts}) "
            f"THEN '''' || {value_sql} ELSE {value_sql} END)"
        )
        return sql, (*value_params, *FORMULA_STARTS, *value_params, *value_params)
