"""The admin: every model registered with search and filters, pages that render for
a superuser with a number of queries that does not grow with the rows, and the
codebook and meetings readable there."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.coding.services import annotation_create
from annotations.models import (
    AdjudicationDecision,
    Annotation,
    BlindCoding,
    CodingAssignment,
    CodingScheme,
    Memo,
    MissedOpportunity,
    SchemeAssignment,
    StatementProgress,
    SuggestionDecision,
    UndoStep,
)
from tracker.models import (
    CountryGroup,
    FixtureJob,
    ImportJob,
    Meeting,
    Speaker,
    SpeakerType,
    Statement,
)


def own_models():
    """The models of our two apps, without the history tables django-simple-history adds."""
    return [
        model
        for label in ("tracker", "annotations")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]


def admin_url(model, view="changelist", *args):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/" + (
        "" if view == "changelist" else f"{args[0]}/{view}/"
    )


def add_coded_meeting(number, codebook, analyst, reviewer):
    """One more meeting with two statements and one of everything hanging off them."""
    meeting = Meeting.objects.create(symbol=f"GA/T-{number}", body="General Assembly")
    speaker = Speaker.objects.create(name=f"Speaker {number}")
    statements = [
        Statement.objects.create(
            meeting=meeting,
            order=order,
            segment="Statements",
            speaker=speaker if order == 1 else None,
            delegation="Luxembourg",
            speaker_type=SpeakerType.MEMBER_STATE,
            text=f"Statement {order}: a victim-centred approach was needed.",
        )
        for order in (1, 2)
    ]
    code = codebook.codes.get(slug="victim-centred")
    start = statements[0].text.index("victim-centred")
    annotation = annotation_create(
        statement=statements[0], code=code, analyst=analyst, start=start, end=start + 14
    )
    StatementProgress.objects.create(statement=statements[0], analyst=analyst)
    SuggestionDecision.objects.create(
        statement=statements[1],
        code=code,
        analyst=analyst,
        start=start,
        end=start + 14,
        decision=SuggestionDecision.Decision.DISMISSED,
    )
    AdjudicationDecision.objects.create(
        annotation=annotation, reviewer=reviewer, decision="accepted", reason="Fine."
    )
    missed = MissedOpportunity.objects.create(
        meeting=meeting, analyst=analyst, title="Demand", rationale="Nobody named demand."
    )
    missed.codes.add(code)
    SchemeAssignment.objects.create(meeting=meeting, scheme=codebook)
    CodingAssignment.objects.create(meeting=meeting, analyst=analyst, assigned_by=reviewer)
    ImportJob.objects.create(created_by=analyst, status="finished", results=[{"name": "a.txt"}])
    FixtureJob.objects.create(created_by=analyst, name=f"meeting-{number}.json", status="finished")
    UndoStep.objects.create(meeting=meeting, analyst=analyst, label="coding a passage")
    Memo.objects.create(author=analyst, meeting=meeting, text="Read against 2021.")
    BlindCoding.objects.create(meeting=meeting, enabled=True, changed_by=reviewer)
    return meeting


MODELS = own_models()


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def coded(codebook, analyst_a, reviewer):
    def add(count, start=1):
        for number in range(start, start + count):
            add_coded_meeting(number, codebook, analyst_a, reviewer)

    return add


def queries_for(client, url, warm_up=False) -> int:
    if warm_up:  # the first request fills per-process caches (content types)
        client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_every_model_is_in_the_admin_with_search_and_filters(model):
    model_admin = admin.site._registry.get(model)
    assert model_admin is not None, f"{model._meta.label} is not registered"
    assert model_admin.search_fields, f"{model._meta.label} has no search"
    assert model_admin.list_filter, f"{model._meta.label} has no filters"
    assert len(model_admin.list_display) > 1, f"{model._meta.label} shows only __str__"


def test_changelists_render_with_queries_that_do_not_grow_with_the_rows(admin_client, coded):
    coded(1)
    few = {m._meta.label: queries_for(admin_client, admin_url(m), warm_up=True) for m in MODELS}
    coded(3, start=2)
    many = {m._meta.label: queries_for(admin_client, admin_url(m)) for m in MODELS}
    assert many == few


def test_change_pages_render_with_queries_that_do_not_grow_with_the_rows(admin_client, coded):
    coded(1)
    empty = [m._meta.label for m in MODELS if not m._default_manager.exists()]
    assert not empty, f"add_coded_meeting makes none of {empty}"
    firsts = {m: m._default_manager.order_by("pk").first().pk for m in MODELS}
    few = {
        m._meta.label: queries_for(admin_client, admin_url(m, "change", pk), warm_up=True)
        for m, pk in firsts.items()
    }
    coded(3, start=2)
    # The meeting page has a row per statement: move the new statements into it.
    first_meeting = firsts[Meeting]
    others = Statement.objects.exclude(meeting=first_meeting).order_by("pk")
    for order, statement in enumerate(others, start=10):
        statement.meeting_id, statement.order = first_meeting, order
        statement.save()
    many = {
        m._meta.label: queries_for(admin_client, admin_url(m, "change", pk))
        for m, pk in firsts.items()
    }
    assert Statement.objects.filter(meeting=first_meeting).count() == 8
    assert many == few


def test_the_codebook_shows_its_codes_inline(admin_client, codebook):
    response = admin_client.get(admin_url(CodingScheme, "change", codebook.pk))
    assert response.status_code == 200
    assert b'name="codes-TOTAL_FORMS" value="27"' in response.content
    for slug in ("victim-centred", "survivor-testimony", "prosecution", "demand"):
        assert f'value="{slug}"'.encode() in response.content


def test_the_meeting_page_lists_its_statements_inline(admin_client, meeting):
    response = admin_client.get(admin_url(Meeting, "change", meeting.pk))
    assert response.status_code == 200
    assert b'name="statements-TOTAL_FORMS" value="3"' in response.content
    assert b"Purna Sen" in response.content


def test_the_meeting_list_counts_statements(admin_client, meeting):
    response = admin_client.get(admin_url(Meeting))
    assert response.context["cl"].result_list[0].statement_count == 3


def test_statements_are_searchable_by_delegation_and_speaker(admin_client, meeting):
    by_delegation = admin_client.get(admin_url(Statement), {"q": "Ethiopia"})
    by_speaker = admin_client.get(admin_url(Statement), {"q": "Purna"})
    assert [s.order for s in by_delegation.context["cl"].result_list] == [3]
    assert [s.order for s in by_speaker.context["cl"].result_list] == [2]


def test_annotations_can_be_filtered_by_code_group(admin_client, coded):
    coded(2)
    response = admin_client.get(admin_url(Annotation), {"code__group": "approach"})
    assert response.context["cl"].result_count == 2
    assert (
        admin_client.get(admin_url(Annotation), {"code__group": "four-ps"})
        .context["cl"]
        .result_count
        == 0
    )


def test_an_analyst_cannot_open_the_admin(client, analyst_a):
    client.force_login(analyst_a)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_country_groups_are_read_only_in_the_admin(admin_client):
    # Written on /monitoring/groups/ through country_group_save, which keeps shipped groups.
    p5 = CountryGroup.objects.get(slug="p5")
    change = admin_client.post(admin_url(CountryGroup, "change", p5.pk), {"name": "P4"})
    delete = admin_client.post(admin_url(CountryGroup, "delete", p5.pk), {"post": "yes"})
    assert change.status_code == 403 and delete.status_code == 403
    p5.refresh_from_db()
    assert p5.name != "P4" and p5.memberships.count() == 5
