"""Code from search: the hits of a corpus search coded with one code, one hit or all of
them, as ONE batch of annotations (coding.batches), so that the batch's withdraw undoes
the whole step and its restore does it again.

A hit is the passage the concordance shows: the first place in the statement where the
query matched (text[start:end] == match). A hit whose passage overlaps one the analyst
already coded with the code is left as it is, not coded twice; a statement where no
passage can be pointed at (the concordance has nothing to highlight) is left out too.
At most MAX_HITS hits at once: a bigger search is refused, asking for a narrower one.
Queries are fixed, whatever the number of hits and meetings.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import Statement

from ..coding.batches import annotations_create_batch
from ..coding.spans import overlaps
from ..models import Annotation, Code
from .parameters import StatementFilters
from .query import first_match
from .search import search_statements

MAX_HITS = 500

Span = tuple[Statement, int, int]


@dataclass(frozen=True)
class SearchCoding:
    annotations: list[Annotation]  # the batch: withdraw these ids to undo the step
    already_coded: int  # hits left as they were: the analyst had coded them with the code
    without_passage: int  # statements the search found but the concordance cannot point into


def _hits(tree, filters: StatementFilters, statement: int | None) -> list[Statement]:
    statements = search_statements(tree, filters)
    if statement is not None:
        statements = statements.filter(pk=statement)
    found = list(statements[: MAX_HITS + 1])
    if not found:
        raise ValidationError(
            {"statement": f"Statement {statement} is not a hit of this search."}
            if statement is not None
            else {"q": "No statement matches this search: there is nothing to code."}
        )
    if len(found) > MAX_HITS:
        raise ValidationError(
            {
                "q": f"This search has more than {MAX_HITS} hits; code at most {MAX_HITS} "
                "at once: narrow it with the filters (a body, a meeting, dates)."
            }
        )
    return found


def _not_yet_coded(*, analyst, code: Code, spans: list[Span]) -> list[Span]:
    coded: dict[int, list[tuple[int, int]]] = {}
    rows = (
        Annotation.objects.live()
        .filter(analyst=analyst, code=code, statement__in=[s.pk for s, _, _ in spans])
        .values_list("statement_id", "start", "end")
    )
    for statement_id, start, end in rows:
        coded.setdefault(statement_id, []).append((start, end))
    return [
        (s, start, end) for s, start, end in spans if not overlaps(coded.get(s.pk, ()), start, end)
    ]


@transaction.atomic
def search_hits_code(
    *,
    analyst: AbstractBaseUser,
    code: Code,
    tree,
    filters: StatementFilters,
    statement: int | None = None,
) -> SearchCoding:
    """Code every hit of the search (or only the hit in `statement`) with `code`."""
    found = _hits(tree, filters, statement)
    spans = []
    for hit in found:
        span = first_match(tree, hit.text)
        if span is not None:
            spans.append((hit, *span))
    if not spans:
        raise ValidationError({"q": "No hit of this search has a passage to point at."})
    new = _not_yet_coded(analyst=analyst, code=code, spans=spans)
    if not new:
        what = "This hit is" if statement is not None else "Every hit is"
        raise ValidationError({"code": f"{what} already coded with “{code.name}”."})
    created = annotations_create_batch(analyst=analyst, code=code, spans=new)
    return SearchCoding(created, len(spans) - len(new), len(found) - len(spans))
