"""The real texts the importer is measured on: the seeds (../shared/seeds) and the seven
verbatim records (../shared/records), each read and parsed once per test process."""

from __future__ import annotations

import functools
from pathlib import Path

from tracker.imports.parsing.catalogue import parse

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SEEDS = SHARED / "seeds"
RECORDS = SHARED / "records"
SUMMARY_2021 = SEEDS / "000_3cc370a475d6b38e.txt"
SPEECH_2021 = SEEDS / "001_8413602091af0a7b.txt"
RELEASE_2017 = SEEDS / "002_c8db3da65464a602.txt"
RECORD_NAMES = tuple(sorted(path.stem for path in RECORDS.glob("*.pdf")))
# file → symbol, and the statements the parser gives (the parser's own tests check these
# against un-extractor's counts; here they check that saving keeps every one).
RECORD_SYMBOLS = {
    "A_48_PV.46": "A/48/PV.46",
    "A_61_PV.107": "A/61/PV.107",
    "A_64_PV.121": "A/64/PV.121",
    "A_76_PV.102": "A/76/PV.102",
    "S_PV.10100": "S/PV.10100",
    "S_PV.3756": "S/PV.3756",
    "S_PV.492": "S/PV.492",
}


def record_bytes(name: str) -> bytes:
    return pdf_bytes(name)


@functools.cache
def pdf_bytes(name: str) -> bytes:
    return (RECORDS / f"{name}.pdf").read_bytes()


@functools.cache
def parsed_record(name: str):
    """The verbatim record `name` (a file stem such as "S_PV.10100") as `parse` gives it."""
    return parse(pdf_bytes(name))
