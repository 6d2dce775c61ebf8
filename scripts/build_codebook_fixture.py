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

# Eight hues, far apart (CIELAB distance ≥ 35 between any two) and each dark enough for
# white label text and a 3:1 underline on white (contrast ≥ 5:1). Each group takes them
# from its own starting point, so the codes of a group never share a hue and neighbouring
# groups start differently; the label on every highlight names the code, so no reader
# depends on hue alone. tests/test_fixtures.py checks all of this.
PALETTE = [
    "#0b5cad",  # blue
    "#b04200",  # orange
    "#1a7f37",  # green
    "#7a3fc8",  # violet
    "#c0143c",  # crimson
    "#00758a",  # teal
    "#7a6300",  # olive
    "#a3137a",  # magenta
]


def group_colour(group_index: int, code_index: int) -> str:
    return PALETTE[(3 * group_index + code_index) % len(PALETTE)]


SHORTCUTS = list("1234567890abeghilmoqrstvwyz")

# Keywords and phrases that suggest a code in the workspace (one per line in Code.keywords;
# editable in the admin). Matching ignores case and treats any hyphen or space alike, so
# "victim-centred" also finds the release's "victim\u2011centred" (non-breaking hyphen).
KEYWORDS = {
    "victim-centred": ["victim-centred", "victim-focused", "victims-focused", "rights of victims"],
    "survivor-participation": ["involvement of survivors", "voice of survivors", "survivor-led"],
    "human-rights-based": ["human-rights-based", "human rights-based", "rights-based approach"],
    "gender-specific": ["gender-specific", "gender-sensitive", "gender-based", "gender-responsive"],
    "child-centred": ["child-centred", "child-sensitive", "best interests of the child"],
    "poverty-inequality": ["poverty", "inequality", "global North", "global South"],
    "unemployment-labour": ["unemployment", "labour migration", "forced labour"],
    "conflict-insecurity": ["armed conflict", "conflict", "insecurity", "terrorist"],
    "migration-displacement": ["migration", "displacement", "refugees", "migrants"],
    "demand": ["demand"],
    "gender-inequality": ["gender discrimination", "discrimination against women", "patriarchy"],
    "technology-online": ["online", "internet", "social media", "technology"],
    "governance-impunity": ["impunity", "corruption", "weak institutions", "rule of law"],
    "prevention": ["prevention", "awareness", "hotline"],
    "protection": ["protection", "shelter", "shelters", "repatriation", "rehabilitation"],
    "prosecution": ["prosecution", "prosecuting", "convictions", "criminalize", "criminalise"],
    "partnership": ["partnership", "partnerships", "cooperation", "private sector"],
    "women-as-vulnerable": [
        "vulnerable groups",
        "especially women and children",
        "most vulnerable",
    ],
    "women-as-agents": [
        "women leaders",
        "women-led",
        "women's organizations",
        "women's leadership",
    ],
    "gender-specific-assistance": ["economic empowerment", "women and girls survivors"],
    "access-to-justice": ["access to justice", "compensation", "legal remedies"],
    "training-officials": ["training", "capacity-building", "border officials"],
    "survivor-policy-role": ["policymaking", "policy development"],
    "disaggregated-data": ["disaggregated", "data collection"],
    "judicial-cooperation": ["judicial cooperation", "mutual legal assistance", "extradition"],
    "safe-migration-channels": ["safe migration", "legal and safe migration", "regular migration"],
}


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


def used_counts(codes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in codes:
        counts[code["group"]] = counts.get(code["group"], 0) + 1
    return counts


def main() -> int:
    groups, codes = parse(SOURCE.read_text(encoding="utf-8"))
    if max(used_counts(codes).values()) > len(PALETTE):
        print("A group has more codes than the palette has hues", file=sys.stderr)
        return 1
    if len(codes) > len(SHORTCUTS):
        print("More codes than shortcut keys", file=sys.stderr)
        return 1
    unknown = sorted(set(KEYWORDS) - {code["slug"] for code in codes})
    if unknown:
        print(f"KEYWORDS names codes not in the codebook: {unknown}", file=sys.stderr)
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
    group_index = {group["slug"]: n for n, group in enumerate(groups)}
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
                    "colour": group_colour(group_index[code["group"]], index),
                    "shortcut": SHORTCUTS[order - 1],
                    "order": order,
                    "keywords": "\n".join(KEYWORDS.get(code["slug"], [])),
                    "retired": False,
                },
            }
        )
    TARGET.write_text(json.dumps(objects, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(groups)} groups, {len(codes)} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
