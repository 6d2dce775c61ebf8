"""The verbatim-record parser on small records of our own, one convention at a time."""

import datetime

import pytest

from tests.conftest import GA_11955_RELEASE
from tests.tracker.imports.parsing import verbatim_samples as samples
from tests.tracker.imports.parsing.pdf_builder import pdf
from tracker.imports.parsing.records import GENDERS, SPEAKER_TYPES, ImportProblem
from tracker.imports.parsing.verbatim import looks_like_verbatim_record, parse_verbatim_record
from tracker.imports.parsing.verbatim.cleaning import clean_pages, repair_words
from tracker.imports.parsing.verbatim.symbols import normalise_symbol
from tracker.imports.parsing.verbatim.turns import match_turn


@pytest.fixture(scope="module")
def council():
    return parse_verbatim_record(samples.SECURITY_COUNCIL)


@pytest.fixture(scope="module")
def assembly():
    return parse_verbatim_record(samples.GENERAL_ASSEMBLY)


def test_it_reads_the_cover_of_a_council_record(council):
    meeting = council.meeting
    assert (meeting.symbol, meeting.body, meeting.session) == (
        "S/PV.9999",
        "Security Council",
        "Eightieth year",
    )
    assert meeting.meeting_number == "9999th meeting"
    assert (meeting.date, meeting.time, meeting.place) == (
        datetime.date(2025, 6, 3),
        "10 a.m.",
        "New York",
    )
    assert meeting.provisional is True
    assert (meeting.president.name, meeting.president.country) == ("Rivera", "Guyana")
    assert [(m.country, m.name, m.gender) for m in meeting.members] == [
        ("Algeria", "Bendjama", "male"),
        ("Denmark", "Lassen", "female"),
        ("France", "Dharmadhikari", "male"),
    ]
    assert meeting.agenda[0] == "Women and peace and security"
    assert meeting.agenda[1].endswith("addressed to the Secretary-General (S/2025/300)")


def test_it_normalises_a_spaced_symbol(assembly):
    assert normalise_symbol("A /76/ PV.102") == "A/76/PV.102"
    assert assembly.meeting.symbol == "A/79/PV.12"
    assert assembly.meeting.provisional is False


def test_the_president_is_the_cover_president_as_presiding_officer(council):
    first = council.statements[0]
    assert (first.speaker.name, first.delegation, first.speaker_type, first.gender) == (
        "Rivera",
        "Guyana",
        "presiding_officer",
        "female",
    )
    assert first.role == "President of the Security Council"


def test_a_president_speaking_for_her_country_makes_a_national_statement(council):
    national, back = council.statements[4], council.statements[5]
    assert (national.speaker_type, national.delegation) == ("member_state", "Guyana")
    assert "women's leadership is essential" in national.text
    assert back.speaker_type == "presiding_officer"
    assert back.text.startswith("I now resume my functions")


def test_a_briefer_invited_under_rule_39_gets_the_role_the_president_gave(council):
    briefer = council.statements[1]
    assert (briefer.speaker.name, briefer.role) == ("Bahous", "Executive Director of UN-Women")
    assert (briefer.speaker_type, briefer.gender, briefer.delegation) == (
        "un_official",
        "female",
        "",
    )


def test_it_keeps_the_delivery_language_and_the_group_spoken_for(council, assembly):
    algeria, denmark = council.statements[2], council.statements[3]
    assert (algeria.language, denmark.language) == ("Arabic", "English")
    assert denmark.on_behalf_of == "the Nordic countries"
    fiji = assembly.statements[1]
    assert fiji.on_behalf_of == "Pacific small island developing States"
    assert assembly.statements[2].language == "French"


def test_the_acting_president_is_the_vice_president_who_took_the_chair(assembly):
    acting, president = assembly.statements[0], assembly.statements[2]
    assert (acting.speaker.name, acting.delegation, acting.gender) == ("Lind", "Estonia", "female")
    assert acting.role == "Acting President of the General Assembly"
    assert (president.speaker.name, president.delegation) == ("Yang", "Cameroon")


def test_the_secretary_general_is_a_un_official_without_a_name(assembly):
    sg = assembly.statements[3]
    assert (sg.speaker, sg.role, sg.speaker_type, sg.gender) == (
        None,
        "Secretary-General",
        "un_official",
        "unknown",
    )


def test_directions_and_votes_go_to_the_notes_never_into_a_statement(council):
    notes = [n.text for n in council.notes]
    assert "A vote was taken by show of hands." in notes
    assert ["In favour:", "Algeria, Denmark, France", "Against:", "None"] == notes[3:7]
    assert notes[-1] == "The meeting rose at 11.10 a.m."
    assert not any("vote was taken" in s.text or "In favour" in s.text for s in council.statements)


def test_agenda_headings_become_segments(council, assembly):
    assert council.segments == ("Adoption of the agenda", "Women and peace and security")
    assert {s.segment for s in council.statements} == {"Women and peace and security"}
    assert assembly.statements[0].segment == "Agenda item 8 (continued): General debate"


def test_page_furniture_and_the_cover_notice_are_gone(council):
    text = "\n".join(s.text for s in council.statements) + "\n".join(n.text for n in council.notes)
    for furniture in ("25-11111", "2/2", "03/06/2025", "S/PV.9999", "verbatimrecords"):
        assert furniture not in text


def test_a_line_end_hyphen_inside_a_word_is_joined(council):
    assert "Their participation is not optional" in council.statements[1].text


def test_a_compound_keeps_its_hyphen_and_a_soft_hyphen_goes():
    clean = clean_pages(
        ["Mr. Ali (Bhutan): It is a well-\nknown fact, a well-known one.\nRepub\u00ad\nlic."]
    )
    assert clean.paragraphs == (
        "Mr. Ali (Bhutan): It is a well-known fact, a well-known one. Republic.",
    )


def test_split_words_are_repaired_only_against_the_document_itself():
    paragraphs = [
        "The I nternational community, international order, international law.",
        "We give it cons ideration; consideration matters, consideration helps.",
        "Fifty per cent per year, not percent.",
    ]
    assert repair_words(paragraphs) == [
        "The International community, international order, international law.",
        "We give it consideration; consideration matters, consideration helps.",
        "Fifty per cent per year, not percent.",
    ]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Mr. Kimani (Kenya): We", ("", "Mr", "Kimani", "Kenya", "", "")),
        ("Ms. Li (China) (spoke in Chinese): We", ("", "Ms", "Li", "China", "Chinese", "")),
        ("Mrs. Asmady (Indonesia): We", ("", "Mrs", "Asmady", "Indonesia", "", "")),
        ("The President (spoke in Arabic ): We", ("The President", "", "", "", "Arabic", "")),
        (
            "The PRESIDENT (translated from Russian): We",
            ("The PRESIDENT", "", "", "", "Russian", ""),
        ),
        (
            "Mr. INDERFURTH (United States of America): On",
            ("", "Mr", "Inderfurth", "United States of America", "", ""),
        ),
        (
            "Mr. Sow (Senegal), speaking on behalf of the Group of African States: We",
            ("", "Mr", "Sow", "Senegal", "", "the Group of African States"),
        ),
        (
            "Mr. Briz Gutiérrez: (Guatemala) (spoke in Spanish): We",
            ("", "Mr", "Briz Gutiérrez", "Guatemala", "Spanish", ""),
        ),
        (
            "Sir Gladwyn JEBB (United Kingdom): We",
            ("", "Sir", "Gladwyn Jebb", "United Kingdom", "", ""),
        ),
    ],
)
def test_it_reads_every_form_of_turn(label, expected):
    turn = match_turn(label)
    assert turn is not None
    assert (
        turn.office,
        turn.honorific,
        turn.name,
        turn.country,
        turn.language,
        turn.on_behalf_of,
    ) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "The president said: nothing.",
        "Members of the Council: have before them",
        "The Council is ready to proceed.",
        "In favour: Algeria",
    ],
)
def test_it_does_not_take_prose_for_a_turn(paragraph):
    assert match_turn(paragraph) is None


def test_every_statement_has_a_gender_and_a_speaker_type(council, assembly):
    for record in (council, assembly):
        for row in record.as_dict()["statements"]:
            assert row["gender"] in GENDERS and row["speaker_type"] in SPEAKER_TYPES
            assert set(row) >= {
                "order",
                "segment",
                "speaker",
                "delegation",
                "role",
                "on_behalf_of",
                "language",
                "text",
            }


def test_the_json_names_the_kind_and_the_meeting(council):
    data = council.as_dict()
    assert data["kind"] == "verbatim_record"
    assert data["meeting"]["date"] == "2025-06-03"
    assert data["meeting"]["president"]["name"] == "Rivera"
    assert data["meeting"]["members"][1] == {
        "country": "Denmark",
        "name": "Lassen",
        "honorific": "Ms",
        "gender": "female",
    }


def test_a_press_release_is_not_a_verbatim_record():
    assert not looks_like_verbatim_record(GA_11955_RELEASE.read_text())
    assert not looks_like_verbatim_record(samples.PRESS_RELEASE_LIKE)
    assert looks_like_verbatim_record(samples.SECURITY_COUNCIL)


def test_a_press_release_is_refused_with_a_reason():
    with pytest.raises(ImportProblem, match="not a UN verbatim record"):
        parse_verbatim_record(GA_11955_RELEASE.read_bytes())


def test_a_record_cut_short_is_imported_with_a_warning():
    cut = samples.SECURITY_COUNCIL.split("The meeting rose")[0]
    record = parse_verbatim_record(cut)
    assert any("cut short" in w.message for w in record.warnings)


def test_a_scan_without_text_needs_ocr():
    with pytest.raises(ImportProblem, match="needs OCR"):
        parse_verbatim_record(pdf("", ""))


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(ImportProblem, match="encrypted"):
        parse_verbatim_record(pdf("S/PV.1 The President: Hello", encrypted=True))


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really a pdf", pdf("a b c")[:150]])
def test_a_broken_pdf_is_refused(data):
    with pytest.raises(ImportProblem, match="damaged"):
        parse_verbatim_record(data)


def test_a_pdf_that_is_not_a_un_record_is_refused():
    text = "Minutes of the village council. The chair opened the meeting and thanked everyone."
    with pytest.raises(ImportProblem, match="not a UN verbatim record"):
        parse_verbatim_record(pdf(text))
