"""The plan of PostgreSQL's export lines (exchange.copy_lines): a statement's, code's and
analyst's cells in their own memoizable LATERALs, the annotation's own cells formatted by
its own (parallelisable) query, and no sort of the finished lines, whatever the filters
and blind coding's visibility make of the annotations' own query."""

import pytest
from django.db import connection

from annotations.exchange.copy_lines import csv_lines_sql, jsonl_lines_sql
from annotations.models import Annotation
from tests.plans import plan_nodes

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]


def plan(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize("build", [csv_lines_sql, jsonl_lines_sql])
def test_the_lines_are_built_after_the_annotations_are_ordered(
    each_statement_coded, analyst_b, build
):
    # visible_to joins the statements for blind coding; before, the planner could put a
    # hash join under the lines and sort the finished lines (59 MB at 200,000 rows).
    queryset = Annotation.objects.live().visible_to(analyst_b).filter(code__group__isnull=False)
    lines = plan(build(queryset))
    assert not lines[0].lstrip().startswith(("Sort", "Incremental Sort", "Gather Merge"))
    # Each lookup table is read under the top node (by a sequential or an index scan,
    # whichever the tiny tables' statistics make cheaper), so the plan is the lines'.
    read = " ".join(line for line in lines[1:] if "Scan" in line)
    for table in ("tracker_statement", "tracker_meeting", "tracker_speaker", "annotations_code"):
        assert f" {table} " in f"{read} ", (table, lines)


@pytest.mark.parametrize("build", [csv_lines_sql, jsonl_lines_sql])
def test_each_lookup_table_is_read_in_its_own_lateral(each_statement_coded, build):
    sql = build(Annotation.objects.live())
    assert sql.count("JOIN LATERAL") == 5 and sql.count("OFFSET 0") == 5
    assert sql.rstrip().endswith("ORDER BY a.id")


@pytest.mark.parametrize("build", [csv_lines_sql, jsonl_lines_sql])
def test_the_annotations_own_cells_are_formatted_by_their_own_scan(each_statement_coded, build):
    # The quote's, memo's and time's formatting belongs to the annotations' own ordered
    # subquery, so that PostgreSQL computes it where it reads them: in parallel workers
    # when the plan has them (benchmarks/README.md, "Issue 18, round 8"), never above
    # the lookups in the one process that joins the lines. Whether a plan goes parallel
    # is the planner's choice on the data; where the formatting sits is the SQL's.
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (VERBOSE, FORMAT JSON) " + build(Annotation.objects.live()))
        (top,) = cursor.fetchone()[0]
    formatting = [
        node
        for node in plan_nodes(top["Plan"])
        if any("to_char(" in output and "quote" in output for output in node.get("Output", []))
    ]
    deepest = formatting[-1]  # plan_nodes() goes depth first: the last is the lowest
    read = {node["Relation Name"] for node in plan_nodes(deepest) if "Relation Name" in node}
    assert read == {"annotations_annotation"}, deepest
