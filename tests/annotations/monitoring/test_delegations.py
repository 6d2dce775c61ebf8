"""The delegation list on the two small meetings, counted by hand (corpus.py): the
statements each delegation spoke, under every printed name, never the chair's."""

import pytest

from tracker.models import Statement

pytestmark = pytest.mark.django_db


def listed(client) -> tuple[dict[str, int], dict[str, int]]:
    response = client.get("/monitoring/delegations/")
    assert response.status_code == 200
    context = response.context
    linked = {delegation.name: n for delegation, n in context["delegations"]}
    return linked, {row["delegation"]: row["n"] for row in context["unlinked"]}


def test_the_list_counts_each_delegation_under_all_its_printed_names(client, corpus, analyst_a):
    Statement.objects.create(meeting=corpus.sc, order=9, delegation="UK", text="x")
    Statement.objects.create(meeting=corpus.sc, order=10, delegation="Atlantis", text="x")
    Statement.objects.create(meeting=corpus.sc, order=11, delegation="Atlantis", text="y",
                             speaker_type="presiding_officer")  # fmt: skip
    client.force_login(analyst_a)
    linked, unlinked = listed(client)
    # "United Kingdom" (GA 2), "the United Kingdom" (SC 1), "UK"; Slovakia only presided.
    assert linked == {"China": 1, "Ethiopia": 1, "Kenya": 1, "United Kingdom": 3}
    # A name no alias knows is listed apart, with every statement printed under it.
    assert unlinked == {"Atlantis": 2}
    assert '<a href="/monitoring/delegations/united-kingdom/">' in (
        client.get("/monitoring/delegations/").content.decode()
    )


@pytest.mark.parametrize("extra", [0, 30])
def test_the_list_costs_constant_queries(client, corpus, analyst_a, django_assert_num_queries,
                                         extra):  # fmt: skip
    Statement.objects.bulk_create(
        Statement(meeting=corpus.sc, order=100 + i, delegation=name, text="x")
        for i, name in enumerate(["Chile", "Atlantis", "France"] * (extra // 3))
    )
    client.force_login(analyst_a)
    # The session and the user; the counts, their delegations, the unlinked names; the
    # user's permissions ×2 (the page offers administrators the link button).
    with django_assert_num_queries(7):
        listed(client)
