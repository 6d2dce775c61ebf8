"""The document model of a draft: what the renderers (DOCX, Markdown, PDF, HTML) draw.

Pure data. A section holds blocks in reading order: paragraphs, claims (a
sentence built from figures, with the figures kept beside it and the quotes
that support it), charts and tables. Quotes carry a numbered citation; the
draft lists the citations at the end, footnote style.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..charts import Chart

TEXT, NOTICE, CAUTION = "text", "notice", "caution"


@dataclass
class Citation:
    number: int
    speaker: str
    delegation: str
    symbol: str
    statement_order: int
    url: str  # the passage in the workspace: /meetings/<id>/?annotation=<id>#statement-<id>
    label: str  # the citation as worded
    attribution: str = ""  # "Speaker (Delegation)", shown with the quote


@dataclass
class QuoteBlock:
    text: str
    citation: Citation
    annotation_id: int
    statement_id: int
    start: int | None
    end: int | None
    statement_level: bool


@dataclass
class Paragraph:
    block = "paragraph"  # what the page template draws
    text: str
    kind: str = TEXT  # TEXT, NOTICE (what is missing, demo data) or CAUTION


@dataclass
class Claim:
    block = "claim"  # what the page template draws
    text: str
    codes: list[str]
    figures: dict[str, int | float | None]
    quotes: list[QuoteBlock] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    meeting_id: int | None = None  # the meeting the figures are of (None: several)


@dataclass
class ChartBlock:
    block = "chart"  # what the page template draws
    chart: Chart


@dataclass
class Table:
    block = "table"  # what the page template draws
    title: str
    header: list[str]
    rows: list[list[str]]


Block = Paragraph | Claim | ChartBlock | Table


@dataclass
class Section:
    key: str
    number: str  # "2.1"
    title: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    def walk(self):
        yield self
        for section in self.subsections:
            yield from section.walk()


@dataclass
class Draft:
    kicker: str
    title: str
    subtitle: str
    demo: bool
    notices: list[Paragraph]
    provenance: list[str]
    sections: list[Section]
    citations: list[Citation]
    filename: str  # without the extension
    notes_title: str = "Sources of the quotes"

    def all_sections(self):
        for section in self.sections:
            yield from section.walk()

    def claims(self) -> list[Claim]:
        return [b for s in self.all_sections() for b in s.blocks if isinstance(b, Claim)]

    def quotes(self) -> list[QuoteBlock]:
        return [quote for claim in self.claims() for quote in claim.quotes]

    def charts(self) -> list[Chart]:
        return [b.chart for s in self.all_sections() for b in s.blocks if isinstance(b, ChartBlock)]


class Citations:
    """Numbers citations in the order the quotes appear."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def add(self, **fields) -> Citation:
        citation = Citation(number=len(self.items) + 1, **fields)
        self.items.append(citation)
        return citation
