"""The admin obeys the services: an administrator's change pages cannot move, re-quote or
re-own an analyst's work, rename a used code, move coded work out of its scheme, delete
anything hard, or revert a record from its history behind the services' back."""

import pytest
from django.contrib.auth.models import AbstractBaseUser

from annotations.coding.services import annotation_create, annotation_delete, annotation_update
from annotations.models import (
    AdjudicationDecision,
    Annotation,
    MissedOpportunity,
    StatementProgress,
    SuggestionDecision,
)
from annotations.review.services import decide

pytestmark = pytest.mark.django_db


def url(model, pk=None, view="change") -> str:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    return base if pk is None else f"{base}{pk}/{view}/"


def _value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return value


def page_data(page, **changes) -> dict:
    """What the browser would post back unchanged from an admin change page, plus `changes`."""
    form = page.context["adminform"].form
    data = {name: _value(form[name]) for name in form.fields}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f.html_name: _value(f) for f in formset.management_form})
        for sub in formset.forms:
            data.update({f.html_name: _value(f) for f in sub})
    data = {k: v for k, v in data.items() if v is not False}  # unchecked boxes are not sent
    data.update(changes)
    return data


@pytest.fixture
def as_admin(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def coded(statement, code, analyst_a) -> Annotation:
    start = statement.text.index("victim-centred")
    return annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=start + 14
    )


def assert_intact(annotation: Annotation, analyst: AbstractBaseUser, version: int) -> None:
    annotation.refresh_from_db()
    text = annotation.statement.text
    assert text[annotation.start : annotation.end] == annotation.quote
    assert annotation.quote == "victim-centred"
    assert (annotation.analyst_id, annotation.version) == (analyst.pk, version)
    assert annotation.deleted_at is None


# Annotations: the analyst's work, read in the admin, changed only by its analyst.


@pytest.mark.parametrize(
    "changes",
    [
        {"start": "0", "end": "5"},
        {"quote": "Human"},
        {"analyst": "other"},
        {"memo": "An administrator's memo."},
        {"needs_review": "on"},
    ],
    ids=["offsets", "quote", "analyst", "memo", "needs_review"],
)
def test_the_annotation_change_page_changes_nothing(as_admin, coded, analyst_a, analyst_b, changes):
    if changes.get("analyst") == "other":
        changes = {"analyst": str(analyst_b.pk)}
    data = {
        "statement": coded.statement_id,
        "code": coded.code_id,
        "analyst": analyst_a.pk,
        "start": coded.start,
        "end": coded.end,
        "memo": "",
        "source": coded.source,
        **changes,
    }
    response = as_admin.post(url(Annotation, coded.pk), data)
    assert_intact(coded, analyst_a, version=1)
    assert coded.memo == "" and not coded.needs_review
    assert response.status_code == 403
    page = as_admin.get(url(Annotation, coded.pk))
    assert page.status_code == 200
    assert not page.context["adminform"].form.fields, "every field is read-only"


def test_annotations_cannot_be_added_in_the_admin(as_admin, statement, code, analyst_a):
    assert as_admin.get(url(Annotation) + "add/").status_code == 403
    response = as_admin.post(
        url(Annotation) + "add/",
        {"statement": statement.pk, "code": code.pk, "analyst": analyst_a.pk, "start": 0, "end": 5},
    )
    assert response.status_code == 403
    assert not Annotation.objects.exists()


def test_annotations_are_never_deleted_hard_in_the_admin(as_admin, coded, analyst_a):
    assert as_admin.post(url(Annotation, coded.pk, "delete"), {"post": "yes"}).status_code == 403
    changelist = as_admin.get(url(Annotation))
    actions = [name for name, _ in changelist.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in actions
    as_admin.post(
        url(Annotation),
        {"action": "delete_selected", "_selected_action": [coded.pk], "post": "yes"},
    )
    assert_intact(coded, analyst_a, version=1)


def test_an_administrator_restores_a_deleted_annotation_through_the_service(
    as_admin, coded, analyst_a
):
    annotation_delete(annotation=coded, actor=analyst_a)
    response = as_admin.post(
        url(Annotation), {"action": "restore_annotations", "_selected_action": [coded.pk]}
    )
    assert response.status_code == 302
    assert_intact(coded, analyst_a, version=3)
    assert coded.deleted_by is None
    assert [h.history_type for h in coded.history.order_by("history_id")] == ["+", "~", "~"]


def test_the_restore_action_reports_what_the_service_refuses(as_admin, coded, analyst_a):
    response = as_admin.post(
        url(Annotation),
        {"action": "restore_annotations", "_selected_action": [coded.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any("nothing to restore" in m for m in shown)
    assert_intact(coded, analyst_a, version=1)


def test_an_annotation_cannot_be_reverted_from_its_history(as_admin, coded, statement, analyst_a):
    start = statement.text.index("serious crime")
    annotation_update(annotation=coded, actor=analyst_a, version=1, start=start, end=start + 13)
    first = coded.history.order_by("history_id").first()
    page = as_admin.get(url(Annotation, coded.pk, f"history/{first.history_id}"))
    assert page.status_code == 200  # history stays readable
    response = as_admin.post(url(Annotation, coded.pk, f"history/{first.history_id}"), {})
    assert response.status_code == 403
    coded.refresh_from_db()
    assert (coded.quote, coded.version) == ("serious crime", 2)


# The other records of analysts' and reviewers' work: read-only, never deleted hard.


@pytest.fixture
def work(meeting, statement, code, coded, analyst_a, analyst_b, reviewer):
    missed = MissedOpportunity.objects.create(
        meeting=meeting, analyst=analyst_a, title="Demand", rationale="Nobody named demand."
    )
    decision = decide(annotation=coded, reviewer=reviewer, decision="accepted", reason="Fine.")
    progress = StatementProgress.objects.create(statement=statement, analyst=analyst_a)
    suggestion = SuggestionDecision.objects.create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5, decision="dismissed"
    )
    return {
        MissedOpportunity: (missed, "analyst", analyst_b.pk),
        AdjudicationDecision: (decision, "reviewer", analyst_b.pk),
        StatementProgress: (progress, "analyst", analyst_b.pk),
        SuggestionDecision: (suggestion, "analyst", analyst_b.pk),
    }


@pytest.mark.parametrize(
    "model",
    [MissedOpportunity, AdjudicationDecision, StatementProgress, SuggestionDecision],
    ids=lambda m: m.__name__,
)
def test_work_records_are_read_only_in_the_admin(as_admin, work, model):
    obj, owner_field, someone_else = work[model]
    owner = getattr(obj, f"{owner_field}_id")
    page = as_admin.get(url(model, obj.pk))
    assert page.status_code == 200
    response = as_admin.post(url(model, obj.pk), page_data(page, **{owner_field: someone_else}))
    assert response.status_code == 403
    assert as_admin.post(url(model, obj.pk, "delete"), {"post": "yes"}).status_code == 403
    assert as_admin.get(url(model) + "add/").status_code == 403
    obj.refresh_from_db()
    assert getattr(obj, f"{owner_field}_id") == owner
