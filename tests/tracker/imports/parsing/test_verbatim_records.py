"""The verbatim-record parser on the seven real records in ../shared/records (1950 to
2026, General Assembly and Security Council), as the UN publishes them."""

import datetime
import re
from pathlib import Path

import pytest

from tracker.imports.parsing.records import GENDERS, SPEAKER_TYPES
from tracker.imports.parsing.verbatim import looks_like_verbatim_record, parse_verbatim_record
from tracker.imports.parsing.verbatim.extract import pdf_pages
from tracker.imports.parsing.verbatim.structure import DIRECTION, VOTE_LABEL, VOTE_LIST
from tracker.imports.parsing.verbatim.turns import TURN_START

ROOT = Path(__file__).resolve().parents[4]
RECORDS = ROOT.parent / "shared" / "records"

# file: symbol, date as printed on the cover, President (name, country), un-extractor's count.
EXPECTED = {
    "A_48_PV.46": ("A/48/PV.46", datetime.date(1993, 11, 1), ("Insanally", "Guyana"), 33),
    "A_61_PV.107": ("A/61/PV.107", datetime.date(2007, 9, 13), ("Al-Khalifa", "Bahrain"), 54),
    "A_64_PV.121": (
        "A/64/PV.121",
        datetime.date(2010, 9, 13),
        ("Ali Abdussalam Treki", "Libyan Arab Jamahiriya"),
        20,
    ),
    "A_76_PV.102": ("A/76/PV.102", datetime.date(2022, 9, 8), ("Shahid", "Maldives"), 87),
    "S_PV.492": (
        "S/PV.492",
        datetime.date(1950, 8, 29),
        ("J. Malik", "Union of Soviet Socialist Republics"),
        13,
    ),
    "S_PV.3756": ("S/PV.3756", datetime.date(1997, 3, 21), ("Wlosowicz", "Poland"), 19),
    "S_PV.10100": ("S/PV.10100", datetime.date(2026, 1, 30), ("Osman", "Somalia"), 2),
}
# Where our count is the better one: these records print more labelled turns than
# un-extractor counts (A/61/PV.107: 28 "The President:", 1 "The Acting President:" and
# 32 delegates; A/64/PV.121: 25 "The President" and 6 delegates). One statement each.
LABELLED_TURNS = {"A_61_PV.107": 61, "A_64_PV.121": 31}


@pytest.fixture(scope="module")
def records():
    return {
        name: parse_verbatim_record((RECORDS / f"{name}.pdf").read_bytes()) for name in EXPECTED
    }


@pytest.mark.parametrize("name", EXPECTED)
def test_it_reads_symbol_date_and_president(records, name):
    symbol, date, (president, country), _ = EXPECTED[name]
    meeting = records[name].meeting
    assert (meeting.symbol, meeting.date) == (symbol, date)
    assert (meeting.president.name, meeting.president.country) == (president, country)


@pytest.mark.parametrize("name", EXPECTED)
def test_it_finds_as_many_statements_as_un_extractor_within_ten_per_cent(records, name):
    count = len(records[name].statements)
    if name in LABELLED_TURNS:
        assert count == LABELLED_TURNS[name]
    else:
        assert abs(count - EXPECTED[name][3]) <= 0.1 * EXPECTED[name][3]


def furniture(record) -> list[re.Pattern]:
    meeting = record.meeting
    pages = record.source.count("\f") + 1
    return [
        re.compile(r"\b\d{2}-\d{5}\b"),  # job number "26-01225"
        re.compile(r"\*\d{7,9}\*"),  # barcode
        re.compile(rf"(?<![\w/-]){re.escape(meeting.symbol)}(?![\w.])"),
        re.compile(re.escape(meeting.date.strftime("%d/%m/%Y"))),  # running-head date
        re.compile(rf"(?<![\w/-])\d{{1,3}}/{pages}(?![\w/])"),  # page "2/31"
        re.compile(r"This record (?:contains|is subject)|Verbatim Reporting|corrigendum"),
    ]


@pytest.mark.parametrize("name", EXPECTED)
def test_no_statement_holds_page_furniture(records, name):
    record = records[name]
    patterns = furniture(record)
    found = [(s.order, p.pattern) for s in record.statements for p in patterns if p.search(s.text)]
    assert found == []


@pytest.mark.parametrize("name", EXPECTED)
def test_the_notes_hold_directions_and_votes_not_speech(records, name):
    for note in records[name].notes:
        assert not TURN_START.match(note.text)
        assert (
            DIRECTION.match(note.text) or VOTE_LABEL.match(note.text) or VOTE_LIST.match(note.text)
        ), note.text[:120]


@pytest.mark.parametrize("name", EXPECTED)
def test_every_statement_has_a_gender_a_type_and_text(records, name):
    for statement in records[name].as_dict()["statements"]:
        assert statement["gender"] in GENDERS
        assert statement["speaker_type"] in SPEAKER_TYPES
        assert statement["text"].strip()


@pytest.mark.parametrize("name", EXPECTED)
def test_a_record_is_detected_as_a_verbatim_record(name):
    text = "\n".join(pdf_pages((RECORDS / f"{name}.pdf").read_bytes())[:3])
    assert looks_like_verbatim_record(text)


def test_the_meeting_ends_in_every_record(records):
    for name, record in records.items():
        assert not [w for w in record.warnings if "cut short" in w.message], name


def test_the_president_of_the_council_is_the_presiding_officer(records):
    first = records["S_PV.10100"].statements[0]
    assert (first.speaker.name, first.delegation, first.speaker_type, first.gender) == (
        "Osman",
        "Somalia",
        "presiding_officer",
        "male",
    )
    assert records["S_PV.10100"].meeting.members[4].name == "Lassen"


def test_delegates_keep_their_language_and_group(records):
    statements = records["A_61_PV.107"].statements
    baum = next(s for s in statements if s.speaker and s.speaker.name == "Baum")
    assert (baum.delegation, baum.language) == ("Switzerland", "French")
    assert baum.on_behalf_of.endswith("Western European and other States")


def test_the_acting_president_is_named_from_the_record(records):
    acting = records["A_61_PV.107"].statements[-1]
    assert (acting.speaker.name, acting.delegation, acting.gender) == (
        "Asmady",
        "Indonesia",
        "female",
    )


def test_the_bilingual_1950_record_keeps_the_english(records):
    """French paragraphs go; on the pages where the scan's text layer interleaves the
    two columns within a line, French fragments stay in the English text (OCR noise)."""
    record = records["S_PV.492"]
    words = [w.lower() for s in record.statements for w in re.findall(r"[^\W\d_]+", s.text)]
    french = sum(w in {"le", "la", "les", "des", "du", "est", "une", "dans"} for w in words)
    english = sum(w in {"the", "of", "and", "to", "is", "that", "which", "this"} for w in words)
    assert french < 0.2 * english
    assert record.statements[0].text.startswith("The agenda which is before the Security")
    assert any("French lines were left out" in w.message for w in record.warnings)
