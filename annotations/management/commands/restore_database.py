"""Load a backup_database file into a freshly migrated, empty database.

    python manage.py migrate && python manage.py restore_database backup.json

All or nothing: loading and the check that every annotation matches its statement's
text run in one transaction, so a backup holding a mismatched annotation restores
nothing and the command exits 1 saying so. The file is read one record at a time
(_exact_json.records), so memory stays flat however large the backup; what loaddata
does besides (constraints checked at the end, forward references, sequences reset) is
done here the same way. History recording is off while it loads: the backup already
holds every historical record, and django-simple-history would otherwise add a record
for each many-to-many set (it does not see those as raw saves).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from annotations.models import Annotation, CodingScheme
from tracker.models import Meeting

from ._exact_json import Deserializer


@contextmanager
def history_off():
    enabled = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = enabled


def load(path: Path) -> int:
    """Save every record of the backup (inside the caller's transaction); how many."""
    models, deferred, count = set(), [], 0
    with path.open(encoding="utf-8") as stream, connection.constraint_checks_disabled():
        for item in Deserializer(stream, handle_forward_references=True):
            models.add(type(item.object))
            item.save()
            count += 1
            if item.deferred_fields:
                deferred.append(item)
        for item in deferred:
            item.save_deferred_fields()
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    with connection.cursor() as cursor:
        for line in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(line)
    return count


class Command(BaseCommand):
    help = "Restore a backup_database file into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The JSON file backup_database wrote.")

    def handle(self, *args, backup, **options):
        in_use = [
            str(model._meta.verbose_name_plural)
            for model in (Meeting, CodingScheme, Annotation, get_user_model())
            if model.objects.exists()
        ]
        if in_use:
            raise CommandError(
                "The database is not empty (it has "
                + ", ".join(in_use)
                + "); restore into a freshly migrated database."
            )
        try:
            with history_off(), transaction.atomic():
                count = load(Path(backup))
                call_command("check_annotations", stdout=self.stdout)
        except CommandError as exc:
            raise CommandError(f"{exc} Nothing was restored.") from None
        except (DeserializationError, DatabaseError, IntegrityError) as exc:
            raise CommandError(
                f"The backup cannot be restored: {exc} Nothing was restored."
            ) from None
        if options["verbosity"] >= 1:
            self.stdout.write(f"Restored {count} record(s) from {backup}.")
