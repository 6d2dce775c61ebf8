"""The draft as Markdown: headings, claims, quote blocks with footnotes, tables.

Charts appear as their tables (Markdown has no picture of its own to carry).
`base_url` makes the workspace links absolute ("https://workbench.example.org").
"""

from __future__ import annotations

from ..charts import chart_table
from .document import CAUTION, NOTICE, ChartBlock, Claim, Draft, Paragraph, Section, Table

SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def escape(text: str) -> str:
    """Text as Markdown that shows as written (no emphasis, links or HTML from the record)."""
    return " ".join(text.split()).translate(SPECIAL)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape(cell) or " " for cell in header) + " |"]
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _block(block, lines: list[str]) -> None:
    if isinstance(block, Paragraph):
        prefix = {NOTICE: "**Note.** ", CAUTION: "**Caution.** "}.get(block.kind, "")
        text = escape(block.text)
        if block.kind == CAUTION and text.startswith("Caution: "):
            text = text.removeprefix("Caution: ")
        lines += [prefix + text, ""]
    elif isinstance(block, Claim):
        lines += [escape(block.text), ""]
        for caution in block.cautions:
            lines += [f"*{escape(caution)}*", ""]
        for quote in block.quotes:
            said = f"“{escape(quote.text)}” — {escape(quote.citation.attribution)}"
            lines += [f"> {said}[^{quote.citation.number}]", ""]
    elif isinstance(block, ChartBlock):
        header, rows = chart_table(block.chart)
        lines += [f"**{escape(block.chart.title)}**", ""]
        lines += _table([header[0] or " ", *header[1:]], rows)
    elif isinstance(block, Table):
        lines += _table(block.header, block.rows)


def _section(section: Section, lines: list[str], depth: int) -> None:
    lines += [f"{'#' * depth} {section.number}. {escape(section.title)}", ""]
    for block in section.blocks:
        _block(block, lines)
    for sub in section.subsections:
        _section(sub, lines, depth + 1)


def render_markdown(draft: Draft, *, base_url: str = "") -> str:
    lines = [f"*{escape(draft.kicker)}*", "", f"# {escape(draft.title)}", ""]
    if draft.subtitle:
        lines += [escape(draft.subtitle), ""]
    for notice in draft.notices:
        lines += [f"**Note.** {escape(notice.text)}", ""]
    for section in draft.sections:
        _section(section, lines, 2)
    if draft.citations:
        lines += [f"## {escape(draft.notes_title)}", ""]
        for c in draft.citations:
            lines.append(f"[^{c.number}]: {escape(c.label)} — <{base_url}{c.url}>")
        lines.append("")
    return "\n".join(lines)
