"""EXPLAIN (ANALYZE, BUFFERS) of the queries behind each measured figure.

The queries are captured from the application's own code paths (the same
views, report and export), and the slowest few of each are explained on the
benchmark database; the plans go to benchmarks/results/ and their key lines
into benchmarks/README.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations.reports import meeting_report
from tracker.models import Meeting

from .measure_http import list_paths
from .sql import COVERAGE_SQL, export_select

RESULTS = Path(__file__).resolve().parent / "results"
SLOWEST = 3


def captured(fn: Callable[[], object]) -> list[dict]:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]


def explain(sql: str, params: tuple | list = ()) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def slowest(fn: Callable[[], object], top: int = SLOWEST) -> list[tuple[float, str, list[str]]]:
    """(milliseconds, sql, plan) of the `top` slowest SELECTs fn runs."""
    queries = sorted(captured(fn), key=lambda q: float(q["time"]), reverse=True)[:top]
    return [(float(q["time"]) * 1000, q["sql"], explain(q["sql"])) for q in queries]


def write_plans(*, client: Client, meeting: Meeting, size: str) -> Path:
    def drain(path: str) -> None:
        response = client.get(path)
        if response.streaming:
            for _ in response.streaming_content:
                pass

    cases: dict[str, Callable[[], object]] = {
        "workspace": lambda: drain(f"/meetings/{meeting.pk}/"),
        "report": lambda: meeting_report(meeting=meeting),
    }
    for name, path in list_paths(meeting=meeting).items():
        cases[name] = lambda path=path: drain(path)
    lines = [f"EXPLAIN (ANALYZE, BUFFERS) at size {size}, {datetime.datetime.now():%Y-%m-%d %H:%M}"]
    for name, fn in cases.items():
        for milliseconds, sql, plan in slowest(fn):
            lines += ["", f"=== {name}: {milliseconds:.1f} ms", sql, *plan]
    coverage_plan = explain(COVERAGE_SQL, [meeting.pk])
    lines += ["", "=== coverage, hand-written SQL", COVERAGE_SQL, *coverage_plan]
    sql, params = export_select()
    lines += ["", "=== export of every live annotation", sql, *explain(sql, params)]
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"plans-{size}-{datetime.datetime.now():%Y%m%d-%H%M%S}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
