"""Escalation: the administrator role (staff, not superuser) tries every way up
through the admin's user, group and token forms and through the fixture loader;
then the database is read to see that nothing it must not change did."""

from __future__ import annotations

import json

from .forms import form_values
from .tally import Tally
from .web import Browser, Target
from .world import PERSONA_USERS, SUPERUSER

CHOSEN_KEY = "0123456789abcdef0123456789abcdef01234567"
CHOSEN_SESSION = "auditchosensessionkey0000000000000"
FORGED_MARK = "forged by the audit"


def state() -> dict[str, object]:
    """What no administrator may change: who is superuser, superusers' passwords and
    users' rows, direct permissions, groups beyond the roles, the chosen key and
    session, forged admin-log and history rows."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.contrib.sessions.models import Session
    from rest_framework.authtoken.models import Token

    from annotations.models import Annotation
    from annotations.roles import ROLE_PERMISSIONS

    User = get_user_model()
    superusers = User.objects.filter(is_superuser=True)
    return {
        "superusers": sorted(superusers.values_list("username", flat=True)),
        "superusers' rows": sorted(
            superusers.values_list("username", "password", "email", "is_active", "is_staff")
        ),
        "direct user permissions": User.user_permissions.through.objects.count(),
        "members of non-role groups": User.groups.through.objects.exclude(
            group__name__in=ROLE_PERMISSIONS
        ).count(),
        "group permissions": sorted(
            Group.permissions.through.objects.values_list("group_id", "permission_id")
        ),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "permissions": Permission.objects.count(),
        "superusers' tokens": Token.objects.filter(user__is_superuser=True).count(),
        "the chosen key": Token.objects.filter(key=CHOSEN_KEY).count(),
        "the chosen session": Session.objects.filter(session_key=CHOSEN_SESSION).count(),
        "forged admin log": LogEntry.objects.filter(change_message__contains=FORGED_MARK).count(),
        "forged history": Annotation.history.filter(history_change_reason=FORGED_MARK).count(),
    }


def _ids() -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    User = get_user_model()
    Group.objects.get_or_create(name="audit-superpowers")[0].permissions.set(
        Permission.objects.all()
    )
    return {
        "admin": User.objects.get(username=SUPERUSER).pk,
        "ada": User.objects.get(username=PERSONA_USERS["administrator"]).pk,
        "amina": User.objects.get(username=PERSONA_USERS["analyst_a"]).pk,
        "superpowers": Group.objects.get(name="audit-superpowers").pk,
        "analyst group": Group.objects.get(name="analyst").pk,
        "permissions": list(Permission.objects.values_list("pk", flat=True)[:50]),
    }


def _change_form(browser: Browser, path: str, extra: list[tuple[str, str]]):
    page = browser.get(path)
    values = form_values(page.text) if page.status_code == 200 else []
    return browser.form(path, values + extra)


def admin_forms(browser: Browser, ids: dict, tally: Tally) -> None:
    admin_id, ada_id = ids["admin"], ids["ada"]
    superpowers = [("is_superuser", "on"), ("groups", str(ids["superpowers"]))]
    superpowers += [("user_permissions", str(p)) for p in ids["permissions"]]
    new_password = [("password1", "Escalated-pass-2026!"), ("password2", "Escalated-pass-2026!")]
    attempts = [
        ("ticks superuser on itself", f"/admin/auth/user/{ada_id}/change/", superpowers),
        ("gives an analyst superpowers", f"/admin/auth/user/{ids['amina']}/change/", superpowers),
        (
            "edits the superuser",
            f"/admin/auth/user/{admin_id}/change/",
            [("email", "owned@example.org"), ("is_active", "")],
        ),
        ("sets the superuser's password", f"/admin/auth/user/{admin_id}/password/", new_password),
        (
            "sets its own password page for the superuser",
            f"/admin/auth/user/{admin_id}/password/",
            [*new_password, ("usable_password", "true")],
        ),
        (
            "adds a superuser",
            "/admin/auth/user/add/",
            [("username", "audit-root"), *new_password, ("usable_password", "true"), *superpowers],
        ),
        (
            "grants the analyst role every permission",
            f"/admin/auth/group/{ids['analyst group']}/change/",
            [("name", "analyst"), *[("permissions", str(p)) for p in ids["permissions"]]],
        ),
        ("creates a group", "/admin/auth/group/add/", [("name", "audit-new-group")]),
        (
            "makes the superuser a token with a chosen key",
            "/admin/authtoken/tokenproxy/add/",
            [("user", str(admin_id)), ("key", CHOSEN_KEY)],
        ),
        (
            "makes itself a token with a chosen key",
            "/admin/authtoken/tokenproxy/add/",
            [("user", str(ada_id)), ("key", CHOSEN_KEY)],
        ),
    ]
    for what, path, extra in attempts:
        response = _change_form(browser, path, extra)
        tally.check(response.status_code < 500, f"{what}: {response.status_code}")
    # A user the role just added, then edited towards superuser.
    from django.contrib.auth import get_user_model

    added = get_user_model().objects.filter(username="audit-root").first()
    if added is not None:
        response = _change_form(browser, f"/admin/auth/user/{added.pk}/change/", superpowers)
        tally.check(response.status_code < 500, f"edits the user it added: {response.status_code}")


def fixtures(ids: dict) -> dict[str, list[dict]]:
    """Fixtures an administrator might load to get further than the forms allow."""
    admin_id, ada_id = ids["admin"], ids["ada"]
    hashed = "pbkdf2_sha256$1000000$audit$Zm9yZ2Vk"  # any hash: the point is that it lands
    return {
        "auth.user superuser": [
            {
                "model": "auth.user",
                "pk": ada_id,
                "fields": {
                    "username": "ada",
                    "is_superuser": True,
                    "is_staff": True,
                    "password": hashed,
                },
            }
        ],
        "auth.user new superuser": [
            {
                "model": "auth.user",
                "pk": 99001,
                "fields": {
                    "username": "audit-fixture-root",
                    "is_superuser": True,
                    "is_staff": True,
                    "password": hashed,
                },
            }
        ],
        "auth.user password hash of the superuser": [
            {
                "model": "auth.user",
                "pk": admin_id,
                "fields": {"username": SUPERUSER, "password": hashed, "is_superuser": True},
            }
        ],
        "auth.permission": [
            {
                "model": "auth.permission",
                "pk": 99002,
                "fields": {"name": "x", "codename": "x", "content_type": 1},
            }
        ],
        "auth.group with permissions": [
            {
                "model": "auth.group",
                "pk": ids["analyst group"],
                "fields": {"name": "analyst", "permissions": ids["permissions"]},
            }
        ],
        "user_permissions": [
            {
                "model": "auth.user",
                "pk": ada_id,
                "fields": {
                    "username": "ada",
                    "user_permissions": ids["permissions"],
                    "groups": [ids["superpowers"]],
                },
            }
        ],
        "authtoken.token with a chosen key": [
            {
                "model": "authtoken.token",
                "pk": CHOSEN_KEY,
                "fields": {"user": admin_id, "created": "2026-01-01T00:00:00Z"},
            }
        ],
        "authtoken.tokenproxy": [
            {
                "model": "authtoken.tokenproxy",
                "pk": CHOSEN_KEY,
                "fields": {"user": admin_id, "created": "2026-01-01T00:00:00Z"},
            }
        ],
        "sessions.session": [
            {
                "model": "sessions.session",
                "pk": CHOSEN_SESSION,
                "fields": {"session_data": "e30:audit", "expire_date": "2099-01-01T00:00:00Z"},
            }
        ],
        "admin.logentry": [
            {
                "model": "admin.logentry",
                "pk": 99003,
                "fields": {
                    "action_time": "2026-01-01T00:00:00Z",
                    "user": admin_id,
                    "object_repr": "x",
                    "action_flag": 1,
                    "change_message": FORGED_MARK,
                },
            }
        ],
        "historical annotation": [
            {
                "model": "annotations.historicalannotation",
                "pk": 99004,
                "fields": {
                    "id": 1,
                    "history_date": "2026-01-01T00:00:00Z",
                    "history_type": "~",
                    "history_change_reason": FORGED_MARK,
                    "history_user": admin_id,
                },
            }
        ],
    }


def fixture_loader(browser: Browser, ids: dict, tally: Tally) -> None:
    for what, records in fixtures(ids).items():
        upload = {"fixture": (f"{what}.json", json.dumps(records).encode(), "application/json")}
        response = browser.request(
            "POST",
            "/admin/fixtures/",
            data={"csrfmiddlewaretoken": browser.csrf()},
            files=upload,
        )
        offered = 'name="token"' in response.text
        tally.check(
            response.status_code < 500 and not offered,
            f"fixture {what}: {response.status_code}{', offered to load' if offered else ''}",
        )
        if offered:  # an honest outsider presses the button
            token = response.text.split('name="token" value="', 1)[1].split('"', 1)[0]
            browser.form("/admin/fixtures/confirm/", {"token": token})
    forged = browser.form("/admin/fixtures/confirm/", {"token": "forged-token"})
    tally.check(forged.status_code < 500, f"confirm with a forged token: {forged.status_code}")


def attack(target: Target, tally: Tally) -> None:
    ids = _ids()
    before = state()
    browser = target.browser("administrator")
    admin_forms(browser, ids, tally)
    fixture_loader(browser, ids, tally)
    after = state()
    for key, value in before.items():
        tally.check(after[key] == value, f"{key} changed: {value!r} → {after[key]!r}")
    from django.contrib.auth import get_user_model

    ada = get_user_model().objects.get(pk=ids["ada"])
    tally.check(not ada.is_superuser, "the administrator became superuser")
    tally.check(
        not ada.groups.filter(name="audit-superpowers").exists(),
        "the administrator joined a non-role group",
    )
    tally.note(f"{len(before)} database facts compared before and after")
