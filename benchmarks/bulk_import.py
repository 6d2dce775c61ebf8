"""Bulk import of 100+ records: time and peak memory (issue 13, item 6). Not a test.

    .venv/bin/python benchmarks/bulk_import.py [--copies 100] [--html 20] [--pdfs 2]
    scripts/with_postgres.sh .venv/bin/python benchmarks/bulk_import.py   # on PostgreSQL

Writes a zip of copies of the shared seeds with changed symbols (GA/11955 as text, a
saved release page as HTML) and some of the shared verbatim-record PDFs, then imports it
into a fresh database (a temporary SQLite file unless DATABASE_URL is set) three ways:
all-or-nothing (check every file, then save), the same archive again (all unchanged),
and keep-going into an empty database. Prints files, statements, seconds, files per
second and the process's peak resident memory after each run.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# The two PDFs whose agenda headings fit Statement.segment (200 characters) on this
# branch; A/64/PV.121 and A/48/PV.46 are refused for longer ones (see the report).
SMALL_PDFS = ("S_PV.3756.pdf", "S_PV.10100.pdf", "A_64_PV.121.pdf", "A_48_PV.46.pdf")


def build_archive(copies: int, html: int, pdfs: int) -> bytes:
    from tests.tracker.imports import press_release_samples as samples

    release = (SHARED / "seeds" / "002_c8db3da65464a602.txt").read_text(encoding="utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(copies):
            archive.writestr(
                f"text/ga-{90000 + n}.txt", release.replace("GA/11955", f"GA/{90000 + n}")
            )
        for n in range(html):
            page = samples.SAVED_PAGE.replace("SC/13554", f"SC/{80000 + n}")
            archive.writestr(f"html/sc-{80000 + n}.html", page)
        for name in SMALL_PDFS[:pdfs]:
            archive.write(SHARED / "records" / name, f"pdf/{name}")
    return buffer.getvalue()


def auto_stand_in():
    """Until the catalogue detects kinds ("auto"), PDFs are verbatim records and the rest
    press releases; with "auto" in the catalogue the real detection runs."""
    from tracker.imports.parsing import catalogue
    from tracker.imports.parsing.verbatim import parse_verbatim_record

    if "auto" in catalogue.KIND_NAMES:
        return
    press_release = catalogue.import_kind("press_release").parse

    def parse(data, *, kind, symbol=""):
        if data[:5] == b"%PDF-":
            return parse_verbatim_record(data, symbol=symbol)
        return press_release(data, symbol=symbol)

    catalogue.parse = parse


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, archive: Path, **options) -> None:
    from tracker.imports.bulk.runner import import_many

    start = time.perf_counter()
    report = import_many(archive, kind="auto", **options)
    seconds = time.perf_counter() - start
    statements = sum(result.statements for result in report.files)
    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    print(
        f"| {label} | {len(report.files)} | {statements} | {seconds:.1f} s | "
        f"{len(report.files) / seconds:.1f} | {peak_mb():.0f} MB | {counts} |",
        flush=True,
    )
    for result in report.refused:
        print(f"  refused {result.name}: {result.reason}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="text copies of GA/11955")
    parser.add_argument("--html", type=int, default=20, help="saved-page copies")
    parser.add_argument("--pdfs", type=int, default=2, help=f"PDFs, at most {len(SMALL_PDFS)}")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="wb-bulk-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    auto_stand_in()
    archive = workdir / "records.zip"
    archive.write_bytes(build_archive(args.copies, args.html, args.pdfs))
    print(f"{connection.vendor}; archive {archive.stat().st_size / 1024 / 1024:.1f} MB; "
          f"peak memory after Django set-up {peak_mb():.0f} MB")  # fmt: skip
    print("| run | files | statements | time | files/s | peak RSS | result |")
    print("|---|---|---|---|---|---|---|")
    measure("all-or-nothing (check, then save)", archive)
    measure("the same archive again", archive)
    call_command("flush", "--no-input", verbosity=0)
    measure("keep going, empty database", archive, keep_going=True)


if __name__ == "__main__":
    main()
