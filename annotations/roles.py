"""The three roles, as Django groups with permissions.

analyst        codes meetings; owns their annotations and missed opportunities
reviewer       sees every analyst's work; adjudicates disagreements
administrator  codebooks, imports, fixtures, users (staff; the admin site);
               restores deleted annotations; unlocks locked-out logins

The groups are created after every `migrate` (annotations.apps) and refreshed
by `setup_workbench`. What each role may do, page by page and endpoint by
endpoint, is pinned down by tests/test_permission_matrix.py.
"""

from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import DEFAULT_DB_ALIAS

ANALYST = "analyst"
REVIEWER = "reviewer"
ADMINISTRATOR = "administrator"

# app_label.codename for each role; administrators also get is_staff.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    ANALYST: [
        "annotations.add_annotation",
        "annotations.change_annotation",
        "annotations.delete_annotation",
        "annotations.view_annotation",
        "annotations.add_missedopportunity",
        "annotations.change_missedopportunity",
        "annotations.delete_missedopportunity",
        "annotations.view_missedopportunity",
        "annotations.view_code",
        "annotations.view_codingscheme",
        "tracker.view_meeting",
        "tracker.view_statement",
        "tracker.view_speaker",
    ],
    REVIEWER: [
        "annotations.view_annotation",
        "annotations.view_missedopportunity",
        "annotations.view_code",
        "annotations.view_codingscheme",
        "annotations.add_adjudicationdecision",
        "annotations.view_adjudicationdecision",
        "tracker.view_meeting",
        "tracker.view_statement",
        "tracker.view_speaker",
    ],
    ADMINISTRATOR: [
        "annotations.*",
        "tracker.*",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
        "authtoken.add_token",
        "authtoken.view_token",
        "authtoken.delete_token",
        # Login lock-outs (django-axes): see who was locked out, and unlock them.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ],
}


def _permissions(spec: str, using: str):
    app_label, codename = spec.split(".")
    qs = Permission.objects.using(using).filter(content_type__app_label=app_label)
    return qs if codename == "*" else qs.filter(codename=codename)


def ensure_roles(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, Group]:
    """Create or refresh the role groups (idempotent)."""
    groups = {}
    for role, specs in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        permissions = []
        for spec in specs:
            permissions.extend(_permissions(spec, using))
        group.permissions.set(permissions)
        groups[role] = group
    return groups


def has_role(user: AbstractBaseUser, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=role).exists()


def is_reviewer(user: AbstractBaseUser) -> bool:
    return has_role(user, REVIEWER) or has_role(user, ADMINISTRATOR)


def is_administrator(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, ADMINISTRATOR))
