"""Reads: a statement's delegation and group membership as database expressions, so
monitoring figures group and filter by them inside one query.

A statement counts for its printed delegation only when its speaker speaks for it: the
presiding officer (the President of the General Assembly, of the Council) speaks for
the body, though the record prints the country they come from, so the chair's
statements count for no delegation and no group.

The printed name reaches its delegation once per query, never once per statement: as
a join (`Statement.printed_alias`, the alias whose name is the printed name, a relation
without a column) or as `delegation IN (the aliases' names)`, which the database hashes
once. A subquery looking the name up for each statement ran a million times at XL
(benchmarks/README.md: the matrix by delegation 9.4 s of SQL against 1.4 s joined, by
country group cancelled after minutes).
"""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import ExtractYear

from tracker.models import (
    CountryGroup,
    CountryGroupMembership,
    Delegation,
    DelegationAlias,
    SpeakerType,
)


def _prefix(name_ref: str) -> str:
    return name_ref.removesuffix("delegation")


def speaks_for_delegation(name_ref: str = "delegation") -> Q:
    """True where the statement whose printed name is at `name_ref` speaks for it."""
    return ~Q(**{f"{_prefix(name_ref)}speaker_type": SpeakerType.PRESIDING_OFFICER})


def delegation_id_of(name_ref: str = "delegation") -> F:
    """The Delegation id of the printed name at `name_ref` (None if not linked): a left
    join of the alias table, resolved once for the whole query."""
    return F(f"{_prefix(name_ref)}printed_alias__delegation_id")


def printed_as(delegation: Delegation, name_ref: str = "delegation") -> Q:
    """True where the statement speaks for the delegation (its printed name at `name_ref`
    is one of the delegation's aliases, and its speaker does not preside)."""
    names = DelegationAlias.objects.filter(delegation=delegation).values("name")
    return Q(**{f"{name_ref}__in": names}) & speaks_for_delegation(name_ref)


def in_group(
    group: CountryGroup, name_ref: str = "delegation", date_ref: str = "meeting__date"
) -> Q:
    """True where the delegation at `name_ref` was in `group` in the year at `date_ref`.

    A membership without years always counts; one with years counts only in those years
    (and not for a meeting without a date). A filter: PostgreSQL runs the EXISTS as one
    semi-join. To count by group, group by `group_path` under `group_term` instead.
    """
    year = ExtractYear(OuterRef(date_ref))
    member = Exists(
        CountryGroupMembership.objects.filter(
            group=group, delegation__aliases__name=OuterRef(name_ref)
        ).filter(
            (Q(first_year__isnull=True) | Q(first_year__lte=year))
            & (Q(last_year__isnull=True) | Q(last_year__gte=year))
        )
    )
    return member & speaks_for_delegation(name_ref)


def group_path(prefix: str = "") -> str:
    """The country group's id, reached from a statement (at `prefix`) by joins: printed
    name → alias → delegation → each of its memberships. A statement is one row per
    membership, so count it with distinct counts, and filter with `group_term`."""
    return f"{prefix}printed_alias__delegation__memberships__group_id"


def group_term(prefix: str = "") -> Q:
    """The condition on the joined membership of `group_path`: its years hold the year
    of the statement's meeting (a membership without years always does; one with years
    never for a meeting without a date), and the statement speaks for the delegation."""
    term = f"{prefix}printed_alias__delegation__memberships"
    year = ExtractYear(f"{prefix}meeting__date")
    joined = Q(**{f"{term}__group_id__isnull": False})
    starts = Q(**{f"{term}__first_year__isnull": True}) | Q(**{f"{term}__first_year__lte": year})
    ends = Q(**{f"{term}__last_year__isnull": True}) | Q(**{f"{term}__last_year__gte": year})
    return joined & starts & ends & speaks_for_delegation(f"{prefix}delegation")


def delegation_named(slug_or_name: str) -> Delegation | None:
    """The delegation with this slug, or printed under this name."""
    found = Delegation.objects.filter(slug=slug_or_name).first()
    if found is None:
        alias = DelegationAlias.objects.filter(name=slug_or_name).select_related("delegation")
        found = next((a.delegation for a in alias), None)
    return found


def groups_with_member_counts():
    return CountryGroup.objects.annotate(member_count=Count("memberships")).order_by("name")
