"""Write the whole database to a JSON backup that restore_database loads into a new one.

    python manage.py backup_database -o backup.json

Natural keys stand in for content types, permissions, users and groups, so the
backup loads into any freshly migrated database whatever ids those got there.
Timestamps keep their microseconds (the "exactjson" format, _exact_json.py); the file
is still plain Django JSON.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

DUMP_OPTIONS = {
    "natural_foreign": True,
    "natural_primary": True,
    "indent": 1,
    "format": "exactjson",
}


class Command(BaseCommand):
    help = "Back up the whole database as JSON (for restore_database)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, *args, output=None, **options):
        call_command("dumpdata", output=output, stdout=self.stdout, **DUMP_OPTIONS)
