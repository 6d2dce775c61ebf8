"""The three downloads read back: DOCX with python-docx, Markdown as text, PDF with pypdf."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from annotations.analysis.docx import render_docx
from annotations.analysis.draft import meeting_draft
from annotations.analysis.markdown import render_markdown
from annotations.analysis.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(demo):
    return meeting_draft(meeting=demo)


def test_the_docx_has_headings_quotes_speakers_and_charts(draft):
    document = Document(io.BytesIO(render_docx(draft, base_url="http://testserver")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1 Meeting overview" in headings and "2.3 Prosecution" in headings
    assert "Sources of the quotes" in headings
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert len(quotes) == len(draft.quotes())
    first = draft.quotes()[0]
    assert quotes[0] == f"“{first.text}” — {first.citation.attribution}{first.citation.number}"
    speakers = next(t for t in document.tables if t.rows[0].cells[0].text == "Speaker")
    assert len(speakers.rows) == 1 + 49
    assert len(document.inline_shapes) == len(draft.charts()) >= 4
    assert (
        "http://testserver/meetings/"
        in document.part.rels[
            next(r for r in document.part.rels if "hyperlink" in document.part.rels[r].reltype)
        ].target_ref
    )


def test_the_markdown_has_the_sections_and_footnotes(draft):
    text = render_markdown(draft, base_url="http://testserver")
    for heading in (
        "## 1. Meeting overview",
        "### 2.1. Prevention",
        "## 4. Missed opportunities",
        "## 5. Method and provenance",
        "## 6. Speakers",
        "## Sources of the quotes",
    ):
        assert heading in text
    assert (
        "[^1]: Miroslav Lajčák (Slovakia), GA/11955, statement 1 — <http://testserver/meetings/"
        in text
    )


def test_the_pdf_is_a_pdf_with_pages_and_the_text(draft):
    data = render_pdf(draft)
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 5
    text = " ".join(page.extract_text() for page in reader.pages[:3])
    assert "Meeting overview" in text


def test_a_record_with_characters_outside_the_font_still_renders(meeting, codebook):
    # The test meeting has an emoji, which DejaVu Sans lacks.
    draft = meeting_draft(meeting=meeting)
    assert render_pdf(draft).startswith(b"%PDF")
    assert render_docx(draft)[:2] == b"PK"
