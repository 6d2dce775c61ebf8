"""The codebook in the admin writes through the codebook services: a used code keeps its
slug, scheme and kind, a scheme's groups keep their shape, and a coded meeting keeps the
scheme its annotations' codes belong to."""

import pytest

from annotations.coding.services import annotation_create
from annotations.models import Annotation, Code, CodingScheme, SchemeAssignment
from tracker.models import Meeting, Statement

from .test_admin import assert_intact, page_data, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_admin(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def coded(statement, code, analyst_a):
    start = statement.text.index("victim-centred")
    return annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=start + 14
    )


# Codes: saved through code_save, so a used code keeps its slug, scheme and kind.


def test_a_used_codes_slug_cannot_be_renamed(as_admin, coded, code):
    page = as_admin.get(url(Code, code.pk))
    response = as_admin.post(url(Code, code.pk), page_data(page, slug="victim-centered"))
    assert response.status_code == 200  # the form again, with the service's message
    errors = response.context["adminform"].form.errors
    assert errors["slug"] == ['Code "victim-centred" has annotations: its slug is fixed.']
    code.refresh_from_db()
    assert code.slug == "victim-centred"


def test_a_used_code_cannot_change_scheme_or_kind(as_admin, coded, code):
    other = CodingScheme.objects.create(name="Other", slug="other")
    page = as_admin.get(url(Code, code.pk))
    data = page_data(page, scheme=other.pk, statement_level="on", name="Renamed")
    response = as_admin.post(url(Code, code.pk), data)
    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == {"scheme", "statement_level"}
    code.refresh_from_db()
    assert (code.scheme_id, code.statement_level, code.name) == (
        coded.code.scheme_id,
        False,
        code.name,
    )
    assert code.name != "Renamed"


def test_a_code_not_in_use_is_renamed_with_history(as_admin, code, administrator):
    page = as_admin.get(url(Code, code.pk))
    response = as_admin.post(url(Code, code.pk), page_data(page, slug="victim-centered"))
    assert response.status_code == 302
    code.refresh_from_db()
    assert code.slug == "victim-centered"
    assert code.history.latest().history_user == administrator


def test_a_code_whose_group_is_not_in_its_scheme_is_refused(as_admin, code):
    page = as_admin.get(url(Code, code.pk))
    response = as_admin.post(url(Code, code.pk), page_data(page, group="no-such-group"))
    assert response.status_code == 200
    assert "is not a group of scheme" in response.context["adminform"].form.errors["group"][0]
    code.refresh_from_db()
    assert code.group != "no-such-group"


def test_a_code_is_added_through_the_service(as_admin, codebook):
    page = as_admin.get(url(Code) + "add/")
    assert page.status_code == 200
    data = {
        "scheme": codebook.pk,
        "group": "approach",
        "slug": "new-code",
        "name": "New code",
        "colour": "#123456",
        "order": "99",
    }
    assert as_admin.post(url(Code) + "add/", data).status_code == 302
    assert codebook.codes.filter(slug="new-code").exists()
    refused = as_admin.post(url(Code) + "add/", {**data, "slug": "other", "group": "nope"})
    assert refused.status_code == 200
    assert "is not a group of scheme" in refused.context["adminform"].form.errors["group"][0]
    assert not codebook.codes.filter(slug="other").exists()


def inline_index(page, code) -> int:
    formset = page.context["inline_admin_formsets"][0].formset
    return next(i for i, f in enumerate(formset.forms) if f.instance.pk == code.pk)


def test_the_codebook_page_cannot_rename_a_used_code(as_admin, codebook, coded, code):
    page = as_admin.get(url(CodingScheme, codebook.pk))
    i = inline_index(page, code)
    data = page_data(page, **{f"codes-{i}-slug": "victim-centered", "description": "Changed."})
    response = as_admin.post(url(CodingScheme, codebook.pk), data)
    assert response.status_code == 200
    row = response.context["inline_admin_formsets"][0].formset.forms[i]
    assert row.errors["slug"] == ['Code "victim-centred" has annotations: its slug is fixed.']
    code.refresh_from_db()
    codebook.refresh_from_db()
    assert code.slug == "victim-centred"
    assert codebook.description != "Changed."  # nothing half-written


def test_the_codebook_page_renames_a_code_not_in_use(as_admin, codebook, code):
    page = as_admin.get(url(CodingScheme, codebook.pk))
    i = inline_index(page, code)
    data = page_data(page, **{f"codes-{i}-slug": "victim-centered"})
    response = as_admin.post(url(CodingScheme, codebook.pk), data)
    assert response.status_code == 302
    code.refresh_from_db()
    assert code.slug == "victim-centered"


def test_the_codebook_page_refuses_malformed_groups(as_admin, codebook):
    page = as_admin.get(url(CodingScheme, codebook.pk))
    response = as_admin.post(url(CodingScheme, codebook.pk), page_data(page, groups='["x"]'))
    assert response.status_code == 200
    assert "Send a list of groups" in response.content.decode()
    codebook.refresh_from_db()
    assert codebook.groups != ["x"]


def new_scheme_data(*codes) -> dict:
    """The add page of a scheme with groups "approach" and "four-ps" and `codes` inline."""
    data = {
        "name": "New scheme",
        "slug": "new-scheme",
        "version": "1",
        "groups": '[{"slug": "approach", "name": "Approach"}, {"slug": "four-ps", "name": "4 Ps"}]',
        "codes-TOTAL_FORMS": str(len(codes)),
        "codes-INITIAL_FORMS": "0",
        "codes-MIN_NUM_FORMS": "0",
        "codes-MAX_NUM_FORMS": "1000",
    }
    for i, (group, slug) in enumerate(codes):
        data.update(
            {
                f"codes-{i}-order": str(i + 1),
                f"codes-{i}-group": group,
                f"codes-{i}-slug": slug,
                f"codes-{i}-name": slug.title(),
                f"codes-{i}-colour": "#123456",
            }
        )
    return data


def test_the_add_page_refuses_a_code_whose_group_is_not_submitted_on_the_form(as_admin, db):
    data = new_scheme_data(("approach", "fine"), ("no-such-group", "stray"))
    response = as_admin.post(url(CodingScheme) + "add/", data)
    assert response.status_code == 200  # the form again, not a server error
    rows = response.context["inline_admin_formsets"][0].formset.forms
    assert rows[0].errors == {}
    assert "is not a group of scheme" in rows[1].errors["group"][0]
    assert not CodingScheme.objects.filter(slug="new-scheme").exists()
    assert not Code.objects.filter(slug__in=["fine", "stray"]).exists()


def test_the_add_page_saves_a_scheme_with_its_codes(as_admin, db):
    data = new_scheme_data(("approach", "fine"), ("four-ps", "also-fine"))
    assert as_admin.post(url(CodingScheme) + "add/", data).status_code == 302
    scheme = CodingScheme.objects.get(slug="new-scheme")
    assert sorted(scheme.codes.values_list("group", "slug")) == [
        ("approach", "fine"),
        ("four-ps", "also-fine"),
    ]


def test_the_change_page_checks_new_codes_against_the_groups_submitted_with_them(
    as_admin, codebook
):
    page = as_admin.get(url(CodingScheme, codebook.pk))
    n = page.context["inline_admin_formsets"][0].formset.total_form_count()
    groups = '[{"slug": "approach", "name": "Approach"}, {"slug": "added", "name": "Added"}]'
    row = {
        f"codes-{n}-order": "99",
        f"codes-{n}-slug": "brand-new",
        f"codes-{n}-name": "Brand new",
        f"codes-{n}-colour": "#123456",
        "codes-TOTAL_FORMS": str(n + 1),
    }
    refused = as_admin.post(
        url(CodingScheme, codebook.pk),
        page_data(page, groups=groups, **row, **{f"codes-{n}-group": "four-ps"}),
    )
    assert refused.status_code == 200
    errors = refused.context["inline_admin_formsets"][0].formset.forms[n].errors
    assert "is not a group of scheme" in errors["group"][0]
    codebook.refresh_from_db()
    assert "added" not in [g["slug"] for g in codebook.groups]
    assert not codebook.codes.filter(slug="brand-new").exists()


# Scheme membership: a coded meeting keeps the scheme its annotations' codes belong to.


def test_a_coded_meeting_cannot_be_assigned_another_scheme(as_admin, meeting, coded):
    other = CodingScheme.objects.create(name="Other", slug="other")
    response = as_admin.post(
        url(SchemeAssignment) + "add/", {"meeting": meeting.pk, "scheme": other.pk}
    )
    assert response.status_code == 200
    assert "its scheme is fixed" in str(response.context["adminform"].form.errors)
    assert not SchemeAssignment.objects.exists()
    assert_intact(coded, coded.analyst, version=1)


def test_a_coded_meetings_assignment_is_neither_changed_nor_deleted(
    as_admin, meeting, codebook, coded
):
    assignment = SchemeAssignment.objects.create(meeting=meeting, scheme=codebook)
    CodingScheme.objects.filter(pk=codebook.pk).update(is_default=False)
    other = CodingScheme.objects.create(name="Other", slug="other", is_default=True)
    blank = Meeting.objects.create(symbol="GA/TEST-2", body="General Assembly")
    page = as_admin.get(url(SchemeAssignment, assignment.pk))
    response = as_admin.post(
        url(SchemeAssignment, assignment.pk), page_data(page, scheme=other.pk, meeting=blank.pk)
    )
    assert response.status_code == 200
    assert "its scheme is fixed" in str(response.context["adminform"].form.errors)
    response = as_admin.post(
        url(SchemeAssignment, assignment.pk, "delete"), {"post": "yes"}, follow=True
    )
    shown = [str(m) for m in response.context["messages"]]
    assert any("its scheme is fixed" in m for m in shown), shown
    assignment.refresh_from_db()
    assert (assignment.meeting_id, assignment.scheme_id) == (meeting.pk, codebook.pk)


def test_an_assignment_whose_removal_changes_no_scheme_is_deleted(
    as_admin, meeting, codebook, coded
):
    assignment = SchemeAssignment.objects.create(meeting=meeting, scheme=codebook)  # the default
    response = as_admin.post(url(SchemeAssignment, assignment.pk, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not SchemeAssignment.objects.exists()


def test_a_meeting_not_yet_coded_is_assigned_a_scheme(as_admin, meeting):
    other = CodingScheme.objects.create(name="Other", slug="other")
    response = as_admin.post(
        url(SchemeAssignment) + "add/", {"meeting": meeting.pk, "scheme": other.pk}
    )
    assert response.status_code == 302
    assert SchemeAssignment.objects.get(meeting=meeting).scheme == other


# History: readable, never a way around the services.


def test_records_are_not_reverted_from_their_history(as_admin, coded, code, statement):
    code.save()  # a loaded fixture has no history yet
    for model, obj in ((Code, code), (Statement, statement), (Annotation, coded)):
        record = obj.history.order_by("history_id").first()
        target = url(model, obj.pk, f"history/{record.history_id}")
        assert as_admin.get(target).status_code == 200, model
        assert as_admin.post(target, {}).status_code == 403, model
