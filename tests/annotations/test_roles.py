import pytest
from django.contrib.auth.models import Group

from annotations.roles import (
    ADMINISTRATOR,
    ANALYST,
    REVIEWER,
    ROLE_PERMISSIONS,
    ensure_roles,
    is_administrator,
    is_reviewer,
)

pytestmark = pytest.mark.django_db


def test_every_migrated_database_has_the_three_role_groups():
    # No ensure_roles() here: the post_migrate hook made them.
    assert set(Group.objects.values_list("name", flat=True)) >= {ANALYST, REVIEWER, ADMINISTRATOR}


def test_ensure_roles_is_idempotent_and_grants_every_listed_permission():
    first = ensure_roles()
    again = ensure_roles()
    assert {role: g.pk for role, g in first.items()} == {role: g.pk for role, g in again.items()}
    for role, specs in ROLE_PERMISSIONS.items():
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in again[role].permissions.select_related("content_type")
        }
        for spec in specs:
            if spec.endswith(".*"):
                assert any(g.startswith(spec[:-1]) for g in granted), spec
            else:
                assert spec in granted, spec


def test_roles_grant_what_they_say(analyst_a, reviewer, administrator):
    assert analyst_a.has_perm("annotations.add_annotation")
    assert not analyst_a.has_perm("annotations.add_adjudicationdecision")
    assert not is_reviewer(analyst_a) and not is_administrator(analyst_a)
    assert reviewer.has_perm("annotations.add_adjudicationdecision")
    assert not reviewer.has_perm("annotations.add_annotation")
    assert is_reviewer(reviewer) and not is_administrator(reviewer)
    assert is_reviewer(administrator) and is_administrator(administrator)


def test_an_administrator_by_group_alone_can_unlock_logins(django_user_model, roles):
    staff = django_user_model.objects.create_user(username="staffer", is_staff=True)
    staff.groups.add(roles[ADMINISTRATOR])
    assert is_administrator(staff)
    assert staff.has_perm("axes.delete_accessattempt")
    assert staff.has_perm("annotations.change_code")
