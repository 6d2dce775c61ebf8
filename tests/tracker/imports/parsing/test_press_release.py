"""The press-release parser on the real GA/11955 release and on small releases in the
shapes of Security Council debates, CSW sessions, saved web pages and single speeches."""

import datetime
import json
import textwrap
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import GA_11955_RELEASE, SEEDS
from tests.tracker.imports import press_release_samples as samples
from tests.tracker.imports import record_samples as records
from tracker.imports.parsing.catalogue import parse
from tracker.imports.parsing.corrections import apply_corrections
from tracker.imports.parsing.names import leading_caps_name, proper_case
from tracker.imports.parsing.press_release import parse_press_release
from tracker.imports.parsing.records import GENDERS, SPEAKER_TYPES, ImportProblem
from tracker.imports.parsing.source import normalise_text
from tracker.imports.parsing.speech import parse_single_speech
from tracker.models import Gender, SpeakerType

SPEECH_PAGE = SEEDS / "001_8413602091af0a7b.txt"


@pytest.fixture(scope="module")
def ga_11955():
    return parse_press_release(GA_11955_RELEASE.read_bytes())


def who(statement) -> str:
    return statement.speaker.name if statement.speaker else f"({statement.delegation})"


def by_segment(release, segment):
    return [s for s in release.statements if s.segment == segment]


# GA/11955, the real release.


def test_it_reads_the_header_of_ga_11955(ga_11955):
    meeting = ga_11955.meeting
    assert meeting.symbol == "GA/11955"
    assert meeting.body == "General Assembly"
    assert meeting.session == "Seventy-second Session"
    assert meeting.meeting_number == "24th Meeting (AM & PM)"
    assert meeting.title.startswith("General Assembly Adopts Political Declaration")
    assert meeting.subtitle.startswith("‘I Didn’t Have Any Identity’, Survivor Recalls")
    assert meeting.date is None
    assert meeting.summary[0].startswith("Survivors of human trafficking today recounted")
    assert meeting.summary[-1].startswith("The Assembly will reconvene")


def test_it_finds_every_opening_remark_with_its_speaker(ga_11955):
    opening = by_segment(ga_11955, "Opening Remarks")
    assert [(who(s), s.delegation, s.speaker.gender) for s in opening] == [
        ("Miroslav Lajčák", "Slovakia", "male"),
        ("António Guterres", "United Nations", "male"),
        ("Yuri Fedotov", "UNODC", "male"),
    ]
    assert opening[0].role == "President of the General Assembly"
    assert opening[0].speaker_type == "presiding_officer"
    assert opening[1].speaker_type == "un_official"


def test_it_finds_every_statement_of_the_statements_segment(ga_11955):
    statements = by_segment(ga_11955, "Statements")
    assert [who(s) for s in statements] == [
        "Mira Sorvino",
        "Grizelda Grootboom",
        "Félix Braz",
        "Retno Lestari Priansari Marsudi",
        "Anifah Aman",
        "Osman Mohammed Saleh",
        "Michael Masutha",
        "Issa bin Saad al-Jafaku al-Nuaimi",
        "Priscah Mupfumira",
        "Alexis Bethancourt Yau",
        "Alexis Bethancourt Yau",
        "Emmanuel Ilunga Ngoie Kasongo",
        "Naela Gabr Mohamed Gabr Ali",
        "Naela Gabr Mohamed Gabr Ali",
        "Carl Greenidge",
        "Erastus Amutenya Uutoni",
        "Andrei Dapkiunas",
        "Marjorie Espinosa",
        "Natalia Fedorovych",
        "Abd Elghani Awad Elkarim",
        "Jean Kalilani",
        "Myria Vassiliadou",
        "Igor Djundev",
        "Noa Furman",
        "Mehmet Samsar",
        "Paul Richard Gallagher",
    ]
    delegations = [s.delegation for s in statements]
    assert delegations[2:6] == ["Luxembourg", "Indonesia", "Malaysia", "Eritrea"]
    assert delegations[-5:] == [
        "European Union",
        "former Yugoslav Republic of Macedonia",
        "Israel",
        "Turkey",
        "Holy See",
    ]


def test_it_finds_both_panels_with_speakers_and_delegations(ga_11955):
    panel_one = by_segment(ga_11955, "Panel Discussion I")
    assert [who(s) for s in panel_one] == [
        "Marc Pecsteen de Buytswerve",
        "Purna Sen",
        "Kevin Cassidy",
        "Rani Hong",
        "Michael Masutha",
        "Pramila Patten",
        "Katalin Annamária Bogyay",
        "Yasmeen Hassan",
        "(Ethiopia)",
        "(International Centre for Migration Policy Development)",
        "(Morocco)",
        "Rani Hong",
        "Kevin Cassidy",
        "Purna Sen",
    ]
    panel_two = by_segment(ga_11955, "Panel II")
    assert [who(s) for s in panel_two] == [
        "Alya Ahmed Saif al-Thani",
        "Benita Ferrero-Waldner",
        "Andrew Gilmour",
        "Joy Ezeilo",
        "(Sudan)",
        "(Mexico)",
        "(Netherlands)",
        "(Thailand)",
        "(Namibia)",
        "(UNICEF)",
        "(Smile of the Child)",
        "(UNHCR)",
        "Benita Ferrero-Waldner",
        "Andrew Gilmour",
        "Joy Ezeilo",
    ]
    assert len(ga_11955.statements) == 58
    assert [s.order for s in ga_11955.statements] == list(range(1, 59))


def test_later_mentions_resolve_to_the_panel_introduction(ga_11955):
    sen = next(s for s in ga_11955.statements if s.text.startswith("Ms. SEN said the Global"))
    assert sen.speaker.name == "Purna Sen"
    assert sen.delegation == "UN-Women"
    assert sen.role == "Director of the Policy Division"
    assert sen.speaker.gender == "female"
    chair = next(s for s in ga_11955.statements if s.text.startswith("Mr. PECSTEEN"))
    assert (chair.delegation, chair.role, chair.speaker_type) == (
        "Belgium",
        "Chair",
        "presiding_officer",
    )
    reply = next(s for s in ga_11955.statements if s.text.startswith("Responding to a question"))
    assert reply.speaker.name == "Benita Ferrero-Waldner"


def test_panama_and_egypt_speak_on_behalf_of_groups_then_in_their_national_capacity(ga_11955):
    panama = [s for s in ga_11955.statements if s.delegation == "Panama"]
    assert [s.on_behalf_of for s in panama] == ["Human Security Network", ""]
    assert panama[1].text.startswith("Speaking in his national capacity")
    assert panama[0].speaker == panama[1].speaker
    egypt = [s for s in ga_11955.statements if s.delegation == "Egypt"]
    assert [s.on_behalf_of for s in egypt] == [
        "Group of Friends United against Human Trafficking",
        "",
    ]
    assert egypt[1].text.startswith("Speaking in her national capacity")
    assert egypt[0].speaker.gender == "female"


def test_continuation_paragraphs_join_their_statement_verbatim(ga_11955):
    release_text = GA_11955_RELEASE.read_text(encoding="utf-8")
    grootboom = next(s for s in ga_11955.statements if who(s) == "Grizelda Grootboom")
    paragraphs = grootboom.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[1].startswith("The rapes had continued for two weeks")
    assert paragraphs[3].startswith("Welcoming the fact that the United Nations")
    for statement in ga_11955.statements:
        for paragraph in statement.text.split("\n\n"):
            assert paragraph in release_text
    lajcak = ga_11955.statements[0]
    assert lajcak.text.count("\n\n") == 2
    assert "\u00a0" in lajcak.text  # the release's no-break spaces are kept
    vassiliadou = next(s for s in ga_11955.statements if who(s) == "Myria Vassiliadou")
    assert vassiliadou.text.split("\n\n")[1].startswith("She said greater efforts")


def test_paragraphs_about_several_speakers_become_notes(ga_11955):
    notes = [note.text for note in ga_11955.notes]
    assert any(n.startswith("Also speaking were representatives of the Dominican") for n in notes)
    assert any(n.startswith("Also participating were the representatives of Qatar") for n in notes)
    assert any(n.startswith("In the ensuing discussion, many speakers") for n in notes)
    assert any(n.startswith("In the ensuing discussion, delegates") for n in notes)
    assert any(
        n.startswith("Some speakers, including the representative of the Holy") for n in notes
    )
    assert any(n.startswith("The Assembly then adopted, without a vote") for n in notes)
    statements_text = " ".join(s.text for s in ga_11955.statements)
    assert "Also speaking were" not in statements_text
    assert "In the ensuing discussion" not in statements_text
    assert "Also speaking were representatives" in ga_11955.notes_text


def test_one_speaker_singled_out_in_a_group_paragraph_gets_that_sentence(ga_11955):
    mexico = next(s for s in ga_11955.statements if s.delegation == "Mexico")
    assert mexico.text == (
        "With that in mind, the representative of Mexico called for better engagement "
        "with the private sector."
    )
    assert any(n.text.startswith("Many speakers also drew attention") for n in ga_11955.notes)
    sudan = next(s for s in ga_11955.statements if s.delegation == "Sudan" and not s.speaker)
    assert sudan.text.startswith("Others, including the representative of Sudan")


def test_genders_come_from_honorifics_and_pronouns_or_stay_unknown(ga_11955):
    genders = {s.speaker.name: s.speaker.gender for s in ga_11955.statements if s.speaker}
    assert genders["Grizelda Grootboom"] == "female"  # "she said"
    assert genders["Retno Lestari Priansari Marsudi"] == "female"
    assert genders["Kevin Cassidy"] == "male"  # "Mr. CASSIDY"
    assert genders["Joy Ezeilo"] == "female"  # "Ms. EZEILO"
    assert genders["Issa bin Saad al-Jafaku al-Nuaimi"] == "unknown"  # no pronoun, no title
    unknown = [w for w in ga_11955.warnings if w.field == "gender"]
    assert [w.statement for w in unknown] == [11]


def test_speaker_types_follow_role_and_affiliation(ga_11955):
    types = {who(s): s.speaker_type for s in ga_11955.statements}
    assert types["Grizelda Grootboom"] == "survivor"
    assert types["Rani Hong"] == "survivor"  # "sharing her experiences as a former victim"
    assert types["Anifah Aman"] == "member_state"
    assert types["Myria Vassiliadou"] == "observer"
    assert types["Paul Richard Gallagher"] == "observer"
    assert types["Yasmeen Hassan"] == "civil_society"
    assert types["(Smile of the Child)"] == "civil_society"
    assert types["(UNICEF)"] == "un_official"
    assert types["Benita Ferrero-Waldner"] == "un_official"
    assert types["Alya Ahmed Saif al-Thani"] == "presiding_officer"


def test_the_json_keeps_the_contracted_keys(ga_11955):
    data = json.loads(json.dumps(ga_11955.as_dict()))
    assert set(data) >= {"meeting", "statements", "notes", "warnings"}
    assert set(data["meeting"]) >= {
        "symbol",
        "body",
        "session",
        "meeting_number",
        "title",
        "subtitle",
        "date",
    }
    first = data["statements"][0]
    assert set(first) >= {"order", "segment", "speaker", "delegation", "role", "on_behalf_of"}
    assert set(first["speaker"]) == {"name", "gender", "type"}
    assert first["speaker"]["gender"] in ("female", "male", "unknown")
    ethiopia = next(s for s in data["statements"] if s["delegation"] == "Ethiopia")
    assert ethiopia["speaker"] is None


def test_parsing_ga_11955_takes_well_under_a_second():
    # A coarse sanity bound, far above the measured 30–60 ms; the timing itself is printed by
    # the benchmark suite.
    started = time.perf_counter()
    parse_press_release(GA_11955_RELEASE.read_text(encoding="utf-8"))
    assert time.perf_counter() - started < 5


# Other meetings of the same shape.


def test_it_reads_a_security_council_open_debate():
    release = parse_press_release(samples.SECURITY_COUNCIL)
    meeting = release.meeting
    assert (meeting.symbol, meeting.body) == ("SC/13553", "Security Council")
    assert meeting.meeting_number == "8649th Meeting (resumed) (PM)"
    assert meeting.session == ""
    assert meeting.date == datetime.date(2018, 10, 25)
    assert meeting.subtitle.startswith("Implementation of Resolution 1325")
    rows = [(s.segment, who(s), s.delegation, s.on_behalf_of) for s in release.statements]
    assert rows == [
        ("Briefings", "Phumzile Mlambo-Ngcuka", "UN-Women", ""),
        ("Statements", "(France)", "France", ""),
        ("Statements", "Karel van Oosterom", "Netherlands", "Group of Friends of Women"),
        ("Statements", "Karel van Oosterom", "Netherlands", ""),
        ("Statements", "(Côte d’Ivoire)", "Côte d’Ivoire", ""),
        ("Statements", "(Russian Federation)", "Russian Federation", ""),
    ]
    assert release.statements[0].text.count("\n\n") == 1  # her second paragraph joined
    assert release.statements[0].speaker.gender == "female"
    assert [n.text for n in release.notes][-2:] == [
        "Also speaking were the representatives of Peru, Poland and Kuwait.",
        "The meeting began at 3 p.m. and ended at 6:15 p.m.",
    ]


def test_it_reads_a_csw_session_with_joint_meetings():
    release = parse_press_release(samples.COMMISSION_ON_THE_STATUS_OF_WOMEN)
    meeting = release.meeting
    assert meeting.symbol == "WOM/2138"
    assert meeting.body == "Commission on the Status of Women"
    assert meeting.session == "Sixty-second Session"
    assert meeting.meeting_number == "2nd & 3rd Meetings* (AM & PM)"
    assert meeting.subtitle == ""
    rows = [(s.segment, who(s), s.speaker_type) for s in release.statements]
    assert rows == [
        ("Opening Statements", "Geraldine Byrne Nason", "presiding_officer"),
        ("Opening Statements", "António Guterres", "un_official"),
        ("General Discussion", "María Fernanda Espinosa Garcés", "member_state"),
        ("General Discussion", "Geraldine Byrne Nason", "presiding_officer"),
        ("General Discussion", "Abdullah bin Hamad al-Thani", "member_state"),
        ("General Discussion", "De la Rosa", "other"),
    ]
    assert release.statements[2].on_behalf_of == "Group of 77 and China"
    assert release.notes[-1].text.startswith("* The 1st Meeting was covered")
    unresolved = [w for w in release.warnings if w.field == "speaker_name"]
    assert [w.statement for w in unresolved] == [6]
    assert "DE LA ROSA was not introduced" in unresolved[0].message


def test_it_reads_a_saved_web_page_and_skips_its_menus():
    release = parse_press_release(samples.SAVED_PAGE.encode("utf-8"))
    meeting = release.meeting
    assert meeting.symbol == "SC/13554"
    assert meeting.meeting_number == "8650th Meeting (AM)"
    assert meeting.date == datetime.date(2018, 10, 26)
    assert meeting.title == "Council Extends Mission Mandate"
    assert meeting.source_url == "https://press.un.org/en/2018/sc13554.doc.htm"
    assert meeting.summary == ("The Security Council this morning heard a briefing on Somalia.",)
    first, second = release.statements
    assert first.speaker.name == "Jane Smith-Jones"
    assert first.delegation == "UNSOM"
    assert first.text == (
        "JANE SMITH-JONES, Special Representative of the Secretary-General and Head of the "
        "United Nations Mission in Somalia (UNSOM), said that women’s participation\u00a0had "
        "grown.\n\nShe added that elections were planned."
    )
    assert second.delegation == "United Kingdom"
    everything = json.dumps(release.as_dict(), ensure_ascii=False)
    for noise in ("Skip to main content", "In progress at UNHQ", "Welcome to the United"):
        assert noise not in everything
    assert "MIROSLAV" not in everything  # script contents are never text


def test_a_header_printed_in_capitals_reads_as_running_text():
    release = parse_press_release(samples.CAPITALISED_HEADER)
    meeting = release.meeting
    assert meeting.session == "Seventy-eighth Session"
    assert meeting.meeting_number == "45th & 46th Meetings (AM & PM)"
    assert meeting.date == datetime.date(2023, 11, 20)


def test_a_briefer_introduced_only_in_the_summary_is_resolved_later():
    release = parse_press_release(samples.CAPITALISED_HEADER)
    chile, bahous = release.statements
    assert (chile.speaker, chile.delegation) == (None, "Chile")
    assert bahous.speaker.name == "Sima Bahous"
    assert (bahous.delegation, bahous.role) == ("UN-Women", "Executive Director of UN-Women")
    assert not [w for w in release.warnings if w.field == "speaker_name"]


def test_a_single_speech_is_found_inside_a_news_sites_clutter():
    release = parse_single_speech(SPEECH_PAGE.read_bytes())
    assert release.kind == "speech"
    (statement,) = release.statements
    assert statement.text.startswith("I thank the President of the General Assembly")
    assert statement.text.endswith("end the scourge of trafficking once and for all.")
    for clutter in ("ReliefWeb", "Find help", "For information media", "David Xu"):
        assert clutter not in statement.text
    assert statement.speaker.name == "Amina Mohammed"  # the UN's spelling, not the site's
    assert statement.role == "Deputy Secretary-General"
    assert statement.speaker_type == "un_official"
    assert release.meeting.title.startswith("Put survivors at the center")
    assert "Relief Network" not in release.meeting.title
    assert any(w.field == "symbol" for w in release.warnings)


def test_the_analyst_names_the_speaker_and_trims_a_speech():
    release = parse(SPEECH_PAGE.read_bytes(), kind="speech", symbol="dsg/sm/1700")
    trimmed = release.statements[0].text.split("\n\n")[0]
    corrected = apply_corrections(
        release,
        statements={1: {"speaker_name": "Amina J. Mohammed", "gender": "female", "text": trimmed}},
    )
    (statement,) = corrected.statements
    assert corrected.meeting.symbol == "DSG/SM/1700"
    assert statement.speaker.name == "Amina J. Mohammed"
    assert statement.speaker.gender == "female"
    assert statement.text == trimmed


def test_a_release_statement_text_cannot_be_edited_in_the_import(ga_11955):
    with pytest.raises(ImportProblem, match="kept as printed"):
        apply_corrections(ga_11955, statements={1: {"text": "Something else."}})


def test_corrections_clear_the_warnings_they_answer(ga_11955):
    corrected = apply_corrections(
        ga_11955, meeting={"date": "2017-09-27"}, statements={11: {"gender": "male"}}
    )
    assert corrected.meeting.date == datetime.date(2017, 9, 27)
    assert not [w for w in corrected.warnings if w.field in ("date", "gender")]
    assert corrected.statements[10].speaker.gender == "male"


def test_corrections_refuse_a_statement_the_release_does_not_have(ga_11955):
    with pytest.raises(ImportProblem, match="no statement 99"):
        apply_corrections(ga_11955, statements={99: {"speaker_name": "X"}})


# Bad input.


@pytest.mark.parametrize("data", ["", "   \n\n  ", b""])
def test_it_refuses_empty_input(data):
    with pytest.raises(ImportProblem, match="empty"):
        parse_press_release(data)


def test_it_refuses_binary_input():
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x01stream"
    with pytest.raises(ImportProblem, match="not text"):
        parse_press_release(pdf)


def test_it_refuses_a_text_that_is_not_a_press_release():
    seed = (SEEDS / "003_ce99f09962ebaf39.txt").read_text(encoding="utf-8")
    with pytest.raises(ImportProblem, match="not a UN Meetings Coverage press release"):
        parse_press_release(seed)


def test_a_truncated_release_previews_its_header_with_a_warning():
    text = GA_11955_RELEASE.read_text(encoding="utf-8")
    cut = text[: text.index("Opening Remarks")]
    release = parse_press_release(cut)
    assert release.meeting.symbol == "GA/11955"
    assert release.meeting.title.startswith("General Assembly Adopts")
    assert release.statements == ()
    messages = " ".join(w.message for w in release.warnings)
    assert "No statements were found" in messages
    assert "cut short" in messages


def test_a_release_cut_mid_statement_still_parses_and_warns():
    text = GA_11955_RELEASE.read_text(encoding="utf-8")
    cut = text[: text.index("Panel Discussion I")]
    release = parse_press_release(cut)
    assert len(release.statements) == 29
    assert "may be cut short" in release.warnings[0].message


def test_windows_line_endings_and_a_byte_order_mark_are_read():
    data = "\ufeff" + samples.SECURITY_COUNCIL.replace("\n", "\r\n")
    release = parse_press_release(data.encode("utf-8"))
    assert release.meeting.symbol == "SC/13553"
    assert len(release.statements) == 6


def test_hard_wrapped_paragraphs_are_joined():
    # As an e-mail client wraps a pasted release: long paragraphs broken at 78 columns.
    wrapped = "\n\n".join(
        textwrap.fill(block, 78) if len(block) > 78 else block
        for block in samples.SECURITY_COUNCIL.split("\n\n")
    )
    assert wrapped.count("\n") > samples.SECURITY_COUNCIL.count("\n")
    release = parse_press_release(wrapped)
    original = parse_press_release(samples.SECURITY_COUNCIL)
    assert [(who(s), s.delegation, s.role) for s in release.statements] == [
        (who(s), s.delegation, s.role) for s in original.statements
    ]
    assert release.statements[0].delegation == "UN-Women"
    assert "\n" not in release.statements[2].text


def test_the_president_of_the_council_is_found_by_the_presiding_role():
    text = samples.SECURITY_COUNCIL.replace(
        "Also speaking were",
        "The PRESIDENT, speaking in her capacity as Council President, closed the debate."
        "\n\nAlso speaking were",
    )
    release = parse_press_release(text)
    president = release.statements[-1]
    assert president.role == "President"
    assert president.speaker_type == "presiding_officer"


# Names.


@pytest.mark.parametrize(
    ("printed", "cased"),
    [
        ("MIROSLAV LAJČÁK", "Miroslav Lajčák"),
        ("MARC PECSTEEN DE BUYTSWERVE", "Marc Pecsteen de Buytswerve"),
        ("ISSA BIN SAAD AL-JAFAKU AL-NUAIMI", "Issa bin Saad al-Jafaku al-Nuaimi"),
        ("ALYA AHMED SAIF AL\u2011THANI", "Alya Ahmed Saif al-Thani"),
        ("JOHN O’BRIEN", "John O’Brien"),
        ("MARY MCDONALD", "Mary McDonald"),
        ("JOSÉ DE LA ROSA", "José de la Rosa"),
    ],
)
def test_names_printed_in_capitals_are_properly_cased(printed, cased):
    assert proper_case(printed) == cased


@pytest.mark.parametrize(
    "paragraph", ["UNICEF said children came first.", "ILO (Geneva) said so.", "The Council"]
)
def test_acronyms_and_ordinary_words_are_not_names(paragraph):
    assert leading_caps_name(paragraph) is None


def test_the_parser_speaks_the_models_vocabulary():
    assert set(GENDERS) == set(Gender.values)
    assert set(SPEAKER_TYPES) == set(SpeakerType.values)


# Robustness: whatever is pasted, the parser answers with a parse or a clear refusal.

_GA_PARAGRAPHS = GA_11955_RELEASE.read_text(encoding="utf-8").split("\n\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text_gives_a_parse_or_a_clear_refusal(text):
    try:
        release = parse_press_release(text)
    except ImportProblem as problem:
        assert str(problem)
    else:
        assert release.meeting.symbol or release.meeting.meeting_number


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=len(_GA_PARAGRAPHS) - 1), max_size=25))
def test_a_release_missing_paragraphs_still_parses_verbatim(dropped):
    kept = [p for i, p in enumerate(_GA_PARAGRAPHS) if i not in set(dropped)]
    text = "\n\n".join(kept)
    try:
        release = parse_press_release(text)
    except ImportProblem:
        assert not any(p.startswith(("GA/11955", "Seventy-second", "24th Meeting")) for p in kept)
        return
    assert [s.order for s in release.statements] == list(range(1, len(release.statements) + 1))
    for statement in release.statements:
        for paragraph in statement.text.split("\n\n"):
            assert paragraph in text


# Other bodies and shapes (issue 13): tests.tracker.record_samples.


def rows(release):
    return [
        (who(s), s.delegation, s.on_behalf_of, s.speaker_type, s.gender) for s in release.statements
    ]


@pytest.fixture(scope="module")
def preparatory_committee():
    return parse_press_release(records.PREPARATORY_COMMITTEE)


def test_a_conference_body_without_a_known_symbol_is_named_from_its_header(preparatory_committee):
    meeting = preparatory_committee.meeting
    assert (meeting.symbol, meeting.body) == ("DEV/3431", "LDC5 Preparatory Committee")
    assert (meeting.session, meeting.meeting_number) == ("First Session", "2nd Meeting (PM)")
    assert meeting.date == datetime.date(2021, 5, 25)


def test_co_chairs_and_panellists_listed_in_one_sentence_keep_names_and_countries(
    preparatory_committee,
):
    panel_one = by_segment(preparatory_committee, "Panel I")
    assert [(who(s), s.delegation, s.speaker_type) for s in panel_one[:4]] == [
        ("Rabab Fatima", "Bangladesh", "presiding_officer"),
        ("Courtenay Rattray", "UN-OHRLLS", "un_official"),
        (
            "Mariana Ruiz",
            "Youth Advisory Board of the Global Partnership for Education",
            "civil_society",
        ),
        ("Dil Kumari Thapa", "Nepal", "member_state"),  # a ministry's official speaks for Nepal
    ]
    assert panel_one[0].role == "Co-Chair"
    assert not [w for w in preparatory_committee.warnings if "not introduced" in w.message]


def test_lead_ins_before_an_attribution_are_statements_not_notes(preparatory_committee):
    assert rows(preparatory_committee)[4:7] == [
        ("Aly Diane", "Guinea", "Group of 77 and China", "member_state", "male"),
        ("(UNODC)", "UNODC", "", "un_official", "unknown"),
        ("(Haiti)", "Haiti", "", "member_state", "female"),  # "said her country’s"
    ]
    notes = [n.text for n in preparatory_committee.notes]
    assert not any(n.startswith("In the ensuing discussion, the representative") for n in notes)
    assert "In the ensuing discussion, delegates called for stronger partnerships." in notes


def test_keynote_speakers_and_mixed_case_speakers_are_found(preparatory_committee):
    assert rows(preparatory_committee)[7:] == [
        ("Ibrahim Thiaw", "UNCCD", "", "un_official", "male"),
        ("Grace Okello", "LDC Watch civil-society network", "", "civil_society", "female"),
        (
            "Roberto Ferrer",
            "Dominican Republic",
            "Small Island Developing States",
            "member_state",
            "male",
        ),
    ]


def test_a_security_council_briefing_normalises_its_delegations():
    release = parse_press_release(records.SECURITY_COUNCIL_BRIEFING)
    assert [(who(s), s.delegation, s.speaker_type) for s in release.statements] == [
        ("Rosemary Dicarlo", "United Nations", "un_official"),
        ("Mariam Kouyaté", "Women’s Network for Peace in the Sahel", "civil_society"),
        ("(United Kingdom)", "United Kingdom", "member_state"),
        ("(Venezuela)", "Venezuela", "member_state"),
        ("(UN-Women)", "UN-Women", "un_official"),  # not cut at "for", "and", "the"
    ]
    assert release.statements[4].gender == "female"


def test_a_womens_commission_release_types_observers_and_un_entities():
    release = parse_press_release(records.WOMEN_COMMISSION)
    assert release.meeting.body == "Commission on the Status of Women"
    assert [(who(s), s.speaker_type) for s in release.statements] == [
        ("(Türkiye)", "member_state"),
        ("(Holy See)", "observer"),
        ("(State of Palestine)", "observer"),
        ("Sarah Hendriks", "un_official"),
    ]
    assert release.statements[0].gender == "female"


def test_a_preliminary_release_parses_and_says_so():
    release = parse_press_release(records.PRELIMINARY_RELEASE, symbol="GA/12480")
    assert release.kind == "preliminary_release"
    assert release.meeting.preliminary
    assert [who(s) for s in release.statements] == [
        "Csaba Kőrösi",
        "Amina J. Mohammed",
        "(Mexico)",
    ]
    assert release.notes[0].text.startswith("Note: A complete summary")
    assert any("preliminary release" in w.message for w in release.warnings)


def test_a_preliminary_release_without_a_header_block_parses_with_its_symbol():
    text = records.PRELIMINARY_RELEASE.split("12th Meeting (AM)\n\n", 1)[1]
    release = parse_press_release(text, symbol="GA/12480")
    assert release.meeting.title == "Assembly Opens High-Level Meeting on Gender Equality"
    assert release.meeting.body == "General Assembly"
    assert len(release.statements) == 3


def test_a_whole_saved_page_loses_menus_sidebar_tags_related_links_and_footer():
    release = parse_press_release(records.SAVED_PAGE_WITH_SIDEBAR)
    assert [(s.segment, s.delegation, s.gender) for s in release.statements] == [
        ("General Discussion", "Philippines", "female"),
        ("General Discussion", "Côte d’Ivoire", "male"),
    ]
    everything = json.dumps(release.as_dict(), ensure_ascii=False)
    for clutter in ("In Focus", "Climate Change", "Daily Press", "Migration", "Related",
                    "Terms of Use", "Home /", "Economic and Social Council"):  # fmt: skip
        assert clutter not in everything, clutter


def test_menu_lines_in_a_copied_page_are_not_segments_or_notes():
    release = parse_press_release(records.MENUS_IN_PLAIN_TEXT)
    assert release.meeting.body == "Commission on the Status of Women"
    assert [(s.segment, s.delegation) for s in release.statements] == [
        ("General Discussion", "Chile"),
        ("General Discussion", "Japan"),
    ]
    assert not [n for n in release.notes if "Climate" in n.text or "Press" in n.text]


def test_statement_texts_never_contain_a_carriage_return():
    for text in (records.PREPARATORY_COMMITTEE, GA_11955_RELEASE.read_text(encoding="utf-8")):
        release = parse_press_release(text.replace("\n", "\r\n").encode("utf-8"))
        assert not any("\r" in s.text for s in release.statements)
    assert len(parse_press_release(GA_11955_RELEASE.read_bytes()).statements) == 58


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
        ("\ufeffLaj\u010d\u00e1k", "Lajčák"),
        ("Lajc\u030ca\u0301k", "Lajčák"),  # composed, same letters
        ("non\u2011breaking\u00a0space", "non\u2011breaking\u00a0space"),  # evidence kept
    ],
)
def test_text_is_normalised_at_the_door_without_changing_what_is_visible(raw, normalised):
    assert normalise_text(raw) == normalised
