"""The delegations and country groups the workbench ships with (read from data/)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def shipped_delegations() -> list[dict]:
    """[{"slug", "name", "kind", "aliases": [...]}, …]: the 193 Member States and more."""
    return json.loads((DATA / "delegations.json").read_text(encoding="utf-8"))["delegations"]


@cache
def shipped_groups() -> list[dict]:
    """[{"slug", "name", "description", "members": [{"delegation", "first_year"?, …}]}]."""
    return json.loads((DATA / "groups.json").read_text(encoding="utf-8"))["groups"]
