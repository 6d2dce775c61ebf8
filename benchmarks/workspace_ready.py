"""The workspace as an analyst's browser gets it: bytes over the wire, requests, time
from navigation to ready, and the page's queries — for GA/11955 and for a
200-statement meeting (issue 14's closing figures). Not a test.

    .venv/bin/python benchmarks/workspace_ready.py [--repeat 3]

A fresh SQLite database (the embedded default) set up as `make run` sets it up
(`setup_workbench --demo-coding`: the codebook, the fixtures, GA/11955 with the demo
coding), plus generate_corpus's 200-statement meeting with 3 analysts and 10
annotations a statement. A real gunicorn serves it; headless Debian Chromium
(/usr/bin/chromium) signs in through the login form as an analyst who coded the
meeting and opens its workspace --repeat times after a warm-up, with the cache off,
so every load fetches the page, its scripts, styles and API calls again. "Ready" is
the workspace's own signal (`#workspace[data-ready=true]`, set when its script has drawn every
annotation), measured from navigation start in the page's clock. Bytes are the
transfer sizes the browser reports (compressed where the server compressed), summed
over the document and every resource the load fetched. Queries are the page's own,
counted in-process with Django's test client.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = "#workspace[data-ready=true]"
PASSWORD = secrets.token_urlsafe(16)  # set on the benchmark's own users
DEMO_ANALYST = "demo-analyst-1"  # the demo coding's first analyst (setup_workbench)
# The moment the workspace says it is ready, in the page's clock (from navigation start).
WATCH_READY = """
new MutationObserver((changes, observer) => {
  const root = document.getElementById("workspace");
  if (root && root.dataset.ready === "true" && window.__readyAt === undefined) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="wb-ready-bench-"))
    database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    meetings = prepare()
    from benchmarks.server import gunicorn

    with gunicorn(log_dir=workdir, database_url=database_url) as server:
        base = f"http://127.0.0.1:{server.port}"
        print(f"sqlite, gunicorn, Chromium without cache; median of {args.repeat} after a warm-up")
        print("| meeting | statements | annotations drawn | bytes | requests | ready | queries |")
        print("|---|---|---|---|---|---|---|")
        loads = browser_loads(base, meetings, args.repeat)
        for (meeting, username), (sizes, counts, readies) in zip(meetings, loads, strict=True):
            print(
                f"| {meeting.symbol} | {meeting.statements.count():,} "
                f"| {drawn(meeting, username):,} | {statistics.median(sizes) / 1024:,.0f} kB "
                f"| {statistics.median(counts):.0f} | {statistics.median(readies):,.2f} s "
                f"| {queries_of(meeting, username)} |",
                flush=True,
            )


def prepare():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from annotations.exchange.synthetic_corpus import CorpusSize, generate_corpus
    from annotations.models import CodingScheme
    from tracker.models import Meeting

    call_command("migrate", verbosity=0)
    call_command("setup_workbench", "--demo-coding", verbosity=0)
    scheme = CodingScheme.objects.get(is_default=True)
    size = CorpusSize(
        meetings=1, statements_per_meeting=200, annotations_per_statement=10, analysts=3
    )
    generate_corpus(size=size, seed=1, scheme=scheme)
    for username in (DEMO_ANALYST, "analyst1"):
        analyst = get_user_model().objects.get(username=username)
        analyst.set_password(PASSWORD)
        analyst.save()
    # Each meeting opened by an analyst who coded it, so the page draws her annotations.
    return [
        (Meeting.objects.get(symbol="GA/11955"), DEMO_ANALYST),
        (Meeting.objects.get(symbol="SYN/1/000001"), "analyst1"),
    ]


def drawn(meeting, username: str) -> int:
    """The annotations the workspace draws for `username`: her own live ones."""
    from annotations.models import Annotation

    return (
        Annotation.objects.live()
        .filter(statement__meeting=meeting, analyst__username=username)
        .count()
    )


def queries_of(meeting, username: str) -> int:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    client.get(f"/meetings/{meeting.pk}/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200, response.status_code
    return len(queries)


def browser_loads(base: str, meetings, repeat: int):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        results = []
        for meeting, username in meetings:
            page = signed_in(browser, base, username)
            url = f"{base}/meetings/{meeting.pk}/"
            one_load(page, url)  # warm-up: the server's first request of each address
            sizes, counts, readies = [], [], []
            for _ in range(repeat):
                size, count, ready = one_load(page, url)
                sizes.append(size)
                counts.append(count)
                readies.append(ready)
            results.append((sizes, counts, readies))
            page.context.close()
        browser.close()
    return results


def signed_in(browser, base: str, username: str):
    """A page of a new browser context, signed in through the login form, cache off."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state("networkidle")
    page.add_init_script(WATCH_READY)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def one_load(page, url: str) -> tuple[int, int, float]:
    page.goto(url)
    page.wait_for_selector(READY, timeout=120_000)
    page.wait_for_load_state("networkidle")
    ready = page.evaluate("window.__readyAt") / 1000
    entries = page.evaluate(
        """() => [
            ...performance.getEntriesByType("navigation"),
            ...performance.getEntriesByType("resource"),
        ].map((e) => e.transferSize || e.encodedBodySize || 0)"""
    )
    return sum(entries), len(entries), ready


if __name__ == "__main__":
    main()
