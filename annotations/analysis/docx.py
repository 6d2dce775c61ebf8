"""The draft as a Word document (python-docx), for the analyst to edit and publish.

Numbered headings, claims, quotes in the "Quote" style each followed by a
superscript note number, the notes at the end with links to the passages, the
charts as PNG pictures (annotations.charts) with their text alternative, and
the tables (the speakers, agreement).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from ..charts import render_png
from .document import CAUTION, NOTICE, ChartBlock, Claim, Draft, Paragraph, Section, Table

CHART_WIDTH = Inches(5.2)
GREY = RGBColor(0x55, 0x55, 0x55)


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """A clickable link (python-docx has no API for one: the w:hyperlink element)."""
    part = paragraph.part
    rel = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    node = OxmlElement("w:t")
    node.text = text
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def _paragraph(document, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(block.text)
    if block.kind == NOTICE:
        run.bold = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    elif block.kind == CAUTION:
        run.italic = True


def _claim(document, claim: Claim) -> None:
    document.add_paragraph(claim.text)
    for caution in claim.cautions:
        document.add_paragraph().add_run(caution).italic = True
    for quote in claim.quotes:
        paragraph = document.add_paragraph(style="Quote")
        paragraph.add_run(f"“{quote.text}” — {quote.citation.attribution}")
        note = paragraph.add_run(str(quote.citation.number))
        note.font.superscript = True


def _chart(document, block: ChartBlock) -> None:
    document.add_picture(io.BytesIO(render_png(block.chart)), width=CHART_WIDTH)
    picture = document.inline_shapes[-1]
    picture._inline.docPr.set("descr", block.chart.alt_text)  # the text alternative
    caption = document.add_paragraph(style="Caption")
    caption.add_run(block.chart.alt_text)


def _table(document, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph()


RENDER = {Paragraph: _paragraph, Claim: _claim, ChartBlock: _chart, Table: _table}


def _section(document, section: Section, level: int) -> None:
    document.add_heading(f"{section.number} {section.title}", level=min(level, 9))
    for block in section.blocks:
        RENDER[type(block)](document, block)
    for sub in section.subsections:
        _section(document, sub, level + 1)


def render_docx(draft: Draft, *, base_url: str = "") -> bytes:
    document = Document()
    document.core_properties.title = draft.title
    document.core_properties.subject = draft.kicker
    document.styles["Normal"].font.size = Pt(11)
    kicker = document.add_paragraph()
    kicker.add_run(draft.kicker).font.color.rgb = GREY
    document.add_heading(draft.title, level=0)
    if draft.subtitle:
        document.add_paragraph(draft.subtitle).runs[0].italic = True
    for notice in draft.notices:
        _paragraph(document, notice)
    for section in draft.sections:
        _section(document, section, 1)
    if draft.citations:
        document.add_heading(draft.notes_title, level=1)
        for citation in draft.citations:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{citation.number}. {citation.label}. ")
            add_hyperlink(paragraph, base_url + citation.url, "Open the passage")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
