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

from django.db.models import Func, TextField, Value
from django.db.models.functions import Coalesce

from tracker.web.csv_files import FORMULA_STARTS, neutralise_formula

__all__ = ["FORMULA_STARTS", "FormulaSafe", "neutralise_formula"]


class FormulaSafe(Func):
    """The formula rule in SQL: the text (NULL as '') with a leading apostrophe when
    it starts with one of FORMULA_STARTS, as csv_files.neutralise_formula does."""

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
