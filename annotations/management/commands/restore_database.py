"""Load a backup_database file into a freshly migrated, empty database.

    python manage.py migrate && python manage.py restore_database backup.json

All or nothing (loaddata runs in one transaction). History recording is off
while it loads: the backup already holds every historical record, and
django-simple-history would otherwise add a record for each many-to-many set
that loaddata performs (it does not see those as raw saves).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from annotations.models import Annotation, CodingScheme
from tracker.models import Meeting


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
        enabled = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
        settings.SIMPLE_HISTORY_ENABLED = False
        try:
            call_command("loaddata", backup, verbosity=options["verbosity"])
        finally:
            settings.SIMPLE_HISTORY_ENABLED = enabled
        call_command("check_annotations", stdout=self.stdout)
