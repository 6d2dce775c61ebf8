"""Binary COPY's framing taken off the lines the database built (exchange.streaming)."""

import pytest

from annotations.exchange.streaming import BINARY_SIGNATURE, unframed, without_header

HEADER = BINARY_SIGNATURE + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"


def row(value: bytes) -> bytes:
    """A binary COPY row of one text value: field count 1, length, bytes."""
    return b"\x00\x01" + len(value).to_bytes(4, "big") + value


def test_binary_rows_become_their_values_joined():
    piece = [row(b'1,"a"\r\n'), row(b'2,"b\nc"\r\n')]
    assert unframed(piece) == b'1,"a"\r\n2,"b\nc"\r\n'


def test_the_header_rides_with_the_first_row_and_the_trailer_gives_nothing():
    piece = [without_header(HEADER + row(b"first\n")), row(b"second\n"), b"\xff\xff"]
    assert unframed(piece) == b"first\nsecond\n"


def test_a_header_alone_or_with_only_the_trailer_gives_nothing():
    assert unframed([without_header(HEADER)]) == b""
    assert unframed([without_header(HEADER + b"\xff\xff")]) == b""


def test_a_header_extension_is_skipped():
    extended = BINARY_SIGNATURE + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x03" + b"xyz"
    assert unframed([without_header(extended + row(b"line\n"))]) == b"line\n"


def test_psycopg_memoryviews_are_unframed_as_bytes():
    assert unframed([memoryview(without_header(memoryview(HEADER + row(b"x\n"))))]) == b"x\n"


def test_what_is_not_binary_copy_is_refused():
    with pytest.raises(ValueError, match="signature"):
        without_header(b'1,"a"\n')
