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

from .rows import EXPORT_COLUMNS, HEADINGS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
# Rows written per yielded piece: large enough to keep the WSGI server busy
# with few writes, small enough to keep memory flat.
ROWS_PER_PIECE = 2000

_TEXT_COLUMNS = tuple(
    index
    for index, (heading, _) in enumerate(EXPORT_COLUMNS)
    if heading
    not in {
        "annotation_id",
        "meeting_date",
        "statement_id",
        "statement_order",
        "start",
        "end",
        "created",
    }
)


def neutralise_formula(value: str) -> str:
    """'=1+1' → "'=1+1": a spreadsheet shows the text instead of computing it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _neutralised(row: tuple) -> tuple | list:
    for index in _TEXT_COLUMNS:
        value = row[index]
        if value and value.startswith(FORMULA_STARTS):
            row = list(row)
            for i in _TEXT_COLUMNS:
                if row[i]:
                    row[i] = neutralise_formula(row[i])
            return row
    return row


def pieces(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while piece := list(islice(rows, ROWS_PER_PIECE)):
        yield piece


def csv_chunks(rows: Iterable[tuple], *, bom: bool = False) -> Iterator[bytes]:
    """RFC 4180 CSV in UTF-8 (with a byte order mark for Excel if `bom`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if bom:
        buffer.write(BYTE_ORDER_MARK)
    writer.writerow(HEADINGS)
    for piece in pieces(rows):
        writer.writerows(map(_neutralised, piece))
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _json_value(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def jsonl_chunks(rows: Iterable[tuple]) -> Iterator[bytes]:
    """One JSON object a line, keys as the CSV headings, dates in ISO 8601."""
    dumps = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode
    for piece in pieces(rows):
        lines = [dumps(dict(zip(HEADINGS, row, strict=False))) for row in piece]
        yield ("\n".join(lines) + "\n").encode("utf-8")
