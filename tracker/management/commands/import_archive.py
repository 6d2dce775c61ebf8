"""Import many records at once: folders, files and zip archives of them.

    python manage.py import_archive PATH… [--kind auto|…] [--dry-run] [--keep-going] [--json]

Each record is all-or-nothing. Without --keep-going every file is checked first and
nothing is saved if any is refused; with it, what can be imported is, and the refused
files are listed with their reasons. Re-running the same archive changes nothing (the
files are reported "unchanged"). A progress bar goes to stderr when it is a terminal;
--json prints the report on stdout. The exit status is 1 when any file was refused.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.imports.bulk.runner import REFUSED, Progress, import_many
from tracker.imports.parsing.catalogue import KIND_NAMES
from tracker.imports.parsing.records import ImportProblem

KINDS = ("auto", *(name for name in KIND_NAMES if name != "auto"))


class Command(BaseCommand):
    help = "Import a folder, files or zip archives of meeting records (each all-or-nothing)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="folder, file or .zip")
        parser.add_argument("--kind", default="auto", choices=KINDS, help="default: auto")
        parser.add_argument("--dry-run", action="store_true", help="check every file; save none")
        parser.add_argument(
            "--keep-going",
            action="store_true",
            help="import the files that can be, even when others are refused",
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, **options):
        bar = _ProgressBar(getattr(self.stderr, "_out", sys.stderr))  # tqdm writes "\r" itself
        try:
            report = import_many(
                options["paths"],
                kind=options["kind"],
                dry_run=options["dry_run"],
                keep_going=options["keep_going"],
                progress=bar,
            )
        except ImportProblem as exc:
            raise CommandError(str(exc)) from None
        finally:
            bar.close()
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(summary_table(report))
        if report.counts[REFUSED]:
            raise CommandError(
                f"{report.counts[REFUSED]} files were refused. {report.summary}", returncode=1
            )


class _ProgressBar:
    """tqdm on stderr, one bar per phase (checking, then saving); silent off a terminal."""

    def __init__(self, stream):
        self.stream, self.bar, self.phase = stream, None, ""

    def __call__(self, progress: Progress) -> None:
        if progress.phase != self.phase:
            self.close()
            self.phase = progress.phase
            self.bar = tqdm(
                total=progress.total, desc=progress.phase, unit="file", file=self.stream,
                disable=None, leave=True,
            )  # fmt: skip
        self.bar.update(1)
        self.bar.set_postfix_str(progress.result.status, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def summary_table(report) -> str:
    """One row per file: status, symbol, statements and the reason, then the totals."""
    rows = [("file", "status", "symbol", "statements", "reason")]
    rows += [
        (r.name, r.status, r.symbol or "—", str(r.statements) if r.statements else "", r.reason)
        for r in report.files
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + ("  " + row[4] if row[4] else "")
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n\n" + report.summary + "\n"
