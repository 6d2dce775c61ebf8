"""The spreadsheet formula rule, in one place: Python and SQL.

A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return
as a formula, so every CSV cell of text that starts so gets a leading
apostrophe (the OWASP advice against CSV injection). UN text often starts with
a dash ("- the Assembly…"): such a quote reads '- the Assembly… in the file.
JSON Lines and the other formats are never altered.

neutralise_formula is the rule for Python writers (it lives with the one CSV
writer, tracker.web.csv_files); formula_safe_sql the same rule in SQL for the
exports the database formats (exchange.copy_lines, exchange.sqlite_lines). The
tests check that the two agree.
"""

from tracker.web.csv_files import FORMULA_STARTS, neutralise_formula

__all__ = [
    "FORMULA_CODES",
    "FORMULA_STARTS",
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
