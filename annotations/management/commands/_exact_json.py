"""The backup's file format: Django's JSON, every timestamp to the microsecond, read
back one record at a time.

DjangoJSONEncoder cuts times to milliseconds (ECMA-262's format), so a backup lost the
sub-millisecond part of every timestamp and a restored database was not identical. The
files are plain Django JSON (`loaddata` reads them as any .json fixture). Django's JSON
reader loads the whole file into memory first (816 MB for 200,000 annotations); this
one decodes the top-level list record by record from a buffer of a few pieces, so a
restore's memory does not grow with the backup. Registered as the "exactjson" format
in settings.SERIALIZATION_MODULES.
"""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Iterator
from typing import IO

from django.core.serializers.base import DeserializationError
from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.core.serializers.python import Deserializer as PythonDeserializer

PIECE_CHARS = 64 * 1024
_WHITESPACE = " \t\r\n"


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def start_serialization(self):
        super().start_serialization()
        self.json_kwargs["cls"] = ExactJSONEncoder


class _Buffer:
    """The text of a stream, read a piece at a time; `text[at:]` is still to decode."""

    def __init__(self, stream: IO[str]):
        self.stream, self.text, self.at = stream, "", 0

    def more(self) -> bool:
        piece = self.stream.read(PIECE_CHARS)
        self.text, self.at = self.text[self.at :] + piece, 0
        return bool(piece)

    def peek(self) -> str:
        """The next character that is not white space, left in place ("" at the end)."""
        while True:
            while self.at < len(self.text) and self.text[self.at] in _WHITESPACE:
                self.at += 1
            if self.at < len(self.text):
                return self.text[self.at]
            if not self.more():
                return ""

    def next_char(self) -> str:
        """The next character that is not white space, consumed."""
        char = self.peek()
        self.at += len(char)
        return char

    def value(self, decoder: json.JSONDecoder) -> object:
        """The JSON value starting at the next character; more is read while it is cut off."""
        self.peek()
        while True:
            try:
                value, self.at = decoder.raw_decode(self.text, self.at)
                return value
            except json.JSONDecodeError:
                if not self.more():
                    raise


def records(stream: IO[str]) -> Iterator[object]:
    """The items of the JSON list in `stream`, one by one (a backup: a list of records)."""
    buffer, decoder = _Buffer(stream), json.JSONDecoder()
    if buffer.next_char() != "[":
        raise DeserializationError("A backup is a JSON list of records.")
    if buffer.peek() == "]":
        return
    while True:
        try:
            yield buffer.value(decoder)
        except json.JSONDecodeError as exc:
            raise DeserializationError(f"The backup's list of records is cut off: {exc}") from None
        separator = buffer.next_char()
        if separator == "]":
            return
        if separator != ",":
            raise DeserializationError("The backup's list of records is cut off or malformed.")


class Deserializer(JSONDeserializer):
    """Django's JSON deserializer over `records`: one record in memory at a time."""

    def __init__(self, stream_or_string, **options):
        if isinstance(stream_or_string, bytes):
            stream_or_string = stream_or_string.decode()
        if isinstance(stream_or_string, str):
            stream_or_string = io.StringIO(stream_or_string)
        PythonDeserializer.__init__(self, records(stream_or_string), **options)
