"""Binary COPY's framing taken off the lines the database built (exchange.streaming)."""

import psycopg
import pytest

from annotations.exchange import streaming
from annotations.exchange.streaming import BINARY_SIGNATURE

COMMAND_OK = psycopg.pq.ExecStatus.COMMAND_OK
FATAL_ERROR = psycopg.pq.ExecStatus.FATAL_ERROR

HEADER = BINARY_SIGNATURE + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"
TRAILER = b"\xff\xff"


class Result:
    def __init__(self, status, message=b""):
        self.status = status
        self.message = message

    def error_field(self, field):
        return b"57014" if field == psycopg.pq.DiagnosticField.SQLSTATE else self.message

    def get_error_message(self, encoding="utf-8"):
        return self.message.decode(encoding)


class CopyOut:
    """libpq in COPY OUT as unframed reads it: the messages one call each, then -1, then
    the results that end the COPY (a COMMAND_OK unless told otherwise)."""

    def __init__(self, messages, results=None):
        self.messages = list(messages)
        self.results = [Result(COMMAND_OK)] if results is None else list(results)
        self.calls = []

    def get_copy_data(self, async_):
        self.calls.append(("get_copy_data", async_))
        if not self.messages:
            return -1, memoryview(b"")
        data = self.messages.pop(0)
        return len(data), data

    def get_result(self):
        self.calls.append(("get_result",))
        return self.results.pop(0) if self.results else None


def unframed(messages, results=None):
    return streaming.unframed(CopyOut(messages, results))


def row(value: bytes) -> bytes:
    """A binary COPY row of one text value: field count 1, length, bytes."""
    return b"\x00\x01" + len(value).to_bytes(4, "big") + value


def test_binary_rows_become_their_values_joined():
    messages = [HEADER + row(b'1,"a"\r\n'), row(b'2,"b\nc"\r\n'), TRAILER]
    assert b"".join(unframed(messages)) == b'1,"a"\r\n2,"b\nc"\r\n'


def test_rows_come_in_pieces_of_piece_rows(monkeypatch):
    monkeypatch.setattr(streaming, "PIECE_ROWS", 2)
    messages = [HEADER + row(b"1\n"), *(row(b"%d\n" % n) for n in range(2, 6)), TRAILER]
    # The first piece carries the row that came with the header.
    assert list(unframed(messages)) == [b"1\n2\n3\n", b"4\n5\n"]


def test_no_rows_give_no_piece():
    assert list(unframed([HEADER + TRAILER])) == []
    assert list(unframed([HEADER, TRAILER])) == []
    assert list(unframed([])) == []


def test_a_header_extension_is_skipped():
    extended = BINARY_SIGNATURE + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x03" + b"xyz"
    assert list(unframed([extended + row(b"line\n"), TRAILER])) == [b"line\n"]


def test_psycopg_memoryviews_come_out_as_bytes():
    pieces = list(unframed([memoryview(HEADER + row(b"x\n")), memoryview(row(b"y\n"))]))
    assert pieces == [b"x\ny\n"] and type(pieces[0]) is bytes


def test_what_is_not_binary_copy_is_refused():
    with pytest.raises(ValueError, match="signature"):
        list(unframed([b'1,"a"\n']))


def test_the_copy_result_is_read_blocking_before_the_last_piece_goes_out():
    copy_out = CopyOut([HEADER + row(b"x\n"), TRAILER])
    pieces = streaming.unframed(copy_out)
    assert next(pieces) == b"x\n"
    # The last piece: every row read blocking (0), the end (-1), then the results.
    assert copy_out.calls == [("get_copy_data", 0)] * 3 + [("get_result",)] * 2
    assert list(pieces) == []


def test_an_error_ending_the_copy_is_raised_not_a_short_body():
    failed = [Result(FATAL_ERROR, b"canceling statement due to statement timeout")]
    with pytest.raises(psycopg.errors.QueryCanceled, match="statement timeout"):
        list(unframed([HEADER + row(b"x\n"), row(b"y\n")], failed))
    with pytest.raises(psycopg.errors.QueryCanceled):
        list(unframed([], failed))
