"""A saved meeting's printed delegation names are linked to their delegations; the names
that match none stay for the administrator's link button."""

import datetime
from dataclasses import replace

import pytest

from tests.conftest import GA_11955_RELEASE
from tracker.delegations.services import delegations_link_names
from tracker.imports.parsing.corrections import apply_corrections
from tracker.imports.parsing.delegations import normalise_delegation
from tracker.imports.parsing.press_release import parse_press_release
from tracker.imports.parsing.records import MeetingHeader, PressRelease
from tracker.imports.parsing.records import Statement as ParsedStatement
from tracker.imports.saving import record_save
from tracker.models import Delegation, DelegationAlias, Meeting, Statement

pytestmark = pytest.mark.django_db


def linked(name: str) -> str | None:
    alias = DelegationAlias.objects.filter(name=name).select_related("delegation").first()
    return alias.delegation.slug if alias else None


def test_the_importers_normalisation_links_the_long_name_and_the_short():
    names = ["the United Kingdom", "the United Kingdom of Great Britain and Northern Ireland",
             "Atlantis"]  # fmt: skip
    DelegationAlias.objects.filter(
        name="United Kingdom of Great Britain and Northern Ireland"
    ).delete()  # so that only the normalisation can find it
    assert delegations_link_names(names, normalise=normalise_delegation) == ["Atlantis"]
    assert linked("the United Kingdom") == "united-kingdom"
    assert linked("the United Kingdom of Great Britain and Northern Ireland") == "united-kingdom"
    assert linked("Atlantis") is None


def test_a_name_already_linked_is_left_as_linked(administrator):
    DelegationAlias.objects.create(
        name="the UK delegation", delegation=DelegationAlias.objects.get(name="UK").delegation
    )
    assert delegations_link_names(["the UK delegation", "UK"]) == []
    assert DelegationAlias.objects.filter(name="the UK delegation").count() == 1


def _release(*delegations: str) -> PressRelease:
    statements = tuple(
        ParsedStatement(
            order=order, segment="General debate", speaker=None, delegation=name, role="",
            on_behalf_of="", speaker_type="member_state", text=f"Statement {order} on trafficking.",
        )
        for order, name in enumerate(delegations, 1)
    )  # fmt: skip
    header = MeetingHeader(
        symbol="GA/12387", body="General Assembly", title="High-level meeting",
        date=datetime.date(2021, 11, 22),
    )  # fmt: skip
    return PressRelease(meeting=header, statements=statements)


def test_saving_a_meeting_links_its_printed_names_and_reports_the_rest():
    release = _release(
        "United Kingdom of Great Britain and Northern Ireland", "the United Kingdom",
        "Bolivarian Republic of Venezuela", "Group of Friends United against Human Trafficking",
    )  # fmt: skip
    outcome = record_save(release=release)
    assert outcome.unlinked_delegations == ("Group of Friends United against Human Trafficking",)
    assert linked("the United Kingdom") == "united-kingdom"
    assert linked("United Kingdom of Great Britain and Northern Ireland") == "united-kingdom"
    assert linked("Group of Friends United against Human Trafficking") is None
    assert Statement.objects.filter(delegation__in=DelegationAlias.objects.values("name")).count()
    # the same printed name in the next meeting is linked already: nothing new, nothing lost
    again = record_save(release=replace(release, meeting=replace(release.meeting, symbol="GA/X")))
    assert again.unlinked_delegations == outcome.unlinked_delegations


def test_a_dry_run_links_nothing():
    record_save(release=_release("the Kingdom of the Netherlands"), dry_run=True)
    assert linked("the Kingdom of the Netherlands") is None


def test_the_2017_release_has_every_state_linked_and_the_un_system_left():
    release = apply_corrections(
        parse_press_release(GA_11955_RELEASE.read_bytes()), meeting={"date": "2017-09-27"}
    )
    outcome = record_save(release=release)
    statements = outcome.meeting.statements.exclude(delegation="")
    printed = set(statements.values_list("delegation", flat=True))
    unlinked = printed - set(DelegationAlias.objects.values_list("name", flat=True))
    assert sorted(unlinked) == sorted(outcome.unlinked_delegations)
    assert len(printed - unlinked) == 30  # every State, the Holy See and the European Union
    assert linked("former Yugoslav Republic of Macedonia") == "north-macedonia"
    assert linked("Turkey") == "turkiye"
    # what is left is the UN system and civil society, for the administrator to judge
    assert {"UNODC", "UN-Women", "Smile of the Child"} <= unlinked
    assert not Delegation.objects.filter(name__in=unlinked).exists()


def test_a_renamed_state_joins_today_s_and_a_vanished_one_waits_for_the_administrator():
    outcome = record_save(
        release=_release("Libyan Arab Jamahiriya", "Union of Soviet Socialist Republics")
    )
    assert linked("Libyan Arab Jamahiriya") == "libya"
    assert outcome.unlinked_delegations == ("Union of Soviet Socialist Republics",)


def test_the_link_button_links_a_fixtures_names_with_the_importers_normalisation(
    administrator, client
):
    meeting = Meeting.objects.create(symbol="GA/11955", date="2017-09-27")  # as loaddata does
    for order, name in enumerate(["former Yugoslav Republic of Macedonia", "UNODC"], 1):
        Statement.objects.create(meeting=meeting, order=order, delegation=name, text="x")
    client.force_login(administrator)
    response = client.post("/monitoring/delegations/link/", follow=True)
    assert "1 printed names remain" in response.content.decode()
    assert linked("former Yugoslav Republic of Macedonia") == "north-macedonia"
    assert linked("UNODC") is None
