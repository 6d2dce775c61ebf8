"""The report of a 200-statement meeting (3 analysts, 6,000 annotations) against
one hand-written SQL GROUP BY giving the same coverage numbers.

    .venv/bin/python benchmarks/report_vs_sql.py [--repeat 7]

Runs on its own throwaway PostgreSQL (scripts/with_postgres.sh), fills it with
generate_corpus, checks that the ORM coverage equals the SQL's, and prints the
median times (with their spread) and the ratios. `make bench` measures the same
report among its other figures; this is the quick, report-only run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
MARKER = "WB_REPORT_BENCH_OWN_POSTGRES"


def inside_throwaway_postgres() -> None:
    if os.environ.get(MARKER) == "1" and os.environ.get("WB_PG_SOCKET_DIR"):
        return
    script = ROOT / "scripts" / "with_postgres.sh"
    env = {**os.environ, MARKER: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    os.execve(str(script), [str(script), sys.executable, *sys.argv], env)  # noqa: S606


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per figure")
    parser.add_argument("--statements", type=int, default=200)
    parser.add_argument("--annotations-per-statement", type=int, default=30)
    parser.add_argument("--analysts", type=int, default=3)
    args = parser.parse_args()
    inside_throwaway_postgres()
    sys.path.insert(0, str(ROOT))
    from benchmarks.environment import setup_django

    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from annotations.codebook.selectors import scheme_for_meeting
    from annotations.models import Annotation
    from annotations.reports import meeting_report
    from annotations.reports.coverage import code_coverage, scheme_codes
    from benchmarks.sql import coverage_by_code
    from benchmarks.stats import ratio, timed
    from tracker.models import Meeting

    call_command("migrate", verbosity=0, interactive=False)
    call_command(
        "generate_corpus",
        meetings=1,
        statements_per_meeting=args.statements,
        annotations_per_statement=args.annotations_per_statement,
        analysts=args.analysts,
        seed=1,
        verbosity=0,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would gather them
    meeting = Meeting.objects.get()
    annotations = Annotation.objects.live().for_meeting(meeting)
    scheme = scheme_for_meeting(meeting)
    codes = scheme_codes(scheme, annotations)
    totals = SimpleNamespace(speakers=1, statements=1)

    orm = {
        code.slug: (code.statements, code.speakers, code.delegations, code.by_gender)
        for code in code_coverage(
            codes=codes, scheme=scheme, annotations=annotations, totals=totals
        )
    }
    slugs = {code.pk: code.slug for code in codes}
    sql = {
        slugs[code_id]: (
            row["statements"],
            row["speakers"],
            row["delegations"],
            {key: row[f"gender_{key}"] for key in ("female", "male", "unknown")},
        )
        for code_id, row in coverage_by_code(meeting_id=meeting.pk).items()
    }
    assert all(orm[slug] == figures for slug, figures in sql.items()), "ORM and SQL disagree"

    with CaptureQueriesContext(connection) as queries:
        report = meeting_report(meeting=meeting)
    repeat = args.repeat
    whole = timed(lambda: meeting_report(meeting=meeting), repeat=repeat)
    coverage = timed(
        lambda: code_coverage(codes=codes, scheme=scheme, annotations=annotations, totals=totals),
        repeat=repeat,
    )
    group_by = timed(lambda: coverage_by_code(meeting_id=meeting.pk), repeat=repeat)

    def line(name, sample):
        return (
            f"{name:<44} {sample.median * 1000:8.1f} ms "
            f"(runs {sample.low * 1000:.1f}–{sample.high * 1000:.1f})"
        )

    print(
        f"Meeting: {report.overview.statements} statements, {report.overview.annotations:,} "
        f"annotations by {len(report.overview.analysts)} analysts; "
        f"{len(queries.captured_queries)} queries for the whole report."
    )
    print(line("hand-written SQL GROUP BY (coverage)", group_by))
    print(line("coverage table through the ORM", coverage))
    print(line("whole report, every section", whole))
    print(f"ratio coverage / SQL: {ratio(coverage, group_by):.2f}×")
    print(f"ratio whole report / SQL: {ratio(whole, group_by):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
