"""The report's sections of the PeaceWomen structure on top of the coverage: the
4 P's balance, the gender analysis, root causes."""

from __future__ import annotations

from .data import CodeCoverage, Section, SectionRow, share

# (key, title, description, codebook groups, further codes) — codes missing from a
# meeting's scheme are left out, a section with none is not shown.
SECTIONS = [
    (
        "four-ps",
        "The 4 P's",
        "Prevention, protection, prosecution and partnership: how the meeting's attention "
        "was balanced between the pillars of the Global Plan of Action.",
        ["four-ps"],
        [],
    ),
    (
        "gender-analysis",
        "Gender analysis",
        "How women are framed, and whether speakers took gender-specific approaches.",
        ["framing-of-women"],
        ["gender-specific", "gender-inequality"],
    ),
    (
        "root-causes",
        "Root causes",
        "What speakers named as driving trafficking.",
        ["root-causes"],
        [],
    ),
]


def sections(coverage: list[CodeCoverage]) -> list[Section]:
    result = []
    for key, title, description, groups, extra in SECTIONS:
        codes = [code for code in coverage if code.group in groups]
        codes += [code for code in coverage if code.slug in extra and code not in codes]
        if not codes:
            continue
        total = sum(code.statements for code in codes)
        rows = [
            SectionRow(code=code, share_of_section=share(code.statements, total)) for code in codes
        ]
        result.append(Section(key=key, title=title, description=description, rows=rows))
    return result
