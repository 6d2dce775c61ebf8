"""The plan of SQLite's export lines (exchange.sqlite_lines): a statement's, code's and
analyst's cells formatted once each, in a common table expression (of only the statements
the export reaches), and no sort of the finished lines, whatever the filters and blind
coding's visibility make of the annotations' own query."""

import pytest
from django.db import connection

from annotations.exchange.sqlite_lines import csv_lines_query, jsonl_lines_query
from annotations.models import Annotation

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]

LOOKUPS = ("statement_cells", "code_cells", "analyst_cells")


def plan(query: tuple[str, list]) -> list[str]:
    sql, params = query
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[3] for row in cursor.fetchall()]


@pytest.mark.parametrize("build", [csv_lines_query, jsonl_lines_query])
@pytest.mark.parametrize("visible", ["everything", "blind coding", "one meeting"])
def test_the_lines_are_never_sorted(each_statement_coded, meeting, analyst_b, build, visible):
    queryset = {
        "everything": Annotation.objects.live(),
        "blind coding": Annotation.objects.live().visible_to(analyst_b),
        "one meeting": Annotation.objects.live().filter(statement__meeting=meeting),
    }[visible]
    steps = plan(build(queryset))
    assert not any("TEMP B-TREE" in step for step in steps), steps
    for lookup in LOOKUPS:
        assert steps.count(f"MATERIALIZE {lookup}") == 1, steps


@pytest.mark.parametrize("build", [csv_lines_query, jsonl_lines_query])
def test_only_the_statements_the_export_reaches_are_formatted(each_statement_coded, build):
    # Statements are found by the annotations' keys, never a scan of them all; the
    # small tables, codes and users, are formatted whole without a pass over the
    # annotations to find their keys.
    steps = plan(build(Annotation.objects.live()))
    assert "SEARCH st USING INTEGER PRIMARY KEY (rowid=?)" in steps, steps
    assert not any(step.startswith("SCAN st") for step in steps), steps
    for table in ("cd", "us"):
        assert any(step.startswith(f"SCAN {table}") for step in steps), steps
    # One pass over the annotations for the statements' keys, one for the lines.
    assert sum(step.startswith("SCAN annotations_annotation") for step in steps) == 2, steps


def test_the_lines_are_utf8_bytes_with_their_line_ends(each_statement_coded):
    sql, params = jsonl_lines_query(Annotation.objects.live())
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        lines = [row[0] for row in cursor.fetchall()]
    assert len(lines) == 3 and all(isinstance(line, bytes) for line in lines)
    assert all(line.startswith(b'{"annotation_id": ') and line.endswith(b"}\n") for line in lines)
