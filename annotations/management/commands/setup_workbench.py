"""Prepare a workbench for use: roles, the default fixtures (once), demo logins.

Called by `make run` after `migrate`; safe to run again.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from annotations.analysis.demo import load_demo_coding
from annotations.models import CodingScheme
from annotations.roles import ADMINISTRATOR, ANALYST, ensure_roles
from tracker.models import Meeting

DEMO_MEETING = "GA/11955"


class Command(BaseCommand):
    help = "Create roles, load the codebook, GA/11955 and GA/12387 once, and create demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--no-demo-users", action="store_true")
        parser.add_argument(
            "--demo-coding",
            action="store_true",
            help="Also load the demo coding of GA/11955 by two demo analysts (once).",
        )

    def handle(self, *args, **options):
        groups = ensure_roles()
        fixtures = sorted(str(p) for p in (Path(settings.BASE_DIR) / "fixtures").glob("*.json"))
        if not CodingScheme.objects.exists() and not Meeting.objects.exists():
            call_command("loaddata", *fixtures, verbosity=0)
            self.stdout.write(
                f"Loaded {len(fixtures)} fixture files: the codebook, {DEMO_MEETING} (2017) and "
                "GA/12387 (2021)."
            )
        else:
            self.stdout.write("Fixtures already loaded; left as they are.")
        if options["demo_coding"]:
            try:
                self.stdout.write(load_demo_coding().message)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        if options["no_demo_users"]:
            return
        password = os.environ.get("WB_DEMO_PASSWORD") or secrets.token_urlsafe(12)
        User = get_user_model()
        with transaction.atomic():
            created = []
            for username, role, staff in (
                ("analyst", ANALYST, False),
                ("admin", ADMINISTRATOR, True),
            ):
                user, is_new = User.objects.get_or_create(username=username)
                if is_new or os.environ.get("WB_DEMO_PASSWORD"):
                    user.set_password(password)
                    user.is_staff = staff
                    user.is_superuser = staff
                    user.save()
                    created.append(username)
                user.groups.add(groups[role])
        if created:
            port = os.environ.get("PORT", "8000")
            lines = [f"\nDemo logins (http://127.0.0.1:{port}/accounts/login/):"]
            lines += [f"  {name:<8} / {password}" for name in created]
            self.stdout.write(self.style.SUCCESS("\n".join(lines) + "\n"))
        else:
            self.stdout.write(
                "Demo logins 'analyst' and 'admin' exist already; set WB_DEMO_PASSWORD to reset."
            )
