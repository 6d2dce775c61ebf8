"""The wording of drafts: plain-text entries in `wording/*.txt` (see wording/README.txt).

The files are read for every draft, so an edit shows in the next download
without a restart. `Wording.say(key, **values)` fills an entry's $names.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from django.conf import settings

WORDING_DIR = Path(__file__).resolve().parent / "wording"
ENTRY = re.compile(r"^\[([A-Za-z0-9_.\-]+)\]\s*$")


class WordingError(Exception):
    """An entry is missing or names a value the draft does not have."""


def read_entries(text: str) -> dict[str, str]:
    entries: dict[str, list[str]] = {}
    key = None
    for line in text.splitlines():
        match = ENTRY.match(line)
        if match:
            key = match.group(1)
            entries[key] = []
        elif key is not None and line.strip() and not line.lstrip().startswith("#"):
            entries[key].append(line.strip())
    return {key: " ".join(lines) for key, lines in entries.items()}


def _folders() -> list[Path]:
    own = getattr(settings, "ANALYSIS_WORDING_DIR", None)
    return [WORDING_DIR] + ([Path(own)] if own else [])


class Wording:
    def __init__(self, entries: dict[str, str] | None = None) -> None:
        if entries is None:
            entries = {}
            for folder in _folders():  # later folders win
                for path in sorted(folder.glob("*.txt")):
                    entries.update(read_entries(path.read_text(encoding="utf-8")))
        self.entries = entries

    def has(self, key: str) -> bool:
        return key in self.entries

    def say(self, key: str, /, **values: object) -> str:
        if key not in self.entries:
            raise WordingError(f"The wording has no entry [{key}] (annotations/analysis/wording).")
        try:
            return Template(self.entries[key]).substitute(
                {name: str(value) for name, value in values.items()}
            )
        except (KeyError, ValueError) as error:
            raise WordingError(
                f"The wording entry [{key}] names an unknown value: {error}"
            ) from None

    def first(self, keys: list[str], /, **values: object) -> str:
        """The first of `keys` the wording has (a code's own entry before the general one)."""
        for key in keys:
            if self.has(key):
                return self.say(key, **values)
        return self.say(keys[-1], **values)
