"""The catalogue of record kinds: every face reads it, parse dispatches through it, and
`kind="auto"` detects the kind — never a record for a release or the other way round."""

import datetime

import pytest

from tests.tracker.imports import press_release_samples as samples
from tests.tracker.imports import real_records as real
from tests.tracker.imports import record_samples
from tests.tracker.imports.parsing import verbatim_samples
from tests.tracker.imports.parsing.pdf_builder import pdf
from tracker.imports.parsing.catalogue import (
    AUTO,
    CHOICE_NAMES,
    IMPORT_KINDS,
    KIND_NAMES,
    import_kind,
    parse,
)
from tracker.imports.parsing.records import (
    PRELIMINARY_RELEASE,
    PRESS_RELEASE,
    SPEECH,
    SUMMARY,
    ImportProblem,
)
from tracker.imports.parsing.verbatim import VERBATIM_RECORD


def test_it_lists_every_kind_and_offers_detection_first():
    assert KIND_NAMES == (PRESS_RELEASE, VERBATIM_RECORD, SUMMARY, SPEECH, PRELIMINARY_RELEASE)
    assert CHOICE_NAMES == (AUTO, PRESS_RELEASE, VERBATIM_RECORD, SUMMARY, SPEECH)
    assert all(kind.label and callable(kind.parse) for kind in IMPORT_KINDS)


def test_only_a_single_speech_has_its_one_statement_trimmed_in_the_preview():
    assert import_kind(SPEECH).one_statement
    assert not any(import_kind(name).one_statement for name in KIND_NAMES if name != SPEECH)


def test_parse_reads_the_kind_it_is_given():
    assert parse(samples.SECURITY_COUNCIL, kind=PRESS_RELEASE).kind == PRESS_RELEASE
    assert parse(samples.SECURITY_COUNCIL, kind=SPEECH, symbol="SC/1").kind == SPEECH


def test_it_refuses_a_kind_it_does_not_know_naming_the_known_ones():
    with pytest.raises(ImportProblem, match="“poem”: use auto or press_release or verbatim"):
        parse("Some text.", kind="poem")


@pytest.mark.parametrize(
    ("path", "symbol", "kind", "statements"),
    [
        (real.SUMMARY_2021, "GA/12387", SUMMARY, 12),
        (real.SPEECH_2021, "", SPEECH, 1),
        (real.RELEASE_2017, "", PRESS_RELEASE, 58),
    ],
)
def test_auto_detects_the_seeds(path, symbol, kind, statements):
    release = parse(path.read_bytes(), symbol=symbol)
    assert (release.kind, len(release.statements)) == (kind, statements)


@pytest.mark.parametrize("name", real.RECORD_NAMES)
def test_auto_takes_every_real_pdf_for_a_verbatim_record(name):
    release = real.parsed_record(name)
    assert release.kind == VERBATIM_RECORD
    assert release.meeting.symbol == real.RECORD_SYMBOLS[name]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (verbatim_samples.SECURITY_COUNCIL, VERBATIM_RECORD),
        (verbatim_samples.GENERAL_ASSEMBLY, VERBATIM_RECORD),
        (samples.SECURITY_COUNCIL, PRESS_RELEASE),
        (record_samples.SECURITY_COUNCIL_BRIEFING, PRESS_RELEASE),
        (record_samples.PREPARATORY_COMMITTEE, PRESS_RELEASE),
        (record_samples.PRELIMINARY_RELEASE, PRELIMINARY_RELEASE),
        (record_samples.SECRETARY_GENERAL_SPEECH, SPEECH),
        (record_samples.SPOKESPERSON_STATEMENT, SPEECH),
    ],
)
def test_auto_tells_records_releases_and_speeches_apart_in_text(text, kind):
    assert parse(text).kind == kind


def test_a_release_citing_a_record_symbol_is_still_a_release():
    with pytest.raises(ImportProblem) as caught:
        parse(verbatim_samples.PRESS_RELEASE_LIKE, kind=VERBATIM_RECORD)
    assert "not a UN verbatim record" in str(caught.value)
    assert parse(verbatim_samples.PRESS_RELEASE_LIKE).kind != VERBATIM_RECORD


def test_a_record_is_refused_as_a_press_release_naming_what_it_is():
    with pytest.raises(ImportProblem, match="This is a verbatim record .* not a press release"):
        parse(verbatim_samples.SECURITY_COUNCIL, kind=PRESS_RELEASE)
    with pytest.raises(ImportProblem, match="This is a PDF: only verbatim records"):
        parse(real.pdf_bytes("S_PV.10100"), kind=SUMMARY)


def test_a_text_that_is_no_record_is_refused_naming_what_was_expected():
    with pytest.raises(ImportProblem) as caught:
        parse(record_samples.SPEECH_WITHOUT_INTRODUCTION)
    message = str(caught.value)
    assert "none of the records" in message
    assert "press release" in message and "verbatim record" in message
    assert "summary" in message and "single speech" in message


@pytest.mark.parametrize("seed", ["003_ce99f09962ebaf39.txt", "004_90e615c2597ad490.txt"])
def test_an_analysis_or_news_story_about_a_meeting_is_not_taken_for_a_summary(seed):
    """PeaceWomen's analysis and IISD's story name and quote the speakers of GA/11955, but
    they are accounts by others: refused under auto, importable when the analyst insists."""
    text = (real.SUMMARY_2021.parent / seed).read_text(encoding="utf-8")
    with pytest.raises(ImportProblem, match="somebody else's account of a meeting"):
        parse(text)
    assert parse(text, kind=SUMMARY).kind == SUMMARY
    assert parse(text, symbol="GA/11955").statements  # the analyst vouches for it


def test_a_summary_with_a_un_symbol_of_its_own_is_detected_without_one_given():
    text = real.SUMMARY_2021.read_text(encoding="utf-8")
    assert parse(text).kind == SUMMARY  # the UN Web TV page's own marks
    unmarked = text.replace("Production Date", "").replace("Video Length", "")
    assert parse(unmarked + "\n\nSource: press.un.org/en/2021/ga12387.doc.htm").kind == SUMMARY
    with pytest.raises(ImportProblem, match="somebody else's account"):
        parse(unmarked)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (pdf(""), "needs OCR"),
        (pdf("A contract between two companies about shipping."), "not a UN verbatim record"),
        (pdf("S/PV.1 The meeting", encrypted=True), "encrypted"),
        (b"%PDF-1.4\n1 0 obj <<", "damaged"),
        ("   ", "empty"),
    ],
)
def test_bad_input_under_auto_gets_the_parsers_own_message(data, message):
    with pytest.raises(ImportProblem, match=message):
        parse(data)


def test_a_date_given_takes_precedence_and_clears_its_warning():
    release = parse(real.SPEECH_2021.read_bytes(), date=datetime.date(2021, 11, 22))
    assert release.meeting.date == datetime.date(2021, 11, 22)
    assert not [w for w in release.warnings if w.field == "date"]
