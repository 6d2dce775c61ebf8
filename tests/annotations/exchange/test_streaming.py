"""Binary COPY's framing taken off the lines the database built (exchange.streaming)."""

import pytest

from annotations.exchange import streaming
from annotations.exchange.streaming import BINARY_SIGNATURE, unframed

HEADER = BINARY_SIGNATURE + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"
TRAILER = b"\xff\xff"


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
