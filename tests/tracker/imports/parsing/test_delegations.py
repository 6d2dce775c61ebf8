"""One name per delegation: the forms a release prints, ISO's names and the UN's own."""

import pytest

from tracker.imports.parsing import gazetteer as g
from tracker.imports.parsing.delegations import (
    ALIASES,
    current_delegation,
    is_known_delegation,
    normalise_delegation,
)


@pytest.mark.parametrize(
    ("printed", "one_name"),
    [
        ("the United Kingdom", "United Kingdom"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("United States of America", "United States"),
        ("Korea, Republic of", "Republic of Korea"),
        ("South Korea", "Republic of Korea"),
        ("Republic of Korea", "Republic of Korea"),
        ("Democratic People's Republic of Korea", "Democratic People’s Republic of Korea"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("Côte d'Ivoire", "Côte d’Ivoire"),
        ("Republic of Türkiye", "Türkiye"),
        ("Bolivarian Republic of Venezuela", "Venezuela"),
        ("Venezuela (Bolivarian Republic of)", "Venezuela"),
        ("Iran (Islamic Republic of)", "Iran"),
        ("the Netherlands", "Netherlands"),
        ("Kingdom of the Netherlands", "Netherlands"),
        ("Russia", "Russian Federation"),
        ("Vietnam", "Viet Nam"),
        ("Holy See (Vatican City State)", "Holy See"),
        ("Palestine", "State of Palestine"),
        ("EU", "European Union"),
    ],
)
def test_every_form_of_a_state_or_observer_is_one_name(printed, one_name):
    assert normalise_delegation(printed) == one_name


@pytest.mark.parametrize(
    "printed",
    ["UNODC", "United Nations Office on Drugs and Crime", "UN Office on Drugs and Crime"],
)
def test_a_un_entity_and_its_acronym_are_one_delegation(printed):
    assert normalise_delegation(printed) == "UNODC"


def test_a_renamed_state_keeps_the_records_name_and_joins_today_s():
    assert normalise_delegation("Turkey") == "Turkey"
    assert current_delegation("Turkey") == current_delegation("Türkiye") == "Türkiye"
    assert current_delegation("the former Yugoslav Republic of Macedonia") == "North Macedonia"


def test_an_unknown_organisation_is_tidied_not_renamed():
    assert normalise_delegation("  the Smile of the Child ") == "Smile of the Child"
    assert not is_known_delegation("Smile of the Child")
    assert normalise_delegation("") == ""


def test_every_alias_points_at_a_name_the_table_knows():
    for alias, name in ALIASES.items():
        assert normalise_delegation(name) == name, alias


def test_the_parser_recognises_the_normalised_states_and_observers():
    assert g.canonical_place("the United Kingdom") == "United Kingdom"
    assert g.canonical_place("UNODC") == ""
    assert g.is_member_state("Türkiye") and g.is_member_state("Turkey")
    assert g.is_observer("EU") and g.is_observer("Holy See")
