"""The CSV and JSON Lines downloads over HTTP against raw COPY, turn about (PostgreSQL).

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/export_http.py \
        [--other-tree /path/to/an/older/checkout] [--repeat 5]

On a database that already holds a corpus (generate_corpus; analyst1 signs in), it
serves this checkout with gunicorn (one sync worker, bench_settings), and another
checkout beside it if given, and then takes turns: raw COPY of the export's plain
SELECT read as bytes in this process (make bench's baseline), then each download from
each server, read over HTTP to the end. For each it prints the median time, its share
of raw COPY's rate in the same rounds, and the web worker's CPU seconds a download
(from /proc). On a shared machine the shares move with the load; the worker's CPU
much less, so it shows what a change to the relay saves.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import cpu_ticks  # noqa: E402 (after the path above)

PATHS = {"CSV": "/api/export/annotations.csv", "JSON Lines": "/api/export/annotations.jsonl"}


def cpu_seconds(pid: int) -> float:
    return cpu_ticks(pid) / os.sysconf("SC_CLK_TCK")


def take_turns(clients: dict, repeat: int, times: dict, cpu: dict) -> int:
    """Raw COPY, then every download from every server, `repeat` rounds after one to
    warm up; the times and the worker's CPU seconds go into `times` and `cpu`."""
    from benchmarks.measure_http import copy_once

    rows = 0
    for round_number in range(repeat + 1):
        seconds, rows = copy_once()
        if round_number:
            times["raw COPY"].append(seconds)
        for label, path in PATHS.items():
            for name, (server, client) in clients.items():
                key = f"{label}, {name} tree"
                before = cpu_seconds(server.worker_pid)
                started = time.perf_counter()
                status, _, _ = client.stream(path)
                elapsed = time.perf_counter() - started
                if status != 200:
                    raise SystemExit(f"{path} answered {status} ({name} tree)")
                if round_number:
                    times.setdefault(key, []).append(elapsed)
                    cpu.setdefault(key, []).append(cpu_seconds(server.worker_pid) - before)
        print(f"… round {round_number} of {repeat}, load {os.getloadavg()[0]:.1f}", flush=True)
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--other-tree", type=Path, help="an older checkout to serve beside")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1 (a warm-up round comes first)")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
    import django

    django.setup()
    from contextlib import ExitStack

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection

    from benchmarks.measure_pages import logged_in_client
    from benchmarks.server import Client, gunicorn

    if connection.vendor != "postgresql":
        raise SystemExit("export_http.py compares with COPY: it needs PostgreSQL")
    analyst = get_user_model().objects.get(username="analyst1")
    session = logged_in_client(analyst).cookies[settings.SESSION_COOKIE_NAME].value
    trees = {"this": None}
    if args.other_tree:
        trees["other"] = args.other_tree.resolve()
    log_dir = Path(tempfile.mkdtemp(prefix="wb-export-http-"))
    times: dict[str, list[float]] = {"raw COPY": []}
    cpu: dict[str, list[float]] = {}
    with ExitStack() as stack:
        clients = {}
        for name, root in trees.items():
            options = {"root": root} if root else {}
            server = stack.enter_context(gunicorn(log_dir=log_dir, **options))
            client = Client(server.port, session)
            client.get("/api/meetings/")  # the worker loads the app
            clients[name] = (server, client)
        rows = take_turns(clients, args.repeat, times, cpu)
    raw = statistics.median(times["raw COPY"])
    print(f"\n{rows:,} annotations, median of {args.repeat}, load {os.getloadavg()[0]:.1f}\n")
    print("| download | median | share of raw COPY | web worker CPU |")
    print("|---|---|---|---|")
    print(f"| raw COPY | {raw:.2f} s | 1.00 | |")
    for key, values in times.items():
        if key != "raw COPY":
            median = statistics.median(values)
            worker = statistics.median(cpu[key])
            print(f"| {key} | {median:.2f} s | {raw / median:.2f} | {worker:.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
