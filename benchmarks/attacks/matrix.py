"""Authorization matrix over HTTP: every route of the URLconf (the probes of
tests/test_permission_matrix.py, which fails on an unclassified route), every
method, every persona and the anonymous visitor; and every model's pages in the
admin. Unexpected: a success (2xx, or a redirect that is not to a login page) for
someone the rules refuse, and any 5xx for anyone."""

from __future__ import annotations

import re

from .tally import Tally
from .web import UNSAFE, Target
from .world import matrix_world

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
# The owner of the world's objects goes last, so the others try them while they exist.
ORDER = ("anonymous", "analyst_b", "reviewer", "administrator", "analyst_a")


# The login form takes credentials from anyone (Django's LoginView reads a PUT as a POST);
# answering with the form again is not a success.
ANYONE_POSTS = {"accounts/login/"}


def succeeded(response, *, redirect_of_get: str | None = None) -> bool:
    """A 2xx, or a redirect that is neither to a login page nor the one the route
    gives every request (`/` and the favicon redirect whatever the method)."""
    if 200 <= response.status_code < 300:
        return True
    location = response.headers.get("Location", "")
    if response.status_code not in (301, 302, 303, 307, 308) or "/login/" in location:
        return False
    return location != redirect_of_get


def send(target: Target, persona: str, method: str, path: str, data: dict, as_json: bool):
    browser = target.browser(persona)
    if method == "GET":
        response = browser.request(method, path, params=data or None, stream=True)
    elif as_json:
        response = browser.request(method, path, json=data, stream=True)
    else:
        response = browser.request(method, path, data=data, stream=True)
    for _ in response.iter_content(1 << 16):  # read streamed exports to the end
        pass
    return response


def allowed_by_route(probes) -> dict[tuple[str, bool], set[str]]:
    """Who may succeed on a route, for safe and for unsafe methods, by the probes' rules."""
    allowed: dict[tuple[str, bool], set[str]] = {}
    for probe in probes:
        key = (probe.route, probe.method in UNSAFE)
        ok = {persona for persona, outcome in probe.expected.items() if outcome == "ok"}
        allowed.setdefault(key, set()).update(ok)
    return allowed


def attack(target: Target, tally: Tally) -> None:
    from tests.test_permission_matrix import OK, PROBES

    allowed = allowed_by_route(PROBES)
    tried: set[tuple[str, str]] = set()
    redirects: dict[tuple[str, str], str] = {}  # (path shape, persona) → the GET's Location
    for probe in PROBES:
        for method in (probe.method, *[m for m in METHODS if m != probe.method]):
            world = matrix_world()  # some paths make what they name (a job, an assignment)
            path = probe.path(world)
            # One try per path shape and method (each world has its own ids).
            shape = (re.sub(r"\d+", "N", path), method)
            if shape in tried:
                continue
            tried.add(shape)
            if method == probe.method:
                may = {p for p, outcome in probe.expected.items() if outcome == OK}
            else:
                may = allowed.get((probe.route, method in UNSAFE), set())
                if probe.route in ANYONE_POSTS:
                    may = set(ORDER)
            data = probe.data(world) if method == probe.method else {}
            for persona in ORDER:
                response = send(target, persona, method, path, data, probe.json)
                if method == "GET":
                    redirects[(shape[0], persona)] = response.headers.get("Location", "")
                status = response.status_code
                what = f"{method} {path} as {persona}: {status}"
                same = redirects.get((shape[0], persona)) if method != probe.method else None
                success = succeeded(response, redirect_of_get=same)
                tally.check(status < 500 and (persona in may or not success), what)
    tally.note(f"{len(tried)} (path, method) pairs from {len(PROBES)} classified probes")
    admin_pages(target, tally)


def admin_pages(target: Target, tally: Tally) -> None:
    """Each registered model's list and add page: only the administrator, and only
    where the role holds the model's permission."""
    from django.contrib import admin
    from django.contrib.auth import get_user_model
    from django.urls import NoReverseMatch, reverse

    from .world import PERSONA_USERS

    administrator = get_user_model().objects.get(username=PERSONA_USERS["administrator"])
    pages = 0
    for model in admin.site._registry:
        meta = model._meta
        for page, needs in (("changelist", ("view", "change")), ("add", ("add",))):
            try:
                path = reverse(f"admin:{meta.app_label}_{meta.model_name}_{page}")
            except NoReverseMatch:
                continue
            pages += 1
            may_admin = any(
                administrator.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")
                for action in needs
            )
            for persona in ORDER:
                response = send(target, persona, "GET", path, {}, False)
                ok = response.status_code < 500 and (
                    not succeeded(response) or (persona == "administrator" and may_admin)
                )
                tally.check(ok, f"GET {path} as {persona}: {response.status_code}")
    tally.note(f"{pages} admin list and add pages of {len(admin.site._registry)} models")
