"""A summary (seed 000, the 2021 high-level meeting) into the statements of the speakers
it names, and small summaries in the same style."""

import datetime

import pytest

from tests.conftest import SEEDS
from tracker.imports.parsing.summary import attribution, parse_summary

SUMMARY_2021 = SEEDS / "000_3cc370a475d6b38e.txt"

# Read from the seed: every speaker it reports alone, in order, with what they are.
EXPECTED_2021 = [
    ("Amina Mohammed", "United Nations", "un_official", "female"),
    (
        "Malaika Oringo",
        "Footprint to Freedom and Survivor Trafficking in Persons",
        "survivor",
        "female",
    ),
    ("Yasmeen Hassan", "Equality Now", "civil_society", "female"),
    ("Ghada Fathi Waly", "UNODC", "un_official", "female"),
    ("Siobhan Mullally", "United Nations", "un_official", "female"),
    ("Abdulla Shahid", "Maldives", "presiding_officer", "male"),
    (None, "European Union", "observer", "female"),
    ("Vladimir Makei", "Belarus", "member_state", "male"),
    (None, "Liechtenstein", "member_state", "female"),
    (None, "Qatar", "member_state", "male"),
    (None, "Greece", "member_state", "unknown"),
    (None, "Burkina Faso", "member_state", "female"),
]


@pytest.fixture(scope="module")
def meeting_2021():
    return parse_summary(SUMMARY_2021.read_bytes(), symbol="GA/12387")


def test_the_2021_summary_is_the_meeting_of_22_november_2021(meeting_2021):
    meeting = meeting_2021.meeting
    assert meeting.symbol == "GA/12387"
    assert meeting.body == "General Assembly"
    assert meeting.date == datetime.date(2021, 11, 22)  # "2021 Appraisal (22-23 November)"
    assert meeting.session == "76th session"
    assert meeting.title.startswith("Stressing ‘Pity Is Not Enough’")
    assert meeting.title.endswith("as Delegates Outline National Strategies")
    assert meeting_2021.kind == "summary"


def test_every_named_speaker_of_2021_has_a_statement_with_type_and_gender(meeting_2021):
    rows = [
        (s.speaker.name if s.speaker else None, s.delegation, s.speaker_type, s.gender)
        for s in meeting_2021.statements
    ]
    assert rows == EXPECTED_2021
    assert all(s.from_summary for s in meeting_2021.statements)


def test_a_summary_statement_runs_from_its_attribution_to_the_next_speaker(meeting_2021):
    deputy, survivor = meeting_2021.statements[:2]
    assert deputy.text.startswith("“At this pivotal moment, the Political Declaration")
    assert deputy.text.endswith("end the scourge of trafficking once and for all.")
    assert "Women, girls, children, refugees and migrants" in deputy.text
    assert deputy.role == "Deputy Secretary-General of the United Nations"
    assert survivor.text.startswith("Malaika Oringo, a survivor and the Founder")
    assert survivor.text.endswith("lead to policy and laws.")
    source = SUMMARY_2021.read_text(encoding="utf-8")
    for statement in meeting_2021.statements:
        assert statement.text in source  # verbatim slices of the summary
        assert "\r" not in statement.text


def test_sentences_about_several_speakers_or_the_proceedings_are_notes(meeting_2021):
    notes = " ".join(n.text for n in meeting_2021.notes)
    assert notes.startswith("Survivor wisdom must be leveraged")
    assert "During the meeting, ministers and representatives spotlighted" in notes
    assert "The representatives of Algeria, Democratic Republic of the Congo" in notes
    assert "Also delivering statements during the opening segment" in notes
    statements = " ".join(s.text for s in meeting_2021.statements)
    assert "Some delegates offered models" not in statements
    assert "View more" not in notes and "Production Date" not in notes


def test_the_warnings_say_it_is_a_summary(meeting_2021):
    assert "This is a summary" in meeting_2021.warnings[0].message
    assert not [w for w in meeting_2021.warnings if w.field in ("symbol", "date")]


def test_symbol_and_date_passed_in_take_precedence():
    text = "Security Council\nSC/15000\n3 March 2022\n\n" + SMALL_SUMMARY
    release = parse_summary(text, date=datetime.date(2022, 3, 4))
    assert release.meeting.symbol == "SC/15000"
    assert release.meeting.body == "Security Council"
    assert release.meeting.date == datetime.date(2022, 3, 4)


SMALL_SUMMARY = (
    "The Security Council today heard briefings on women and peace and security in the "
    "Sahel, as members discussed how to protect women human rights defenders.  "
    "Rosemary DiCarlo, Under-Secretary-General for Political and Peacebuilding Affairs, "
    "said reprisals had doubled.  She urged the Council to act.  "
    "France’s representative said his country would fund shelters.  "
    "The delegate of Ghana said women mediators needed protection.  "
    "Many speakers called for sanctions against perpetrators."
)


def test_a_small_summary_gives_each_speaker_and_a_note():
    release = parse_summary(SMALL_SUMMARY, symbol="SC/15001")
    rows = [
        (s.speaker.name if s.speaker else None, s.delegation, s.gender) for s in release.statements
    ]
    assert rows == [
        ("Rosemary DiCarlo", "United Nations", "female"),
        (None, "France", "male"),
        (None, "Ghana", "unknown"),
    ]
    assert release.notes[-1].text == "Many speakers called for sanctions against perpetrators."
    assert any(w.field == "date" for w in release.warnings)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Yasmeen Hassan, Global Executive Director of Equality Now, said so.", "Yasmeen Hassan"),
        ("“We must act,” Jane Roe, Founder of Free Now, said.", "Jane Roe"),
        ("“We must act,” said Jane Roe, Founder of Free Now.", "Jane Roe"),
        ("Security Council President Ana Ruiz (Mexico) said the debate was over.", "Ana Ruiz"),
    ],
)
def test_a_named_speaker_is_found_however_the_sentence_is_built(sentence, who):
    assert attribution(sentence).name == who


@pytest.mark.parametrize(
    "sentence",
    [
        "Member States also agreed to take action to address this.",
        "Acting without a vote, the Assembly adopted a resolution.",
        "Women, girls, children, refugees and migrants are especially targeted.",
        "Going forward, it is essential to prioritize a victim-centred approach, he said.",
    ],
)
def test_a_sentence_that_names_no_one_has_no_attribution(sentence):
    assert attribution(sentence) is None
