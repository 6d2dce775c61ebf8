"""Verify that every annotation still quotes its statement: text[start:end] == quote.

    python manage.py check_annotations [--meeting GA/11955]

Exits with status 1 and lists every annotation that fails; 0 when all hold.
The comparison runs in the database (SUBSTR counts code points on SQLite and
PostgreSQL alike), so only the failures travel to Python.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F, Q, Value
from django.db.models.functions import Length, Substr

from annotations.models import Annotation


def broken_annotations(meeting_symbol: str | None = None):
    """Annotations whose offsets or quote disagree with their statement's text."""
    annotations = Annotation.objects.all()
    if meeting_symbol:
        annotations = annotations.filter(statement__meeting__symbol=meeting_symbol)
    annotations = annotations.annotate(
        text_length=Length("statement__text"),
        actual=Substr("statement__text", F("start") + Value(1), F("end") - F("start")),
    )
    span_broken = Q(start__isnull=False) & (
        Q(end__gt=F("text_length")) | ~Q(quote=F("actual")) | Q(end__lte=F("start"))
    )
    statement_level_broken = Q(start__isnull=True) & (~Q(quote="") | Q(end__isnull=False))
    return (
        annotations.filter(span_broken | statement_level_broken)
        .select_related("statement__meeting", "code", "analyst")
        .order_by("statement__meeting__symbol", "statement__order", "id")
    )


class Command(BaseCommand):
    help = "Check that every annotation's quote equals its statement's text at its offsets."

    def add_arguments(self, parser):
        parser.add_argument("--meeting", help="Check only this meeting (its symbol).")

    def handle(self, *args, meeting=None, **options):
        checked = Annotation.objects.all()
        if meeting:
            checked = checked.filter(statement__meeting__symbol=meeting)
        total = checked.count()
        failures = list(broken_annotations(meeting))
        for annotation in failures:
            self.stdout.write(self._describe(annotation))
        waiting = checked.filter(needs_review=True).count()
        if waiting:
            self.stdout.write(
                f"{waiting} annotation(s) were re-anchored after a text edit and await review."
            )
        if failures:
            raise CommandError(
                f"{len(failures)} of {total} annotation(s) do not match their statement's text."
            )
        self.stdout.write(self.style.SUCCESS(f"All {total} annotation(s) match their text."))

    @staticmethod
    def _describe(annotation: Annotation) -> str:
        statement = annotation.statement
        where = f"{statement.meeting.symbol} statement #{statement.order}"
        who = f"{annotation.code.slug} by {annotation.analyst.get_username()}"
        state = " (deleted)" if annotation.deleted_at else ""
        if annotation.start is None:
            problem = f"statement-level but stores quote {annotation.quote!r}"
        else:
            problem = (
                f"[{annotation.start}:{annotation.end}] stores {annotation.quote!r} "
                f"but the text there reads {annotation.actual!r}"
            )
        return f"annotation {annotation.pk}{state}, {where}, {who}: {problem}"
