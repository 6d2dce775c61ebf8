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

from . import corpus, measure_http, measure_import, measure_pages, plans
from .server import Client, Server, gunicorn
from .stats import Table, ms, ratio, spread_ms, verdict

MB = 1024 * 1024

IMPORT = "import GA/11955"
WORKSPACE = "workspace /meetings/<id>/ (server time, in-process)"
REPORT = "report of the 200-statement meeting (in-process)"
EXPORT = "export of every live annotation (HTTP, gunicorn)"
LISTS = "paginated list endpoints (HTTP, gunicorn)"

# Targets of issue 8.
EXPORT_MIN_RATIO = 0.5
EXPORT_MAX_GROWTH_MB = 100
REPORT_MAX_RATIO = 2.0
LIST_MAX_P95_RATIO = 2.0
IMPORT_MAX_RATIO = 1.5


def rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f} rows/s" if seconds else "∞"


class Suite:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.table = Table()
        self.notes: list[str] = []
        self.log_dir = Path(tempfile.mkdtemp(prefix="wb-bench-"))
        self.list_p95_at_s: dict[str, float] = {}

    def say(self, message: str) -> None:
        print(f"… {message}", flush=True)

    # Setting up -----------------------------------------------------------------------

    def prepare(self) -> None:
        self.say(f"migrating the throwaway database ({settings.DATABASES['default']['NAME']})")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("loaddata", str(corpus.CODEBOOK), verbosity=0)
        ensure_roles()
        measure_import.copy_as_empty()

    def login(self, user) -> tuple[object, str]:
        client = measure_pages.logged_in_client(user)
        return client, client.cookies[settings.SESSION_COOKIE_NAME].value

    # The run ------------------------------------------------------------------------

    def run(self) -> None:
        text = measure_import.release_text()
        for size in self.args.sizes:
            self.say(f"loading size {size} with generate_corpus")
            seconds = corpus.grow_to(size)
            loaded = corpus.counts()
            self.notes.append(f"Size {size}: {loaded.describe()} (loaded in {seconds:.0f} s).")
            self.say(f"size {size}: {loaded.describe()}, loaded in {seconds:.0f} s")
            self.measure_import(text, size=size)
            self.measure_size(size)

    def measure_size(self, size: str) -> None:
        meeting = Meeting.objects.get(symbol=corpus.symbol(corpus.WORKSPACE_MEETING))
        small = Meeting.objects.get(symbol=corpus.symbol(corpus.SMALL_MEETING))
        analyst = get_user_model().objects.get(username="analyst1")
        client, session_key = self.login(analyst)
        self.measure_workspace(client, meeting=meeting, small=small, size=size)
        self.measure_report(meeting=meeting, size=size)
        with gunicorn(log_dir=self.log_dir) as server:
            http = Client(server.port, session_key)
            try:
                http.get("/api/meetings/")  # the worker loads the app on its first request
                self.measure_lists(http, meeting=meeting, size=size)
                self.measure_export(server, http, size=size)
            finally:
                http.close()
        if self.args.explain:
            path = plans.write_plans(client=client, meeting=meeting, size=size)
            self.notes.append(f"EXPLAIN plans at size {size}: {path}")

    # Figures ------------------------------------------------------------------------

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
        times = measure_import.save_times(text=text, repeat=repeat)
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

    def list_paths(self, meeting: Meeting) -> dict[str, str]:
        statements = Statement.objects.count()
        middle_page = max(1, statements // 50 // 2)
        ids = Annotation.objects.live().order_by("id").values_list("id", flat=True)
        middle_id = ids[Annotation.objects.live().count() // 2]
        return {
            "meetings, page 1": "/api/meetings/",
            "statements of one meeting, page 1": f"/api/statements/?meeting={meeting.pk}",
            "statements, middle page": f"/api/statements/?page={middle_page}",
            "annotations, first page": "/api/annotations/",
            "annotations of one meeting": f"/api/annotations/?meeting={meeting.pk}",
            "annotations, middle cursor": (
                f"/api/annotations/?cursor={measure_http.cursor_at(middle_id)}"
            ),
        }

    def measure_lists(self, http: Client, *, meeting: Meeting, size: str) -> None:
        self.say(f"list endpoints at size {size}")
        for name, path in self.list_paths(meeting).items():
            sample = measure_http.latencies(client=http, path=path, requests=self.args.requests)
            p50, p95 = sample.percentile(50), sample.percentile(95)
            row = dict(
                section=LISTS,
                figure=f"{name}: p50 (p95)",
                size=size,
                value=f"{ms(p50)} ({ms(p95)})",
                spread=spread_ms(sample),
            )
            if size == "S":
                self.list_p95_at_s[name] = p95
            elif name in self.list_p95_at_s:
                factor = p95 / self.list_p95_at_s[name]
                row.update(
                    baseline=f"p95 at S: {ms(self.list_p95_at_s[name])}",
                    ratio=f"{factor:.2f}×",
                    target=f"≤ {LIST_MAX_P95_RATIO}×" if size == "L" else "",
                    verdict=verdict(factor <= LIST_MAX_P95_RATIO) if size == "L" else "",
                )
            self.table.add(**row)

    def measure_export(self, server: Server, http: Client, *, size: str) -> None:
        self.say(f"export at size {size}")
        repeat = self.args.export_repeat
        copy, rows = measure_http.copy_figures(repeat=repeat)
        expected = Annotation.objects.live().count()
        if rows != expected:
            raise RuntimeError(f"COPY gave {rows} rows, expected {expected}")
        for label, path in (
            ("CSV", "/api/export/annotations.csv"),
            ("JSON Lines", "/api/export/annotations.jsonl"),
        ):
            figures = measure_http.export_figures(
                server=server, client=http, path=path, repeat=repeat
            )
            lines = figures.runs[0].lines
            if label == "JSON Lines" and lines != expected:
                raise RuntimeError(f"{path} gave {lines} lines, expected {expected}")
            share = ratio(copy, figures.time)  # rows/s of the export over rows/s of COPY
            slowest, fastest = figures.time.high, figures.time.low
            self.table.add(
                section=EXPORT,
                figure=f"{label}: {rows:,} rows, {figures.runs[0].bytes / MB:.0f} MB",
                size=size,
                value=rate(rows, figures.time.median),
                spread=f"{rate(rows, slowest)} – {rate(rows, fastest)}",
                baseline=f"COPY: {rate(rows, copy.median)}",
                ratio=f"{share:.2f}",
                target=f"≥ {EXPORT_MIN_RATIO}",
                verdict=verdict(share >= EXPORT_MIN_RATIO),
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
