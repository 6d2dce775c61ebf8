"""CSV and JSON Lines writers for spreadsheets, R, Stata and pandas.

CSV cells that a spreadsheet would read as a formula — text starting with
= + - @, a tab or a carriage return — get a leading apostrophe (the OWASP
advice against CSV injection). UN text often starts with a dash ("- the
Assembly…"), so such a quote reads '- the Assembly… in the file; JSON Lines
is left exactly as stored.
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice

from .rows import HEADINGS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
# Rows written per yielded piece: large enough to keep the WSGI server busy
# with few writes, small enough to keep memory flat.
ROWS_PER_PIECE = 2000


def neutralise_formula(value: str) -> str:
    """'=1+1' → "'=1+1": a spreadsheet shows the text instead of computing it.

    The CSV export applies this rule in SQL (exchange.csv_sql).
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def pieces(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while piece := list(islice(rows, ROWS_PER_PIECE)):
        yield piece


def csv_chunks(lines: Iterable[str], *, bom: bool = False) -> Iterator[bytes]:
    """RFC 4180 CSV in UTF-8 (with a byte order mark for Excel if `bom`).

    `lines` are finished CSV lines without their end, as csv_sql makes them.
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(HEADINGS)
    yield ((BYTE_ORDER_MARK if bom else "") + buffer.getvalue()).encode("utf-8")
    for piece in pieces(lines):
        piece.append("")
        yield "\r\n".join(piece).encode("utf-8")


def _json_value(value):
    # Microseconds always, as the CSV has them: the two exports show the same text.
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def jsonl_chunks(rows: Iterable[tuple]) -> Iterator[bytes]:
    """One JSON object a line, keys as the CSV headings, dates in ISO 8601."""
    dumps = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode
    for piece in pieces(rows):
        lines = [dumps(dict(zip(HEADINGS, row, strict=False))) for row in piece]
        yield ("\n".join(lines) + "\n").encode("utf-8")
