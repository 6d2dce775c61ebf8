"""Hardening: login rate limiting, password rules, CSP, CSRF, production cookies
and HSTS, and no way for user data to reach a page unescaped."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ["tracker", "annotations", "templates", "static"]


def production_env(**extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "workbench.example.org",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {**env, **extra}


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_even_for_the_right_password(client, analyst_a):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "amina", "wrong password").status_code == 200
    locked = login(client, "amina", "wrong password")
    assert locked.status_code == 429
    assert login(client, "amina", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_successful_login_before_the_limit_works(client, analyst_a):
    login(client, "amina", "wrong password")
    response = login(client, "amina", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(analyst_a.pk)


@pytest.mark.parametrize("weak", ["password", "12345678901", "short1", "amina-amina"])
def test_weak_passwords_are_refused(weak, django_user_model):
    user = django_user_model(username="amina-amina")
    with pytest.raises(ValidationError):
        validate_password(weak, user=user)


def test_a_long_passphrase_is_accepted(django_user_model):
    validate_password(PASSWORD, user=django_user_model(username="amina"))


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_forms_without_a_csrf_token_are_refused(client, meeting, reviewer):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(reviewer)
    response = strict.post(
        f"/meetings/{meeting.pk}/review/decide/",
        {"annotation": 1, "version": 1, "decision": "accepted", "reason": "x"},
    )
    assert response.status_code == 403


def test_production_settings_pass_the_deploy_check():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
plain = client.get("/", HTTP_HOST="workbench.example.org")
secure = client.get("/", secure=True, HTTP_HOST="workbench.example.org")
print(json.dumps({
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "debug": settings.DEBUG,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
}))
"""


def test_production_uses_secure_cookies_hsts_and_redirects_to_https():
    result = run(["-c", PROBE], production_env(DJANGO_SETTINGS_MODULE="tracker.settings"))
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["debug"] is False
    assert probe["session_secure"] and probe["csrf_secure"] and probe["session_httponly"]
    assert probe["plain_status"] == 301
    assert probe["plain_location"].startswith("https://workbench.example.org/")
    assert "max-age=31536000" in probe["hsts"]
    assert "includeSubDomains" in probe["hsts"] and "preload" in probe["hsts"]


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    env.pop("DJANGO_SECRET_KEY")
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def _files(suffixes: tuple[str, ...]):
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


UNSAFE = {
    ".html": [r"\|\s*safe\b", r"\{%\s*autoescape\s+off", r"\|\s*safeseq\b"],
    ".py": [r"\bmark_safe\s*\(", r"\bSafeString\s*\(", r"\|\s*safe\b"],
    ".js": [r"\.innerHTML\s*=", r"\.outerHTML\s*=", r"insertAdjacentHTML\s*\(", r"\beval\s*\("],
}


def test_no_template_or_module_marks_user_data_safe():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _files(tuple(UNSAFE))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for pattern in UNSAFE[path.suffix]
        if re.search(pattern, line)
    ]
    assert found == []


def test_the_unsafe_pattern_check_sees_the_code_it_should():
    # Guards the test above against passing vacuously.
    assert any(p.name == "base.html" for p in _files((".html",)))
    assert re.search(UNSAFE[".html"][0], "{{ memo|safe }}")
    assert re.search(UNSAFE[".py"][0], "mark_safe(memo)")


def test_templates_have_no_inline_scripts_handlers_or_styles():
    found = []
    for path in _files((".html",)):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text):
            tag = match.group(0)
            if "src=" not in tag and 'type="application/json"' not in tag:
                found.append(f"{path.relative_to(ROOT)}: inline script {tag}")
        for match in re.finditer(r"\s(on[a-z]+)\s*=\s*[\"']", text):
            found.append(f"{path.relative_to(ROOT)}: inline handler {match.group(1)}")
        if re.search(r"\sstyle\s*=\s*[\"']", text):
            found.append(f"{path.relative_to(ROOT)}: inline style")
    assert found == []
