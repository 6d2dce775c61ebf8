"""PDF bytes to text, one string per page, in reading order.

pdfminer.six gives every character with its position; we lay the characters out
ourselves because UN records set two justified columns under full-width cover and
running-head lines: pdfminer's own layout analysis splits justified lines into boxes,
and pypdf's content-stream order turns kerning into spaces ("bus inessman").
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from tracker.imports.parsing.records import ImportProblem

# A page with fewer characters than this has no usable text layer (a scan).
MIN_CHARS_PER_PAGE = 40
# The gutter between two columns is at least this wide, in points; word spaces are less.
MIN_GUTTER = 6.0


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    bottom: float
    size: float


LEADER = re.compile(r"\.\s?\.\s?\.\s?\.")


@dataclass
class Line:
    glyphs: list[Glyph]
    spans: list[tuple[float, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.glyphs.sort(key=lambda g: g.x0)
        # Stretches of ink with no gap as wide as a gutter; a line with a dot leader
        # ("Denmark ..... Ms. Lassen") is one stretch, never two columns.
        if LEADER.search("".join(g.text for g in self.glyphs)):
            self.spans = [(self.x0, self.x1)]
            return
        for glyph in self.glyphs:
            if self.spans and glyph.x0 - self.spans[-1][1] < MIN_GUTTER:
                self.spans[-1] = (self.spans[-1][0], max(self.spans[-1][1], glyph.x1))
            else:
                self.spans.append((glyph.x0, glyph.x1))

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs) or 10.0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    def crosses(self, x: float) -> bool:
        return any(a <= x <= b for a, b in self.spans)

    def text(self) -> str:
        return words_text(self.glyphs)


def words_text(glyphs: list[Glyph]) -> str:
    """Characters of one line, with a space at each gap wider than a kerning gap.

    Tightly justified lines set words only a little further apart than letters, so a
    gap also counts as a space when it is three times the line's usual letter gap."""
    gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:], strict=False)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    out = [glyphs[0].text] if glyphs else []
    for gap, glyph in zip(gaps, glyphs[1:], strict=False):
        size = glyph.size or 10.0
        if gap > 0.15 * size or (gap > 0.08 * size and gap > 3 * max(usual, 0.05)):
            out.append(" ")
        out.append(glyph.text)
    return " ".join("".join(out).split())


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page; ImportProblem for a PDF that cannot be read or has no text."""
    try:
        pages = [page_text(page) for page in extract_pages(io.BytesIO(data), laparams=None)]
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ImportProblem("The PDF is encrypted: upload an unprotected copy.") from error
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as error:
        raise ImportProblem(f"The PDF is damaged and cannot be read ({error}).") from error
    if not pages:
        raise ImportProblem("The PDF has no pages.")
    if sum(len(p) for p in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise ImportProblem(
            "The PDF has no text layer (it is a scan): it needs OCR before it can be imported."
        )
    return pages


def glyphs_of(item: Iterable) -> Iterator[Glyph]:
    for child in item:
        if isinstance(child, LTChar):
            # Space glyphs are dropped: the gaps say where words end, also in PDFs
            # that set no space characters at all.
            if child.get_text().strip():
                yield Glyph(child.get_text(), child.x0, child.x1, -child.y0, child.size)
        elif hasattr(child, "__iter__"):
            yield from glyphs_of(child)


def page_text(page: LTPage) -> str:
    """The page's lines in reading order, a blank line where a paragraph starts."""
    lines = group_lines(list(glyphs_of(page)))
    head, body, foot = margins(lines, page.y0, page.y1)
    gutter = find_gutter(body, page.x0, page.x1)
    blocks = [head, *columns(body, gutter), foot]
    return "\n".join(block_text(block) for block in blocks if block)


def margins(lines: list[Line], y0: float, y1: float) -> tuple[list[Line], list[Line], list[Line]]:
    """Running head and foot: lines near the page's edge set off by a wider gap.

    They stay whole lines ("08/09/2022 A/76/PV.102") so that cleaning knows them."""
    height = y1 - y0
    head = 0
    for i in range(len(lines) - 1):
        if y1 + lines[i].bottom > 0.13 * height:
            break
        if lines[i + 1].bottom - lines[i].bottom > 2.2 * lines[i].size:
            head = i + 1
    foot = len(lines)
    for i in range(len(lines) - 1, head, -1):
        if -lines[i].bottom - y0 > 0.12 * height:
            break
        if lines[i].bottom - lines[i - 1].bottom > 2.2 * lines[i].size:
            foot = i
    return lines[:head], lines[head:foot], lines[foot:]


def block_text(lines: list[Line]) -> str:
    """Lines of one column block; a blank line before each paragraph's first line."""
    if not lines:
        return ""
    margin = sorted(line.x0 for line in lines)[len(lines) // 10]
    right = sorted(line.x1 for line in lines)[len(lines) * 9 // 10]
    steps = sorted(b.bottom - a.bottom for a, b in zip(lines, lines[1:], strict=False))
    # The line spacing inside a paragraph: a low quantile, as a page of one-line
    # paragraphs has more paragraph gaps than line steps.
    step = steps[len(steps) // 4] if steps else 0.0
    # A column or page may open on a new paragraph too.
    out = ["", lines[0].text()] if opens(lines[0], None, margin, right, step) else [lines[0].text()]
    for previous, line in zip(lines, lines[1:], strict=False):
        if opens(line, previous, margin, right, step):
            out.append("")
        out.append(line.text())
    return "\n".join(out)


def opens(line: Line, previous: Line | None, margin: float, right: float, step: float) -> bool:
    """A line opens a paragraph when indented or set off by space; not when it starts in
    lower case or with a bracket, nor when it follows a full line at the same indent (a
    block-indented stage direction: "At the invitation of the President, …")."""
    first = line.glyphs[0].text
    if first.islower() or first in "([":
        return False
    indented = line.x0 - margin > 0.8 * line.size
    if previous is None:
        return indented
    if step > 0 and line.bottom - previous.bottom > 1.35 * step:
        return True
    wrapped = previous.x1 > right - 2 * line.size and abs(previous.x0 - line.x0) < 1
    return indented and not wrapped


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs whose baselines are within a third of their size share a line."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.bottom, g.x0)):
        if rows and abs(rows[-1][-1].bottom - glyph.bottom) < glyph.size / 3:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    return [Line(row) for row in rows]


def find_gutter(lines: list[Line], x0: float, x1: float) -> float | None:
    """The x of a vertical gap that few lines cross, with many lines on either side.

    None on a one-column page."""
    width = x1 - x0
    candidates = [x0 + width * step / 100 for step in range(30, 71)]
    x = min(candidates, key=lambda c: sum(1 for line in lines if line.crosses(c)))
    crossing = sum(1 for line in lines if line.crosses(x))
    left = sum(1 for line in lines if not line.crosses(x) and line.x0 < x)
    right = sum(1 for line in lines if not line.crosses(x) and line.x1 > x)
    if min(left, right) < 5 or crossing > min(left, right) / 2:
        return None
    return x


def split_line(line: Line, gutter: float) -> list[Line]:
    if line.crosses(gutter):
        return [line]  # a full-width line
    left = [g for g in line.glyphs if g.x1 <= gutter]
    right = [g for g in line.glyphs if g.x0 >= gutter]
    return [Line(part) for part in (left, right) if part]


def columns(lines: list[Line], gutter: float | None) -> list[list[Line]]:
    """Blocks in reading order: between full-width lines, the left column, then the right."""
    if gutter is None:
        return [lines]
    blocks: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if line.crosses(gutter):
            blocks += [left, right, [line]]
            left, right = [], []
            continue
        for part in split_line(line, gutter):
            (left if part.x0 < gutter else right).append(part)
    return [block for block in [*blocks, left, right] if block]
