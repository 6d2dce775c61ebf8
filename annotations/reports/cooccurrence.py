"""Which codes the same statements carry together."""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet

from ..models import Annotation
from .data import CodeCoverage, CoOccurrence


def co_occurrence(
    *, codes: list[CodeCoverage], code_ids: dict[str, int], annotations: QuerySet[Annotation]
) -> CoOccurrence:
    """Statements coded with both codes of each pair (the diagonal: with the code).

    Only codes applied at least once take part: the others would add empty rows.
    """
    codes = [code for code in codes if code.statements]
    counts = {(first, second): statements for first, second, statements in _code_pairs(annotations)}
    ids = [code_ids[code.slug] for code in codes]
    matrix = [[counts.get((row, column), 0) for column in ids] for row in ids]
    off_diagonal = [
        value for i, line in enumerate(matrix) for j, value in enumerate(line) if i != j
    ]
    return CoOccurrence(
        codes=[code.slug for code in codes],
        names=[code.name for code in codes],
        matrix=matrix,
        maximum=max(off_diagonal, default=0),
    )


def _code_pairs(annotations: QuerySet[Annotation]) -> list[tuple[int, int, int]]:
    """(code, other code, statements coded with both), in one GROUP BY.

    The distinct (statement, code) pairs of the report's annotations, joined to
    themselves on the statement. The ORM cannot join a subquery to itself (its
    only route, annotation → statement → annotations, multiplies the rows by
    every annotation of the statement), so this one query is written out; the
    pairs' own SQL still comes from the ORM, with its parameters.
    """
    pairs = annotations.values("statement_id", "code_id").distinct().order_by()
    sql, params = pairs.query.sql_with_params()
    query = (
        f"SELECT a.code_id, b.code_id, COUNT(*) FROM ({sql}) a "  # noqa: S608 (ORM-built SQL)
        f"JOIN ({sql}) b ON a.statement_id = b.statement_id GROUP BY a.code_id, b.code_id"
    )
    with connections[pairs.db].cursor() as cursor:
        cursor.execute(query, [*params, *params])
        return cursor.fetchall()
