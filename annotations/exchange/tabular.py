"""CSV and JSON Lines writers for spreadsheets, R, Stata and pandas.

The database formats every line (exchange.copy_lines, exchange.sqlite_lines) and
exchange.streaming moves the bytes: COPY on PostgreSQL, batched fetches on
SQLite. CSV cells that a spreadsheet would read as a formula get a leading
apostrophe (exchange.formula); JSON Lines is left exactly as stored.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection
from django.db.models import QuerySet

from tracker.web.csv_files import BYTE_ORDER_MARK, csv_text

from .copy_lines import csv_lines_sql, jsonl_lines_sql
from .rows import HEADINGS
from .sqlite_lines import csv_lines_query, jsonl_lines_query
from .streaming import copy_lines, fetched_lines

# Rows written per yielded piece: large enough to keep the WSGI server busy
# with few writes, small enough to keep memory flat.
ROWS_PER_PIECE = 2000


def pieces(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while piece := list(islice(rows, ROWS_PER_PIECE)):
        yield piece


def csv_heading(*, bom: bool = False) -> bytes:
    return ((BYTE_ORDER_MARK if bom else "") + csv_text([HEADINGS])).encode("utf-8")


def csv_export(annotations: QuerySet, *, bom: bool = False) -> Iterator[bytes]:
    """RFC 4180 CSV in UTF-8 (with a byte order mark for Excel if `bom`), CRLF line ends:
    the heading, then the live annotations' rows as the database formats them."""
    if connection.vendor == "postgresql":
        lines = copy_lines(csv_lines_sql(annotations))
    else:
        lines = fetched_lines(*csv_lines_query(annotations))
    yield from with_heading(csv_heading(bom=bom), lines)


def with_heading(heading: bytes, lines: Iterator[bytes]) -> Iterator[bytes]:
    """The heading goes out with the first rows, so the query has run before the
    response's status does (tracker.web.streaming); alone if there are no rows."""
    first = next(lines, b"")
    yield heading + first
    yield from lines


def jsonl_export(annotations: QuerySet) -> Iterator[bytes]:
    """One JSON object a line, keys as the CSV headings, dates in ISO 8601, text as stored."""
    if connection.vendor == "postgresql":
        yield from copy_lines(jsonl_lines_sql(annotations))
    else:
        yield from fetched_lines(*jsonl_lines_query(annotations))
