"""The one CSV writer: the formula rule for every cell, and no other csv.writer in the code."""

import csv
import io
import re
from pathlib import Path

import pytest

from tracker.web.csv_files import csv_chunks, csv_lines, csv_text, neutralise_formula, safe_cell

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)"]


@pytest.mark.parametrize("value", [*HOSTILE, "-2+3", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["-0.20", "+3", "12", "4.5"])
def test_a_number_formatted_as_text_stays_a_number(value):
    assert safe_cell(value) == value


def test_numbers_and_none_are_written_as_they_are():
    assert safe_cell(-3) == -3
    assert safe_cell(None) == ""


def test_the_text_and_the_streamed_lines_agree_and_end_in_crlf():
    rows = [["title", "n"], [HOSTILE[0], -1], ["a, b", None]]
    text = csv_text(rows)
    assert text == "".join(csv_lines(rows))
    assert text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text))) == [
        ["title", "n"],
        ["'" + HOSTILE[0], "-1"],
        ["a, b", ""],
    ]


def test_no_other_csv_writer_in_the_code():
    allowed = ROOT / "tracker" / "web" / "csv_files.py"
    offenders = []
    for folder in ("tracker", "annotations", "scripts", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text("utf-8")
            if path != allowed and re.search(r"csv\.(writer|DictWriter)\(", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    assert "csv.writer(" in allowed.read_text("utf-8")  # the check sees what it looks for


@pytest.mark.parametrize("size", [1, 2, 3, 500])
def test_the_chunks_are_the_streamed_lines_in_fewer_pieces(size):
    rows = [["title", "n"], *([value, -1, None, "line\nbreak", 'a "b", c'] for value in HOSTILE)]
    chunks = list(csv_chunks(iter(rows), size))
    assert "".join(chunks) == "".join(csv_lines(rows))
    assert len(chunks) == -(-len(rows) // size)  # a chunk per `size` rows, no empty one
    assert list(csv_chunks(iter([]), size)) == []
