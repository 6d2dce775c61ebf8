import pytest
from django.core.management import call_command

from annotations.models import Code, CodingScheme

pytestmark = pytest.mark.django_db


def test_the_codebook_fixture_holds_every_group_and_code():
    call_command("loaddata", "fixtures/codebook.json", verbosity=0)
    scheme = CodingScheme.objects.get(is_default=True)
    assert [g["slug"] for g in scheme.groups] == [
        "approach",
        "root-causes",
        "four-ps",
        "framing-of-women",
        "missed-opportunity-indicators",
    ]
    assert Code.objects.count() == 27
    testimony = Code.objects.get(slug="survivor-testimony")
    assert testimony.statement_level is True
    assert Code.objects.filter(statement_level=True).count() == 1
    assert all(c.definition for c in Code.objects.all())
    shortcuts = list(Code.objects.values_list("shortcut", flat=True))
    assert len(set(shortcuts)) == len(shortcuts) == 27


def test_login_is_required_for_pages(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_login_page_is_open(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b"Sign in" in response.content
