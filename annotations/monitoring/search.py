"""Corpus search: the statements a query and the filters select, with the database's
own full-text index (tracker/migrations/0003_search_index.py), and their concordance.

Per page: the filters' look-ups, one COUNT and one SELECT of the page, whatever the
size of the corpus. The database decides which statements match; Python only finds
where in each statement of the page the match is, to cut the concordance line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from tracker.models import Statement

from ..coding.meetings import workspace_url
from .concordance import Line, concordance_line
from .downloads import CHUNK, speaker_label, statement_link
from .parameters import StatementFilters, apply_filters
from .query import QueryError, match_finder, to_fts5, to_tsquery


@dataclass(frozen=True)
class Hit:
    statement: Statement
    line: Line

    @property
    def url(self) -> str:
        return workspace_url(self.statement.meeting_id, self.statement.pk)


def full_text(statements: QuerySet[Statement], tree) -> QuerySet[Statement]:
    """Statements whose text satisfies the parsed query, by the database's index."""
    if connection.vendor == "postgresql":
        condition = RawSQL(
            # The stored wb_search_document(text) (tracker migration 0008), GIN-indexed.
            '"tracker_statement"."search_document" @@ to_tsquery(\'simple\', %s)',
            [to_tsquery(tree)],
            output_field=BooleanField(),
        )
        return statements.filter(condition)
    if connection.vendor == "sqlite":
        matching = RawSQL(
            "SELECT rowid FROM statement_fts WHERE statement_fts MATCH %s", [to_fts5(tree)]
        )
        return statements.filter(pk__in=matching)
    raise QueryError(f"Full-text search needs PostgreSQL or SQLite, not {connection.vendor}.")


def search_statements(tree, filters: StatementFilters) -> QuerySet[Statement]:
    statements = apply_filters(Statement.objects.all(), filters)
    return (
        full_text(statements, tree)
        .select_related("meeting", "speaker")
        .order_by("meeting__date", "meeting_id", "order")
    )


def hits(statements, tree) -> Iterator[Hit]:
    find = match_finder(tree)
    for statement in statements:
        yield Hit(statement, concordance_line(statement.text, find(statement.text)))


def search_page(
    tree, filters: StatementFilters, *, page: int, size: int, count_up_to: int | None = None
) -> tuple[int, list[Hit]]:
    """(number of matching statements, the hits of page `page` counting from 1).

    The count is exact, unless `count_up_to` is given: then counting stops past it, and
    a count of `count_up_to + 1` means "more than `count_up_to`" (the page's choice; an
    exact count of half a million hits visits half the statements, 5 s at XL)."""
    statements = search_statements(tree, filters)
    counted = statements if count_up_to is None else statements[: count_up_to + 1]
    count = counted.count()
    offset = (page - 1) * size
    return count, list(hits(statements[offset : offset + size], tree))


def hit_row(hit: Hit) -> dict:
    """One result as the API and the CSV give it."""
    s = hit.statement
    return {
        "statement": s.pk,
        "meeting": s.meeting_id,
        "symbol": s.meeting.symbol,
        "date": s.meeting.date.isoformat() if s.meeting.date else None,
        "speaker": s.speaker_label,
        "delegation": s.delegation,
        "before": hit.line.before,
        "match": hit.line.match,
        "after": hit.line.after,
        "start": hit.line.start,
        "end": hit.line.end,
    }


HIT_VALUES = ("pk", "meeting_id", "meeting__symbol", "meeting__date", "speaker_id",
              "speaker__name", "delegation", "text")  # fmt: skip


def hit_csv_rows(tree, filters: StatementFilters, *, base: str) -> Iterator[list]:
    """Every hit as the CSV gives it: `hit_row`'s values and the passage's link (`base`,
    the site's root), from plain values streamed by a server-side cursor."""
    find = match_finder(tree)
    found = search_statements(tree, filters).values_list(*HIT_VALUES)
    for pk, meeting, symbol, date, speaker, name, delegation, text in found.iterator(CHUNK):
        line = concordance_line(text, find(text))
        yield [
            pk, meeting, symbol, date.isoformat() if date else None,
            speaker_label(speaker, name, delegation), delegation,
            line.before, line.match, line.after, line.start, line.end,
            statement_link(base, meeting, pk),
        ]  # fmt: skip
