"""Reads: a statement's delegation and group membership as database expressions, so
monitoring figures group and filter by them inside one query.

A statement counts for its printed delegation only when its speaker speaks for it: the
presiding officer (the President of the General Assembly, of the Council) speaks for
the body, though the record prints the country they come from, so the chair's
statements count for no delegation and no group."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear

from tracker.models import (
    CountryGroup,
    CountryGroupMembership,
    Delegation,
    DelegationAlias,
    SpeakerType,
)


def speaks_for_delegation(name_ref: str = "delegation") -> Q:
    """True where the statement whose printed name is at `name_ref` speaks for it."""
    prefix = name_ref.removesuffix("delegation")
    return ~Q(**{f"{prefix}speaker_type": SpeakerType.PRESIDING_OFFICER})


def delegation_id_of(name_ref: str = "delegation") -> Subquery:
    """The Delegation id of the printed name at `name_ref` (None if not linked)."""
    return Subquery(
        DelegationAlias.objects.filter(name=OuterRef(name_ref)).values("delegation_id")[:1]
    )


def printed_as(delegation: Delegation, name_ref: str = "delegation") -> Q:
    """True where the statement speaks for the delegation (its printed name at `name_ref`
    is one of the delegation's aliases, and its speaker does not preside)."""
    alias = DelegationAlias.objects.filter(delegation=delegation, name=OuterRef(name_ref))
    return Exists(alias) & speaks_for_delegation(name_ref)


def in_group(
    group: CountryGroup, name_ref: str = "delegation", date_ref: str = "meeting__date"
) -> Q:
    """True where the delegation at `name_ref` was in `group` in the year at `date_ref`.

    A membership without years always counts; one with years counts only in those years
    (and not for a meeting without a date).
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


def delegation_named(slug_or_name: str) -> Delegation | None:
    """The delegation with this slug, or printed under this name."""
    found = Delegation.objects.filter(slug=slug_or_name).first()
    if found is None:
        alias = DelegationAlias.objects.filter(name=slug_or_name).select_related("delegation")
        found = next((a.delegation for a in alias), None)
    return found


def groups_with_member_counts():
    return CountryGroup.objects.annotate(member_count=Count("memberships")).order_by("name")
