"""The downloads' queries keep the shape that made them fast at a million statements
(benchmarks/README.md, XL, fix 4); the bytes they write are pinned by test_csv_bytes.py.

A tiny test database's statistics let PostgreSQL choose any plan, so this pins the SQL:
only the columns written (no meeting summaries, agendas or stored search documents), no
`statement_id IN (every statement)`, and the passages' annotations asked for with their
statements' meetings named (without them PostgreSQL read the whole statement table for
every chunk of 2,000 statements, through blind coding's join).
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(analyst_a) -> Client:
    client = Client()
    client.force_login(analyst_a)
    return client


def queries_of(client, path, params) -> list[str]:
    client.get(path, params)  # the session and the user, once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
        assert response.status_code == 200
        b"".join(response.streaming_content)
    # PostgreSQL streams through a server-side cursor: DECLARE "…" … CURSOR … FOR SELECT …
    return [q["sql"].split(" FOR ", 1)[1] if q["sql"].startswith("DECLARE") else q["sql"]
            for q in queries.captured_queries]  # fmt: skip


def the_query_reading(sqls: list[str], table: str) -> str:
    found = [sql for sql in sqls if sql.startswith(f'SELECT "{table}"') and "ORDER BY" in sql]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("path", "params", "table"),
    [
        ("/monitoring/search.csv", {"q": "women"}, "tracker_statement"),
        ("/monitoring/segments.csv", {"code": "protection"}, "annotations_annotation"),
        ("/monitoring/passages.csv", {"coded": "protection"}, "tracker_statement"),
    ],
)
def test_a_download_reads_only_the_columns_it_writes(client, coded, path, params, table):
    selected = the_query_reading(queries_of(client, path, params), table).split(" FROM ")[0]
    for unwritten in ("summary", "agenda", "search_document", "prefix", "created"):
        assert f'."{unwritten}"' not in selected


def test_segments_of_every_statement_are_not_filtered_by_every_statement(client, coded):
    sqls = queries_of(client, "/monitoring/segments.csv", {"code": "protection"})
    sql = the_query_reading(sqls, "annotations_annotation")
    assert 'IN (SELECT U0."id" FROM "tracker_statement"' not in sql
    assert '"statement_id" IN (SELECT' not in sql


def test_the_passages_annotations_are_asked_for_with_their_meetings(client, coded):
    sqls = queries_of(client, "/monitoring/passages.csv", {"coded": "protection"})
    shown = [sql for sql in sqls if sql.startswith('SELECT "annotations_annotation"')]
    assert len(shown) == 1  # one chunk of statements here
    # protection is coded in SC 1 and SC 3: their meeting, by its id (blind coding's own
    # condition has a `meeting_id IN (SELECT …)` too, which does not count)
    assert f'"tracker_statement"."meeting_id" IN ({coded.sc.pk})' in shown[0]
