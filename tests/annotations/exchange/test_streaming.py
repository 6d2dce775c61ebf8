"""COPY's rows joined into pieces, with CRLF line ends for the CSV."""

from annotations.exchange.streaming import joined_rows


def test_rows_are_joined_as_copy_sent_them_without_crlf():
    rows = [b'1,"a"\n', memoryview(b'2,"b\nc"\n')]
    assert joined_rows(rows, crlf=False) == b'1,"a"\n2,"b\nc"\n'


def test_each_row_end_becomes_crlf():
    rows = [b'1,"a",2017\n', memoryview(b'2,"b",2017\n')]
    assert joined_rows(rows, crlf=True) == b'1,"a",2017\r\n2,"b",2017\r\n'


def test_a_newline_inside_a_quoted_cell_stays_as_stored():
    rows = [b'1,"two\nlines",2017\n', b'2,"one\r\nmore",2017\n', b'3,"x",2017\n']
    assert joined_rows(rows, crlf=True) == (
        b'1,"two\nlines",2017\r\n2,"one\r\nmore",2017\r\n3,"x",2017\r\n'
    )
