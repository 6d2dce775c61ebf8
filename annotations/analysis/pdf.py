"""The draft as a print-ready PDF (fpdf2): A4, numbered headings in the PDF outline,
quotes indented in italics with note numbers, charts as pictures, tables, the
notes with links, page numbers.

fpdf2 is pure Python (with fontTools and Pillow) and embeds a TrueType font;
the DejaVu fonts come with matplotlib, which the charts already need, so
nothing is looked up or downloaded when a PDF is made.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..charts import render_png
from .document import CAUTION, NOTICE, ChartBlock, Claim, Draft, Paragraph, Section, Table

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FAMILY = "DejaVu"
LINE = 5.2
NEXT = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT, "align": "L"}


class DraftPDF(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        for style, name in (("", ""), ("B", "-Bold"), ("I", "-Oblique"), ("BI", "-BoldOblique")):
            self.add_font(FAMILY, style, str(FONTS / f"DejaVuSans{name}.ttf"))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(110)
        self.cell(0, 5, f"{self.footer_text} · page {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0)

    def text_block(self, text: str, style: str = "", size: float = 10.5, indent: float = 0) -> None:
        self.set_font(FAMILY, style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, LINE, text, **NEXT)
        self.ln(1.5)


def _paragraph(pdf: DraftPDF, block: Paragraph) -> None:
    if block.kind == NOTICE:
        pdf.set_fill_color(255, 243, 205)
        pdf.set_font(FAMILY, "B", 10)
        pdf.multi_cell(pdf.epw, LINE, block.text, fill=True, **NEXT)
        pdf.ln(1.5)
    else:
        pdf.text_block(block.text, "I" if block.kind == CAUTION else "")


def _claim(pdf: DraftPDF, claim: Claim) -> None:
    pdf.text_block(claim.text)
    for caution in claim.cautions:
        pdf.text_block(caution, "I", 9.5)
    for quote in claim.quotes:
        pdf.set_text_color(60)
        pdf.text_block(
            f"“{quote.text}” — {quote.citation.attribution} [{quote.citation.number}]",
            "I",
            10,
            indent=8,
        )
        pdf.set_text_color(0)


def _chart(pdf: DraftPDF, block: ChartBlock) -> None:
    png = render_png(block.chart, dpi=150)
    pdf.image(io.BytesIO(png), w=pdf.epw * 0.8, alt_text=block.chart.alt_text)
    pdf.text_block(block.chart.alt_text, "I", 8.5)


def _table(pdf: DraftPDF, block: Table) -> None:
    pdf.set_font(FAMILY, "", 8.5)
    with pdf.table(line_height=4.5, first_row_as_headings=True) as table:
        for row in [block.header, *block.rows]:
            cells = table.row()
            for text in row:
                cells.cell(text)
    pdf.ln(3)


RENDER = {Paragraph: _paragraph, Claim: _claim, ChartBlock: _chart, Table: _table}


def _section(pdf: DraftPDF, section: Section, level: int) -> None:
    title = f"{section.number} {section.title}"
    pdf.start_section(title, level=level)
    pdf.set_font(FAMILY, "B", 15 if level == 0 else 12.5)
    pdf.ln(2)
    pdf.multi_cell(pdf.epw, 7, title, **NEXT)
    pdf.ln(1)
    for block in section.blocks:
        RENDER[type(block)](pdf, block)
    for sub in section.subsections:
        _section(pdf, sub, level + 1)


def render_pdf(draft: Draft, *, base_url: str = "") -> bytes:
    pdf = DraftPDF(footer_text=draft.title[:80])
    pdf.set_title(draft.title)
    pdf.set_subject(draft.kicker)
    pdf.set_creator("Gender-analysis workbench")
    pdf.add_page()
    pdf.text_block(draft.kicker, "", 9)
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(pdf.epw, 8.5, draft.title, **NEXT)
    pdf.ln(2)
    if draft.subtitle:
        pdf.text_block(draft.subtitle, "I")
    for notice in draft.notices:
        _paragraph(pdf, notice)
    for section in draft.sections:
        _section(pdf, section, 0)
    if draft.citations:
        pdf.start_section(draft.notes_title, level=0)
        pdf.set_font(FAMILY, "B", 15)
        pdf.multi_cell(pdf.epw, 7, draft.notes_title, **NEXT)
        pdf.set_font(FAMILY, "", 9)
        for citation in draft.citations:
            pdf.multi_cell(
                pdf.epw,
                4.6,
                f"{citation.number}. {citation.label}",
                link=base_url + citation.url,
                **NEXT,
            )
    return bytes(pdf.output())
