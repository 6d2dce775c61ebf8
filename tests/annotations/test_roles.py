import pytest
from django.contrib.auth.models import Group

from annotations.roles import (
    ADMINISTRATOR,
    ANALYST,
    REVIEWER,
    ROLE_PERMISSIONS,
    can_administer,
    can_code,
    can_restore,
    can_review,
    ensure_roles,
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
    assert can_code(analyst_a) and not can_review(analyst_a)
    assert not can_restore(analyst_a) and not can_administer(analyst_a)
    assert reviewer.has_perm("annotations.add_adjudicationdecision")
    assert not reviewer.has_perm("annotations.add_annotation")
    assert can_review(reviewer) and not can_code(reviewer)
    assert not can_restore(reviewer) and not can_administer(reviewer)
    assert can_review(administrator) and can_restore(administrator)
    assert can_administer(administrator)


def test_an_administrator_by_group_alone_can_unlock_logins(django_user_model, roles):
    staff = django_user_model.objects.create_user(username="staffer", is_staff=True)
    staff.groups.add(roles[ADMINISTRATOR])
    assert can_administer(staff) and can_restore(staff)
    assert staff.has_perm("axes.delete_accessattempt")
    assert staff.has_perm("annotations.change_code")


def test_a_superuser_without_any_role_can_do_everything(django_user_model):
    root = django_user_model.objects.create_superuser(username="root", password="x")
    assert all(ask(root) for ask in (can_code, can_review, can_restore, can_administer))


def test_an_inactive_administrator_can_do_nothing(administrator):
    administrator.is_active = False
    assert not any(ask(administrator) for ask in (can_review, can_restore, can_administer))
