"""The COPY relay on a real PostgreSQL (exchange.streaming.copy_lines): rows read from
libpq directly, the COPY's end and its errors read as psycopg would, the connection
left usable."""

import psycopg
import pytest
from django.db import connection, transaction

from annotations.exchange import streaming
from annotations.exchange.streaming import copy_lines

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]

LINES = "SELECT 'line ' || i || E'\\n' FROM generate_series(1, 25) i"
# Row 18 divides by zero: the server has sent 17 rows when the error comes.
FAILS_PART_WAY = (
    "SELECT CASE WHEN i < 18 THEN 'line ' || i || E'\\n' ELSE (1 / (i - i))::text END "
    "FROM generate_series(1, 25) i"
)


def usable() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def test_every_row_arrives_in_pieces_and_the_connection_is_idle_after(monkeypatch):
    monkeypatch.setattr(streaming, "PIECE_ROWS", 10)
    pieces = list(copy_lines(LINES))
    assert b"".join(pieces) == b"".join(b"line %d\n" % i for i in range(1, 26))
    assert [piece.count(b"\n") for piece in pieces] == [11, 10, 4]
    assert connection.connection.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert usable()


def test_no_rows_give_nothing():
    assert list(copy_lines("SELECT 'x' WHERE false")) == []
    assert usable()


def test_an_error_part_way_is_raised_and_rolled_back_to_the_savepoint(monkeypatch):
    monkeypatch.setattr(streaming, "PIECE_ROWS", 5)
    pieces = []
    with transaction.atomic():
        with pytest.raises(psycopg.errors.DivisionByZero):
            for piece in copy_lines(FAILS_PART_WAY):
                pieces.append(piece)
        # The surrounding transaction goes on: only the COPY's savepoint was lost.
        assert usable()
    assert b"".join(pieces).startswith(b"line 1\n") and b"line 18" not in b"".join(pieces)
    assert usable()


def test_a_relay_closed_part_way_cancels_the_copy(monkeypatch):
    monkeypatch.setattr(streaming, "PIECE_ROWS", 100)
    pieces = copy_lines("SELECT 'line ' || i || E'\\n' FROM generate_series(1, 1000000) i")
    assert next(pieces).startswith(b"line 1\n")
    pieces.close()  # what the WSGI server does for a client gone
    assert connection.connection.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert usable()
