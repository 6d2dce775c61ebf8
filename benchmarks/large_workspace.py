"""The workspace of a very large meeting (issue 17: a 26,214-statement meeting's page
was 44 MB): page weight, server time and queries. Not a test.

    .venv/bin/python benchmarks/large_workspace.py [--statements 26214] [--repeat 3]
    scripts/with_postgres.sh .venv/bin/python benchmarks/large_workspace.py   # on PostgreSQL

A fresh database (a temporary SQLite file unless DATABASE_URL is set) with the default
codebook, the production-like settings of benchmarks/bench_settings.py, and two meetings
from generate_corpus's synthetic corpus as `make bench` fills it (3 analysts, 10
annotations a statement): the 200-statement meeting of size S and one of --statements.
Each address is fetched in-process through Django's test client as analyst1, once to
warm up, then --repeat times: the figure is the median, with the bytes of the page and
its number of queries. Given DATABASE_URL of a database it filled before, it measures
the meetings there again (to compare two versions of the code on the same data).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "fixtures" / "codebook.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=26_214)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="wb-workspace-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("loaddata", str(CODEBOOK), verbosity=0)
    small, large = fill(args.statements)
    print(f"{connection.vendor}; median of {args.repeat} after a warm-up, in-process")
    print("| address | statements | bytes | server time | queries |")
    print("|---|---|---|---|---|")
    for label, url, statements in addresses(small, large):
        measure(label, url, statements, args.repeat)


def fill(statements: int):
    from annotations.exchange.synthetic_corpus import CorpusSize, generate_corpus
    from annotations.models import CodingScheme
    from tracker.models import Meeting

    scheme = CodingScheme.objects.get()
    started = time.perf_counter()
    for seed, count in ((1, 200), (17, statements)):
        if Meeting.objects.filter(symbol=f"SYN/{seed}/000001").exists():
            continue  # a database given again (DATABASE_URL): measure what it holds
        size = CorpusSize(
            meetings=1, statements_per_meeting=count, annotations_per_statement=10, analysts=3
        )
        generate_corpus(size=size, seed=seed, scheme=scheme)
    print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return Meeting.objects.get(symbol="SYN/1/000001"), Meeting.objects.get(symbol="SYN/17/000001")


def addresses(small, large):
    from annotations.models import Annotation

    last = large.statements.order_by("-order").first()
    near_the_end = (
        Annotation.objects.filter(statement=last, analyst__username="analyst1").first()
        or Annotation.objects.filter(statement=last).first()
    )
    count = large.statements.count()
    yield "200-statement meeting", f"/meetings/{small.pk}/", 200
    yield f"{count:,}-statement meeting", f"/meetings/{large.pk}/", count
    yield "… its middle page", f"/meetings/{large.pk}/?page={count // 400 or 1}", count
    yield "… ?statement= its last", f"/meetings/{large.pk}/?statement={last.pk}", count
    yield "… ?annotation= on its last", f"/meetings/{large.pk}/?annotation={near_the_end.pk}", count


def measure(label: str, url: str, statements: int, repeat: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username="analyst1"))
    client.get(url)
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    print(
        f"| {label} (`{url.split('/', 3)[-1] or '/'}`) | {statements:,} "
        f"| {len(response.content) / 1024:,.0f} kB | {statistics.median(times) * 1000:,.0f} ms "
        f"| {len(queries)} |",
        flush=True,
    )


if __name__ == "__main__":
    main()
