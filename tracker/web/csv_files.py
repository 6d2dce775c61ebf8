"""The one CSV writer of the workbench, with the formula rule.

Every CSV the workbench writes goes through here: report tables, the comparison of
meetings, the monitoring pages' downloads and the annotation export's heading (its rows
are formatted by the database with the same rule, annotations.exchange.formula).
tests/tracker/web/test_csv_files.py fails on any other `csv.writer(` in the code.

A text cell a spreadsheet would run as a formula — starting with = + - @, a tab or a
carriage return — gets a leading apostrophe (OWASP's advice against CSV injection): a
missed opportunity titled `=HYPERLINK(…)` reads as text. UN text often starts with a
dash ("- the Assembly…"), so such a quote reads '- the Assembly…. A number stays a
number, a negative one too, also when a table formatted it as text ("-0.20"); None is
an empty cell. Lines end in CRLF (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LINE_END = "\r\n"
BYTE_ORDER_MARK = "\ufeff"
# A number formatted as text: a spreadsheet reads it as that number, nothing more.
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def neutralise_formula(value: str) -> str:
    """'=1+1' → "'=1+1": a spreadsheet shows the text instead of computing it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_cell(value: object) -> object:
    """A cell as the writer puts it out: text formula-safe, numbers as they are."""
    if value is None:
        return ""
    # The cheap test first: only text starting like a formula is looked at again.
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_rows(target: IO[str], rows: Iterable[Sequence[object]]) -> None:
    """Write `rows` (the header is a row too) to a text file, every cell made safe."""
    writer = csv.writer(target, lineterminator=LINE_END)
    writer.writerows([safe_cell(value) for value in row] for row in rows)


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """`rows` as CSV text, every line ending in CRLF."""
    buffer = io.StringIO()
    write_rows(buffer, rows)
    return buffer.getvalue()


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """`rows` as CSV lines one by one, for a download streamed row by row."""
    writer = csv.writer(_Echo(), lineterminator=LINE_END)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


ROWS_PER_CHUNK = 500


def csv_chunks(rows: Iterable[Sequence[object]], size: int = ROWS_PER_CHUNK) -> Iterator[str]:
    """`rows` as CSV text in chunks of `size` rows: the same bytes as `csv_lines`, for a
    download of hundreds of thousands of rows (one write, one yield per chunk, not per row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=LINE_END)
    batch: list[list[object]] = []
    for row in rows:
        batch.append([safe_cell(value) for value in row])
        if len(batch) >= size:
            writer.writerows(batch)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            batch.clear()
    writer.writerows(batch)
    if buffer.tell():
        yield buffer.getvalue()
