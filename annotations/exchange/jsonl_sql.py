"""JSON Lines built by SQLite: each row one finished JSON object (PostgreSQL builds
the same lines in exchange.copy_lines).

The keys are the CSV headings in their order and the text is what Python's
json.dumps(…, ensure_ascii=False) wrote before (issue 18): ", " and ": " as
separators, strings escaped as JSON requires (\\" \\\\ \\b \\f \\n \\r \\t and
\\u00XX for other control characters, in lower case), everything else as
stored — emoji and accents unescaped. SQLite's json_quote (and PostgreSQL's
to_json) escape exactly so; the object itself is put together with ||,
because json_build_object writes " : " and jsonb reorders the keys.
"""

import json

from django.db.models import F, Func, QuerySet, TextField

from .csv_sql import IsoUtcTimestamp, live_in_export_order
from .rows import EXPORT_COLUMNS


class JsonValue(Func):
    """A value as JSON text: a string quoted and escaped, a number as is, NULL as null."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"json_quote({sql})", params


class JsonLine(Func):
    """{"heading": value, …} of (heading, JsonValue) pairs, no line end."""

    output_field = TextField()

    def __init__(self, headings: tuple[str, ...], *values, **extra):
        self.headings = headings
        super().__init__(*values, **extra)

    def as_sql(self, compiler, connection, **extra):
        parts, params = [], []
        for index, (heading, value) in enumerate(
            zip(self.headings, self.source_expressions, strict=True)
        ):
            opening = "{" if index == 0 else ", "
            sql, value_params = compiler.compile(value)
            parts.append(f"%s || {sql}")
            params.extend((opening + json.dumps(heading) + ": ", *value_params))
        return "(" + " || ".join(parts) + " || '}')", tuple(params)


def _value(heading: str, lookup) -> JsonValue:
    value = F(lookup) if isinstance(lookup, str) else lookup
    if heading == "created":
        # Microseconds always, as the CSV has them: the two exports show the same text.
        return JsonValue(IsoUtcTimestamp(value))
    return JsonValue(value)


def jsonl_line_queryset(annotations: QuerySet) -> QuerySet:
    """One JSON object (no line end) per live annotation, in export order (by id)."""
    headings = tuple(heading for heading, _ in EXPORT_COLUMNS)
    line = JsonLine(headings, *(_value(heading, lookup) for heading, lookup in EXPORT_COLUMNS))
    return (
        live_in_export_order(annotations)
        .annotate(jsonl_line=line)
        .values_list("jsonl_line", flat=True)
    )
