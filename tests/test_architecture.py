"""The dependency direction of DESIGN.md: annotations imports tracker, never the reverse."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_tracker_never_imports_annotations():
    offenders = {
        path: sorted(n for n in names if n == "annotations" or n.startswith("annotations."))
        for path, names in imported_modules("tracker").items()
    }
    offenders = {path: names for path, names in offenders.items() if names}
    assert offenders == {}


def test_the_check_sees_imports_at_all():
    # Guards the test above against passing vacuously (e.g. a wrong folder).
    modules = imported_modules("annotations")
    assert any("tracker.models" in names for names in modules.values())


def test_the_root_urlconf_includes_annotations_by_dotted_name_only():
    source = (ROOT / "tracker" / "urls.py").read_text(encoding="utf-8")
    assert 'include("annotations.urls")' in source
