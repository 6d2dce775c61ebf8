"""Search at a million statements: a fast wb_search_document() and a stored search document.

Measured on the XL benchmark corpus (benchmarks/xl.py, 1,000,000 statements of ~520
characters): the folding function of 0003 spent 3.5 ms a statement in translate(), which
walks its 420-character table for every character of the text. That cost is paid on
every insert, on every index build (an hour at XL) and, worse, on every row a phrase
query has to recheck: GIN keeps no word positions, so `"forced labour"` recomputed the
document of each of the ~430,000 candidate statements (about 25 minutes).

1. wb_search_document() is re-created with the same result, character for character
   (tests/tracker/search/test_search_document.py checks every character of the folding
   table): ASCII runs of the text lose their punctuation with one regexp_replace, and
   only the runs of other characters go through translate() with the non-ASCII part of
   the table. About 16× faster (0.2 ms a statement, most of it to_tsvector).
2. tracker_statement.search_document, a STORED generated column holding that document,
   with the GIN index on it (statement_search_document_gin) instead of the expression
   index: a recheck reads the stored tsvector instead of recomputing it. Like the
   expression index it cannot fall out of step with the text. The model does not
   declare the column (PostgreSQL only; SQLite keeps its FTS5 table of 0003);
   annotations/monitoring/search.py queries it. A later change of the text column's
   type must drop and re-add the column (PostgreSQL refuses to alter a column a
   generated column uses).

The table of tracker/search/folding.py is not changed; FOLD_FROM/FOLD_TO are 0003's.
"""

from importlib import import_module

from django.db import migrations

search_index = import_module("tracker.migrations.0003_search_index")
FOLD_FROM, FOLD_TO = search_index.FOLD_FROM, search_index.FOLD_TO
_quoted = search_index._quoted

# Every ASCII character of the table is punctuation folded to a space: !"#$%&'()*+,-./
# :;<=>?@ [\]^_` {|}~ — the four ranges of ASCII_PUNCTUATION. The rest go by translate().
ASCII_PUNCTUATION = "[!-/:-@[-`{-~]"
ASCII_PAIRS = [(f, t) for f, t in zip(FOLD_FROM, FOLD_TO, strict=True) if ord(f) < 128]
OTHER_FROM = "".join(f for f, _ in zip(FOLD_FROM, FOLD_TO, strict=True) if ord(f) >= 128)
OTHER_TO = "".join(t for f, t in zip(FOLD_FROM, FOLD_TO, strict=True) if ord(f) >= 128)
assert {t for _, t in ASCII_PAIRS} == {" "} and len(ASCII_PAIRS) == 32  # noqa: S101

FAST_FUNCTION = f"""
CREATE OR REPLACE FUNCTION wb_search_document(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN to_tsvector('simple'::regconfig, CASE
    WHEN body ~ '[^\\x01-\\x7f]' THEN coalesce((
        SELECT string_agg(
            CASE WHEN r.m[1] ~ '^[\\x01-\\x7f]'
                 THEN regexp_replace(r.m[1], '{ASCII_PUNCTUATION}', ' ', 'g')
                 ELSE translate(r.m[1], {_quoted(OTHER_FROM)}, {_quoted(OTHER_TO)}) END,
            '' ORDER BY r.n)
        FROM regexp_matches(body, '[\\x01-\\x7f]+|[^\\x01-\\x7f]+', 'g')
             WITH ORDINALITY AS r(m, n)), '')
    ELSE regexp_replace(body, '{ASCII_PUNCTUATION}', ' ', 'g') END)
"""  # noqa: S608 (the constants of this file only)
OLD_FUNCTION = search_index.POSTGRESQL_FORWARD[0].replace(
    "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1
)
FORWARD = [
    FAST_FUNCTION,
    "DROP INDEX IF EXISTS statement_search_gin",
    "ALTER TABLE tracker_statement ADD COLUMN search_document tsvector"
    " GENERATED ALWAYS AS (wb_search_document(text)) STORED",
    "CREATE INDEX statement_search_document_gin ON tracker_statement USING GIN (search_document)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS statement_search_document_gin",
    "ALTER TABLE tracker_statement DROP COLUMN IF EXISTS search_document",
    OLD_FUNCTION,
    "CREATE INDEX statement_search_gin ON tracker_statement USING GIN (wb_search_document(text))",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches its FTS5 table (0003), unchanged
    for sql in statements:
        schema_editor.execute(sql, params=None)  # no placeholders: the table has a %


def forward(apps, schema_editor):
    _run(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0007_fixture_jobs")]

    operations = [migrations.RunPython(forward, backward)]
