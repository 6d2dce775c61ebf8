"""docker-compose.yml and the Dockerfile agree with the settings.

There is no Docker engine on our machines, so these tests read the files: the
services, the variables the web app gets (each one tracker/settings.py reads), the
database URL pointing at the database service, production mode with secrets from the
environment — and the web environment, interpolated as compose would, passes
`check --deploy`."""

import ipaddress
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import dj_database_url
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
WEB_ENV = SERVICES["web"]["environment"]
DB_ENV = SERVICES["db"]["environment"]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?::(?P<kind>[-?])(?P<rest>[^}]*))?\}")


def settings_variables() -> set[str]:
    """Every environment variable tracker/settings.py reads."""
    source = (ROOT / "tracker" / "settings.py").read_text(encoding="utf-8")
    helpers = re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source)
    direct = re.findall(r'os\.environ(?:\.get\(|\[)\s*"([A-Z0-9_]+)"', source)
    return set(helpers) | set(direct)


def interpolate(value: str, environment: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?error} substitution."""

    def substitute(match: re.Match) -> str:
        name, kind, rest = match["name"], match["kind"], match["rest"]
        if environment.get(name):
            return environment[name]
        if kind == "?":
            raise LookupError(f"{name}: {rest}")
        return rest if kind == "-" else ""

    return VARIABLE.sub(substitute, str(value))


@pytest.fixture
def secrets_env() -> dict[str, str]:
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "POSTGRES_PASSWORD": secrets.token_urlsafe(24),
    }


def test_there_is_a_postgresql_15_database_the_web_app_and_a_worker():
    assert set(SERVICES) == {"db", "web", "worker"}
    assert SERVICES["db"]["image"] == "postgres:15"
    assert SERVICES["web"]["build"] == "."
    assert "pg_isready" in " ".join(SERVICES["db"]["healthcheck"]["test"])


def test_the_web_app_waits_for_a_healthy_database():
    assert SERVICES["web"]["depends_on"] == {"db": {"condition": "service_healthy"}}


def test_the_settings_read_the_variables_this_test_looks_for():
    # Guards the next test against passing vacuously.
    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS"} <= (
        settings_variables()
    )


def test_every_variable_the_web_app_gets_is_one_the_settings_read():
    assert set(WEB_ENV) - settings_variables() == set()


def test_the_web_app_gets_the_database_secret_debug_and_hosts_variables():
    assert {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS"} <= set(
        WEB_ENV
    )


def test_it_runs_in_production_mode_with_secrets_from_the_environment():
    assert WEB_ENV["DJANGO_DEBUG"] == "0"
    assert re.fullmatch(r"\$\{DJANGO_SECRET_KEY:\?[^}]+\}", WEB_ENV["DJANGO_SECRET_KEY"])
    assert re.fullmatch(r"\$\{POSTGRES_PASSWORD:\?[^}]+\}", DB_ENV["POSTGRES_PASSWORD"])


def test_compose_refuses_to_start_without_the_secret_key(secrets_env):
    del secrets_env["DJANGO_SECRET_KEY"]
    with pytest.raises(LookupError, match="DJANGO_SECRET_KEY"):
        interpolate(WEB_ENV["DJANGO_SECRET_KEY"], secrets_env)


def test_the_database_url_points_at_the_database_service(secrets_env):
    url = dj_database_url.parse(interpolate(WEB_ENV["DATABASE_URL"], secrets_env))
    assert url["ENGINE"] == "django.db.backends.postgresql"
    assert (url["HOST"], url["PORT"]) == ("db", 5432)
    assert url["NAME"] == DB_ENV["POSTGRES_DB"]
    assert url["USER"] == DB_ENV["POSTGRES_USER"]
    assert url["PASSWORD"] == interpolate(DB_ENV["POSTGRES_PASSWORD"], secrets_env)


def test_the_web_app_migrates_loads_the_fixtures_and_serves_with_gunicorn():
    command = SERVICES["web"]["command"]
    steps = [
        "manage.py migrate",
        "manage.py setup_workbench",
        "gunicorn tracker.wsgi:application --bind 0.0.0.0:8000",
    ]
    positions = [command.index(step) for step in steps]
    assert positions == sorted(positions)
    # The host's loopback only: the proxy in front is the one client that reaches it.
    assert SERVICES["web"]["ports"] == ["127.0.0.1:${PORT:-8000}:8000"]


def test_gunicorn_waits_as_long_as_the_readme_says_a_request_may_take():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "--timeout 120" in SERVICES["web"]["command"]
    assert '"--timeout", "120"' in DOCKERFILE
    assert "gunicorn gives a request 120 s (`--timeout 120`" in readme


def test_the_trusted_proxy_is_the_gateway_the_published_port_is_reached_from():
    [network] = COMPOSE["networks"]["default"]["ipam"]["config"]
    trusted = interpolate(WEB_ENV["WB_TRUSTED_PROXIES"], {})
    assert trusted == network["gateway"] == "172.30.0.1"
    assert ipaddress.ip_address(trusted) in ipaddress.ip_network(network["subnet"])


def test_the_worker_runs_the_task_queue_with_the_web_apps_image_and_settings():
    worker = SERVICES["worker"]
    assert worker["build"] == "."
    assert worker["environment"] == WEB_ENV
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"]
    assert worker["depends_on"]["db"] == {"condition": "service_healthy"}
    assert "ports" not in worker and worker["restart"] == "unless-stopped"


def test_the_web_environment_as_compose_fills_it_passes_the_deployment_checks(secrets_env):
    environment = {name: interpolate(value, secrets_env) for name, value in WEB_ENV.items()}
    environment = {name: value for name, value in environment.items() if value}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(ROOT), **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_the_image_installs_the_project_collects_static_files_and_drops_root():
    assert re.findall(r"^FROM (\S+)", DOCKERFILE, re.M) == ["python:3.11-slim"]
    assert re.search(r"^RUN pip install \.$", DOCKERFILE, re.M)
    assert "manage.py collectstatic --no-input" in DOCKERFILE
    users = re.findall(r"^USER (\S+)$", DOCKERFILE, re.M)
    assert users and users[-1] not in {"root", "0"}
    assert 'CMD ["gunicorn", "tracker.wsgi:application"' in DOCKERFILE


def test_static_files_are_served_by_whitenoise():
    from django.conf import settings

    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE


def test_secrets_stay_out_of_git_and_out_of_the_image():
    dockerignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", "data", ".git"} <= set(dockerignore)
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT, check=False)
    assert ignored.returncode == 0
