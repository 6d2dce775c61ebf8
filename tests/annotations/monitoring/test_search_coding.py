"""Code from search: one hit or every hit of a corpus search coded with one code as one
batch, undone whole by the batch's withdraw; no hit coded twice; reviewers see no control."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.test import APIClient

from annotations.models import Annotation, Code
from annotations.monitoring import search_coding
from annotations.monitoring.parameters import statement_filters
from annotations.monitoring.query import parse
from annotations.monitoring.search_coding import search_hits_code

URL = "/api/search/code/"


@pytest.fixture
def api(analyst_a) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


@pytest.fixture
def victim(codebook) -> Code:
    return Code.objects.get(slug="victim-centred")


def code_search(api, params: str, body: dict):
    return api.post(f"{URL}?{params}", body, format="json")


def test_all_hits_across_meetings_are_one_batch_of_the_highlighted_passages(
    api, corpus, victim, analyst_a
):
    response = code_search(api, "q=victim-centred", {"code": victim.pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [(a["statement"], a["quote"]) for a in body["annotations"]] == [
        (corpus.s("ga", 2).pk, "victim‑centred"),
        (corpus.s("ga", 4).pk, "victim centred"),
    ]
    assert body["already_coded"] == 0
    for a in Annotation.objects.live().filter(analyst=analyst_a):
        assert a.statement.text[a.start : a.end] == a.quote


def test_the_filters_of_the_search_choose_the_hits(api, corpus, codebook):
    protection = Code.objects.get(slug="protection")
    response = code_search(api, "q=women&body=Security+Council&speaker_type=member_state",
                           {"code": protection.pk})  # fmt: skip
    assert response.status_code == 201, response.json()
    assert {a["statement"] for a in response.json()["annotations"]} == {
        corpus.s("sc", 1).pk,
        corpus.s("sc", 3).pk,
    }


def test_one_hit_codes_only_its_statement(api, corpus, victim):
    statement = corpus.s("ga", 4)
    response = code_search(api, "q=victim-centred", {"code": victim.pk, "statement": statement.pk})
    assert response.status_code == 201
    assert [a["statement"] for a in response.json()["annotations"]] == [statement.pk]
    assert Annotation.objects.live().count() == 1


def test_a_statement_that_is_not_a_hit_is_refused(api, corpus, victim):
    response = code_search(
        api, "q=victim-centred", {"code": victim.pk, "statement": corpus.s("sc", 2).pk}
    )
    assert response.status_code == 400
    assert "not a hit of this search" in str(response.json())
    assert not Annotation.objects.exists()


def test_a_field_the_step_does_not_take_is_refused_not_dropped(api, corpus, victim):
    # A memo here would be lost without a word (the audit sent one with a NUL in it).
    response = code_search(api, "q=victim-centred", {"code": victim.pk, "memo": "a\x00b"})
    assert response.status_code == 400
    assert response.json()["memo"] == ["Code from search takes only code, statement."]
    assert not Annotation.objects.exists()


def test_the_withdraw_of_the_batch_undoes_the_whole_step(api, corpus, victim):
    ids = [a["id"] for a in code_search(api, "q=victim-centred", {"code": victim.pk}).json()[
        "annotations"]]  # fmt: skip
    undone = api.post("/api/annotations/batch/withdraw/", {"annotations": ids}, format="json")
    assert undone.status_code == 200
    assert not Annotation.objects.live().exists()
    redone = api.post("/api/annotations/batch/restore/", {"annotations": ids}, format="json")
    assert redone.status_code == 200
    assert Annotation.objects.live().count() == 2


def test_hits_already_coded_are_left_as_they_were(api, coded, victim, analyst_a, analyst_b):
    # coded: analyst A has "victim‑centred approach" (GA 2) and "victim centred response" (GA 4).
    response = code_search(api, "q=victim-centred", {"code": victim.pk})
    assert response.status_code == 400
    assert "Every hit is already coded" in str(response.json())
    assert Annotation.objects.live().filter(code=victim).count() == 2
    other = APIClient()
    other.force_authenticate(analyst_b)  # another analyst's coding does not count as hers
    response = code_search(other, "q=victim-centred", {"code": victim.pk})
    assert response.status_code == 201
    assert len(response.json()["annotations"]) == 2


def test_a_partly_coded_search_codes_only_the_rest(api, coded, codebook):
    protection = Code.objects.get(slug="protection")  # A coded SC 1 and SC 3 with it
    response = code_search(api, "q=girls", {"code": protection.pk})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [a["statement"] for a in body["annotations"]] == [coded.s("sc", 4).pk]
    assert body["already_coded"] == 1


def test_more_hits_than_the_limit_are_refused_with_a_message(
    corpus, victim, analyst_a, monkeypatch
):
    monkeypatch.setattr(search_coding, "MAX_HITS", 1)
    with pytest.raises(ValidationError, match="more than 1 hits; code at most 1"):
        search_hits_code(
            analyst=analyst_a, code=victim, tree=parse("victim-centred"),
            filters=statement_filters({}, viewer=None),
        )  # fmt: skip
    assert not Annotation.objects.exists()


@pytest.mark.parametrize(
    "params, body, message",
    [
        ("q=%22victim", {"code": "VICTIM"}, "code"),
        ("q=%22victim", {"code": 0}, "code"),
        ("q=victim", {"code": 1, "statement": 2**70}, "statement"),
        ("q=%22victim", None, "quotation mark"),
        ("q=victim&group=nowhere", None, "There is no country group"),
        ("q=nothingmatchesthis", None, "No statement matches"),
    ],
)
def test_bad_input_is_named_with_400(api, corpus, victim, params, body, message):
    response = code_search(api, params, body or {"code": victim.pk})
    assert response.status_code == 400
    assert message in str(response.json())


def test_a_statement_level_code_is_refused(api, corpus, codebook):
    level = Code.objects.filter(statement_level=True).first()
    response = code_search(api, "q=women", {"code": level.pk})
    assert response.status_code == 400
    assert "statement-level" in str(response.json())


def test_a_reviewer_may_not_code_from_search(corpus, victim, reviewer):
    client = APIClient()
    client.force_authenticate(reviewer)
    response = code_search(client, "q=victim-centred", {"code": victim.pk})
    assert response.status_code == 403
    assert not Annotation.objects.exists()


@pytest.mark.parametrize(
    "query, hits", [("victim-centred", 2), ("victim OR girls OR trafficking", 6)]
)
def test_coding_costs_the_same_queries_for_one_meeting_and_two(
    api, corpus, victim, query, hits, django_assert_num_queries
):
    with django_assert_num_queries(14):
        response = code_search(api, f"q={query}", {"code": victim.pk})
    assert response.status_code == 201, response.json()
    assert len(response.json()["annotations"]) == hits


def test_the_page_offers_the_control_to_an_analyst_not_to_a_reviewer(
    corpus, codebook, analyst_a, reviewer
):
    client = Client()
    client.force_login(analyst_a)
    page = client.get("/monitoring/search/", {"q": "victim-centred"}).content.decode()
    assert 'id="search-coding"' in page
    assert "Code all 2 hits" in page
    assert page.count('class="button search-code-one"') == 2
    assert 'data-code-url="/api/search/code/?q=victim-centred"' in page
    control = page.split('id="search-code"')[1].split("</select>")[0]
    assert ">Victim-centred approach<" in control
    assert "Survivor testimony" not in control  # a statement-level code is not offered
    client.force_login(reviewer)
    page = client.get("/monitoring/search/", {"q": "victim-centred"}).content.decode()
    assert 'id="search-coding"' not in page
    assert "search-code-one" not in page
    assert "search_coding.js" not in page
