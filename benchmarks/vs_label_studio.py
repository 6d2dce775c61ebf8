"""The workbench's export against Label Studio's, on the same spans (issue 18).

    .venv/bin/python benchmarks/vs_label_studio.py --label-studio /work/ls-venv/bin/label-studio

The method of issue 18: 2,000 statements with 4 coded spans each (8,000 spans),
each tool on its embedded default (SQLite) behind its own server, the export
downloaded over HTTP to the end, median of 3 (the spread beside it).

- The workbench: a fresh SQLite file filled by `generate_corpus` (20 meetings ×
  100 statements × 4 annotations, one analyst), served by gunicorn with one sync
  worker; JSON Lines, CSV and the W3C JSON-LD export of everything.
- Label Studio: installed apart, in its own virtual environment (it is never a
  dependency of this project; pass its `label-studio` command), started with
  `label-studio start` on SQLite in a temporary directory; one project with a
  Labels/Text config of the codebook, the same statements imported as tasks with
  the same spans as one annotation each; `GET /api/projects/<id>/export?
  exportType=JSON`, the export its documentation and UI offer.

Prints one table; nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import Client, free_port, gunicorn  # noqa: E402
from benchmarks.stats import Sample  # noqa: E402

MEETINGS, STATEMENTS_PER_MEETING, SPANS_PER_STATEMENT = 20, 100, 4
REPEAT = 3
LS_USER, LS_PASSWORD = "bench@example.org", "bench-" + secrets.token_hex(8)


def rate(rows: int, sample: Sample) -> str:
    return f"{rows / sample.median:,.0f} spans/s"


def spread(sample: Sample) -> str:
    return f"{sample.low:.2f} s – {sample.high:.2f} s"


# The workbench ------------------------------------------------------------------------


def workbench_database(directory: Path) -> str:
    url = f"sqlite:///{directory / 'workbench.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command(
        "generate_corpus",
        meetings=MEETINGS,
        statements_per_meeting=STATEMENTS_PER_MEETING,
        annotations_per_statement=SPANS_PER_STATEMENT,
        analysts=1,
        seed=1,
        verbosity=0,
    )
    return url


def label_studio_tasks() -> tuple[list[dict], list[str]]:
    """The corpus's statements as Label Studio tasks, each span a labels result."""
    from annotations.models import Annotation, Code
    from tracker.models import Statement

    spans: dict[int, list[dict]] = {}
    for statement_id, start, end, quote, slug in (
        Annotation.objects.live()
        .order_by("id")
        .values_list("statement_id", "start", "end", "quote", "code__slug")
    ):
        spans.setdefault(statement_id, []).append(
            {
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": start, "end": end, "text": quote, "labels": [slug]},
            }
        )
    tasks = [
        {"data": {"text": text}, "annotations": [{"result": spans.get(pk, [])}]}
        for pk, text in Statement.objects.order_by("id").values_list("id", "text")
    ]
    return tasks, sorted(Code.objects.values_list("slug", flat=True).distinct())


# Label Studio -------------------------------------------------------------------------


class LabelStudio:
    def __init__(self, command: str, directory: Path):
        self.port = free_port()
        self.token = secrets.token_hex(20)
        self.log = directory / "label-studio.log"
        env = {
            **os.environ,
            "LABEL_STUDIO_BASE_DATA_DIR": str(directory / "label-studio"),
            "LATEST_VERSION_CHECK": "false",  # no call to pypi.org
            "DJANGO_DB": "sqlite",
            "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
            # No telemetry: offline, its retries would run beside the measured export.
            "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": "",
            "COLLECT_ANALYTICS": "false",
        }
        for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
            env.pop(name, None)
        command_line = [
            command,
            "start",
            "--no-browser",
            "--port",
            str(self.port),
            "--username",
            LS_USER,
            "--password",
            LS_PASSWORD,
            "--user-token",
            self.token,
        ]
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                command_line, cwd=directory, env=env, stdout=out, stderr=out
            )

    def request(self, method: str, path: str, body=None, timeout: float = 900):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, method=method
        )
        request.add_header("Authorization", f"Token {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.read()

    def wait_until_up(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"label-studio exited; see {self.log}")
            try:
                self.request("GET", "/api/projects/", timeout=5)
                return
            except OSError:
                time.sleep(2)
        raise RuntimeError(f"label-studio did not answer within {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def label_config(slugs: list[str]) -> str:
    labels = "".join(f"<Label value={quoteattr(slug)}/>" for slug in slugs)
    return f'<View><Labels name="label" toName="text">{labels}</Labels><Text name="text" value="$text"/></View>'  # noqa: E501


WORKBENCH_PATHS = {
    "JSON Lines": "/api/export/annotations.jsonl",
    "CSV": "/api/export/annotations.csv",
    "W3C Web Annotation (JSON-LD)": "/api/export/annotations.jsonld",
}


def timed_download(download) -> tuple[float, int]:
    started = time.perf_counter()
    size = download()
    return time.perf_counter() - started, size


def workbench_download(http: Client, path: str):
    def download() -> int:
        status, size, _lines = http.stream(path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        return size

    return download


def label_studio_project(studio: LabelStudio) -> str:
    """Import the corpus as one project; the path of its JSON export (checked once)."""
    tasks, slugs = label_studio_tasks()
    studio.wait_until_up()
    body = {"title": "bench", "label_config": label_config(slugs)}
    project = json.loads(studio.request("POST", "/api/projects/", body))
    studio.request("POST", f"/api/projects/{project['id']}/import", tasks)
    path = f"/api/projects/{project['id']}/export?exportType=JSON"
    exported = json.loads(studio.request("GET", path))  # also its warm-up
    spans = sum(len(a["result"]) for task in exported for a in task["annotations"])
    expected = MEETINGS * STATEMENTS_PER_MEETING * SPANS_PER_STATEMENT
    if spans != expected:
        raise RuntimeError(f"Label Studio exported {spans} spans, expected {expected}")
    return path


def measure(directory: Path, url: str, command: str | None) -> dict[str, tuple[Sample, int]]:
    """Every export REPEAT times, the tools turn about (the same minutes for each)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from benchmarks.measure_pages import logged_in_client

    analyst = get_user_model().objects.get(username="analyst1")
    session = logged_in_client(analyst).cookies[settings.SESSION_COOKIE_NAME].value
    studio = LabelStudio(command, directory) if command else None
    try:
        downloads = {}
        if studio:
            export_path = label_studio_project(studio)
            downloads["Label Studio JSON"] = lambda: len(studio.request("GET", export_path))
        with gunicorn(log_dir=directory, database_url=url) as server:
            http = Client(server.port, session)
            try:
                http.get("/api/meetings/")  # the worker loads the app on its first request
                for label, path in WORKBENCH_PATHS.items():
                    downloads[f"workbench {label}"] = workbench_download(http, path)
                    downloads[f"workbench {label}"]()  # warm-up, as Label Studio had
                runs = {label: [] for label in downloads}
                for _ in range(REPEAT):
                    for label, download in downloads.items():
                        runs[label].append(timed_download(download))
            finally:
                http.close()
    finally:
        if studio:
            studio.stop()
    return {
        label: (Sample(tuple(t for t, _ in values)), values[-1][1])
        for label, values in runs.items()
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--label-studio", help="the label-studio command of its own venv")
    args = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="wb-vs-ls-"))
    url = workbench_database(directory)
    spans = MEETINGS * STATEMENTS_PER_MEETING * SPANS_PER_STATEMENT
    results = measure(directory, url, args.label_studio)
    load = os.getloadavg()[0]
    print(f"{spans:,} spans on {MEETINGS * STATEMENTS_PER_MEETING:,} statements, SQLite, "
          f"median of {REPEAT}, turn about (logs in {directory}); load {load:.1f}")  # fmt: skip
    print("| export | median | spread | size | rate | × Label Studio's rate |")
    print("|---|---|---|---|---|---|")
    theirs = results.get("Label Studio JSON")
    for label, (sample, size) in results.items():
        factor = f"{theirs[0].median / sample.median:.0f}×" if theirs else ""
        print(f"| {label} | {sample.median:.3f} s | {spread(sample)} | "
              f"{size / 1e6:.1f} MB | {rate(spans, sample)} | {factor} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
