"""The benchmark run: load size after size, measure every figure at each, fill the table.

Imported by run.py once Django is set up against the throwaway PostgreSQL.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from annotations.models import Annotation
from annotations.roles import ensure_roles
from tracker.models import Meeting, Statement

from . import (
    corpus,
    databases,
    measure_fixtures,
    measure_http,
    measure_import,
    measure_monitoring,
    measure_pages,
    plans,
)
from .server import Client, Server, gunicorn
from .stats import Sample, Table, ms, ratio, spread_ms, verdict

MB = 1024 * 1024

IMPORT = "import GA/11955"
WORKSPACE = "workspace /meetings/<id>/ (server time, in-process)"
REPORT = "report of the 200-statement meeting (in-process)"
EXPORT = "export of every live annotation (HTTP, gunicorn)"
LISTS = "paginated list endpoints (HTTP, gunicorn)"
MONITORING = "monitoring across meetings (in-process, against hand-written SQL)"
FIXTURES = "fixture loader's dry run (in-process, empty database)"

# Targets of issue 8, the export's of issue 18: each format's rows/s over COPY's (FORMAT csv).
EXPORT_MIN_RATIO = {"CSV": 0.8, "JSON Lines": 0.6}
# Issue 18 sets them on corpora of 200,000 and 1,000,000 annotations: at S's 2,100 a
# download is mostly one request's fixed cost (session, permissions), not a rate.
EXPORT_TARGET_ROWS = 200_000
EXPORT_MAX_GROWTH_MB = 100
REPORT_MAX_RATIO = 2.0
LIST_MAX_P95_RATIO = 2.0
IMPORT_MAX_RATIO = 1.5
# Linear: the time per record of 10,000 records within this factor of 1,000 records'.
FIXTURE_MAX_RATIO = 1.5


def rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f} rows/s" if seconds else "∞"


class Suite:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.table = Table()
        self.notes: list[str] = []
        self.log_dir = Path(tempfile.mkdtemp(prefix="wb-bench-"))
        self.empty_database = ""
        self.s_database = ""
        self.client = None  # Django's test client, logged in as analyst1
        self.session_key = ""

    def say(self, message: str) -> None:
        print(f"… {message}", flush=True)

    # Setting up -----------------------------------------------------------------------

    def prepare(self) -> None:
        self.say(f"migrating the throwaway database ({settings.DATABASES['default']['NAME']})")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("loaddata", str(corpus.CODEBOOK), verbosity=0)
        ensure_roles()
        self.empty_database = databases.snapshot("empty")

    def log_in(self) -> None:
        analyst = get_user_model().objects.get(username="analyst1")
        self.client = measure_pages.logged_in_client(analyst)
        self.session_key = self.client.cookies[settings.SESSION_COOKIE_NAME].value

    # The run ------------------------------------------------------------------------

    def run(self) -> None:
        self.measure_fixture_dry_run()
        text = measure_import.release_text()
        last = self.args.sizes[-1]
        for size in self.args.sizes:
            self.say(f"loading size {size} with generate_corpus")
            seconds = corpus.grow_to(size, scale=self.args.scale)
            loaded = corpus.counts()
            self.notes.append(f"Size {size}: {loaded.describe()} (loaded in {seconds:.0f} s).")
            self.say(f"size {size}: {loaded.describe()}, loaded in {seconds:.0f} s")
            if size == "S":
                self.log_in()  # before the snapshot, so the session is in both databases
                self.s_database = databases.snapshot("s")
            self.measure_import(text, size=size)
            self.measure_size(size, export=size in ("S", last))

    def measure_size(self, size: str, *, export: bool) -> None:
        meeting = Meeting.objects.get(symbol=corpus.symbol(corpus.WORKSPACE_MEETING))
        small = Meeting.objects.get(symbol=corpus.symbol(corpus.SMALL_MEETING))
        self.measure_workspace(self.client, meeting=meeting, small=small, size=size)
        self.measure_report(meeting=meeting, size=size)
        self.measure_monitoring(size=size)
        with gunicorn(log_dir=self.log_dir) as server:
            http = Client(server.port, self.session_key)
            try:
                http.get("/api/meetings/")  # the worker loads the app on its first request
                if size == "S":
                    self.measure_lists(http, meeting=meeting)
                else:
                    self.measure_lists_against_s(http, meeting=meeting, size=size)
                if export:
                    self.measure_export(server, http, size=size)
            finally:
                http.close()
        if self.args.explain:
            path = plans.write_plans(client=self.client, meeting=meeting, size=size)
            self.notes.append(f"EXPLAIN plans at size {size}: {path}")

    # Figures ------------------------------------------------------------------------

    def measure_fixture_dry_run(self) -> None:
        self.say("the fixture loader's dry run at 1,000 and 10,000 records")
        first, *rest = measure_fixtures.dry_runs()
        for run in (first, *rest):
            factor = run.per_record_ms / first.per_record_ms
            self.table.add(
                section=FIXTURES,
                figure=f"{run.records:,} records: time per record (total {run.seconds:.1f} s)",
                size="–",
                value=f"{run.per_record_ms:.2f} ms",
                baseline="" if run is first else f"{first.records:,} records",
                ratio="" if run is first else f"{factor:.2f}×",
                target="" if run is first else f"≤ {FIXTURE_MAX_RATIO}×",
                verdict="" if run is first else verdict(factor <= FIXTURE_MAX_RATIO),
            )

    def measure_import(self, text: str, *, size: str) -> None:
        repeat = self.args.repeat
        self.say(f"import of GA/11955 at size {size}, turn about with the empty database")
        if not self.table.rows:
            parse = measure_import.parse_time(text=text, repeat=repeat)
            self.table.add(
                section=IMPORT,
                figure="parse the release (pure Python)",
                size="–",
                value=ms(parse.median),
                spread=spread_ms(parse),
            )
        times = measure_import.save_times(
            text=text, repeat=repeat, empty_database=self.empty_database
        )
        factor = ratio(times.loaded, times.empty)
        self.table.add(
            section=IMPORT,
            figure=f"save its {times.statements} statements (one transaction, rolled back)",
            size=size,
            value=ms(times.loaded.median),
            spread=spread_ms(times.loaded),
            baseline=f"empty DB: {ms(times.empty.median)} ({spread_ms(times.empty)})",
            ratio=f"{factor:.2f}×",
            target=f"≤ {IMPORT_MAX_RATIO}×" if size == "L" else "",
            verdict=verdict(factor <= IMPORT_MAX_RATIO) if size == "L" else "",
        )

    def measure_workspace(self, client, *, meeting: Meeting, small: Meeting, size: str) -> None:
        self.say(f"workspace at size {size}")
        repeat = self.args.repeat
        small_page = measure_pages.page(client=client, path=f"/meetings/{small.pk}/", repeat=repeat)
        big_page = measure_pages.page(client=client, path=f"/meetings/{meeting.pk}/", repeat=repeat)
        statements = Statement.objects.filter(meeting=meeting).count()
        coded = Annotation.objects.live().for_meeting(meeting).count()
        self.table.add(
            section=WORKSPACE,
            figure=f"SQL queries, {statements}-statement meeting ({coded:,} annotations)",
            size=size,
            value=str(big_page.queries),
            baseline=f"10 statements: {small_page.queries}",
            ratio=f"{big_page.queries - small_page.queries:+d}",
            target="constant",
            verdict=verdict(big_page.queries == small_page.queries),
        )
        self.table.add(
            section=WORKSPACE,
            figure=f"server time, {statements}-statement meeting ({big_page.bytes / 1024:.0f} KB)",
            size=size,
            value=ms(big_page.time.median),
            spread=spread_ms(big_page.time),
            baseline=f"10 statements: {ms(small_page.time.median)}",
            ratio=f"{ratio(big_page.time, small_page.time):.1f}×",
        )

    def measure_report(self, *, meeting: Meeting, size: str) -> None:
        self.say(f"report at size {size}")
        times = measure_pages.report_times(meeting=meeting, repeat=self.args.repeat)
        whole = ratio(times.report, times.sql)
        self.table.add(
            section=REPORT,
            figure=f"whole report, every section ({times.report_queries} queries)",
            size=size,
            value=ms(times.report.median),
            spread=spread_ms(times.report),
            baseline=f"SQL GROUP BY: {ms(times.sql.median)}",
            ratio=f"{whole:.2f}×",
            target=f"≤ {REPORT_MAX_RATIO}×",
            verdict=verdict(whole <= REPORT_MAX_RATIO),
        )
        step = ratio(times.coverage, times.sql)
        self.table.add(
            section=REPORT,
            figure="coverage table only (the same numbers, ORM)",
            size=size,
            value=ms(times.coverage.median),
            spread=spread_ms(times.coverage),
            baseline=f"SQL GROUP BY: {ms(times.sql.median)} ({spread_ms(times.sql)})",
            ratio=f"{step:.2f}×",
            target=f"≤ {REPORT_MAX_RATIO}×",
            verdict=verdict(step <= REPORT_MAX_RATIO),
        )

    def measure_monitoring(self, *, size: str) -> None:
        self.say(f"corpus search and trends at size {size}")
        t = measure_monitoring.monitoring_times(repeat=self.args.repeat)
        for name, orm, sql in (
            (f"search “survivors”: count + first page ({t.hits:,} of {t.statements:,} "
             "statements)", t.search, t.search_sql),
            (f"trends of {t.code} by body and year", t.trends, t.trends_sql),
        ):  # fmt: skip
            self.table.add(
                section=MONITORING,
                figure=name,
                size=size,
                value=ms(orm.median),
                spread=spread_ms(orm),
                baseline=f"SQL: {ms(sql.median)} ({spread_ms(sql)})",
                ratio=f"{ratio(orm, sql):.2f}×",
            )

    def list_row(self, name: str, sample: Sample, *, size: str, **extra: str) -> None:
        self.table.add(
            section=LISTS,
            figure=f"{name}: p50 (p95)",
            size=size,
            value=f"{ms(sample.percentile(50))} ({ms(sample.percentile(95))})",
            spread=spread_ms(sample),
            **extra,
        )

    def measure_lists(self, http: Client, *, meeting: Meeting) -> None:
        self.say("list endpoints at size S")
        for name, path in measure_http.list_paths(meeting=meeting).items():
            sample = measure_http.latencies(client=http, path=path, requests=self.args.requests)
            self.list_row(name, sample, size="S")

    def measure_lists_against_s(self, http: Client, *, meeting: Meeting, size: str) -> None:
        """Each endpoint at this size and at S (the snapshot), requested turn about."""
        self.say(f"list endpoints at size {size}, turn about with size S")
        paths = measure_http.list_paths(meeting=meeting)
        with databases.database(self.s_database):
            s_paths = measure_http.list_paths(meeting=meeting)
        s_url = databases.url(self.s_database)
        with gunicorn(log_dir=self.log_dir, database_url=s_url) as s_server:
            s_http = Client(s_server.port, self.session_key)
            try:
                for name, path in paths.items():
                    here, at_s = measure_http.paired_latencies(
                        first=(http, path),
                        second=(s_http, s_paths[name]),
                        requests=self.args.requests,
                    )
                    factor = here.percentile(95) / at_s.percentile(95)
                    self.list_row(
                        name,
                        here,
                        size=size,
                        baseline=(
                            f"S, same moment: {ms(at_s.percentile(50))} ({ms(at_s.percentile(95))})"
                        ),
                        ratio=f"{factor:.2f}×",
                        target=f"≤ {LIST_MAX_P95_RATIO}×" if size == "L" else "",
                        verdict=verdict(factor <= LIST_MAX_P95_RATIO) if size == "L" else "",
                    )
            finally:
                s_http.close()

    def measure_export(self, server: Server, http: Client, *, size: str) -> None:
        """CSV and JSON Lines downloads of everything, turn about with COPY of the same rows."""
        self.say(f"export at size {size}, turn about with COPY")
        expected = Annotation.objects.live().count()
        formats = {
            "CSV": "/api/export/annotations.csv",
            "JSON Lines": "/api/export/annotations.jsonl",
        }
        copies, runs = [], {label: [] for label in formats}
        for _ in range(self.args.export_repeat):
            seconds, rows = measure_http.copy_once()
            if rows != expected:
                raise RuntimeError(f"COPY gave {rows} rows, expected {expected}")
            copies.append(seconds)
            for label, path in formats.items():
                runs[label].append(measure_http.export_once(server=server, client=http, path=path))
        copy = Sample(tuple(copies))
        for label, path in formats.items():
            figures = measure_http.ExportFigures(runs=tuple(runs[label]))
            lines = figures.runs[0].lines
            if label == "JSON Lines" and lines != expected:
                raise RuntimeError(f"{path} gave {lines} lines, expected {expected}")
            self.export_rows(label, figures, copy=copy, rows=expected, size=size)

    def export_rows(
        self, label: str, figures: measure_http.ExportFigures, *, copy: Sample, rows: int, size: str
    ) -> None:
        share = ratio(copy, figures.time)  # rows/s of the export over rows/s of COPY
        targeted = rows >= EXPORT_TARGET_ROWS
        self.table.add(
            section=EXPORT,
            figure=f"{label}: {rows:,} rows, {figures.runs[0].bytes / MB:.0f} MB",
            size=size,
            value=rate(rows, figures.time.median),
            spread=f"{rate(rows, figures.time.high)} – {rate(rows, figures.time.low)}",
            baseline=f"COPY: {rate(rows, copy.median)}",
            ratio=f"{share:.2f}",
            target=f"≥ {EXPORT_MIN_RATIO[label]}" if targeted else "",
            verdict=verdict(share >= EXPORT_MIN_RATIO[label]) if targeted else "",
        )
        growth = figures.growth / MB
        self.table.add(
            section=EXPORT,
            figure=f"{label}: server memory growth (worker RSS, peak − before)",
            size=size,
            value=f"{growth:.1f} MB",
            spread=f"kept after: {figures.retained / MB:+.1f} MB",
            baseline=f"RSS before: {figures.runs[0].rss_before / MB:.0f} MB",
            target=f"< {EXPORT_MAX_GROWTH_MB} MB",
            verdict=verdict(growth < EXPORT_MAX_GROWTH_MB),
        )
