"""The three roles, as Django groups with permissions.

analyst        codes meetings; owns their annotations, missed opportunities and memos
reviewer       sees every analyst's work (memos too); adjudicates disagreements
administrator  codebooks, imports, fixtures, users (staff; the admin site);
               restores deleted annotations; unlocks locked-out logins. Not a
               superuser, and cannot make anyone one (annotations/admin/users.py)

The groups are created after every `migrate` (annotations.apps) and refreshed
by `setup_workbench`. What each role may do, page by page and endpoint by
endpoint, is pinned down by tests/test_permission_matrix.py.

This module is the one permission vocabulary: every view, API view, service and
admin page asks `can_code`, `can_review`, `can_restore`, `can_administer` or
`sees_blind_coding` (or their DRF permission classes), never a group name. Each
question is one Django permission, so a superuser can do everything and a role is only the set of
permissions its group holds: a new role is one entry in ROLE_PERMISSIONS.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q, QuerySet
from rest_framework.permissions import SAFE_METHODS, BasePermission
from simple_history.models import HistoricalChanges

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
        "annotations.add_memo",
        "annotations.change_memo",
        "annotations.delete_memo",
        "annotations.view_memo",
        "annotations.view_code",
        "annotations.view_codingscheme",
        "tracker.view_meeting",
        "tracker.view_statement",
        "tracker.view_speaker",
    ],
    REVIEWER: [
        "annotations.view_annotation",
        "annotations.view_missedopportunity",
        "annotations.view_memo",
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
        # API tokens: the admin's token pages are DRF's proxy model, TokenProxy (the
        # permissions of Token itself open no page). annotations/admin/users.py keeps
        # superusers' tokens out of the role's reach; the server makes every key.
        "authtoken.add_tokenproxy",
        "authtoken.view_tokenproxy",
        "authtoken.delete_tokenproxy",
        # Login lock-outs (django-axes): see who was locked out, and unlock them.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
    ],
}


def _history_models() -> list[tuple[str, str]]:
    """(app_label, model_name) of every table django-simple-history keeps."""
    return [
        (model._meta.app_label, model._meta.model_name)
        for model in apps.get_models()
        if issubclass(model, HistoricalChanges)
    ]


def _permissions(spec: str, using: str):
    """The permissions a spec names, never one of a history table: history is written
    by django-simple-history alone, and a role that could add, change or delete a
    historical record could forge who did what. (Reading history goes through the
    tracked model's own permission and the workbench's history pages.)"""
    app_label, codename = spec.split(".")
    qs = Permission.objects.using(using).filter(content_type__app_label=app_label)
    if codename != "*":
        qs = qs.filter(codename=codename)
    for history_app, history_model in _history_models():
        qs = qs.exclude(content_type__app_label=history_app, content_type__model=history_model)
    return qs


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


# The question each capability asks of Django's permission system.
CODE_PERMISSION = "annotations.add_annotation"
REVIEW_PERMISSION = "annotations.add_adjudicationdecision"
RESTORE_PERMISSION = "annotations.restore_annotation"
ADMINISTER_PERMISSION = "annotations.change_codingscheme"
# tracker cannot import this module; its import faces ask the same permission by name.
IMPORT_PERMISSION = "tracker.add_meeting"


def can_code(user: AbstractBaseUser) -> bool:
    """Create and change one's own annotations, missed opportunities, memos and done marks."""
    return user.has_perm(CODE_PERMISSION)


def can_review(user: AbstractBaseUser) -> bool:
    """See every analyst's work and adjudicate it."""
    return user.has_perm(REVIEW_PERMISSION)


def can_restore(user: AbstractBaseUser) -> bool:
    """Restore any analyst's deleted annotation."""
    return user.has_perm(RESTORE_PERMISSION)


def can_administer(user: AbstractBaseUser) -> bool:
    """Codebooks, imports, fixtures, users: the administrator's work."""
    return user.has_perm(ADMINISTER_PERMISSION)


def sees_blind_coding(user: AbstractBaseUser) -> bool:
    """See every analyst's coding of a blind meeting at once: reviewers and
    administrators. Everyone else sees others' coding of a blind meeting only after
    marking all its statements done (annotations.models.unfinished_blind_meetings)."""
    return can_review(user)


def can_set_blind_coding(user: AbstractBaseUser) -> bool:
    """Switch blind double coding of a meeting on or off."""
    return can_administer(user)


# Managing people (the admin's user and token pages, annotations/admin/users.py): the
# administrator role gives roles, never superuser status or a raw permission, and a
# superuser — their page, password and API token — is a superuser's business alone.


def role_groups(*, using: str = DEFAULT_DB_ALIAS) -> QuerySet[Group]:
    """The groups a user manager who is not a superuser may give: the roles."""
    return Group.objects.using(using).filter(name__in=list(ROLE_PERMISSIONS)).order_by("name")


def can_change_user(actor: AbstractBaseUser, user: AbstractBaseUser | None) -> bool:
    """Change `user` (or set their password, or see their token); None: any user."""
    return user is None or actor.is_superuser or not user.is_superuser


def users_in_reach(actor: AbstractBaseUser, users: QuerySet) -> QuerySet:
    """The users of `users` the actor may change (or give a token to)."""
    return users if actor.is_superuser else users.filter(is_superuser=False)


def users_who_can_code() -> QuerySet:
    """Active users `can_code` answers yes for: by their group, their own permission,
    or as superusers (one query, for the lists that offer analysts to choose)."""
    app_label, codename = CODE_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .distinct()
    )


class _AskRole(BasePermission):
    """A DRF permission that asks one of the questions above of the request's user."""

    question = staticmethod(can_administer)
    safe_methods_open = False

    def has_permission(self, request, view) -> bool:
        if self.safe_methods_open and request.method in SAFE_METHODS:
            return True
        return self.question(request.user)


class CanCode(_AskRole):
    """Everyone logged in reads; writes need the analyst's permission."""

    message = "Your role may read this meeting but not code it."
    question = staticmethod(can_code)
    safe_methods_open = True


class CanReview(_AskRole):
    message = "Only reviewers adjudicate."
    question = staticmethod(can_review)


class CanRestore(_AskRole):
    message = "Only administrators restore deleted annotations."
    question = staticmethod(can_restore)


class AdministratorsOnly(_AskRole):
    """Reading too needs the administrator's permission (assignments)."""

    message = "Only administrators assign meetings to analysts."
    question = staticmethod(can_administer)


class CanAdminister(_AskRole):
    """Everyone logged in reads; only administrators change the codebook."""

    message = "Only administrators change codebooks."
    question = staticmethod(can_administer)
    safe_methods_open = True


class CanSetBlindCoding(_AskRole):
    """Everyone logged in reads whether a meeting is blind; administrators switch it."""

    message = "Only administrators switch blind coding."
    question = staticmethod(can_set_blind_coding)
    safe_methods_open = True
