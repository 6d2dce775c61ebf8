"""The Gender Index table: for the meetings the filters select, every delegation's
reference level, the number of delegations at each level, and the number and share
of women speakers. Three aggregate queries and one look-up of printed names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q

from tracker.delegations.selectors import speaks_for_delegation
from tracker.models import DelegationAlias, Gender, Statement

from ..reports.data import share
from .links import passages_url
from .parameters import StatementFilters, apply_filters
from .reference_levels import LEVELS, level_names, level_rows, ordinal_agreement

LEVEL_SLUGS = [slug for slug, _, _ in LEVELS]


@dataclass(frozen=True)
class DelegationLevel:
    name: str  # the delegation's name, or the printed name when it is not linked
    slug: str  # "" when not linked
    statements: int
    rank: int | None

    @property
    def label(self) -> str:
        return "Not rated" if self.rank is None else level_names()[self.rank]

    def passages_url(self, query: dict[str, str]) -> str:
        """Its statements here, with the levels analysts gave them ("" when not linked)."""
        if not self.slug:
            return ""
        return passages_url(query, delegation=self.slug, coded=",".join(LEVEL_SLUGS))


@dataclass(frozen=True)
class GenderIndex:
    rows: list[DelegationLevel]
    per_level: list[tuple[str, int]]  # level → delegations, "Not rated" last
    speakers: int
    women: int
    alpha: float | None
    rated_statements: int
    query: dict[str, str]

    @property
    def women_share(self) -> float | None:
        return share(self.women, self.speakers)

    @property
    def linked_rows(self) -> list[tuple[DelegationLevel, str]]:
        return [(row, row.passages_url(self.query)) for row in self.rows]


def linked_delegations(names: set[str]) -> dict[str, tuple[str, str]]:
    """printed name → (delegation name, slug) for the printed names linked to one."""
    aliases = DelegationAlias.objects.filter(name__in=names).select_related("delegation")
    return {a.name: (a.delegation.name, a.delegation.slug) for a in aliases}


def gender_index(filters: StatementFilters) -> GenderIndex:
    # Each delegation's own statements: not the chair's, whose country the record prints.
    spoken_for = Statement.objects.exclude(delegation="").filter(speaks_for_delegation())
    statements = apply_filters(spoken_for, filters)
    spoken = dict(
        statements.values("delegation")
        .annotate(n=Count("*"))
        .values_list("delegation", "n")
        .order_by()
    )
    ranks = {
        r["statement__delegation"]: r["rank"]
        for r in level_rows(statements, ("statement__delegation",), viewer=filters.viewer)
    }
    known = linked_delegations(set(spoken))
    merged: dict[tuple[str, str], list] = {}
    for printed, n in spoken.items():
        key = known.get(printed, (printed, ""))
        entry = merged.setdefault(key, [0, None])
        entry[0] += n
        rank = ranks.get(printed)
        if rank is not None and (entry[1] is None or rank > entry[1]):
            entry[1] = rank
    rows = sorted(
        (DelegationLevel(name, slug, n, rank) for (name, slug), (n, rank) in merged.items()),
        key=lambda row: row.name,
    )
    counts = Counter(row.rank for row in rows)
    per_level = [(name, counts[rank]) for rank, name in enumerate(level_names())]
    per_level.append(("Not rated", counts[None]))
    people = apply_filters(Statement.objects.all(), filters).aggregate(
        speakers=Count("speaker", distinct=True),
        women=Count("speaker", distinct=True, filter=Q(speaker__gender=Gender.FEMALE)),
    )
    alpha, rated = ordinal_agreement(statements, viewer=filters.viewer)
    return GenderIndex(
        rows, per_level, people["speakers"], people["women"], alpha, rated, filters.query
    )
