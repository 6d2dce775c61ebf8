"""The one definition of a dispute between analysts. Pure: no ORM.

The unit is the one the report's agreement uses: whether an analyst applied a
code anywhere in a statement. A code on a statement is *disputed* when some of
the meeting's analysts applied it there and others did not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable


def is_disputed(*, applied_by: int, analysts: int) -> bool:
    """Whether a code on a statement, applied by `applied_by` of `analysts`, is disputed."""
    return 0 < applied_by < analysts


def disputed_pairs(
    triples: Iterable[tuple[Hashable, Hashable, Hashable]], *, analysts: int
) -> set[tuple[Hashable, Hashable]]:
    """The (statement, code) pairs in dispute, from (statement, code, analyst) triples."""
    applied: dict[tuple[Hashable, Hashable], set[Hashable]] = defaultdict(set)
    for statement, code, analyst in triples:
        applied[(statement, code)].add(analyst)
    return {
        pair
        for pair, appliers in applied.items()
        if is_disputed(applied_by=len(appliers), analysts=analysts)
    }
