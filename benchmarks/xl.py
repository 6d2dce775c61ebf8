"""Every monitoring page, its API and CSV twin, the exports and the statement pages at XL.

    .venv/bin/python benchmarks/xl.py [--repeat 3] [--export-repeat 3] [--only SECTION,…]

XL is 1,000,000 statements and about 2,000,000 annotations (benchmarks/xl_corpus.py),
on the PostgreSQL of scripts/xl_postgres.sh, whose data directory (/work/pg-xl, or
WB_XL_PGDATA) is kept: the first run generates the corpus (about 10 minutes), later runs
reuse it. `scripts/xl_postgres.sh start` starts that server again; `stop` stops it.

Over real HTTP (gunicorn, one sync worker, DEBUG off, logged in as analyst1): each path
once to warm up, then --repeat times, the median; a path slower than SLOW seconds on its
first run is timed by that run alone. In-process, turn about with hand-written SQL: search
(four queries) and trends. Exports: CSV and JSON Lines of every live annotation, turn
about with COPY of the same rows, the worker's RSS sampled. /api/statements/: the first
page against a deep one, page numbers and cursors, request for request. The table goes to
stdout and benchmarks/results/xl-<time>.md (git-ignored), with the load average.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
MARKER = "WB_XL_POSTGRES"
SLOW = 10.0  # seconds: a page this slow on its first run is timed by that run alone
UNUSABLE = 10.0  # seconds: the brief's line for "unusably slow"
SEARCHES = {
    "common word": "survivors",
    "rare word": "ombudsperson",
    "phrase": '"forced labour"',
    "boolean": "(survivors OR victims) justice -girls",
}
SECTIONS = ("sql", "trends", "pages", "statements", "export")  # trends: sql's trends row only
TRIAL_SIZE = {"base_meetings": 4, "statements_per_meeting": 50, "copies": 3, "rare_every": 7}


def inside_xl_postgres(argv: list[str]) -> None:
    if os.environ.get(MARKER) == "1" and os.environ.get("DATABASE_URL"):
        return
    script = ROOT / "scripts" / "xl_postgres.sh"
    env = {**os.environ, MARKER: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    os.execve(str(script), [str(script), "run", sys.executable, *argv], env)  # noqa: S606


@dataclass(frozen=True)
class Target:
    """What the page paths are built from: a code, a delegation, a group, a body."""

    code: str
    delegation: str
    group: str
    body: str
    date_from: str = "2018-01-01"
    date_to: str = "2019-12-31"


def target() -> Target:
    """The most used passage code, and a delegation and group the corpus speaks for."""
    from django.db.models import Count

    from annotations.models import Annotation
    from tracker.models import CountryGroup, Meeting

    code = (
        Annotation.objects.live()
        .filter(start__isnull=False)
        .values("code__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["code__slug"]
    )
    group = CountryGroup.objects.filter(slug="eu").first() or CountryGroup.objects.first()
    body = Meeting.objects.order_by("body").values_list("body", flat=True).first()
    return Target(code=code, delegation="sweden", group=group.slug, body=body)


def _q(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def page_paths(t: Target, *, all_csv: bool = True) -> list[tuple[str, str, str]]:
    """(section, figure, path) of every monitoring page, its API and its CSV."""
    paths: list[tuple[str, str, str]] = []
    filters = {
        "no filter": {},
        "body": {"body": t.body},
        "date range": {"date_from": t.date_from, "date_to": t.date_to},
        "delegation group": {"group": t.group},
        "coded with": {"coded": t.code},
    }
    for name, query in SEARCHES.items():
        for form, path in (("page", "/monitoring/search/"), ("API", "/api/search/")):
            paths.append(("search", f"{name} {query}: {form}", _q(path, q=query)))
    # The CSV lists every hit with its concordance (~1 ms a hit here): the rare word's,
    # and a date range's (~100,000 hits) for the rate; --big-csv adds the 170,000–530,000
    # hit CSVs of the other three queries (minutes each on the shared machine).
    for name, query in SEARCHES.items():
        if all_csv or name == "rare word":
            paths.append(("search", f"{name} {query}: CSV", _q("/monitoring/search.csv", q=query)))
    for name, extra in filters.items():
        if not extra:
            continue
        query = {"q": SEARCHES["common word"], **extra}
        for form, path in (("page", "/monitoring/search/"), ("API", "/api/search/")):
            paths.append(("search", f"survivors, filter {name}: {form}", _q(path, **query)))
        if name == "date range":
            csv = _q("/monitoring/search.csv", **query)
            paths.append(("search", f"survivors, filter {name}: CSV", csv))
    every = {"q": SEARCHES["common word"], "body": t.body, "date_from": t.date_from,
             "date_to": t.date_to, "group": t.group, "coded": t.code}  # fmt: skip
    paths.append(("search", "survivors, every filter: page", _q("/monitoring/search/", **every)))
    paths.append(("search", "survivors, every filter: CSV", _q("/monitoring/search.csv", **every)))

    year = {"code": t.code, "by": "year"}
    dates = {"date_from": t.date_from, "date_to": t.date_to}
    paths += [
        ("trends", "by year: page", _q("/monitoring/trends/", **year)),
        ("trends", "by meeting: page", _q("/monitoring/trends/", code=t.code)),
        ("trends", "by year: API", _q("/api/trends/", **year)),
        ("trends", "by year: CSV", _q("/monitoring/trends.csv", **year)),
        ("trends", "by year, group filter: page", _q("/monitoring/trends/", group=t.group, **year)),
        ("trends", "briefers CSV", _q("/monitoring/trends/briefers.csv", code=t.code)),
        ("trends", "chart trends.svg", _q("/monitoring/charts/trends.svg", **year)),
        ("trends", "chart four-ps.svg", _q("/monitoring/charts/four-ps.svg", **year)),
        ("trends", "chart speaker-types.svg", _q("/monitoring/charts/speaker-types.svg", **year)),
        ("trends", "chart genders.svg", _q("/monitoring/charts/genders.svg", **year)),
        ("gender index", "page", "/monitoring/gender-index/"),
        ("gender index", "API", "/api/gender-index/"),
        ("gender index", "CSV", "/monitoring/gender-index.csv"),
        ("gender index", "date range: page", _q("/monitoring/gender-index/", **dates)),
        ("gender index", "chart gender-index.svg", "/monitoring/charts/gender-index.svg"),
    ]
    for columns in ("delegation", "year", "group"):
        query = {"columns": columns, "code": t.code}
        paths += [
            ("matrix", f"{columns}: page", _q("/monitoring/matrix/", **query)),
            ("matrix", f"{columns}: API", _q("/api/matrix/", **query)),
            ("matrix", f"{columns}: CSV", _q("/monitoring/matrix.csv", **query)),
        ]
    paths += [
        ("profiles", "delegation list", "/monitoring/delegations/"),
        ("profiles", "country groups", "/monitoring/groups/"),
        ("profiles", f"{t.delegation}: page", f"/monitoring/delegations/{t.delegation}/"),
        ("profiles", f"{t.delegation}: API", f"/api/delegations/{t.delegation}/profile/"),
        ("profiles", f"{t.delegation}: CSV", f"/monitoring/delegations/{t.delegation}.csv"),
        ("segments", "one code: page", _q("/monitoring/segments/", code=t.code)),
        ("segments", "one code: API", _q("/api/segments/", code=t.code)),
        ("segments", "one code, dates: page", _q("/monitoring/segments/", code=t.code, **dates)),
        ("segments", "one code: CSV", _q("/monitoring/segments.csv", code=t.code)),
        ("passages", "coded with one code: page", _q("/monitoring/passages/", coded=t.code)),
        ("passages", "coded with one code: API", _q("/api/passages/", coded=t.code)),
        ("passages", "coded, body: page", _q("/monitoring/passages/", coded=t.code, body=t.body)),
        ("passages", "coded with one code: CSV", _q("/monitoring/passages.csv", coded=t.code)),
    ]
    return paths


@dataclass
class Result:
    section: str
    figure: str
    value: str
    spread: str = ""
    baseline: str = ""
    ratio: str = ""
    note: str = ""


@dataclass
class Report:
    rows: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args: str, **kwargs: str) -> None:
        row = Result(*args, **kwargs)
        self.rows.append(row)
        cells = [row.section, row.figure, row.value, row.spread, row.baseline, row.ratio, row.note]
        print(" | ".join(cells), flush=True)

    def markdown(self) -> str:
        lines = [
            "| section | figure | median | spread | baseline | ratio | note |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in self.rows:
            cells = (r.section, r.figure, r.value, r.spread, r.baseline, r.ratio, r.note)
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        return "\n".join([*lines, "", *(f"- {n}" for n in self.notes)])


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} / {five:.1f} / {fifteen:.1f}"


def measure_sql(report: Report, *, repeat: int, searches: bool = True) -> None:
    from benchmarks.measure_monitoring import search_times, trend_times
    from benchmarks.stats import ms, ratio, spread_ms

    for name, query in SEARCHES.items() if searches else ():
        t = search_times(query, repeat=repeat)
        report.add(
            "ORM vs SQL", f"search {name} {query} ({t.hits:,} hits), count + first 50",
            ms(t.orm.median), spread_ms(t.orm), f"SQL {ms(t.sql.median)}",
            f"{ratio(t.orm, t.sql):.2f}×", load(),
        )  # fmt: skip
    orm, sql, code = trend_times(repeat=repeat)
    report.add(
        "ORM vs SQL", f"trends by body and year, code {code}", ms(orm.median), spread_ms(orm),
        f"SQL {ms(sql.median)}", f"{ratio(orm, sql):.2f}×", load(),
    )  # fmt: skip


def get_timed(client, path: str) -> tuple[int, float, int]:
    """(status, seconds, bytes) of one GET, the body read to the end."""
    import time

    started = time.perf_counter()
    status, size, _lines = client.stream(path)
    return status, time.perf_counter() - started, size


def measure_pages(report: Report, client, paths, *, repeat: int) -> list[str]:
    """Every path: status and median; returns the paths that failed or were unusably slow."""
    from benchmarks.stats import Sample, ms, spread_ms

    flagged = []
    for section, figure, path in paths:
        status, first, size = get_timed(client, path)
        if status != 200:
            report.add(section, figure, f"status {status}", note=f"FAILED {path}")
            flagged.append(f"status {status}: {path}")
            continue
        if first < SLOW:
            sample = Sample(tuple(get_timed(client, path)[1] for _ in range(repeat)))
            note = ""
        else:
            sample, note = Sample((first,)), "one run, "
        note += f"{size / 1e6:.2f} MB" if size > 100_000 else f"{size / 1e3:.0f} kB"
        if sample.median > UNUSABLE:
            flagged.append(f"{ms(sample.median)}: {path}")
            note += ", SLOW"
        report.add(section, figure, ms(sample.median), spread_ms(sample), note=note)
    return flagged


def measure_statement_pages(report: Report, client, *, requests: int) -> None:
    from django.conf import settings

    from benchmarks.measure_http import paired_latencies, statement_cursor_at
    from benchmarks.stats import ms, ratio, spread_ms
    from tracker.models import Statement

    total = Statement.objects.count()
    size = settings.REST_FRAMEWORK["PAGE_SIZE"]
    pages = max(1, -(-total // size))
    pairs = {
        f"page {pages // 2:,} of {pages:,} vs page 1": (
            "/api/statements/?page=1", f"/api/statements/?page={pages // 2}"),
        f"last page ({pages:,}) vs page 1": (
            "/api/statements/?page=1", f"/api/statements/?page={pages}"),
        "cursor at the middle vs first cursor page": (
            "/api/statements/?cursor=",
            f"/api/statements/?cursor={statement_cursor_at(total // 2)}"),
        "cursor near the end vs first cursor page": (
            "/api/statements/?cursor=",
            f"/api/statements/?cursor={statement_cursor_at(total - size - 1)}"),
    }  # fmt: skip
    for name, (first, deep) in pairs.items():
        a, b = paired_latencies(first=(client, first), second=(client, deep), requests=requests)
        report.add(
            "/api/statements/", name, ms(b.median), spread_ms(b), f"first {ms(a.median)}",
            f"{ratio(b, a):.2f}×", f"target ≤ 1.2×; {load()}",
        )  # fmt: skip


def measure_exports(report: Report, server, client, *, repeat: int) -> None:
    from annotations.models import Annotation
    from benchmarks import measure_http
    from benchmarks.stats import Sample, ratio

    expected = Annotation.objects.live().count()
    formats = {"CSV": "/api/export/annotations.csv", "JSON Lines": "/api/export/annotations.jsonl"}
    copies, runs = [], {label: [] for label in formats}
    for _ in range(repeat):
        seconds, rows = measure_http.copy_once()
        if rows != expected:
            raise RuntimeError(f"COPY gave {rows} rows, expected {expected}")
        copies.append(seconds)
        for label, path in formats.items():
            runs[label].append(measure_http.export_once(server=server, client=client, path=path))
    copy = Sample(tuple(copies))
    for label in formats:
        figures = measure_http.ExportFigures(runs=tuple(runs[label]))
        lines = figures.runs[0].lines
        if label == "JSON Lines" and lines != expected:
            raise RuntimeError(f"JSON Lines gave {lines} lines, expected {expected}")
        t = figures.time
        report.add(
            "export", f"{label}: {expected:,} rows, {figures.runs[0].bytes / 1e6:.0f} MB",
            f"{expected / t.median:,.0f} rows/s ({t.median:.1f} s)",
            f"{t.low:.1f} – {t.high:.1f} s", f"COPY {expected / copy.median:,.0f} rows/s "
            f"({copy.median:.1f} s)", f"{ratio(copy, t):.2f} of COPY", load(),
        )  # fmt: skip
        report.add(
            "export", f"{label}: worker RSS growth (peak − before)",
            f"{figures.growth / 2**20:.1f} MB", f"kept after: {figures.retained / 2**20:+.1f} MB",
            f"RSS before {figures.runs[0].rss_before / 2**20:.0f} MB",
        )  # fmt: skip


def session_key() -> str:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="analyst1"))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--export-repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=15, help="per /api/statements/ pair")
    parser.add_argument(
        "--trial", action="store_true",
        help="if the database holds no corpus, generate 600 statements, not a million",
    )  # fmt: skip
    parser.add_argument(
        "--big-csv", action="store_true",
        help="also the search CSVs of the common word, phrase and boolean query (all hits)",
    )  # fmt: skip
    parser.add_argument("--match", default="", help="time only the paths matching this regex")
    parser.add_argument("--only", default=",".join(SECTIONS), help=", ".join(SECTIONS))
    args = parser.parse_args()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    if only - set(SECTIONS):
        parser.error(f"sections are {', '.join(SECTIONS)}")
    inside_xl_postgres([str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.path.insert(0, str(ROOT))
    from benchmarks.environment import setup_django

    setup_django()
    import tempfile

    from django.core.management import call_command

    from benchmarks import xl_corpus
    from benchmarks.corpus import counts
    from benchmarks.server import Client, gunicorn

    call_command("migrate", verbosity=0, interactive=False)
    if not xl_corpus.exists():
        print("… generating the XL corpus (kept in the server's data directory)", flush=True)
        size = xl_corpus.XLSize(**TRIAL_SIZE) if args.trial else xl_corpus.XL
        xl_corpus.build(size, log=lambda message: print(f"… {message}", flush=True))
    report = Report()
    report.notes.append(f"Corpus: {counts().describe()}.")
    now = datetime.datetime.now(datetime.UTC)
    report.notes.append(f"Started {now:%Y-%m-%d %H:%M} UTC, {load()}, 2 cores (shared).")
    if only & {"sql", "trends"}:
        measure_sql(report, repeat=args.repeat, searches="sql" in only)
    flagged: list[str] = []
    if only & {"pages", "statements", "export"}:
        key = session_key()
        with gunicorn(log_dir=Path(tempfile.mkdtemp(prefix="wb-xl-"))) as server:
            http = Client(server.port, key)
            try:
                http.get("/api/meetings/")  # the worker loads the app on its first request
                if "pages" in only:
                    paths = page_paths(target(), all_csv=args.big_csv)
                    paths = [p for p in paths if re.search(args.match, p[2])]
                    flagged = measure_pages(report, http, paths, repeat=args.repeat)
                if "statements" in only:
                    measure_statement_pages(report, http, requests=args.requests)
                if "export" in only:
                    measure_exports(report, server, http, repeat=args.export_repeat)
            finally:
                http.close()
    report.notes.append(f"Finished {datetime.datetime.now(datetime.UTC):%H:%M} UTC, {load()}.")
    report.notes += [f"Failed or over {UNUSABLE:.0f} s: {f}" for f in flagged]
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    out = results / f"xl-{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M%S}.md"
    out.write_text(report.markdown() + "\n", encoding="utf-8")
    print(f"\n{report.markdown()}\n\nwritten to {out}", flush=True)
    return 1 if any(f.startswith("status") for f in flagged) else 0


if __name__ == "__main__":
    sys.exit(main())
