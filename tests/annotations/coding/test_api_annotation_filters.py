"""Every filter of the annotation list, its cursor pagination, and what it refuses."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.models import Annotation

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(analyst_b) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_b)
    return client


@pytest.fixture
def corpus(codebook, meeting, analyst_a, analyst_b):
    """Amina codes statements 1 and 2, Bruno statement 3; one of Amina's is deleted."""
    first, second, third = meeting.statements.order_by("order")
    code = codebook.codes.get
    made = {
        "a1": services.annotation_create(
            statement=first, code=code(slug="victim-centred"), analyst=analyst_a, start=0, end=5
        ),
        "a2": services.annotation_create(
            statement=second, code=code(slug="gender-specific"), analyst=analyst_a, start=0, end=11
        ),
        "a3": services.annotation_create(
            statement=second, code=code(slug="survivor-testimony"), analyst=analyst_a
        ),
        "b1": services.annotation_create(
            statement=third,
            code=code(slug="migration-displacement"),
            analyst=analyst_b,
            start=4,
            end=18,
        ),
    }
    gone = services.annotation_create(
        statement=third, code=code(slug="prevention"), analyst=analyst_a, start=0, end=3
    )
    services.annotation_delete(annotation=gone, actor=analyst_a)
    Annotation.objects.filter(pk=made["a1"].pk).update(
        created=timezone.now() - datetime.timedelta(days=30)
    )
    return made


def listed(api, query: str = "") -> set[int]:
    response = api.get(f"/api/annotations/?{query}")
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def names(corpus, *keys) -> set[int]:
    return {corpus[key].pk for key in keys}


def test_everyone_sees_every_analysts_live_annotations(api, corpus):
    assert listed(api) == names(corpus, "a1", "a2", "a3", "b1")


def test_filters_by_meeting_statement_and_analyst(api, corpus, meeting):
    second = meeting.statements.get(order=2)
    assert listed(api, f"meeting={meeting.pk}") == names(corpus, "a1", "a2", "a3", "b1")
    assert listed(api, f"statement={second.pk}") == names(corpus, "a2", "a3")
    assert listed(api, "analyst=amina") == names(corpus, "a1", "a2", "a3")
    assert listed(api, "analyst=bruno") == names(corpus, "b1")


def test_filters_by_code_slug_and_group(api, corpus):
    code_id = corpus["a2"].code_id
    assert listed(api, f"code={code_id}") == names(corpus, "a2")
    assert listed(api, "code_slug=survivor-testimony") == names(corpus, "a3")
    assert listed(api, "code_group=approach") == names(corpus, "a1", "a2", "a3")
    assert listed(api, "code_group=root-causes") == names(corpus, "b1")


def test_filters_by_created_range(api, corpus):
    week_ago = (timezone.now() - datetime.timedelta(days=7)).date().isoformat()
    assert listed(api, f"created_after={week_ago}") == names(corpus, "a2", "a3", "b1")
    assert listed(api, f"created_before={week_ago}") == names(corpus, "a1")


def test_cursor_pagination_walks_every_row_once(api, corpus):
    seen = []
    url = "/api/annotations/?page_size=1"
    while url:
        body = api.get(url).json()
        assert set(body) == {"next", "previous", "results"}
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == seen
    assert set(seen) == names(corpus, "a1", "a2", "a3", "b1")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("analyst__password__startswith=pbkdf2", "analyst__password__startswith"),
        ("analyst__email=x", "analyst__email"),
        ("statement__text__icontains=x", "statement__text__icontains"),
        ("analyst=nobody", "analyst"),
        ("meeting=999999", "meeting"),
        ("code=abc", "code"),
        ("created_after=last-week", "created_after"),
        ("page_size=100000", "page_size"),
    ],
)
def test_it_refuses_unknown_filters_unknown_ids_and_huge_pages(api, corpus, query, field):
    response = api.get(f"/api/annotations/?{query}")
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_forged_cursor_is_a_400_not_a_500(api, corpus):
    response = api.get("/api/annotations/?cursor=bz1hYmMmcD0x")
    assert response.status_code == 400
    assert "not one this list gave" in response.json()["cursor"]


def test_the_list_costs_a_fixed_number_of_queries(
    api, corpus, meeting, analyst_a, codebook, django_assert_max_num_queries
):
    statement = meeting.statements.get(order=1)
    for start in range(10, 60):
        services.annotation_create(
            statement=statement,
            code=codebook.codes.get(slug="protection"),
            analyst=analyst_a,
            start=start,
            end=start + 3,
        )
    with django_assert_max_num_queries(3):
        response = api.get("/api/annotations/?page_size=500")
    assert len(response.json()["results"]) == 54
