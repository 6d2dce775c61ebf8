"""Settings come from the environment; production refuses to start when they are
wrong or missing, naming the variable, and passes Django's deployment checks.

Each case starts `manage.py` in a subprocess with a clean environment, since
settings are read once per process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def production(tmp_path) -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "workbench.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'workbench.sqlite3'}",
    }


def test_production_settings_pass_the_deployment_checks(production):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_pass_them_on_postgresql_too(production):
    production["DATABASE_URL"] = "postgres://workbench:secret@db.internal:5432/workbench"
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stderr


def test_a_weak_secret_key_fails_the_deployment_checks(production):
    production["DJANGO_SECRET_KEY"] = "short"
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(production):
    del production["DJANGO_SECRET_KEY"]
    result = manage("check", **production)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(production):
    del production["DJANGO_ALLOWED_HOSTS"]
    result = manage("check", **production)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize("url", ["not a url", "postgres://db.internal:5432/"])
def test_a_malformed_database_url_is_refused_by_name(production, url):
    production["DATABASE_URL"] = url
    result = manage("check", **production)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL" in result.stderr


def test_a_malformed_debug_value_is_refused_by_name():
    result = manage("check", DJANGO_DEBUG="production")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_DEBUG must be 0 or 1 (got 'production')" in result.stderr


def test_a_malformed_number_is_refused_by_name(production):
    result = manage("check", WB_LOGIN_FAILURE_LIMIT="five", **production)
    assert result.returncode != 0
    assert "ImproperlyConfigured: WB_LOGIN_FAILURE_LIMIT must be a whole number" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        # 0 would lock every login out at the first attempt.
        ("WB_LOGIN_FAILURE_LIMIT", "0", "WB_LOGIN_FAILURE_LIMIT must be 1 or more (got 0)."),
        (
            "WB_LOGIN_ADDRESS_FAILURE_LIMIT",
            "-3",
            "WB_LOGIN_ADDRESS_FAILURE_LIMIT must be 1 or more (got -3).",
        ),
        (
            "WB_TRUSTED_PROXIES",
            "10.0.0.2,proxy.example",
            "WB_TRUSTED_PROXIES must list IP addresses or networks (got 'proxy.example').",
        ),
        ("WB_API_USER_RATE", "lots", "WB_API_USER_RATE must be a number of requests per"),
    ],
)
def test_a_login_or_api_limit_that_cannot_work_is_refused_by_name(production, name, value, message):
    result = manage("check", **{**production, name: value})
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr


def test_development_needs_no_environment_and_uses_a_sqlite_file_in_the_project():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(settings.DEBUG, d['ENGINE'], d['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    debug, engine, name = result.stdout.splitlines()[-1].split()
    assert (debug, engine) == ("True", "django.db.backends.sqlite3")
    assert Path(name).resolve().is_relative_to(ROOT)
    ignored = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT, check=False)
    assert ignored.returncode == 0, f"{name} is not git-ignored"


def test_the_api_takes_tokens_and_sessions_and_requires_login():
    rest = settings.REST_FRAMEWORK
    assert "rest_framework.authtoken" in settings.INSTALLED_APPS
    assert set(rest["DEFAULT_AUTHENTICATION_CLASSES"]) == {
        "rest_framework.authentication.SessionAuthentication",
        "tracker.web.login.TokenAuthentication",
    }
    assert rest["DEFAULT_PERMISSION_CLASSES"] == ["rest_framework.permissions.IsAuthenticated"]


def test_the_login_page_is_at_accounts_login():
    from django.urls import reverse

    assert reverse(settings.LOGIN_URL) == "/accounts/login/"
