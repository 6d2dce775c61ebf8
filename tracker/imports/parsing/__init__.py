"""Parsers of meeting records: pure Python, text or bytes in, plain data out, no ORM."""
