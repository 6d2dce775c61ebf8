"""Trends' coded test is one hashed IN over the coded statement ids, not EXISTS per row.

At a million statements (benchmarks/xl.py) the correlated EXISTS that both counts filter
by ran two index probes per statement; IN over the codes' statement ids is computed once.
The counts themselves are pinned by test_trends.py; this pins the query's shape (the
plan, hashed SubPlan with loops=1, is in benchmarks/README.md: a tiny test database's
statistics let PostgreSQL choose either).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.monitoring.trends import trend_spec, trends

pytestmark = pytest.mark.django_db


def points_query(code) -> str:
    """The SQL of trends' first query, the counts per body and year."""
    with CaptureQueriesContext(connection) as queries:
        trends(trend_spec({"code": code.slug, "by": "year"}, viewer=None))
    counting = [q["sql"] for q in queries.captured_queries if "coded_statements" in q["sql"]]
    assert len(counting) == 1
    return counting[0]


def test_the_coded_column_is_an_in_over_the_coded_statements(code, statement):
    sql = points_query(code)
    assert "EXISTS" not in sql.upper()
    assert '"tracker_statement"."id" IN (SELECT' in sql
