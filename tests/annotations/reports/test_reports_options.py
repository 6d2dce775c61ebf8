"""What a report counts: every bad parameter is refused with a message naming it."""

import pytest
from django.core.exceptions import ValidationError

from annotations.reports import meeting_report, report_options

pytestmark = pytest.mark.django_db


def refusal(**parameters) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        report_options(meetings=[], **parameters)
    return error.value.message_dict


def test_the_defaults_count_all_analysts_with_a_ten_percent_threshold(db):
    options = report_options(meetings=[])
    assert (options.source, options.analyst, options.threshold, options.quotes) == (
        "all",
        None,
        10,
        5,
    )
    assert options.label == "All analysts together"
    assert options.query() == {"threshold": "10"}


def test_naming_an_analyst_counts_that_analyst(analyst_a):
    options = report_options(meetings=[], analyst="amina", threshold="12.5")
    assert options.source == "analyst" and options.analyst == analyst_a
    assert options.query() == {"threshold": "12.5", "analyst": "amina"}
    assert report_options(meetings=[], analyst=analyst_a, source="all").source == "analyst"


def test_it_refuses_an_unknown_analyst_and_names_those_who_coded(meeting, codebook, analyst_a):
    from tests.annotations.reports.report_data import code

    code(meeting.statements.get(order=1), codebook, "prosecution", analyst_a, "serious crime")
    with pytest.raises(ValidationError) as error:
        meeting_report(meeting=meeting, analyst="nobody")
    assert error.value.message_dict == {
        "analyst": ['There is no analyst "nobody". Analysts who coded this: amina.']
    }


def test_it_refuses_a_name_with_a_nul_character_without_asking_the_database(db):
    assert "analyst" in refusal(analyst="ami\x00na")


@pytest.mark.parametrize("threshold", ["-1", "100.5", "150", "nan", "inf", "ten", -0.1])
def test_it_refuses_a_threshold_out_of_range(threshold):
    [message] = refusal(threshold=threshold)["threshold"]
    assert message.startswith("The threshold must be a percentage from 0 to 100")


@pytest.mark.parametrize("threshold", ["0", "100", "7.5", 30])
def test_it_accepts_every_threshold_from_0_to_100(threshold, db):
    assert report_options(meetings=[], threshold=threshold).threshold == float(threshold)


@pytest.mark.parametrize("quotes", ["-1", "51", "many", "2.5"])
def test_it_refuses_a_number_of_quotes_out_of_range(quotes):
    assert refusal(quotes=quotes)["quotes"] == [
        "Quotes per code must be a whole number from 0 to 50."
    ]


def test_it_refuses_an_unknown_source(db):
    assert refusal(source="everyone")["source"] == [
        'Unknown source "everyone": use one of all, analyst, adjudicated.'
    ]


def test_it_refuses_one_analyst_and_the_adjudicated_set_together(analyst_a):
    assert refusal(source="adjudicated", analyst="amina")["source"] == [
        "Choose either one analyst or the adjudicated set, not both."
    ]


def test_it_asks_for_the_analyst_when_the_source_is_one_analyst(db):
    assert refusal(source="analyst")["analyst"] == [
        "Name the analyst whose annotations the report counts."
    ]


def test_it_reports_every_bad_parameter_at_once(db):
    assert set(refusal(threshold="200", quotes="-3", source="x")) == {
        "threshold",
        "quotes",
        "source",
    }
