"""PostgreSQL's search document after tracker migration 0008 (tracker/migrations/0008_…).

wb_search_document() was re-written for speed: it must give exactly 0003's document
(one translate() over the whole folding table) for every character of that table; and
the stored search_document column must follow the text, since search reads it.
"""

import pytest
from django.db import connection

from annotations.monitoring.parameters import statement_filters
from annotations.monitoring.query import parse
from annotations.monitoring.search import search_statements
from tracker.search.folding import fold_table

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

FOLD_FROM, FOLD_TO = fold_table()
TEXTS = [
    "",
    " ",
    "plain words only",
    "".join(chr(c) for c in range(32, 127)),  # every printable ASCII character
    FOLD_FROM,  # every character of the folding table, side by side
    *(f"a{ch}b {ch}c d{ch}" for ch in FOLD_FROM),  # each one inside ASCII words
    "Lajčák’s victim‑centred\u00a0“approach” İstanbul 🙂 ǅ — Côte d’Ivoire, S/PV.8886",
    "ÀÉÎÕÜ start and end with non-ASCII ñ",
    "tabs\tand\nnew lines\r\n stay separators",
    "Ǆǅǆ 日本語 ДОБРО αβγ mixed scripts ‰ ‱",
]


def documents(sql: str, texts: list[str]) -> list[str]:
    with connection.cursor() as cursor:
        return [
            cursor.execute(
                sql, [text, *([FOLD_FROM, FOLD_TO] if "%s, %s" in sql else [])]
            ).fetchone()[0]
            for text in texts
        ]


def test_the_fast_function_gives_0003s_document_for_every_character_of_the_table():
    fast = documents("SELECT wb_search_document(%s)::text", TEXTS)
    old = documents(
        "SELECT to_tsvector('simple'::regconfig, translate(%s::text, %s, %s))::text", TEXTS
    )
    assert fast == old
    assert fast[2] == "'only':3 'plain':1 'words':2"


def test_the_stored_document_follows_the_text(statement):
    def stored():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_document::text = wb_search_document(text)::text, "
                "search_document::text FROM tracker_statement WHERE id = %s",
                [statement.pk],
            )
            return cursor.fetchone()

    assert stored()[0]
    statement.text = "Côte d’Ivoire spoke of forced labour."
    statement.save()
    same, document = stored()
    assert same and "'cote':1" in document and "'labour':" in document


def test_a_phrase_search_rechecks_the_stored_document_not_the_function(statement):
    statement.text = "Prevention of forced labour in supply chains."
    statement.save()
    found = search_statements(parse('"forced labour"'), statement_filters({}, viewer=None))
    assert list(found.values_list("pk", flat=True)) == [statement.pk]
    with connection.cursor() as cursor:
        sql, params = found.query.sql_with_params()
        # A table this small is read whole; with sequential and plain index scans off,
        # the only way left to the rows is a bitmap scan of an index that answers the
        # condition — the GIN on the stored document, if the query uses it. SET LOCAL:
        # gone with the test's transaction.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        plan = "\n".join(r[0] for r in cursor.execute(f"EXPLAIN {sql}", params).fetchall())
    assert '"search_document" @@' in sql and "wb_search_document" not in sql
    assert "statement_search_document_gin" in plan
    assert "translate" not in plan, "a recheck would recompute every candidate's document"
