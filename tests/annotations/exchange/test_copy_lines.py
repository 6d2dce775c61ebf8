"""The plan of PostgreSQL's export lines (exchange.copy_lines): a statement's, code's and
analyst's cells in their own memoizable LATERALs, the annotation's own cells formatted by
its own (parallelisable) query, and no sort of the finished lines, whatever the filters
and blind coding's visibility make of the annotations' own query."""

import pytest
from django.db import connection, transaction

from annotations.exchange.copy_lines import csv_lines_sql, jsonl_lines_sql
from annotations.models import Annotation

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
def test_the_annotations_own_cells_are_formatted_below_the_gather(each_statement_coded, build):
    # Parallel query made free, so that the few test rows get a parallel plan as a
    # million do: the quote's, memo's and time's formatting must then happen in the
    # workers (under the Gather or Gather Merge), and the top node only join the fragments.
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in ("parallel_setup_cost", "parallel_tuple_cost"):
            cursor.execute(f"SET LOCAL {setting} = 0")
        cursor.execute("SET LOCAL min_parallel_table_scan_size = 0")
        cursor.execute("EXPLAIN (VERBOSE, FORMAT JSON) " + build(Annotation.objects.live()))
        (top,) = cursor.fetchone()[0]
    (gather,) = (node for node in nodes(top["Plan"]) if node["Node Type"].startswith("Gather"))
    workers = list(nodes(gather))[1:]  # what the workers run
    assert any(node.get("Parallel Aware") for node in workers), gather
    outputs = [output for node in workers for output in node.get("Output", [])]
    assert any("to_char(" in output and "quote" in output for output in outputs), outputs


def nodes(plan: dict):
    """A plan node and every node under it."""
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)
