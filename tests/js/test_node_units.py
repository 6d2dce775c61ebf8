"""The workspace script's pure modules (offsets, the key table, find, lanes, addresses)
under Node's own test runner, so they count in the suite without a browser page."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: `make test` installs it (apt-get install -y nodejs).")
    result = subprocess.run(
        [node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
