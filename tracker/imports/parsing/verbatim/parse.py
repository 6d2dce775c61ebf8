"""The one entry: a verbatim record's PDF (or its text) in, a VerbatimRecord out."""

from __future__ import annotations

import re

from tracker.imports.parsing.records import ImportProblem, ImportWarning

from .assemble import assemble
from .cleaning import CleanRecord, clean_pages
from .detect import looks_like_verbatim_record
from .extract import pdf_pages
from .header import VerbatimHeader, parse_header
from .records import VerbatimRecord
from .structure import classify
from .turns import match_turn

ADJOURNED = re.compile(r"The meeting (?:rose|was adjourned|was closed)", re.I)


def parse_verbatim_record(data: bytes | str, *, symbol: str = "") -> VerbatimRecord:
    """Parse a verbatim record (S/PV…, A/…/PV…): the PDF's bytes, or its text with pages
    separated by form feeds. ImportProblem names what makes the input unusable."""
    pages = record_pages(data)
    text = "\f".join(pages)
    if not looks_like_verbatim_record(text):
        raise ImportProblem(
            "This is not a UN verbatim record: no record symbol (S/PV.…, A/…/PV.…) and no "
            "cover with the President and speaker turns were found."
        )
    clean = clean_pages(pages, symbol=symbol)
    header = finish_header(parse_header(clean.cover, symbol=clean.symbol), clean)
    blocks = classify(list(clean.paragraphs), lambda p: match_turn(p) is not None)
    result = assemble(header, blocks)
    if not result.statements:
        raise ImportProblem(f"No speaker turns were found in {header.symbol or 'the record'}.")
    if header.agenda == () and result.segments:
        header = header.with_agenda(tuple(dict.fromkeys(result.segments)))
    return VerbatimRecord(
        meeting=header,
        statements=tuple(result.statements),
        notes=tuple(result.notes),
        warnings=tuple(result.warnings + record_warnings(clean, header, result.notes)),
        segments=tuple(result.segments),
        source=text,
    )


def record_pages(data: bytes | str) -> list[str]:
    if isinstance(data, bytes):
        if data.lstrip()[:5] == b"%PDF-":
            return pdf_pages(data)
        data = decode(data)
    return data.replace("\r\n", "\n").split("\f")


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportProblem("The file is neither a PDF nor UTF-8 text.") from error


def finish_header(header: VerbatimHeader, clean: CleanRecord) -> VerbatimHeader:
    return header if header.symbol else header.with_symbol(clean.symbol)


def record_warnings(clean: CleanRecord, header: VerbatimHeader, notes) -> list[ImportWarning]:
    warnings: list[ImportWarning] = []
    if not any(ADJOURNED.match(note.text) for note in notes):
        warnings.append(
            ImportWarning(
                "The record has no “The meeting rose at …”: it may be cut short. Check "
                "that the last pages were uploaded.",
            )
        )
    if header.date is None:
        warnings.append(ImportWarning("No meeting date was found on the cover.", field="date"))
    if header.president is None:
        warnings.append(ImportWarning("No President was found on the cover."))
    if clean.dropped_french:
        warnings.append(
            ImportWarning(
                f"The record prints English and French side by side: {clean.dropped_french} "
                "French lines were left out; the English text was kept."
            )
        )
    return warnings
