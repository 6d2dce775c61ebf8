"""Import meeting records of any kind: press releases, preliminary releases, summaries,
single speeches and verbatim records (the UN's PDFs or their text).

    python manage.py import_record FILE… [--kind auto|press_release|verbatim_record|summary|speech]
        [--dry-run] [--json] [--symbol S] [--date YYYY-MM-DD] [--into SYMBOL]
        [--fixture PATH [--fixture-pk N]]

--kind auto (the default) detects each file's kind. --json prints the parse (one object,
or a list for several files) on stdout — {"kind", "meeting", "statements", "notes",
"warnings"}, tracker.imports.parsing.record_json — and reports on stderr; add --dry-run to
save nothing. --into adds every file to the meeting SYMBOL as a record of its own (a
speech to its meeting). --fixture writes a Django fixture instead of saving: the first
file is the meeting, every further file is added to it (fixtures/ga-12387.json is made
so); speakers of the other fixtures in the folder keep their keys.
"""

import datetime
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tracker.imports.parsing.catalogue import CHOICE_NAMES, parse
from tracker.imports.parsing.fixture import meeting_fixture
from tracker.imports.parsing.record_json import record_json
from tracker.imports.parsing.records import ImportProblem
from tracker.imports.saving import SELF_NAMED_ERRORS, record_save
from tracker.models import Meeting
from tracker.web.errors import validation_messages


class Command(BaseCommand):
    help = "Import meeting records of any kind (text, HTML or PDF) as meetings."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help=".txt, .html or .pdf")
        parser.add_argument("--kind", default="auto", choices=CHOICE_NAMES)
        parser.add_argument("--dry-run", action="store_true", help="parse and check; save nothing")
        parser.add_argument("--json", action="store_true", help="print the parse as JSON")
        parser.add_argument("--symbol", default="", help="the meeting's symbol, e.g. GA/12387")
        parser.add_argument("--date", default="", help="the meeting's date, YYYY-MM-DD")
        parser.add_argument(
            "--into", default="", metavar="SYMBOL", help="add the records to this meeting"
        )
        parser.add_argument(
            "--fixture", default="", metavar="PATH", help="write a Django fixture; save nothing"
        )
        parser.add_argument("--fixture-pk", type=int, default=1, help="the fixture's meeting key")

    def handle(self, *args, **options):
        files = [Path(f) for f in options["files"]]
        if len(files) > 1 and options["symbol"] and not options["fixture"]:
            raise CommandError("--symbol applies to one file at a time (or to --fixture's first).")
        date = _date(options["date"])
        releases = [
            (path, self._parse(path, options, date=date, first=index == 0))
            for index, path in enumerate(files)
        ]
        if options["json"]:
            parses = [record_json(release) for _, release in releases]
            self.stdout.write(json.dumps(parses[0] if len(parses) == 1 else parses, indent=2))
        report = self.stderr if options["json"] else self.stdout
        for path, release in releases:
            for warning in release.warnings:
                where = f" (statement {warning.statement})" if warning.statement else ""
                report.write(f"{path.name}: {release.kind}: warning{where}: {warning.message}\n")
        if options["fixture"]:
            self._write_fixture(Path(options["fixture"]), releases, options["fixture_pk"], report)
            return
        self._save(releases, options, report)

    def _parse(self, path: Path, options, *, date, first: bool):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        symbol = options["symbol"] if first or not options["fixture"] else ""
        try:
            return parse(path.read_bytes(), kind=options["kind"], symbol=symbol, date=date)
        except ImportProblem as exc:
            raise CommandError(f"{path}: {exc} Nothing was saved.") from None

    def _save(self, releases, options, report) -> None:
        try:
            # One transaction for all files: either every record is imported or none.
            with transaction.atomic():
                into = _meeting(options["into"]) if options["into"] else None
                for path, release in releases:
                    outcome = record_save(
                        release=release, dry_run=options["dry_run"], into_meeting=into
                    )
                    report.write(f"{path.name}: {outcome.summary}\n")
        except ValidationError as exc:
            messages = " ".join(validation_messages(exc, unlabelled=SELF_NAMED_ERRORS))
            raise CommandError(f"Nothing was saved. {messages}") from None

    def _write_fixture(self, target: Path, releases, meeting_pk: int, report) -> None:
        (_, release), added = releases[0], tuple(r for _, r in releases[1:])
        if not release.statements:
            raise CommandError("The record has no statements: no fixture was written.")
        known = _speakers_of_other_fixtures(target)
        records = meeting_fixture(release, meeting_pk=meeting_pk, added=added, known_speakers=known)
        target.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", "utf-8")
        count = sum(1 for r in records if r["model"] == "tracker.statement")
        report.write(f"Wrote {target}: {release.meeting.symbol}, {count} statements.\n")


def _date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value!r} is not a date: use YYYY-MM-DD.") from None


def _meeting(symbol: str) -> Meeting:
    normalised = "".join(symbol.split()).upper()
    meeting = Meeting.objects.filter(symbol=normalised).first()
    if meeting is None:
        raise CommandError(f"--into {symbol}: no meeting has that symbol. Nothing was saved.")
    return meeting


def _speakers_of_other_fixtures(target: Path) -> dict:
    """(name, delegation) → (pk, gender) of the speakers in the folder's other fixtures."""
    known = {}
    for path in sorted(target.parent.glob("*.json")):
        if path.resolve() == target.resolve():
            continue
        records = json.loads(path.read_text("utf-8"))
        speakers = {r["pk"]: r["fields"] for r in records if r["model"] == "tracker.speaker"}
        for record in records:
            fields = record["fields"]
            if record["model"] == "tracker.statement" and fields.get("speaker") in speakers:
                speaker = speakers[fields["speaker"]]
                key = (speaker["name"], fields["delegation"])
                known.setdefault(key, (fields["speaker"], speaker["gender"]))
    return known
