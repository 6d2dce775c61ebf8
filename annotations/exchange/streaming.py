"""Export bytes straight from the database, with no Python object per row.

PostgreSQL: `COPY (the export's SELECT) TO STDOUT (FORMAT binary)` through
psycopg 3's copy API, on the psycopg connection under Django's (so it sees the
same transaction and settings). The SELECT gives one finished line a row
(exchange.copy_lines), so the binary format carries it as it is: no CSV scan
on the server, and here only the 6 bytes of framing a row to drop. libpq hands
COPY data over one row at a time (PQgetCopyData: "data is always returned one
data row at a time"). psycopg starts the COPY and, if it is cut short, cancels
and drains it; the rows in between are read from its libpq connection
directly (PGconn.get_copy_data), which costs half the worker's CPU of
psycopg's own row iteration, a generator and a wait per row
(benchmarks/README.md, "Issue 18, round 6"). They are passed on in pieces of
PIECE_ROWS rows.

SQLite: the same lines from one SELECT (exchange.sqlite_lines), as UTF-8
bytes, read with fetchmany in batches of BATCH_ROWS and joined a batch at a
time.

If the client goes away, the WSGI server closes the response and the
generator: psycopg then cancels the COPY and drains what the server had sent,
and the savepoint around it is rolled back, so the connection is clean for
the next request.
"""

from collections.abc import Iterator
from typing import Protocol

import psycopg
from django.db import connection, transaction

PIECE_ROWS = 1000  # about 260 KB of CSV, 530 KB of JSON Lines
BATCH_ROWS = 1000
# For the COPY's transaction only (set_config(…, true) is SET LOCAL), in one query:
# the text of dates follows DateStyle; JIT off, because from about 200,000 rows
# PostgreSQL would compile the line's expressions for about as long as they take to
# run (benchmarks/README.md, "Issue 18, round 5").
COPY_SETTINGS = (
    "SELECT set_config('DateStyle', 'ISO, MDY', true), set_config('jit', 'off', true)",
)
# A binary COPY's file starts with this, then 4 bytes of flags and 4 of header extension length.
BINARY_SIGNATURE = b"PGCOPY\n\xff\r\n\x00"


class CopyOut(Protocol):
    """What unframed reads: a libpq connection in COPY OUT (psycopg's PGconn)."""

    def get_copy_data(self, async_: int) -> tuple[int, memoryview]: ...

    def get_result(self): ...


def copy_lines(select: str) -> Iterator[bytes]:
    """What COPY (select) TO STDOUT (FORMAT binary) sends, unframed, PIECE_ROWS rows a
    piece (PostgreSQL). `select` gives one text column that is never NULL: a finished
    line, line end included (exchange.copy_lines).

    Binary COPY sends each value as its bytes after a 2-byte field count and a
    4-byte length, so stripping those 6 bytes gives the line as the database
    built it; the file's header rides in the first row's message and its
    trailer comes alone (as psycopg's own binary parser assumes). No CSV scan
    on the server, no escaping to undo here.

    psycopg's copy block starts the COPY and, when the generator is closed part
    way (a client gone), cancels it and drains what the server had sent; the
    savepoint is there because cancelling aborts the surrounding transaction, if
    any, unless rolled back to here.
    """
    statement = f"COPY ({select}) TO STDOUT (FORMAT binary)"
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in COPY_SETTINGS:
            cursor.execute(setting)
        psycopg_cursor = cursor.cursor
        with psycopg_cursor.copy(statement):
            yield from unframed(psycopg_cursor.connection.pgconn)


def unframed(pgconn: CopyOut) -> Iterator[bytes]:
    """A binary COPY's rows as the values' bytes, PIECE_ROWS rows a piece: each row's
    6 bytes of framing dropped, the header taken off the first, the trailer
    (\xff\xff) giving nothing. At the end the COPY's result is read, before the
    last piece goes out, and an error in it is raised.

    The rows are read blocking, one libpq call each and no Python frame between
    (psycopg's copy block holds the connection's lock meanwhile). Each row is
    copied into the piece's bytearray at once: holding a thousand of psycopg's
    memoryviews for a join made Python's garbage collector walk them again and
    again, about 1 µs a row (benchmarks/README.md, "Issue 18, round 5").
    """
    get_copy_data = pgconn.get_copy_data
    size, first = get_copy_data(0)
    if size < 0:
        copy_result(pgconn)
        return
    piece = bytearray(without_header(first)[6:])
    rows = 0  # the first piece also carries the row that came with the header
    while True:
        size, data = get_copy_data(0)
        if size < 0:
            break
        piece += data[6:]
        rows += 1
        if rows >= PIECE_ROWS:
            if piece:
                yield bytes(piece)
            piece = bytearray()
            rows = 0
    copy_result(pgconn)
    if piece:
        yield bytes(piece)


def copy_result(pgconn: CopyOut) -> None:
    """Read the results that end a COPY OUT (the connection is then idle in its
    transaction) and raise the first error among them, as psycopg would."""
    error = None
    while (result := pgconn.get_result()) is not None:
        if error is None and result.status != psycopg.pq.ExecStatus.COMMAND_OK:
            error = psycopg.errors.error_from_result(result)
    if error is not None:
        raise error


def without_header(data):
    """The first message of a binary COPY (bytes or psycopg's memoryview) without the
    file's header."""
    if data[: len(BINARY_SIGNATURE)] != BINARY_SIGNATURE:
        raise ValueError("COPY (FORMAT binary) did not start with its signature")
    extension = int.from_bytes(data[15:19], "big")
    return data[19 + extension :]


def fetched_lines(sql: str, params) -> Iterator[bytes]:
    """The one column of the SELECT's rows, each a finished line as bytes, a batch at a time."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(BATCH_ROWS):
            yield b"".join(row[0] for row in batch)
