"""Delegation pages: the list, a country profile (and its CSV and API twin), the
country groups an analyst defines. Writes ask annotations.roles, never a group name."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tracker.delegations.selectors import (
    delegation_id_of,
    delegation_named,
    speaks_for_delegation,
)
from tracker.delegations.services import (
    country_group_delete,
    country_group_save,
)
from tracker.imports.saving.delegations import printed_names_link
from tracker.models import CountryGroup, Delegation, DelegationAlias, Statement

from ...roles import can_administer, can_code
from ..profiles import delegation_profile
from .search import csv_response


def delegation_list(request: HttpRequest) -> HttpResponse:
    # One join of the alias table (not a look-up per statement: 17 s at XL before).
    counts = dict(
        Statement.objects.filter(speaks_for_delegation(), printed_alias__delegation__isnull=False)
        .values_list(delegation_id_of())
        .annotate(n=Count("*"))
        .order_by()
    )
    delegations = [(d, counts[d.pk]) for d in Delegation.objects.filter(pk__in=counts)]
    unlinked = (
        Statement.objects.exclude(delegation="")
        .exclude(delegation__in=DelegationAlias.objects.values("name"))
        .values("delegation")
        .annotate(n=Count("*"))
        .order_by("delegation")
    )
    return render(
        request,
        "annotations/monitoring/delegations.html",
        {"section": "delegations", "delegations": delegations, "unlinked": unlinked},
    )


@require_POST
def delegation_link(request: HttpRequest) -> HttpResponse:
    if not can_administer(request.user):
        raise PermissionDenied("Only administrators link printed names to delegations.")
    unmatched = printed_names_link()
    messages.info(request, f"Linked what could be linked; {len(unmatched)} printed names remain.")
    return redirect("monitoring-delegations")


def _delegation(slug: str) -> Delegation:
    delegation = delegation_named(slug)
    if delegation is None:
        raise Http404(f"There is no delegation {slug!r}.")
    return delegation


def delegation_profile_page(request: HttpRequest, slug: str) -> HttpResponse:
    profile = delegation_profile(_delegation(slug), viewer=request.user)
    return render(
        request,
        "annotations/monitoring/profile.html",
        {"section": "delegations", "profile": profile},
    )


def delegation_profile_csv(request: HttpRequest, slug: str) -> HttpResponse:
    profile = delegation_profile(_delegation(slug), viewer=request.user)
    rows = (
        [row.code.scheme.slug, row.code.slug, row.code.name, row.statements, profile.statements,
         "" if row.share is None else f"{row.share:.1f}"]
        for row in profile.codes
    )  # fmt: skip
    header = ["scheme", "code", "name", "statements_coded", "statements", "share_percent"]
    return csv_response(f"{profile.delegation.slug}-codes.csv", header, rows)


def group_list(request: HttpRequest) -> HttpResponse:
    groups = CountryGroup.objects.annotate(n=Count("memberships")).order_by("-shipped", "name")
    context = {"section": "groups", "groups": groups, "can_define": can_code(request.user)}
    if request.method == "POST":
        if not can_code(request.user):
            raise PermissionDenied("Your role may read groups but not define them.")
        members = [m.strip() for m in request.POST.get("members", "").splitlines() if m.strip()]
        try:
            group = country_group_save(
                name=request.POST.get("name", "").strip(),
                description=request.POST.get("description", ""),
                members=members,
                actor=request.user,
            )
        except ValidationError as error:
            context.update(errors=error.messages, posted=request.POST)
            return render(request, "annotations/monitoring/groups.html", context, status=400)
        messages.success(request, f"Group “{group.name}” saved with {len(members)} members.")
        return redirect("monitoring-groups")
    return render(request, "annotations/monitoring/groups.html", context)


@require_POST
def group_delete(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(CountryGroup, slug=slug)
    if not (
        can_administer(request.user)
        or (can_code(request.user) and group.created_by_id == request.user.pk)
    ):
        raise PermissionDenied(
            "Only the analyst who defined a group, or an administrator, deletes it."
        )
    try:
        country_group_delete(group=group)
    except ValidationError as error:
        return HttpResponse("\n".join(error.messages), status=400, content_type="text/plain")
    messages.success(request, f"Group “{group.name}” deleted.")
    return redirect("monitoring-groups")
