"""Fill the configured database with a synthetic corpus for benchmarks and load tests.

    python manage.py generate_corpus --meetings 100 --statements-per-meeting 100 \
        --annotations-per-statement 100 --analysts 5 --seed 1      # 1,000,000 annotations
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from annotations.exchange.synthetic_corpus import CorpusSize, generate_corpus
from annotations.models import CodingScheme
from tracker.models import Meeting


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def zero_or_more(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Generate synthetic meetings, statements and annotations (deterministic per seed)."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=positive, required=True)
        parser.add_argument("--statements-per-meeting", type=positive, required=True)
        parser.add_argument("--annotations-per-statement", type=zero_or_more, required=True)
        parser.add_argument("--analysts", type=positive, default=3)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--batch-size", type=positive, default=5000, help="Rows per INSERT (default 5000)."
        )

    def handle(self, *args, **options):
        seed = options["seed"]
        if Meeting.objects.filter(symbol__startswith=f"SYN/{seed}/").exists():
            raise CommandError(
                f"A corpus with seed {seed} exists already (meetings SYN/{seed}/…); "
                "use another --seed."
            )
        scheme = CodingScheme.objects.filter(is_default=True).first()
        if scheme is None:
            call_command(
                "loaddata", str(Path(settings.BASE_DIR) / "fixtures" / "codebook.json"), verbosity=0
            )
            scheme = CodingScheme.objects.get(is_default=True)
            self.stdout.write(f"Loaded the default codebook: {scheme}.")
        size = CorpusSize(
            meetings=options["meetings"],
            statements_per_meeting=options["statements_per_meeting"],
            annotations_per_statement=options["annotations_per_statement"],
            analysts=options["analysts"],
        )
        self.stdout.write(
            f"Generating {size.meetings} meetings × {size.statements_per_meeting} statements × "
            f"{size.annotations_per_statement} annotations = {size.annotations:,} annotations "
            f"by {size.analysts} analysts (seed {seed})."
        )
        began = time.perf_counter()
        try:
            counts = generate_corpus(
                size=size,
                seed=seed,
                scheme=scheme,
                batch_size=options["batch_size"],
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        elapsed = time.perf_counter() - began
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {counts['meetings']:,} meetings, {counts['statements']:,} statements "
                f"and {counts['annotations']:,} annotations in {elapsed:.1f} s "
                f"({counts['annotations'] / max(elapsed, 1e-9):,.0f} annotations/s)."
            )
        )
