"""Import UN Meetings Coverage press releases (text or saved HTML) into attributed statements.

    python manage.py import_press_release FILE… [--dry-run] [--json] [--symbol S]

--json prints the parse ({"meeting", "statements", "notes", "warnings"}) on stdout and
reports on stderr; add --dry-run to save nothing. --fixture PATH writes the parse as a
Django fixture (explicit keys from 1) instead of saving: fixtures/ga-11955.json is made so.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tracker.imports.parsing.catalogue import parse
from tracker.imports.parsing.corrections import apply_corrections
from tracker.imports.parsing.fixture import meeting_fixture
from tracker.imports.parsing.records import PRESS_RELEASE, SPEECH, ImportProblem
from tracker.imports.saving import SELF_NAMED_ERRORS, record_save
from tracker.web.errors import validation_messages


class Command(BaseCommand):
    help = "Import UN Meetings Coverage press releases (text or HTML) as meetings."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="release as .txt or .html")
        parser.add_argument("--dry-run", action="store_true", help="parse and check; save nothing")
        parser.add_argument("--json", action="store_true", help="print the parse as JSON")
        parser.add_argument("--symbol", default="", help="the meeting's symbol, e.g. GA/11955")
        parser.add_argument("--date", default="", help="the meeting's date, YYYY-MM-DD")
        parser.add_argument("--source-url", default="", help="where the release was published")
        parser.add_argument(
            "--speech", action="store_true", help="the file is one speech, not a release"
        )
        parser.add_argument("--speaker", default="", help="with --speech: who gave it")
        parser.add_argument(
            "--gender", default="", choices=["", "female", "male", "unknown"], help="of --speaker"
        )
        parser.add_argument(
            "--fixture", default="", metavar="PATH", help="write a Django fixture; save nothing"
        )

    def handle(self, *args, **options):
        files = [Path(f) for f in options["files"]]
        if len(files) > 1 and (options["symbol"] or options["fixture"] or options["speaker"]):
            raise CommandError("--symbol, --speaker and --fixture apply to one file at a time.")
        releases = [(path, self._parse(path, options)) for path in files]
        if options["json"]:
            parses = [release.as_dict() for _, release in releases]
            self.stdout.write(json.dumps(parses[0] if len(parses) == 1 else parses, indent=2))
        report = self.stderr if options["json"] else self.stdout
        for path, release in releases:
            for warning in release.warnings:
                where = f" (statement {warning.statement})" if warning.statement else ""
                report.write(f"{path.name}: warning{where}: {warning.message}\n")
        if options["fixture"]:
            self._write_fixture(Path(options["fixture"]), releases[0][1], report)
            return
        try:
            # One transaction for all files: either every release is imported or none.
            with transaction.atomic():
                for path, release in releases:
                    outcome = record_save(release=release, dry_run=options["dry_run"])
                    report.write(f"{path.name}: {outcome.summary}\n")
        except ValidationError as exc:
            messages = " ".join(validation_messages(exc, unlabelled=SELF_NAMED_ERRORS))
            raise CommandError(f"Nothing was saved. {messages}") from None

    def _parse(self, path: Path, options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        kind = SPEECH if options["speech"] else PRESS_RELEASE
        try:
            release = parse(path.read_bytes(), kind=kind, symbol=options["symbol"])
            meeting = {}
            if options["date"]:
                meeting["date"] = options["date"]
            if options["source_url"]:
                meeting["source_url"] = options["source_url"]
            corrections = {}
            if options["speaker"] or options["gender"]:
                corrections[1] = {
                    key: value
                    for key, value in (
                        ("speaker_name", options["speaker"]),
                        ("gender", options["gender"]),
                    )
                    if value
                }
            return apply_corrections(release, meeting=meeting, statements=corrections)
        except ImportProblem as exc:
            raise CommandError(f"{path}: {exc}") from None

    def _write_fixture(self, target: Path, release, report) -> None:
        if not release.statements:
            raise CommandError("The release has no statements: no fixture was written.")
        records = meeting_fixture(release)
        target.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", "utf-8")
        report.write(
            f"Wrote {target}: {release.meeting.symbol}, {len(release.statements)} statements.\n"
        )
