"""The matrix by delegation and by country group, and the delegation list, resolve a
statement's printed name once per query: the alias table is joined, never looked up in
a subquery per statement.

At a million statements (benchmarks/xl.py) the look-up per row made the matrix by
delegation 9.4 s of SQL (1.4 s joined), the delegation list 17 s, and the matrix by
country group (an EXISTS per statement per group, inside each count) ran for minutes.
The figures are pinned by test_matrix.py and test_delegations.py; this pins the
queries' shape (the plans are in benchmarks/README.md).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.monitoring.matrix import matrix, matrix_spec

pytestmark = pytest.mark.django_db

JOINED = re.compile(r'JOIN "tracker_delegationalias"[^)]*"tracker_delegationalias"\."name"\)')


def alias_queries(run) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        run()
    return [q["sql"] for q in queries.captured_queries if "tracker_delegationalias" in q["sql"]]


def assert_joined_once_per_query(sql: str) -> None:
    assert "EXISTS" not in sql.upper()
    assert len(JOINED.findall(sql)) == 1
    assert '"tracker_delegationalias" U0' not in sql  # no subquery over the aliases


@pytest.mark.parametrize("columns", ["delegation", "group"])
def test_the_matrix_joins_the_aliases(coded, columns):
    spec = matrix_spec({"columns": columns, "code": "protection"}, viewer=None)
    counting = alias_queries(lambda: matrix(spec))
    assert len(counting) == 2  # the columns' totals and the cells
    for sql in counting:
        assert_joined_once_per_query(sql)


def test_the_delegation_list_joins_the_aliases(client, corpus, analyst_a):
    client.force_login(analyst_a)
    counting = alias_queries(lambda: client.get("/monitoring/delegations/"))
    assert len(counting) == 2  # the counts; the unlinked names (NOT IN the aliases' names)
    assert_joined_once_per_query(counting[0])
    assert '"tracker_statement"."delegation" IN (SELECT U0."name"' in counting[1]
