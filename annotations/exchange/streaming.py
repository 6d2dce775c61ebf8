"""Export bytes straight from the database, with no Python object per row.

PostgreSQL: `COPY (the export's SELECT) TO STDOUT` through psycopg 3's copy
API, on the psycopg connection under Django's (so it sees the same
transaction and settings). libpq hands COPY data over one row at a time
(PQgetCopyData: "data is always returned one data row at a time"), each row
ending in "\\n"; the rows are passed on in pieces of PIECE_ROWS rows, taken
with islice and joined in C, so the web worker does little work of its own per
row (on two cores the database's formatting, not this, sets the rate).

SQLite: the same SELECT (each row one finished line) read with fetchmany in
batches of BATCH_ROWS, joined and encoded a batch at a time.

If the client goes away, the WSGI server closes the response and the
generator: psycopg then cancels the COPY and drains what the server had sent,
and the savepoint around it is rolled back, so the connection is clean for
the next request.
"""

from collections.abc import Iterator
from itertools import islice

from django.db import connection, transaction
from django.db.models import QuerySet

PIECE_ROWS = 1000  # about 260 KB of CSV, 530 KB of JSON Lines
BATCH_ROWS = 10_000
# For the COPY's transaction only (SET LOCAL): the text of dates and timestamps
# (COPY's own, and exchange.csv_sql.IsoUtcTimestamp's) follows DateStyle.
COPY_SETTINGS = ("SET LOCAL DateStyle = 'ISO, MDY'",)


def copy_sql(queryset: QuerySet, options: str) -> str:
    """COPY (the queryset's SELECT, its parameters bound) TO STDOUT (options)."""
    import psycopg  # only the PostgreSQL backend needs it

    sql, params = queryset.query.sql_with_params()
    connection.ensure_connection()
    # COPY takes no bind parameters: bind them client-side, as psycopg would quote them.
    select = psycopg.ClientCursor(connection.connection).mogrify(sql, params)
    return f"COPY ({select}) TO STDOUT ({options})"


def copy_out(queryset: QuerySet, options: str, *, crlf: bool = False) -> Iterator[bytes]:
    """What COPY sends for the queryset, PIECE_ROWS rows a piece (PostgreSQL).

    COPY ends every row with "\\n"; with `crlf` each becomes "\\r\\n". The
    savepoint is there for a COPY cut short (a client gone): cancelling it
    aborts the surrounding transaction, if any, unless rolled back to here.
    """
    statement = copy_sql(queryset, options)
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in COPY_SETTINGS:
            cursor.execute(setting)
        with cursor.cursor.copy(statement) as copy:
            rows = iter(copy)
            while piece := list(islice(rows, PIECE_ROWS)):
                yield joined_rows(piece, crlf=crlf)


def joined_rows(piece: list, *, crlf: bool) -> bytes:
    """COPY's rows (each ending in "\\n") as one piece, with CRLF line ends if `crlf`.

    A cell holding a newline comes quoted with the newline as stored, so it must
    not become "\\r\\n": when the piece has more newlines than rows, only the
    rows' own ends are changed.
    """
    data = b"".join(piece)
    if not crlf:
        return data
    if data.count(b"\n") == len(piece):  # only the rows' ends
        return data.replace(b"\n", b"\r\n")
    return b"\r\n".join([row[:-1] for row in piece]) + b"\r\n"


def fetched_lines(queryset: QuerySet, *, line_end: str) -> Iterator[bytes]:
    """The queryset's one text column, each value + line_end, a batch at a time."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(BATCH_ROWS):
            yield "".join(row[0] + line_end for row in batch).encode("utf-8")
