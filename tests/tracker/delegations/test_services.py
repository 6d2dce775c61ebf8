import pytest
from django.core.exceptions import ValidationError

from tracker.delegations.names import delegation_key
from tracker.delegations.selectors import in_group, printed_as, speaks_for_delegation
from tracker.delegations.services import (
    country_group_delete,
    country_group_save,
    delegations_link_printed_names,
)
from tracker.models import CountryGroup, Delegation, DelegationAlias, Meeting, Statement

pytestmark = pytest.mark.django_db


def test_printed_forms_share_a_key():
    assert delegation_key("the United Kingdom") == delegation_key("UNITED  KINGDOM")
    assert delegation_key("Côte d’Ivoire") == delegation_key("Cote d'Ivoire")


def test_the_shipped_data_is_loaded_by_the_migration():
    assert Delegation.objects.filter(kind="member_state").count() == 193
    assert DelegationAlias.objects.get(name="UK").delegation.name == "United Kingdom"
    p5 = CountryGroup.objects.get(slug="p5")
    assert sorted(p5.members.values_list("name", flat=True)) == [
        "China", "France", "Russian Federation", "United Kingdom", "United States",
    ]  # fmt: skip
    assert CountryGroup.objects.get(slug="african-group").memberships.count() == 54


def test_printed_names_are_linked_by_key_and_the_rest_reported():
    meeting = Meeting.objects.create(symbol="SC/1", date="2021-01-05")
    for order, name in enumerate(["the United Kingdom", "Côte d’Ivoire", "Atlantis"], 1):
        Statement.objects.create(meeting=meeting, order=order, delegation=name, text="x")
    assert delegations_link_printed_names() == ["Atlantis"]
    assert (
        DelegationAlias.objects.get(name="the United Kingdom").delegation.slug == "united-kingdom"
    )
    assert DelegationAlias.objects.get(name="Côte d’Ivoire").delegation.slug == "cote-divoire"


@pytest.mark.parametrize(
    "delegation, date, member",
    [
        ("Ethiopia", "2017-06-01", True),
        ("Ethiopia", "2019-06-01", False),
        ("Italy", "2017-06-01", True),  # the split seat: Italy in 2017,
        ("Italy", "2018-06-01", False),
        ("Netherlands", "2018-06-01", True),  # the Netherlands in 2018
        ("Kenya", "2022-12-31", True),
        ("Kenya", "2023-01-01", False),
    ],
)
def test_elected_council_members_count_by_year(delegation, date, member):
    meeting = Meeting.objects.create(symbol="SC/X", date=date)
    Statement.objects.create(meeting=meeting, order=1, delegation=delegation, text="x")
    e10 = CountryGroup.objects.get(slug="e10")
    assert Statement.objects.filter(in_group(e10)).exists() is member


def test_an_analyst_defines_a_group_of_known_delegations(analyst_a):
    group = country_group_save(
        name="Group of Friends", members=["Canada", "Mexico"], actor=analyst_a
    )
    assert sorted(group.members.values_list("slug", flat=True)) == ["canada", "mexico"]
    with pytest.raises(ValidationError, match="No delegation called Atlantis"):
        country_group_save(name="Other", members=["Canada", "Atlantis"], actor=analyst_a)
    with pytest.raises(ValidationError, match="already a group"):
        country_group_save(name="Group of Friends", members=[], actor=analyst_a)
    country_group_delete(group=group)
    assert not CountryGroup.objects.filter(slug="group-of-friends").exists()


def test_shipped_groups_stay_as_shipped(analyst_a):
    p5 = CountryGroup.objects.get(slug="p5")
    with pytest.raises(ValidationError, match="shipped"):
        country_group_delete(group=p5)
    with pytest.raises(ValidationError, match="shipped"):
        country_group_save(name="P5", members=[], actor=analyst_a, group=p5)


def test_the_chair_speaks_for_no_delegation_and_no_group():
    """A President of the General Assembly is printed with their country (Bahrain, 2007),
    but speaks for the Assembly: such statements count for no delegation, no group."""
    meeting = Meeting.objects.create(symbol="A/61/PV.107", date="2007-09-13")
    chair = Statement.objects.create(meeting=meeting, order=1, delegation="Bahrain", text="x",
                                     speaker_type="presiding_officer")  # fmt: skip
    own = Statement.objects.create(meeting=meeting, order=2, delegation="Bahrain", text="y",
                                   speaker_type="member_state")  # fmt: skip
    bahrain = Delegation.objects.get(slug="bahrain")
    assert list(Statement.objects.filter(printed_as(bahrain))) == [own]
    asia = CountryGroup.objects.create(slug="gulf", name="Gulf")
    asia.memberships.create(delegation=bahrain)
    assert list(Statement.objects.filter(in_group(asia))) == [own]
    assert chair.pk not in Statement.objects.filter(speaks_for_delegation()).values_list(
        "pk", flat=True
    )
