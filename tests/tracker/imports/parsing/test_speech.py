"""A single speech: the speaker, role and date from the page, the whole speech kept,
introduction and page clutter dropped."""

import datetime

import pytest

from tests.conftest import SEEDS
from tests.tracker.imports import record_samples as samples
from tracker.imports.parsing.corrections import apply_corrections
from tracker.imports.parsing.officials import known_official
from tracker.imports.parsing.press_release import parse_press_release
from tracker.imports.parsing.speech import parse_single_speech

DEPUTY_SECRETARY_GENERAL_2021 = SEEDS / "001_8413602091af0a7b.txt"


def test_seed_001_is_the_deputy_secretary_generals_speech_in_full():
    release = parse_single_speech(DEPUTY_SECRETARY_GENERAL_2021.read_bytes())
    (speech,) = release.statements
    assert (speech.speaker.name, speech.speaker.gender, speech.speaker.type) == (
        "Amina Mohammed",
        "female",
        "un_official",
    )
    assert (speech.role, speech.delegation, speech.gender) == (
        "Deputy Secretary-General",
        "United Nations",
        "female",
    )
    paragraphs = speech.text.split("\n\n")
    assert paragraphs[0].startswith("I thank the President of the General Assembly")
    assert paragraphs[-1].endswith("end the scourge of trafficking once and for all.")
    assert len(paragraphs) == 15
    source = DEPUTY_SECRETARY_GENERAL_2021.read_text(encoding="utf-8")
    for paragraph in paragraphs:
        assert paragraph in source
    assert "The following is the speech" not in speech.text
    assert release.meeting.date == datetime.date(2021, 11, 25)  # the repost's date, warned
    assert any(w.field == "date" for w in release.warnings)


def test_a_secretary_generals_release_gives_speaker_symbol_and_date():
    release = parse_single_speech(samples.SECRETARY_GENERAL_SPEECH)
    (speech,) = release.statements
    assert speech.speaker.name == "António Guterres"
    assert (speech.role, speech.speaker_type, speech.gender) == (
        "Secretary-General",
        "un_official",
        "male",
    )
    meeting = release.meeting
    assert (meeting.symbol, meeting.body, meeting.date) == (
        "SG/SM/21040",
        "Secretary-General",
        datetime.date(2021, 11, 22),
    )
    assert (
        meeting.title == "Secretary-General Calls for Survivor-Centred Action against Trafficking"
    )
    paragraphs = speech.text.split("\n\n")
    assert paragraphs[:2] == ["Mr. President,", "Excellencies,"]  # no first paragraph lost
    assert paragraphs[-1] == "Thank you."
    for clutter in ("Following are", "Topics", "Related Documents", "Human Trafficking"):
        assert clutter not in speech.text
    assert not any("Name the speaker" in w.message for w in release.warnings)
    assert not any("cut short" in w.message for w in release.warnings)


def test_a_spokespersons_statement_is_the_secretary_generals_with_a_warning():
    release = parse_single_speech(samples.SPOKESPERSON_STATEMENT)
    (speech,) = release.statements
    assert speech.speaker.name == "António Guterres"
    assert speech.text.startswith("The Secretary-General welcomes the adoption")
    assert any("Spokesperson" in w.message for w in release.warnings)


def test_a_speech_without_introduction_keeps_its_salutation_and_drops_its_tags():
    release = parse_single_speech(samples.SPEECH_WITHOUT_INTRODUCTION)
    (speech,) = release.statements
    assert speech.text.split("\n\n")[0] == "Excellencies,"
    assert speech.text.endswith("prosecute those who exploit them.")
    assert "Topics" not in speech.text and "Share" not in speech.text
    assert speech.speaker is None
    assert any(w.field == "speaker_name" for w in release.warnings)


def test_an_sg_sm_release_read_as_a_press_release_is_not_called_cut_short():
    release = parse_press_release(samples.SECRETARY_GENERAL_SPEECH)
    messages = " ".join(w.message for w in release.warnings)
    assert "cut short" not in messages
    assert "import it as a single speech" in messages


def test_a_speech_trimmed_in_a_browser_textarea_is_stored_with_lf():
    release = parse_single_speech(DEPUTY_SECRETARY_GENERAL_2021.read_bytes())
    first_two = "\r\n\r\n".join(release.statements[0].text.split("\n\n")[:2])
    corrected = apply_corrections(release, statements={1: {"text": first_two}})
    assert "\r" not in corrected.statements[0].text
    assert corrected.statements[0].text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("printed", "office", "year", "name"),
    [
        ("Amina Mohamed", "Deputy Secretary-General", 2021, "Amina Mohammed"),
        ("Amina J. Mohammed", "Deputy Secretary-General", 2023, "Amina Mohammed"),
        ("Antonio Guterres", "Secretary-General", 2021, "António Guterres"),
        ("Ban Ki-moon", "Secretary-General", 2015, "Ban Ki-moon"),
    ],
)
def test_an_office_and_a_year_say_who_spoke(printed, office, year, name):
    official = known_official(printed, office, date=datetime.date(year, 6, 1))
    assert official.name == name


def test_a_name_that_did_not_hold_the_office_is_not_replaced():
    assert known_official("Jane Roe", "Secretary-General") is None
    assert (
        known_official("Amina Mohammed", "Deputy Secretary-General", date=datetime.date(2010, 1, 1))
        is None
    )
