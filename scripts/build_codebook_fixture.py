"""Build fixtures/codebook.json from the shared codebook (../shared/codebook.md).

Run again whenever the codebook changes:  python scripts/build_codebook_fixture.py
Colours and shortcut keys are assigned here; the workspace reserves j k c d u x f n p /
? and Enter for navigation, so shortcuts use the other letters and the digits.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "codebook.md"
TARGET = ROOT / "fixtures" / "codebook.json"

# Colours chosen to stay readable as a translucent highlight behind dark text.
GROUP_COLOURS = {
    "approach": ["#2563eb", "#7c3aed", "#9333ea", "#0891b2", "#db2777", "#0d9488"],
    "root-causes": [
        "#b45309",
        "#c2410c",
        "#dc2626",
        "#ca8a04",
        "#be123c",
        "#a16207",
        "#ea580c",
        "#9f1239",
    ],
    "four-ps": ["#15803d", "#16a34a", "#4d7c0f", "#047857"],
    "framing-of-women": ["#c026d3", "#e11d48", "#7e22ce", "#be185d"],
    "missed-opportunity-indicators": ["#475569", "#0369a1", "#4338ca", "#0e7490", "#334155"],
}
SHORTCUTS = list("1234567890abeghilmoqrstvwyz")


def parse(markdown: str):
    groups, codes = [], []
    group = None
    for line in markdown.splitlines():
        heading = re.match(r"^## ([a-z-]+) — (.+)$", line)
        if heading:
            slug, description = heading.groups()
            name = slug.replace("-", " ").capitalize()
            if slug == "four-ps":
                name = "The 4 P's"
            group = {"slug": slug, "name": name, "description": description.strip()}
            groups.append(group)
            continue
        if line.startswith("## "):
            group = None
            continue
        if group is None or not line.startswith("| ") or line.startswith("| slug") or "---" in line:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        slug, name, definition, example = cells[0], cells[1], cells[2], cells[3]
        statement_level = "*statement-level*" in definition
        definition = definition.replace("*statement-level*.", "").strip()
        if group["slug"] == "missed-opportunity-indicators":
            example = f"PeaceWomen missed opportunity: {example}"
        codes.append(
            {
                "group": group["slug"],
                "slug": slug,
                "name": name,
                "definition": definition,
                "example": "" if example in {"—", "-"} else example,
                "statement_level": statement_level,
            }
        )
    return groups, codes


def main() -> int:
    groups, codes = parse(SOURCE.read_text(encoding="utf-8"))
    if len(codes) > len(SHORTCUTS):
        print("More codes than shortcut keys", file=sys.stderr)
        return 1
    objects = [
        {
            "model": "annotations.codingscheme",
            "pk": 1,
            "fields": {
                "name": "Gender analysis of UN meetings on trafficking in persons",
                "slug": "trafficking-gender-analysis",
                "version": 1,
                "description": "The default codebook, derived from PeaceWomen's analysis of the "
                "2017 high-level meeting on the Global Plan of Action: the 4 P's, "
                "the gender analysis and the missed opportunities.",
                "is_default": True,
                "groups": groups,
                "created": "2026-11-22T00:00:00Z",
            },
        }
    ]
    used = {}
    for order, code in enumerate(codes, start=1):
        index = used.get(code["group"], 0)
        used[code["group"]] = index + 1
        objects.append(
            {
                "model": "annotations.code",
                "pk": order,
                "fields": {
                    "scheme": 1,
                    **code,
                    "colour": GROUP_COLOURS[code["group"]][index],
                    "shortcut": SHORTCUTS[order - 1],
                    "order": order,
                    "keywords": "",
                    "retired": False,
                },
            }
        )
    TARGET.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(groups)} groups, {len(codes)} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
