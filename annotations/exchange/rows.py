"""The rows of an export: one per live annotation, joined to its meeting,
statement, speaker, code and analyst in one query (no query per row)."""

from collections.abc import Iterator

from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce

from tracker.models import Gender

from ..models import Annotation

# Rows are fetched from the server-side cursor this many at a time.
CHUNK_SIZE = 5000

# (column heading, lookup or expression) in export order.
EXPORT_COLUMNS: tuple[tuple[str, object], ...] = (
    ("annotation_id", "id"),
    ("meeting_symbol", "statement__meeting__symbol"),
    ("meeting_date", "statement__meeting__date"),
    ("statement_id", "statement_id"),
    ("statement_order", "statement__order"),
    ("segment", "statement__segment"),
    ("speaker", "statement__speaker__name"),
    # "The representative of X" has no named speaker: gender unknown.
    ("gender", Coalesce("statement__speaker__gender", Value(Gender.UNKNOWN))),
    ("speaker_type", "statement__speaker_type"),
    ("delegation", "statement__delegation"),
    ("on_behalf_of", "statement__on_behalf_of"),
    ("code_slug", "code__slug"),
    ("code_name", "code__name"),
    ("code_group", "code__group"),
    ("analyst", "analyst__username"),
    ("start", "start"),
    ("end", "end"),
    ("quote", "quote"),
    ("memo", "memo"),
    ("created", "created"),
)
HEADINGS = tuple(heading for heading, _ in EXPORT_COLUMNS)


def export_queryset(annotations: QuerySet, extra: tuple[tuple[str, object], ...] = ()) -> QuerySet:
    """values_list() of the export columns (plus `extra`) over live annotations, by id."""
    columns = EXPORT_COLUMNS + extra
    expressions = {
        f"export_{heading}": lookup for heading, lookup in columns if not isinstance(lookup, str)
    }
    fields = [
        lookup if isinstance(lookup, str) else f"export_{heading}" for heading, lookup in columns
    ]
    return (
        annotations.filter(deleted_at__isnull=True)
        .annotate(**expressions)
        .order_by("id")
        .values_list(*fields)
    )


def export_rows(
    annotations: QuerySet[Annotation], extra: tuple[tuple[str, object], ...] = ()
) -> Iterator[tuple]:
    """Stream the export rows; `extra` columns come after the standard ones."""
    return export_queryset(annotations, extra).iterator(chunk_size=CHUNK_SIZE)
