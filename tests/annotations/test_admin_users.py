"""The administrator role (staff, not superuser) manages users, roles and API tokens in
the admin but cannot escalate: each test logs in as that role and tries one way up —
superuser status, a raw permission, a group with every permission, a superuser's page
or password, a token of a chosen key or for a superuser."""

import pytest
from django.contrib.auth.models import Group, Permission
from rest_framework.authtoken.models import Token

from annotations.roles import ADMINISTRATOR, ANALYST
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-horse-battery-staple"


@pytest.fixture
def role_admin(django_user_model, roles):
    """The administrator role as it is given: staff and the group, no superuser."""
    user = django_user_model.objects.create_user("stella", password=PASSWORD, is_staff=True)
    user.groups.add(roles[ADMINISTRATOR])
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password=PASSWORD)


@pytest.fixture
def as_role_admin(client, role_admin):
    # One password check is enough (test_the_role_logs_in_…): each costs a second.
    client.force_login(role_admin)
    return client


def user_url(user, view="change") -> str:
    return f"/admin/auth/user/{user.pk}/{view}/"


def posted_back(page, **changes) -> dict:
    """What the browser posts back from a user's change page, plus `changes`."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        if isinstance(value, list | tuple):
            value = [str(item) for item in value]
        data[name] = value
    data.update(changes)
    return data


def test_the_role_logs_in_to_the_admin_without_being_superuser(client, role_admin):
    response = client.post("/admin/login/", {"username": "stella", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not role_admin.is_superuser


def test_the_user_page_offers_no_superuser_status_or_permissions(as_role_admin, role_admin):
    page = as_role_admin.get(user_url(role_admin))
    assert page.status_code == 200
    fields = page.context["adminform"].form.fields
    assert "is_superuser" not in fields and "user_permissions" not in fields
    assert {str(group) for group in fields["groups"].queryset} == {
        "administrator",
        "analyst",
        "reviewer",
    }


def test_ticking_superuser_and_a_permission_on_oneself_grants_neither(
    as_role_admin, role_admin, roles
):
    permission = Permission.objects.get(codename="delete_user")
    page = as_role_admin.get(user_url(role_admin))
    response = as_role_admin.post(
        user_url(role_admin),
        posted_back(page, is_superuser="on", user_permissions=[str(permission.pk)]),
    )
    assert response.status_code == 302
    role_admin.refresh_from_db()
    assert not role_admin.is_superuser
    assert not role_admin.user_permissions.exists()
    assert not role_admin.has_perm("auth.delete_user")
    assert list(role_admin.groups.all()) == [roles[ADMINISTRATOR]]


def test_a_group_outside_the_roles_cannot_be_given(as_role_admin, analyst_a, roles):
    everything = Group.objects.create(name="everything")
    everything.permissions.set(Permission.objects.all())
    page = as_role_admin.get(user_url(analyst_a))
    response = as_role_admin.post(
        user_url(analyst_a), posted_back(page, groups=[str(everything.pk)])
    )
    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert list(analyst_a.groups.all()) == [roles[ANALYST]]


def test_the_role_gives_a_role_and_makes_staff(as_role_admin, analyst_a, roles):
    page = as_role_admin.get(user_url(analyst_a))
    response = as_role_admin.post(
        user_url(analyst_a),
        posted_back(page, is_staff="on", groups=[str(roles[ADMINISTRATOR].pk)]),
    )
    assert response.status_code == 302
    analyst_a.refresh_from_db()
    assert analyst_a.is_staff and not analyst_a.is_superuser
    assert list(analyst_a.groups.all()) == [roles[ADMINISTRATOR]]


def test_a_superusers_page_is_read_only_and_their_password_out_of_reach(as_role_admin, superuser):
    page = as_role_admin.get(user_url(superuser))
    changed = as_role_admin.post(user_url(superuser), {"username": "root", "is_active": "on"})
    password = as_role_admin.post(
        user_url(superuser, "password"),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert changed.status_code == 403
    assert password.status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password(PASSWORD)
    assert superuser.is_staff and superuser.is_active


def test_the_role_still_sets_an_analysts_password(as_role_admin, analyst_a):
    response = as_role_admin.post(
        user_url(analyst_a, "password"),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    analyst_a.refresh_from_db()
    assert analyst_a.check_password(NEW_PASSWORD)


def test_a_new_user_made_by_the_role_is_no_superuser(as_role_admin, django_user_model):
    response = as_role_admin.post(
        "/admin/auth/user/add/",
        {
            "username": "newcomer",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    newcomer = django_user_model.objects.get(username="newcomer")
    assert not newcomer.is_superuser and not newcomer.is_staff


def test_a_superuser_keeps_every_field(client, superuser, role_admin):
    client.force_login(superuser)
    response = client.get(user_url(role_admin))
    fields = response.context["adminform"].form.fields
    assert "is_superuser" in fields and "user_permissions" in fields


def test_the_role_makes_tokens_with_a_server_key_for_non_superusers_only(
    as_role_admin, analyst_a, superuser
):
    page = as_role_admin.get("/admin/authtoken/tokenproxy/add/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert list(form.fields) == ["user"]
    assert "root" not in {str(user) for user in form.fields["user"].queryset}
    for_superuser = as_role_admin.post(
        "/admin/authtoken/tokenproxy/add/", {"user": superuser.pk, "key": "a" * 40}
    )
    assert for_superuser.status_code == 200  # the form refuses the choice
    assert "user" in for_superuser.context["adminform"].form.errors
    assert not Token.objects.filter(user=superuser).exists()
    chosen_key = as_role_admin.post(
        "/admin/authtoken/tokenproxy/add/", {"user": analyst_a.pk, "key": "a" * 40}
    )
    assert chosen_key.status_code == 302
    token = Token.objects.get(user=analyst_a)
    assert token.key != "a" * 40 and len(token.key) == 40


def test_a_superusers_token_is_not_shown_to_the_role(as_role_admin, analyst_a, superuser):
    theirs = Token.objects.create(user=superuser)
    mine = Token.objects.create(user=analyst_a)
    listing = as_role_admin.get("/admin/authtoken/tokenproxy/")
    page = as_role_admin.get(f"/admin/authtoken/tokenproxy/{superuser.pk}/change/")
    assert listing.status_code == 200
    assert mine.key in listing.content.decode()
    assert theirs.key not in listing.content.decode()
    assert page.status_code == 302  # "does not exist": back to the admin's index
    assert Token.objects.filter(user=superuser).exists()


def test_the_roles_token_permissions_name_the_admins_token_model(roles):
    codenames = set(roles[ADMINISTRATOR].permissions.values_list("codename", flat=True))
    assert {"add_tokenproxy", "view_tokenproxy", "delete_tokenproxy"} <= codenames
    assert not codenames & {"add_token", "view_token", "delete_token"}


def test_no_role_holds_a_permission_on_history(roles):
    for group in roles.values():
        on_history = group.permissions.filter(content_type__model__startswith="historical")
        assert list(on_history) == [], group.name
