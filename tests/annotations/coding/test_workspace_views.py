import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.coding.services import annotation_create
from annotations.models import StatementProgress
from tests.conftest import PASSWORD
from tracker.models import Meeting, Speaker, SpeakerType, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, analyst_a):
    client.force_login(analyst_a)
    return client


def span(statement, phrase):
    start = statement.text.index(phrase)
    return start, start + len(phrase)


def make_meeting(symbol, statements, *, body="General Assembly", day=date(2017, 9, 27)):
    meeting = Meeting.objects.create(symbol=symbol, body=body, title=f"About {symbol}", date=day)
    speaker = Speaker.objects.create(name=f"Speaker of {symbol}")
    Statement.objects.bulk_create(
        Statement(
            meeting=meeting,
            order=n,
            segment="Statements" if n % 2 else "Panel I",
            speaker=speaker if n % 3 else None,
            delegation="Namibia",
            speaker_type=SpeakerType.MEMBER_STATE,
            text=f"Statement {n}: a victim-centred approach to trafficking was needed.",
        )
        for n in range(1, statements + 1)
    )
    return meeting


def code_every_statement(meeting, code, analyst):
    for statement in meeting.statements.all():
        start, end = span(statement, "victim-centred")
        annotation_create(statement=statement, code=code, analyst=analyst, start=start, end=end)
        StatementProgress.objects.create(statement=statement, analyst=analyst)


def workspace_queries(client, meeting):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_the_meeting_list_asks_for_a_login(client, meeting):
    response = client.get("/meetings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_workspace_asks_for_a_login(client, meeting):
    response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 302


def test_signing_in_leads_to_the_meeting_list(client, analyst_a, meeting):
    response = client.post(
        "/accounts/login/", {"username": "amina", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/meetings/"
    assert b"GA/TEST-1" in response.content


def test_the_meeting_list_shows_my_progress(signed_in, meeting, analyst_a, analyst_b):
    StatementProgress.objects.create(statement=meeting.statements.get(order=1), analyst=analyst_a)
    StatementProgress.objects.create(statement=meeting.statements.get(order=2), analyst=analyst_b)
    response = signed_in.get("/meetings/")
    [row] = response.context["page"].object_list
    assert (row.statement_count, row.done_count) == (3, 1)
    assert "1 / 3" in response.content.decode()
    assert f'href="/meetings/{meeting.pk}/"' in response.content.decode()


def test_the_meeting_list_filters_by_body_year_and_search(signed_in, codebook):
    make_meeting("GA/11955", 1, day=date(2017, 9, 27))
    make_meeting("GA/12387", 1, day=date(2021, 11, 22))
    make_meeting("SC/1", 1, body="Security Council", day=date(2021, 3, 1))

    def symbols(query):
        response = signed_in.get("/meetings/", query)
        return [m.symbol for m in response.context["page"].object_list]

    assert symbols({}) == ["GA/12387", "SC/1", "GA/11955"]
    assert symbols({"body": "Security Council"}) == ["SC/1"]
    assert symbols({"year": "2021"}) == ["GA/12387", "SC/1"]
    assert symbols({"q": "ga/119"}) == ["GA/11955"]
    assert symbols({"q": "about sc"}) == ["SC/1"]


def test_a_bad_year_is_reported_and_not_applied(signed_in, codebook):
    make_meeting("GA/11955", 1)
    response = signed_in.get("/meetings/", {"year": "1066"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert [m.symbol for m in response.context["page"].object_list] == ["GA/11955"]


def test_the_meeting_list_costs_the_same_queries_for_2_and_30_meetings(signed_in, analyst_a, code):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get("/meetings/").status_code == 200
        return len(captured)

    for n in range(2):
        code_every_statement(make_meeting(f"A/{n}", 2), code, analyst_a)
    few = queries()
    for n in range(2, 30):
        code_every_statement(make_meeting(f"A/{n}", 2), code, analyst_a)
    assert queries() == few


def test_the_workspace_costs_the_same_queries_for_10_and_200_statements(
    signed_in, analyst_a, analyst_b, code
):
    small = make_meeting("GA/SMALL", 10)
    large = make_meeting("GA/LARGE", 200)
    for meeting in (small, large):
        code_every_statement(meeting, code, analyst_a)
        code_every_statement(meeting, code, analyst_b)
    assert workspace_queries(signed_in, small) == workspace_queries(signed_in, large)


def test_every_statement_carries_the_automation_contract(signed_in, meeting, codebook):
    content = signed_in.get(f"/meetings/{meeting.pk}/").content.decode()
    for statement in meeting.statements.all():
        assert f'data-statement-id="{statement.pk}"' in content
    assert content.count("data-statement-text>") == 3
    assert 'data-code-slug="victim-centred"' in content
    assert 'data-code-slug="survivor-testimony"' in content


def test_the_statement_text_is_shown_exactly_as_stored(signed_in, meeting, codebook):
    content = signed_in.get(f"/meetings/{meeting.pk}/").content.decode()
    ethiopia = meeting.statements.get(order=3)
    assert f"data-statement-text>{ethiopia.text}</div>" in content


def test_markup_in_a_statement_is_rendered_as_text(signed_in, meeting, codebook):
    Statement.objects.create(
        meeting=meeting,
        order=4,
        text='<script>alert("x")</script> and <img src=x onerror="alert(1)">',
    )
    content = signed_in.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_the_page_carries_my_annotations_in_the_api_shape(
    signed_in, meeting, code, analyst_a, analyst_b
):
    statement = meeting.statements.get(order=1)
    start, end = span(statement, "victim-centred approach")
    mine = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=end, memo="<b>x</b>"
    )
    annotation_create(statement=statement, code=code, analyst=analyst_b, start=0, end=5)
    response = signed_in.get(f"/meetings/{meeting.pk}/")
    assert "<b>x</b>" not in response.content.decode()
    payload = json.loads(
        response.content.decode()
        .split('id="workspace-annotations" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert [a["id"] for a in payload] == [mine.pk]
    assert payload[0] | {"created": None, "updated": None} == {
        "id": mine.pk,
        "statement": statement.pk,
        "meeting": meeting.pk,
        "code": code.pk,
        "code_slug": "victim-centred",
        "code_name": code.name,
        "code_group": "approach",
        "analyst": "amina",
        "start": start,
        "end": end,
        "quote": "victim-centred approach",
        "memo": "<b>x</b>",
        "source": "manual",
        "version": 1,
        "created": None,
        "updated": None,
    }


def test_the_compare_switch_offers_the_other_analysts_who_coded(
    signed_in, meeting, code, analyst_a, analyst_b, reviewer
):
    statement = meeting.statements.get(order=1)
    annotation_create(statement=statement, code=code, analyst=analyst_b, start=0, end=5)
    content = signed_in.get(f"/meetings/{meeting.pk}/").content.decode()
    assert '<option value="bruno">bruno (read-only)</option>' in content
    assert '<option value="rosa">' not in content


def test_a_reviewer_sees_the_workspace_read_only(client, meeting, codebook, reviewer):
    client.force_login(reviewer)
    response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200
    assert response.context["can_code"] is False
    assert "can read this meeting but not code it" in response.content.decode()


def test_an_unknown_meeting_is_not_found(signed_in, codebook):
    assert signed_in.get("/meetings/999999/").status_code == 404


def test_the_page_keeps_scripts_out_of_the_markup(signed_in, meeting, codebook):
    response = signed_in.get(f"/meetings/{meeting.pk}/")
    content = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert " onclick=" not in content and ' style="' not in content
    assert '<script type="module" src="/static/js/workspace/main.js"></script>' in content


def test_the_workspace_links_to_history_for_all_and_review_for_reviewers(
    client, meeting, codebook, analyst_a, reviewer
):
    client.force_login(analyst_a)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f'href="/meetings/{meeting.pk}/history/"' in html
    assert f'href="/meetings/{meeting.pk}/review/"' not in html
    client.force_login(reviewer)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f'href="/meetings/{meeting.pk}/review/"' in html
