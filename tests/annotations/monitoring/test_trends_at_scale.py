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
from tests.plans import plan_nodes

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


def _estimated_speaker_groups(plan: dict) -> list[int]:
    """The planner's row estimates of the aggregates grouping by the speaker."""
    return [
        node["Plan Rows"]
        for node in plan_nodes(plan)
        if node.get("Node Type") == "Aggregate"
        and any("speaker_id" in key for key in node.get("Group Key", []))
    ]


@pytest.mark.postgres_only
def test_the_planner_knows_how_few_speaker_groups_there_are(code, django_user_model):
    """tracker 0009's statistics: 120 statements of two speakers, each printed under
    another delegation, are 2 (body, year, speaker) groups. Without the statistics
    PostgreSQL multiplies the delegations in (120) and, at a million statements,
    sorted them all instead of hashing 9,420 groups (benchmarks/README.md, XL)."""
    from tracker.models import Meeting, Speaker, Statement

    meeting = Meeting.objects.create(symbol="S/1", body="Security Council", date="2021-01-01")
    speakers = [Speaker.objects.create(name=name) for name in ("Amina", "Bo")]
    Statement.objects.bulk_create(
        Statement(meeting=meeting, order=n, speaker=speakers[n % 2], delegation=f"D{n}",
                  speaker_type="member_state", text="Protection.")
        for n in range(1, 121)
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tracker_meeting")
        cursor.execute("ANALYZE tracker_statement")
        cursor.execute("EXPLAIN (FORMAT JSON) " + points_query(code))
        plan = cursor.fetchone()[0][0]["Plan"]
    estimates = _estimated_speaker_groups(plan)
    assert estimates, plan
    assert max(estimates) <= 10
