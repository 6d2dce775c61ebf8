"""Statements stored with Windows line breaks (CR LF, from a browser's textarea before the
importer normalised every path) get LF, and every passage coded on them keeps its words.

Removing a CR before an LF is an exact change, so nothing is guessed: each offset moves
back by the CRs removed before it, and the quote becomes the new text at the new
offsets (a quote holding CR LF holds LF). A lone CR becomes LF, which moves nothing. The
context (prefix, suffix: 32 characters, annotations/coding/anchoring.py as of this
migration) is taken again from the new text. Soft-deleted annotations move too, so a
restore still points at the right words; suggestion decisions' offsets move alike.
History rows are not written (a migration runs without the history middleware).
"""

from bisect import bisect_left

from django.db import migrations

CONTEXT_CHARS = 32


def _mover(text):
    """The LF text and a function from old offsets to new ones."""
    removed = [i for i, char in enumerate(text) if char == "\r" and text[i + 1 : i + 2] == "\n"]
    new = text.replace("\r\n", "\n").replace("\r", "\n")

    def move(offset):
        return offset - bisect_left(removed, offset)  # CRs at positions before `offset`

    return new, move


def repair(apps, schema_editor):
    Statement = apps.get_model("tracker", "Statement")
    Annotation = apps.get_model("annotations", "Annotation")
    SuggestionDecision = apps.get_model("annotations", "SuggestionDecision")
    for statement in Statement.objects.filter(text__contains="\r").iterator():
        text, move = _mover(statement.text)
        moved = []
        for annotation in Annotation.objects.filter(statement=statement, start__isnull=False):
            annotation.start, annotation.end = move(annotation.start), move(annotation.end)
            annotation.quote = text[annotation.start : annotation.end]
            annotation.prefix = text[max(0, annotation.start - CONTEXT_CHARS) : annotation.start]
            annotation.suffix = text[annotation.end : annotation.end + CONTEXT_CHARS]
            moved.append(annotation)
        Annotation.objects.bulk_update(moved, ["start", "end", "quote", "prefix", "suffix"])
        decisions = list(SuggestionDecision.objects.filter(statement=statement))
        for decision in decisions:
            decision.start, decision.end = move(decision.start), move(decision.end)
        SuggestionDecision.objects.bulk_update(decisions, ["start", "end"])
        Statement.objects.filter(pk=statement.pk).update(text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0005_workspace_palette"),
        ("tracker", "0004_record_kinds"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
