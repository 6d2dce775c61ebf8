"""The monitoring downloads byte for byte: the search, retrieved-segments and passages
CSVs of a small corpus with every awkward cell — formula starts (= + - @), quotes and
commas, a newline and a tab inside a cell, accents, Cyrillic and a character outside
the Basic Multilingual Plane (offsets count code points), long texts cut for context,
a statement-level code, a speaker-less statement with and without a delegation.

Pinned before the streams were rewritten for speed (values, no model instances, batched
writes): the rewrite has to give the same bytes on both databases.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from annotations.coding.services import annotation_create
from annotations.models import Code
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
TEXTS = {
    # (meeting, order): (speaker name, gender, delegation, on behalf of, text)
    ("a", 1): ('O\'Brien, "Pat"', Gender.FEMALE, "Ireland", "",
               "-Survivors first: the Assembly heard that “survivors” of trafficking in Côte "
               "d’Ivoire and\nelsewhere must be heard, said the speaker, adding that "
               '"survivor-led" groups deserved funding and that nothing about them should be '
               "decided without them, ever."),
    ("a", 2): (None, Gender.UNKNOWN, HYPERLINK, "Group of 77",
               "The representative recalled a long list of commitments made over many years by "
               "many delegations in many forums 🌍 and said survivors\tof sexual violence in "
               "conflict were still waiting for reparations, justice and recognition from the "
               "Council, year after year, meeting after meeting, resolution after resolution."),
    ("a", 3): (None, Gender.UNKNOWN, "", "",
               "+ Survivors' networks in Kyiv (Київ) said: «nothing about us without us»."),
    ("b", 1): ("@Zoë Ångström", Gender.MALE, "Sweden", "the Nordic countries",
               "Trafficking thrived on impunity; the 🌍 survivor-led groups asked for "
               "reparations. SURVIVORS."),
    ("b", 2): (None, Gender.UNKNOWN, "Chile", "", "Nothing here is about that."),
}  # fmt: skip
MEETINGS = {
    "a": (7701, 'GA/1"2', "General Assembly", datetime.date(2019, 3, 8)),
    "b": (7702, "-S/PV.9000", "Security Council", datetime.date(2021, 10, 21)),
}


@pytest.fixture
def statements(db) -> dict:
    meetings = {
        key: Meeting.objects.create(pk=pk, symbol=symbol, body=body, date=date, title=symbol)
        for key, (pk, symbol, body, date) in MEETINGS.items()
    }
    found = {}
    for n, ((meeting, order), (name, gender, delegation, behalf, text)) in enumerate(TEXTS.items()):
        speaker = Speaker.objects.create(name=name, gender=gender) if name else None
        found[(meeting, order)] = Statement.objects.create(
            pk=880001 + n, meeting=meetings[meeting], order=order, segment="Debate, part “1”",
            speaker=speaker, delegation=delegation, on_behalf_of=behalf,
            speaker_type=SpeakerType.CIVIL_SOCIETY if name is None else SpeakerType.MEMBER_STATE,
            text=text,
        )  # fmt: skip
    return found


@pytest.fixture
def annotations(statements, codebook, analyst_a, analyst_b) -> dict:
    protection = Code.objects.get(slug="protection")
    testimony = Code.objects.get(slug="survivor-testimony")  # a statement-level code

    def span(key, phrase, analyst, memo=""):
        text = statements[key].text
        start = text.index(phrase)
        return annotation_create(statement=statements[key], code=protection, analyst=analyst,
                                 start=start, end=start + len(phrase), memo=memo)  # fmt: skip

    return {
        "a1": span(("a", 1), "“survivors”", analyst_a, memo="=cmd|' /C calc'!A0\nsecond line"),
        "a2": span(("a", 2), "reparations, justice", analyst_b),
        "a3": span(("a", 2), "🌍 and said", analyst_a, memo="@once"),
        "a4": span(("a", 3), "+ Survivors'", analyst_a),
        "a5": span(("b", 1), "Trafficking", analyst_b, memo='"quoted", with a comma'),
        "a6": annotation_create(
            statement=statements[("a", 2)], code=testimony, analyst=analyst_a, memo="-1"
        ),  # fmt: skip
    }


@pytest.fixture
def client(analyst_a) -> Client:
    client = Client()
    client.force_login(analyst_a)
    return client


def download(client, path, params) -> bytes:
    response = client.get(path, params)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


EXPECTED = Path(__file__).parent / "csv_bytes"
CASES = {
    "search-survivors": ("/monitoring/search.csv", {"q": "survivors"}),
    "search-phrase-or-word": ("/monitoring/search.csv", {"q": '"survivor led" OR reparations'}),
    "segments-two-codes": ("/monitoring/segments.csv", {"code": "protection,survivor-testimony"}),
    "passages-coded": ("/monitoring/passages.csv", {"coded": "protection"}),
    "passages-coded-statement-level": ("/monitoring/passages.csv", {"coded": "survivor-testimony"}),
    "passages-body-sc": ("/monitoring/passages.csv", {"body": "Security Council"}),
    # A statement-level annotation has no start: PostgreSQL sorts it last, SQLite first.
    "passages-body-ga": ("/monitoring/passages.csv", {"body": "General Assembly"}),
}  # fmt: skip


def expected(name: str, annotations: dict) -> bytes:
    """The pinned file, its annotation ids ({a1}…) filled in (they differ between runs)."""
    own = EXPECTED / f"{name}.{connection.vendor}.csv"
    text = (own if own.exists() else EXPECTED / f"{name}.csv").read_bytes().decode()
    return text.format(**{key: a.pk for key, a in annotations.items()}).encode()


@pytest.mark.parametrize("name", CASES)
def test_the_download_is_byte_for_byte_the_pinned_file(client, annotations, name):
    path, params = CASES[name]
    assert download(client, path, params) == expected(name, annotations)


def test_the_pinned_files_hold_what_they_claim(annotations):
    # A guard on the guard: the files really hold the awkward cells (CRLF rows, a newline
    # and a tab inside quoted cells, neutralised formulas, a character beyond the BMP).
    search = expected("search-survivors", annotations).decode()
    assert search.count("\r\n") == 5 and "'-S/PV.9000" in search and "'@Zoë" in search
    assert "\"'\tof sexual violence" in search and ",122,131," in search  # code points
    segments = expected("segments-two-codes", annotations).decode()
    assert "\"'=cmd|' /C calc'!A0\nsecond line\"" in segments and ",-1," in segments
