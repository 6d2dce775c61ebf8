"""Blind double coding (annotations/coding/blind/, the rule in
annotations.models.unfinished_blind_meetings): in a blind meeting an analyst sees only
her own coding until she has marked every statement done; reviewers always see all.

One world: GA/11955 of the monitoring corpus, coded blind. Amina (A) codes a passage of
statement 1; Bruno (B) codes "Global Plan" of statement 2 (the United Kingdom) with
gender-inequality, rates it "specific reference", and records a missed opportunity. Every
read path that could show Bruno's coding is asked as Amina before and after she is done,
and as the reviewer.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from annotations.coding.blind.services import blind_coding_set
from annotations.coding.memos.services import memo_create
from annotations.coding.services import (
    annotation_create,
    missed_opportunity_create,
    statement_mark_done,
    statement_mark_not_done,
)
from annotations.models import Annotation, BlindCoding, Code
from annotations.monitoring.reference_levels import reference_level_declare
from tests.annotations.monitoring.corpus import build_corpus

pytestmark = pytest.mark.django_db

X = "gender-inequality"  # the code only Bruno applies
BRUNO_QUOTE = "Global Plan"
BRUNO_MISSED = "Bruno's missed theme"


@dataclass
class World:
    meeting: object
    other_meeting: object
    theirs: Annotation
    mine: Annotation
    statement_ids: list[int]


def _span(statement, phrase: str) -> dict:
    start = statement.text.index(phrase)
    return {"start": start, "end": start + len(phrase)}


@pytest.fixture
def world(codebook, administrator, analyst_a, analyst_b) -> World:
    corpus = build_corpus()
    ga = corpus.ga
    _, _, specific = reference_level_declare(scheme=codebook)
    blind_coding_set(meeting=ga, enabled=True, actor=administrator)
    first, second = corpus.s("ga", 1), corpus.s("ga", 2)
    mine = annotation_create(
        statement=first,
        code=Code.objects.get(slug="victim-centred"),
        analyst=analyst_a,
        **_span(first, "Trafficking in persons"),
    )
    theirs = annotation_create(
        statement=second,
        code=Code.objects.get(slug=X),
        analyst=analyst_b,
        memo="bruno's memo",
        **_span(second, BRUNO_QUOTE),
    )
    annotation_create(statement=second, code=specific, analyst=analyst_b)
    missed_opportunity_create(
        meeting=ga, analyst=analyst_b, title=BRUNO_MISSED, rationale="Nobody spoke of it."
    )
    # His memo on the meeting is his work on it too (a memo on a code is not: below).
    memo_create(author=analyst_b, meeting=ga, title="Bruno's reading", text="Mostly prevention.")
    ids = list(ga.statements.order_by("order").values_list("pk", flat=True))
    return World(ga, corpus.sc, theirs, mine, ids)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def mentions_bruno(response, world) -> bool:
    assert response.status_code == 200, body(response)[:500]
    return "bruno" in body(response)


def json_of(response) -> dict:
    assert response.status_code == 200, body(response)[:500]
    return response.json()


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, body(response)[:500]
    return list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))


def qdpx_mentions_bruno(response, world) -> bool:
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as project:
        return "bruno" in project.read("project.qde").decode()


def report_of_bruno(response, world) -> bool:
    """His report, or a 400 saying why not: the meeting is coded blind."""
    if response.status_code == 400:
        assert "Blind coding: GA/11955 is coded blind" in body(response)
        return False
    return mentions_bruno(response, world)


def detail_found(response, world) -> bool:
    assert response.status_code in (200, 404)
    return response.status_code == 200


def coverage_of_x(response, world) -> bool:
    return any(int(row["statements"]) for row in csv_rows(response) if row["slug"] == X)


def compared_x(response, world) -> bool:
    data = json_of(response)
    return any(
        row["slug"] == X and any(cell["statements"] for cell in row["cells"])
        for row in data["rows"]
    )


def compared_csv_x(response, world) -> bool:
    return any(
        row.get("slug") == X
        and any(v not in ("", "0") for k, v in row.items() if "statements" in k)
        for row in csv_rows(response)
    )


def count_positive(response, world) -> bool:
    return json_of(response)["count"] > 0


def trend_coded(response, world) -> bool:
    return sum(p["statements_coded"] for p in json_of(response)["points"]) > 0


def matrix_coded(response, world) -> bool:
    return any(c["statements"] for row in json_of(response)["rows"] for c in row["cells"])


def profile_has_x(response, world) -> bool:
    data = json_of(response)
    return any(r["code"] == X for r in data["codes"]) or bool(data["quotes"])


def uk_rated(response, world) -> bool:
    rows = {r["delegation"]: r["level"] for r in json_of(response)["delegations"]}
    return rows["United Kingdom"] == "Specific reference"


def page_quotes_bruno(response, world) -> bool:
    assert response.status_code == 200
    return BRUNO_QUOTE in body(response)


def csv_says_specific(response, world) -> bool:
    assert response.status_code == 200
    return "Specific reference" in body(response)


def page_rates_uk(response, world) -> bool:
    assert response.status_code == 200
    return 'delegation=united-kingdom&amp;meeting=GA%2F11955">Specific reference</a>' in body(
        response
    )


def missed_title(response, world) -> bool:
    assert response.status_code == 200
    return BRUNO_MISSED in body(response)


@dataclass(frozen=True)
class ReadPath:
    name: str
    url: Callable[[World], str]
    seen: Callable  # (response, world) -> bool: Bruno's coding shows


def m(world: World) -> int:
    return world.meeting.pk


READ_PATHS = [
    ReadPath("annotation list API", lambda w: f"/api/annotations/?meeting={m(w)}", mentions_bruno),
    ReadPath("annotation detail API", lambda w: f"/api/annotations/{w.theirs.pk}/", detail_found),
    ReadPath(
        "annotation list API by analyst",
        lambda w: f"/api/annotations/?meeting={m(w)}&analyst=bruno",
        mentions_bruno,
    ),
    ReadPath(
        "missed opportunities API",
        lambda w: f"/api/missed-opportunities/?meeting={m(w)}",
        mentions_bruno,
    ),
    ReadPath("memos API", lambda w: f"/api/memos/?meeting={m(w)}", mentions_bruno),
    ReadPath("workspace analyst switch", lambda w: f"/meetings/{m(w)}/", mentions_bruno),
    ReadPath("CSV export", lambda w: f"/api/export/annotations.csv?meeting={m(w)}", mentions_bruno),
    ReadPath(
        "JSON Lines export",
        lambda w: f"/api/export/annotations.jsonl?meeting={m(w)}",
        mentions_bruno,
    ),
    ReadPath(
        "Web Annotation export",
        lambda w: f"/api/export/annotations.jsonld?meeting={m(w)}",
        mentions_bruno,
    ),
    ReadPath(
        "REFI-QDA project",
        lambda w: f"/api/export/project.qdpx?meeting={m(w)}",
        qdpx_mentions_bruno,
    ),
    ReadPath(
        "REFI-QDA project, all meetings", lambda w: "/api/export/project.qdpx", qdpx_mentions_bruno
    ),
    ReadPath("report page", lambda w: f"/meetings/{m(w)}/report/", mentions_bruno),
    ReadPath("report JSON", lambda w: f"/meetings/{m(w)}/report.json", mentions_bruno),
    ReadPath("report API", lambda w: f"/api/meetings/{m(w)}/report/", mentions_bruno),
    ReadPath("report quotes CSV", lambda w: f"/meetings/{m(w)}/report/quotes.csv", mentions_bruno),
    ReadPath(
        "report coverage CSV", lambda w: f"/meetings/{m(w)}/report/coverage.csv", coverage_of_x
    ),
    ReadPath(
        "report missed-opportunities CSV",
        lambda w: f"/meetings/{m(w)}/report/missed-opportunities.csv",
        missed_title,
    ),
    ReadPath(
        "report agreement CSV", lambda w: f"/meetings/{m(w)}/report/agreement.csv", mentions_bruno
    ),
    ReadPath(
        "report of one analyst",
        lambda w: f"/api/meetings/{m(w)}/report/?analyst=bruno",
        report_of_bruno,
    ),
    ReadPath(
        "comparison API",
        lambda w: f"/api/reports/compare/?meetings={m(w)},{w.other_meeting.pk}",
        compared_x,
    ),
    ReadPath(
        "comparison CSV",
        lambda w: f"/reports/compare.csv?meetings={m(w)},{w.other_meeting.pk}",
        compared_csv_x,
    ),
    ReadPath("analysis draft", lambda w: f"/meetings/{m(w)}/analysis/", mentions_bruno),
    ReadPath("analysis draft, Markdown", lambda w: f"/meetings/{m(w)}/analysis.md", mentions_bruno),
    ReadPath(
        "comparison draft",
        lambda w: f"/reports/compare/analysis/?meetings={m(w)},{w.other_meeting.pk}",
        mentions_bruno,
    ),
    ReadPath(
        "analysts side by side",
        lambda w: f"/meetings/{m(w)}/compare-analysts/?statement={w.statement_ids[1]}",
        mentions_bruno,
    ),
    ReadPath(
        "search coded-with filter",
        lambda w: f"/api/search/?q=Plan&coded={X}",
        count_positive,
    ),
    ReadPath("passages API", lambda w: f"/api/passages/?coded={X}", count_positive),
    ReadPath("passages page", lambda w: f"/monitoring/passages/?coded={X}", mentions_bruno),
    ReadPath("segments API", lambda w: f"/api/segments/?code={X}", count_positive),
    ReadPath("segments page", lambda w: f"/monitoring/segments/?code={X}", mentions_bruno),
    ReadPath("segments CSV", lambda w: f"/monitoring/segments.csv?code={X}", mentions_bruno),
    ReadPath("trends API", lambda w: f"/api/trends/?code={X}", trend_coded),
    ReadPath("matrix API", lambda w: f"/api/matrix/?code={X}", matrix_coded),
    ReadPath("profile API", lambda w: "/api/delegations/united-kingdom/profile/", profile_has_x),
    ReadPath(
        "profile page", lambda w: "/monitoring/delegations/united-kingdom/", page_quotes_bruno
    ),
    ReadPath("Gender Index API", lambda w: "/api/gender-index/?meeting=GA/11955", uk_rated),
    ReadPath(
        "Gender Index page",
        lambda w: "/monitoring/gender-index/?meeting=GA/11955",
        page_rates_uk,
    ),
    ReadPath(
        "Gender Index CSV",
        lambda w: "/monitoring/gender-index.csv?meeting=GA/11955",
        csv_says_specific,
    ),
]


def finish(world: World, analyst) -> None:
    for statement in world.meeting.statements.all():
        statement_mark_done(statement=statement, analyst=analyst)


@pytest.mark.parametrize("path", READ_PATHS, ids=lambda p: p.name)
def test_an_analyst_sees_anothers_coding_of_a_blind_meeting_only_once_she_is_done(
    path, world, analyst_a
):
    client = signed_in(analyst_a)
    assert not path.seen(client.get(path.url(world)), world)
    finish(world, analyst_a)
    assert path.seen(client.get(path.url(world)), world)


@pytest.mark.parametrize("path", READ_PATHS, ids=lambda p: p.name)
def test_a_reviewer_sees_every_analysts_coding_of_a_blind_meeting(path, world, reviewer):
    assert path.seen(signed_in(reviewer).get(path.url(world)), world)


@pytest.mark.parametrize("path", READ_PATHS[:12], ids=lambda p: p.name)
def test_a_meeting_not_coded_blind_hides_nothing(path, world, administrator, analyst_a):
    blind_coding_set(meeting=world.meeting, enabled=False, actor=administrator)
    assert path.seen(signed_in(analyst_a).get(path.url(world)), world)


def test_done_is_per_meeting_all_statements_but_one_still_hides(world, analyst_a):
    client = signed_in(analyst_a)
    finish(world, analyst_a)
    last = world.meeting.statements.order_by("order").last()
    statement_mark_not_done(statement=last, analyst=analyst_a)
    listed = client.get(f"/api/annotations/?meeting={m(world)}").json()["results"]
    assert [a["id"] for a in listed] == [world.mine.pk]


def test_the_other_analyst_still_cannot_change_or_delete_the_hidden_work(world, analyst_a):
    client = signed_in(analyst_a)
    url = f"/api/annotations/{world.theirs.pk}/"
    patched = client.patch(url, {"memo": "mine now", "version": 1}, content_type="application/json")
    assert patched.status_code == 404
    assert client.delete(f"{url}?version=1").status_code == 404
    finish(world, analyst_a)
    assert client.delete(f"{url}?version=1").status_code == 403
    world.theirs.refresh_from_db()
    assert (world.theirs.memo, world.theirs.deleted_at) == ("bruno's memo", None)


def test_the_workspace_says_the_meeting_is_blind_and_how_many_statements_are_left(world, analyst_a):
    statement_mark_done(statement=world.meeting.statements.get(order=1), analyst=analyst_a)
    page = signed_in(analyst_a).get(f"/meetings/{m(world)}/").content.decode()
    assert (
        "Blind coding: other analysts' work appears when you have marked all 4 statements "
        'done; <span class="blind-left">3</span> left.'
    ) in page
    assert 'id="view-analyst"' not in page


def test_the_workspace_of_a_finished_analyst_offers_the_others(world, analyst_a):
    finish(world, analyst_a)
    page = signed_in(analyst_a).get(f"/meetings/{m(world)}/").content.decode()
    assert "you have marked all 4 statements done, so other analysts' work is shown" in page
    assert '<option value="bruno">bruno (read-only)</option>' in page


# The switch: administrators only, over the API and on the assignment page, with history.


def test_only_an_administrator_switches_blind_coding(world, analyst_a, reviewer, administrator):
    for user in (analyst_a, reviewer):
        with pytest.raises(PermissionDenied):
            blind_coding_set(meeting=world.meeting, enabled=False, actor=user)
        answer = signed_in(user).patch(
            f"/api/meetings/{m(world)}/blind-coding/",
            {"blind": False},
            content_type="application/json",
        )
        assert answer.status_code == 403
    assert BlindCoding.objects.get(meeting=world.meeting).enabled


def test_the_api_switches_blind_coding_and_history_keeps_who_did(world, administrator):
    client = signed_in(administrator)
    url = f"/api/meetings/{m(world)}/blind-coding/"
    off = client.patch(url, {"blind": False}, content_type="application/json")
    assert off.status_code == 200
    assert off.json() == {
        "meeting": m(world),
        "blind": False,
        "statements": 4,
        "done": 0,
        "others_hidden": False,
    }
    setting = BlindCoding.objects.get(meeting=world.meeting)
    assert [h.enabled for h in setting.history.order_by("history_date")] == [True, False]
    assert setting.history.latest().history_user == administrator


def test_an_analyst_reads_whether_her_meeting_is_blind(world, analyst_a):
    answer = signed_in(analyst_a).get(f"/api/meetings/{m(world)}/blind-coding/").json()
    assert (answer["blind"], answer["others_hidden"], answer["done"]) == (True, True, 0)


@pytest.mark.parametrize("value", ["maybe", "", None, [True]])
def test_a_bad_switch_value_is_a_400_naming_it(world, administrator, value):
    answer = signed_in(administrator).patch(
        f"/api/meetings/{m(world)}/blind-coding/", {"blind": value}, content_type="application/json"
    )
    assert answer.status_code == 400
    assert "blind" in answer.json()


def test_the_assignment_page_switches_blind_coding(world, administrator, analyst_a):
    from annotations.coding.assignments.services import assignment_create

    assignment_create(meeting=world.meeting, analyst=analyst_a, actor=administrator)
    client = signed_in(administrator)
    page = client.get("/meetings/assignments/").content.decode()
    assert "Switch blind coding of GA/11955 off" in page
    switched = client.post(f"/meetings/{m(world)}/blind-coding/", {"blind": "off"})
    assert switched.status_code == 302
    assert not BlindCoding.objects.get(meeting=world.meeting).enabled
    refused = client.post(f"/meetings/{m(world)}/blind-coding/", {"blind": "sideways"})
    assert refused.status_code == 400
    assert "Blind coding is switched “on” or “off”, not “sideways”." in refused.content.decode()
    assert (
        signed_in(analyst_a)
        .post(f"/meetings/{m(world)}/blind-coding/", {"blind": "on"})
        .status_code
        == 403
    )


def test_a_memo_on_a_code_belongs_to_no_meeting_and_is_never_hidden(world, analyst_a, analyst_b):
    code = Code.objects.get(slug=X)
    memo = memo_create(author=analyst_b, code=code, text="When to use it.")
    client = signed_in(analyst_a)
    listed = [
        entry["id"] for entry in json_of(client.get(f"/api/memos/?code={code.pk}"))["results"]
    ]
    assert listed == [memo.pk]
    assert client.get(f"/api/memos/?meeting={m(world)}").json()["results"] == []
