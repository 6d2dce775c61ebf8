"""Writes: load the shipped delegations and groups, link printed names to
delegations, and the analyst's own country groups."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from tracker.models import (
    CountryGroup,
    CountryGroupMembership,
    Delegation,
    DelegationAlias,
    Statement,
)

from .names import delegation_key
from .shipped import shipped_delegations, shipped_groups


@dataclass(frozen=True)
class Models:
    """The model classes to write with: the real ones, or a migration's historical ones."""

    delegation: type = Delegation
    alias: type = DelegationAlias
    group: type = CountryGroup
    membership: type = CountryGroupMembership
    statement: type = Statement


def delegations_load_shipped(*, models: Models = Models()) -> None:
    """Create or refresh the shipped delegations, aliases and groups (idempotent)."""
    by_name = {}
    for row in shipped_delegations():
        delegation, _ = models.delegation.objects.update_or_create(
            slug=row["slug"], defaults={"name": row["name"], "kind": row["kind"]}
        )
        by_name[row["name"]] = delegation
        for alias in [row["name"], *row["aliases"]]:
            models.alias.objects.get_or_create(name=alias, defaults={"delegation": delegation})
    for row in shipped_groups():
        group, _ = models.group.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "description": row["description"], "shipped": True},
        )
        models.membership.objects.filter(group=group).delete()
        models.membership.objects.bulk_create(
            models.membership(
                group=group,
                delegation=by_name[member["delegation"]],
                first_year=member.get("first_year"),
                last_year=member.get("last_year"),
            )
            for member in row["members"]
        )


def delegations_link_printed_names(*, models: Models = Models()) -> list[str]:
    """Link every printed delegation name that has no alias yet to the delegation whose
    name or alias has the same key ("the United Kingdom" → United Kingdom).

    Returns the printed names that matched nothing, for an administrator to link by hand.
    """
    printed = (
        models.statement.objects.exclude(delegation="")
        .values_list("delegation", flat=True)
        .distinct()
        .order_by("delegation")
    )
    return delegations_link_names(printed, models=models)


def delegations_link_names(
    names: Iterable[str],
    *,
    normalise: Callable[[str], str] | None = None,
    models: Models = Models(),
) -> list[str]:
    """Link each of `names` that has no alias yet to the delegation whose name or alias
    has its key, or else the key of `normalise(name)` (the importer's normalisation:
    "the United Kingdom of Great Britain and Northern Ireland" → United Kingdom).

    One query and one insert, however many names. Returns the names that matched
    nothing, in order, for an administrator to link by hand (the delegations page).
    """
    aliases = list(models.alias.objects.values_list("name", "delegation_id"))
    keys = {delegation_key(name): delegation_id for name, delegation_id in aliases}
    known = {name for name, _ in aliases}
    new, unmatched = [], []
    for name in sorted(set(names) - known - {""}):
        delegation_id = keys.get(delegation_key(name))
        if delegation_id is None and normalise is not None:
            delegation_id = keys.get(delegation_key(normalise(name)))
        if delegation_id is None:
            unmatched.append(name)
        else:
            new.append(models.alias(name=name, delegation_id=delegation_id))
    models.alias.objects.bulk_create(new, ignore_conflicts=True)
    return unmatched


def _members(names: list[str]) -> list[Delegation]:
    found = {d.name: d for d in Delegation.objects.filter(name__in=names)}
    missing = [name for name in names if name not in found]
    if missing:
        raise ValidationError({"members": f"No delegation called {', '.join(missing)}."})
    return [found[name] for name in names]


@transaction.atomic
def country_group_save(
    *,
    name: str,
    members: list[str],
    description: str = "",
    actor,
    group: CountryGroup | None = None,
) -> CountryGroup:
    """Create (or replace the members of) an analyst's group; shipped groups stay as shipped."""
    if group is not None and group.shipped:
        raise ValidationError({"group": f"“{group.name}” is shipped with the workbench."})
    slug = slugify(name)
    if not slug:
        raise ValidationError({"name": "Give the group a name."})
    delegations = _members(members)
    if group is None:
        if CountryGroup.objects.filter(slug=slug).exists():
            raise ValidationError({"name": f"There is already a group “{name}”."})
        group = CountryGroup(slug=slug, created_by=actor)
    group.name, group.description = name, description
    group.full_clean()
    group.save()
    group.memberships.all().delete()
    CountryGroupMembership.objects.bulk_create(
        CountryGroupMembership(group=group, delegation=d) for d in delegations
    )
    return group


def country_group_delete(*, group: CountryGroup) -> None:
    if group.shipped:
        raise ValidationError({"group": f"“{group.name}” is shipped with the workbench."})
    group.delete()
