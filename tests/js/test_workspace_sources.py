"""The workspace script's sources keep the shape issue 11 gave them: small modules, and
no API address written into the script (they come from the page's {% url %})."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MODULES = sorted((ROOT / "static" / "js").rglob("*.js"))


def test_no_static_script_is_over_500_lines():
    long = {p.name: n for p in MODULES if (n := len(p.read_text().splitlines())) > 500}
    assert long == {}


def test_the_workspace_modules_write_no_api_address():
    literal = re.compile(r"""["'`]/(?:api|meetings|annotations)/""")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in MODULES
        if "workspace" in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []
