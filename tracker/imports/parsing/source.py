"""From what the analyst gave (bytes or text, plain or a saved HTML page) to paragraphs.

Paragraph text stays verbatim: no-break spaces and non-breaking hyphens are kept,
because statement text is the evidence annotations quote. Only the line structure
is normalised: a paragraph is one line of a copied page, or a block of hard-wrapped
lines, or one block element of an HTML page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .records import ImportProblem

# Blocks whose text never belongs to a meeting record.
_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "form")
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "body",
}  # fmt: skip
# Parts of a saved page around the record: menus, sidebars, related links, topic tags,
# share buttons, footers — by element, or by the class or id the site gives them.
_CLUTTER_TAGS = ("nav", "aside")
_CLUTTER_NAMES = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|menus|sidebar|side-bar|breadcrumbs?|related|"
    r"share|sharing|social|tags|topics|footer|cookie|cookies|banner|skip|language|languages|"
    r"search|subscribe|newsletter|pager|pagination|region-sidebar[\w-]*)(?:$|[-_ ])",
    re.I,
)
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])", re.I)
_HTML_TAGS = re.compile(r"<(?:p|div|br|h[1-6]|span|li|a)[\s>/]", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")


@dataclass(frozen=True)
class Source:
    """The analyst's input as text, split into paragraphs."""

    text: str
    paragraphs: tuple[str, ...]
    page_title: str = ""
    source_url: str = ""


def read_source(data: bytes | str) -> Source:
    """Decode, detect HTML and split into paragraphs; refuse empty or binary input."""
    text = _decode(data)
    if "\x00" in text:
        raise ImportProblem(
            "This is not text: it contains NUL characters (binary data). Save the press "
            "release as text or as a web page (HTML) and try again."
        )
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise ImportProblem(
            "This file is not text: it looks like a binary file (a PDF, a Word document or an "
            "image?). Save the press release as text or as a web page (HTML) and try again."
        )
    if not text.strip():
        raise ImportProblem("The text is empty: paste a press release or choose a file.")
    if looks_like_html(text):
        return _read_html(text)
    return Source(text=text, paragraphs=tuple(split_paragraphs(text)))


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        text = data
    else:
        if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportProblem(
                "This file is not text: it contains NUL bytes (a PDF, a Word document or an "
                "image?). Save the press release as text or as a web page (HTML) and try again."
            )
        for encoding in (
            ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",)
        ):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            # Older saved pages are Windows-1252; anything else is not a release we can read.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportProblem(
                    "This file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 text."
                ) from None
    return normalise_text(text)


# Line breaks of every platform and of Unicode: CRLF (a browser's textarea, Windows files),
# a lone CR (old Mac files), NEL, LINE and PARAGRAPH SEPARATOR, vertical tab, form feed.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def normalise_text(text: str) -> str:
    """The one normalisation every parser applies first, before anything is stored.

    Only what no reader can see changes: line breaks become LF, a byte-order mark goes,
    and characters are composed (NFC), so that "č" typed as c + combining caron and "č"
    are one character. No-break spaces, non-breaking hyphens, quotes and dashes stay as
    printed: the text is the evidence annotations quote.
    """
    text = _LINE_BREAKS.sub("\n", text).replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def looks_like_html(text: str) -> bool:
    head = text[:2000]
    return bool(_HTML_START.search(head)) or len(_HTML_TAGS.findall(head)) >= 3


def split_paragraphs(text: str) -> list[str]:
    """Plain text to paragraphs: each line is one, unless a block is hard-wrapped prose."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip(" \t") for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    # Wrapped prose: every line but the last is of similar, moderate length.
    if len(lines) < 2:
        return False
    body = lines[:-1]
    return all(45 <= len(line) <= 100 for line in body) and len(lines[-1]) <= 100


def _read_html(text: str) -> Source:
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ImportProblem(f"This web page could not be read as HTML ({exc}).") from None
    page_title = " ".join((document.findtext(".//title") or "").split())
    source_url = ""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = document.xpath(xpath)
        if found and str(found[0]).startswith(("http://", "https://")):
            source_url = str(found[0]).strip()
            break
    for element in list(document.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    _drop_page_clutter(document)
    chunks: list[str] = []
    _collect(document, chunks)
    flat = "".join(chunks)
    paragraphs = []
    for raw in re.split(r"\n{2,}", flat):
        for line in raw.split("\n"):
            line = _HTML_SPACE.sub(" ", line).strip(" ")
            if line.strip():
                paragraphs.append(line)
    plain = "\n\n".join(paragraphs)
    return Source(
        text=plain, paragraphs=tuple(paragraphs), page_title=page_title, source_url=source_url
    )


def _drop_page_clutter(document) -> None:
    """Menus, sidebars, related links, tags and footers go; the record stays. A site's
    <header> and <footer> go too, but not those inside the article or main part."""
    doomed = list(document.iter(*_CLUTTER_TAGS))
    for element in document.iter("header", "footer"):
        if not any(a.tag in ("main", "article") for a in element.iterancestors()):
            doomed.append(element)
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "main"):
            continue
        names = " ".join(filter(None, [element.get("class"), element.get("id")]))
        if names and _CLUTTER_NAMES.search(names) and element.get("role") != "main":
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _collect(element, chunks: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if block:
        chunks.append("\n\n")
    if tag.lower() == "br":
        chunks.append("\n")
    if element.text and tag:
        chunks.append(_HTML_SPACE.sub(" ", element.text))
    for child in element:
        _collect(child, chunks)
        if child.tail:
            chunks.append(_HTML_SPACE.sub(" ", child.tail))
    if block:
        chunks.append("\n\n")
