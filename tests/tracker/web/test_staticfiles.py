"""Production's manifest storage gives the workspace's ES modules hashed names and
rewrites their imports to those names, so a browser never mixes modules of two deploys."""

import json
import os
import posixpath
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

from tests.conftest import ROOT

MODULES = ROOT / "static" / "js" / "workspace"
PRODUCTION_STORAGE = "tracker.web.staticfiles.ManifestStaticFilesStorage"
IMPORT = re.compile(r"""\b(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']\s*;""")
HASHED = re.compile(r"\.[0-9a-f]{12}\.js$")


def collect(static_root: Path) -> dict[str, str]:
    """collectstatic of the project's own static folder; the manifest's paths."""
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES={"staticfiles": {"BACKEND": PRODUCTION_STORAGE}},
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def imports_of(static_root: Path, name: str) -> list[str]:
    """The files `name` imports, as paths under STATIC_ROOT."""
    text = (static_root / name).read_text()
    directory = posixpath.dirname(name)
    return [posixpath.normpath(posixpath.join(directory, url)) for url in IMPORT.findall(text)]


def test_every_import_of_the_hashed_workspace_points_at_a_hashed_file(tmp_path):
    manifest = collect(tmp_path)
    hashed = set(manifest.values())
    entry = manifest["js/workspace/main.js"]
    reached, todo = set(), [entry]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        for target in imports_of(tmp_path, name):
            assert HASHED.search(target), f"{name} imports {target}, not a hashed name"
            assert target in hashed and (tmp_path / target).is_file(), f"{name}: {target}"
            todo.append(target)
    # Every module is reached from the entry through hashed names: none is loaded unhashed.
    modules = {manifest[f"js/workspace/{path.name}"] for path in MODULES.glob("*.js")}
    assert reached == modules


def test_production_uses_the_storage_that_rewrites_module_imports(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "workbench.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'workbench.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
    }
    script = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; s = storages['staticfiles']; "
        "print(type(s).__module__, s.support_js_module_import_aggregation)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["tracker.web.staticfiles", "True"]
