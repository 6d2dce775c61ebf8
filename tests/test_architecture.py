"""The shape of the code, kept so by reading the imports with `ast`.

DESIGN.md: annotations imports tracker, never the reverse; inside each app the
features form a ladder (FEATURES, lowest first). A feature imports only its own
modules and lower features' logic: never a higher feature, never another
feature's faces (the modules that answer HTTP: urls, api, views, serializers,
forms). Models, roles, admin, the root URLconf, management commands and
templatetags sit beside the features and may use any of them.
"""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FEATURES = {
    "tracker": ["web", "search", "meetings", "delegations", "imports", "fixture_loading"],
    "annotations": [
        "charts",
        "codebook",
        "coding",
        "review",
        "reports",
        "monitoring",
        "analysis",
        "exchange",
    ],
}
FACES = {"urls", "api", "views", "serializers", "forms"}
LIMITS = {"tracker": 16, "annotations": 18}
# The one face used across features, on purpose: a codebook import answers with the
# codebook's own representation (a copy would drift, and clash in the OpenAPI schema).
ALLOWED = {("annotations/exchange/api.py", "annotations.codebook.serializers")}
SIDE_PREFIXES = ("urls_", "api_")
SIDE_SUFFIXES = ("_api.py", "_views.py")


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    if path.name == "__init__.py":
        package = path.relative_to(ROOT).parts[:-1]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join(base)
                module = f"{prefix}.{node.module}" if node.module else prefix
                names.add(module)
                names.update(f"{module}.{alias.name}" for alias in node.names)
            elif node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def python_files(app: str):
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]


def feature_of(parts: tuple[str, ...] | list[str], app: str) -> str | None:
    if len(parts) > 1 and parts[0] == app and parts[1] in FEATURES[app]:
        return parts[1]
    return None


def violations(app: str) -> list[str]:
    ladder = FEATURES[app]
    found = []
    for path in python_files(app):
        own = feature_of(path.relative_to(ROOT).parts, app)
        if own is None:
            continue
        for name in sorted(imports_of(path)):
            parts = name.split(".")
            other = feature_of(parts, app)
            if other is None or other == own:
                continue
            where = f"{path.relative_to(ROOT)} imports {name}"
            if (str(path.relative_to(ROOT)), ".".join(parts[:3])) in ALLOWED:
                continue
            if ladder.index(other) > ladder.index(own):
                found.append(f"{where}: {other} is above {own}")
            elif len(parts) > 2 and parts[2] in FACES:
                found.append(f"{where}: another feature's face")
    return found


@pytest.mark.parametrize("app", sorted(FEATURES))
def test_features_import_only_lower_features_logic(app):
    assert violations(app) == []


@pytest.mark.parametrize("app", sorted(FEATURES))
def test_every_feature_on_the_ladder_exists_and_holds_code(app):
    for feature in FEATURES[app]:
        assert (ROOT / app / feature / "__init__.py").is_file(), f"{app}/{feature}"


def test_the_ladder_check_sees_a_violation(tmp_path, monkeypatch):
    # Guards the test above against passing vacuously.
    assert feature_of(("annotations", "coding", "services.py"), "annotations") == "coding"
    fake = ROOT / "annotations" / "codebook" / "_probe_for_architecture_test.py"
    fake.write_text("from annotations.reports import meeting_report\n", encoding="utf-8")
    try:
        assert any("reports is above codebook" in v for v in violations("annotations"))
    finally:
        fake.unlink()


def test_tracker_never_imports_annotations():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in imports_of(path) if n == "annotations" or n.startswith("annotations.")
        )
        for path in python_files("tracker")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_parsers_are_plain_python_without_django():
    """tracker/imports/parsing reads texts into dataclasses; saving them is saving/'s work.
    (So its tests need no database, and the PostgreSQL run leaves them to the SQLite run:
    tests/conftest.py.)"""
    parsing = ROOT / "tracker" / "imports" / "parsing"
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in imports_of(path)
            if name.split(".")[0] in {"django", "rest_framework", "annotations"}
            or name.startswith("tracker.models")
        )
        for path in parsing.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_check_sees_imports_at_all():
    modules = [imports_of(p) for p in python_files("annotations")]
    assert any("tracker.models" in names for names in modules)


def test_the_root_urlconf_includes_annotations_by_dotted_name_only():
    source = (ROOT / "tracker" / "urls.py").read_text(encoding="utf-8")
    assert 'include("annotations.urls")' in source


@pytest.mark.parametrize("app", sorted(LIMITS))
def test_each_app_keeps_its_top_level_small(app):
    entries = [p.name for p in (ROOT / app).iterdir() if p.name != "__pycache__"]
    assert len(entries) <= LIMITS[app], sorted(entries)


@pytest.mark.parametrize("app", sorted(LIMITS))
def test_features_are_folders_not_filename_prefixes(app):
    side = [
        str(p.relative_to(ROOT))
        for p in python_files(app)
        if p.name.startswith(SIDE_PREFIXES) or p.name.endswith(SIDE_SUFFIXES)
    ]
    assert side == []


def test_ruff_keeps_the_complexity_rule_on_at_ten():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert "C90" in lint["select"] or "C901" in lint["select"]
    assert lint["mccabe"]["max-complexity"] == 10
