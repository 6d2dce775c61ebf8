"""Reads: a statement's delegation and group membership as database expressions, so
monitoring figures group and filter by them inside one query."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear

from tracker.models import CountryGroup, CountryGroupMembership, Delegation, DelegationAlias


def delegation_id_of(name_ref: str = "delegation") -> Subquery:
    """The Delegation id of the printed name at `name_ref` (None if not linked)."""
    return Subquery(
        DelegationAlias.objects.filter(name=OuterRef(name_ref)).values("delegation_id")[:1]
    )


def printed_as(delegation: Delegation, name_ref: str = "delegation") -> Exists:
    """True where the printed name at `name_ref` is one of the delegation's aliases."""
    return Exists(DelegationAlias.objects.filter(delegation=delegation, name=OuterRef(name_ref)))


def in_group(
    group: CountryGroup, name_ref: str = "delegation", date_ref: str = "meeting__date"
) -> Exists:
    """True where the delegation at `name_ref` was in `group` in the year at `date_ref`.

    A membership without years always counts; one with years counts only in those years
    (and not for a meeting without a date).
    """
    year = ExtractYear(OuterRef(date_ref))
    return Exists(
        CountryGroupMembership.objects.filter(
            group=group, delegation__aliases__name=OuterRef(name_ref)
        ).filter(
            (Q(first_year__isnull=True) | Q(first_year__lte=year))
            & (Q(last_year__isnull=True) | Q(last_year__gte=year))
        )
    )


def delegation_named(slug_or_name: str) -> Delegation | None:
    """The delegation with this slug, or printed under this name."""
    found = Delegation.objects.filter(slug=slug_or_name).first()
    if found is None:
        alias = DelegationAlias.objects.filter(name=slug_or_name).select_related("delegation")
        found = next((a.delegation for a in alias), None)
    return found


def groups_with_member_counts():
    return CountryGroup.objects.annotate(member_count=Count("memberships")).order_by("name")
