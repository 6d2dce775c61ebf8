"""The review page: reviewers compare analysts and record decisions; bad input changes nothing."""

import pytest

from annotations.coding.services import annotation_create, annotation_update
from annotations.models import AdjudicationDecision
from tracker.models import Meeting

pytestmark = pytest.mark.django_db


def coded(statement, code, analyst, phrase):
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement, code=code, analyst=analyst, start=start, end=start + len(phrase)
    )


@pytest.fixture
def disputed(meeting, code, analyst_a, analyst_b):
    coded(meeting.statements.get(order=1), code, analyst_a, "victim-centred approach")
    coded(meeting.statements.get(order=1), code, analyst_b, "victim-centred approach")
    return coded(meeting.statements.get(order=2), code, analyst_a, "gender-based problem")


def decide_data(annotation, /, **changes):
    data = {
        "annotation": annotation.pk,
        "version": annotation.version,
        "decision": "rejected",
        "reason": "Not about victims.",
    }
    data.update(changes)
    return data


def test_a_reviewer_sees_the_analysts_side_by_side(client, meeting, disputed, reviewer):
    client.force_login(reviewer)
    response = client.get(f"/meetings/{meeting.pk}/review/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "amina" in page and "bruno" in page
    assert "gender-based problem" in page
    assert f'name="annotation" value="{disputed.pk}"' in page
    assert "1</strong> open" in page


def test_analysts_may_not_open_the_review_page(client, meeting, disputed, analyst_b):
    client.force_login(analyst_b)
    assert client.get(f"/meetings/{meeting.pk}/review/").status_code == 403


def test_a_reviewer_records_a_decision_and_returns_to_the_statement(
    client, meeting, disputed, reviewer
):
    client.force_login(reviewer)
    response = client.post(f"/meetings/{meeting.pk}/review/decide/", decide_data(disputed))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#statement-{disputed.statement_id}")
    decision = AdjudicationDecision.objects.get()
    assert (decision.annotation, decision.reviewer, decision.decision, decision.reason) == (
        disputed,
        reviewer,
        "rejected",
        "Not about victims.",
    )
    page = client.get(response["Location"]).content.decode()
    assert "Not about victims." in page
    assert "is rejected" not in page and "rejected." in page


def test_an_analysts_forged_decision_is_refused(client, meeting, disputed, analyst_b):
    client.force_login(analyst_b)
    response = client.post(f"/meetings/{meeting.pk}/review/decide/", decide_data(disputed))
    assert response.status_code == 403
    assert AdjudicationDecision.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "status", "says"),
    [
        ({"annotation": 999999}, 404, "There is no annotation 999999"),
        ({"annotation": "abc"}, 400, "annotation"),
        ({"reason": ""}, 400, "reason"),
        ({"decision": "maybe"}, 400, "decision"),
    ],
)
def test_bad_decisions_get_a_clear_refusal_and_change_nothing(
    client, meeting, disputed, reviewer, changes, status, says
):
    client.force_login(reviewer)
    response = client.post(
        f"/meetings/{meeting.pk}/review/decide/", decide_data(disputed, **changes)
    )
    assert response.status_code == status
    page = response.content.decode()
    assert "Nothing was recorded" in page and says in page
    assert AdjudicationDecision.objects.count() == 0


def test_a_decision_posted_to_another_meetings_page_is_refused(client, disputed, reviewer):
    other = Meeting.objects.create(symbol="SC/OTHER")
    client.force_login(reviewer)
    response = client.post(f"/meetings/{other.pk}/review/decide/", decide_data(disputed))
    assert response.status_code == 400
    assert "not part of meeting SC/OTHER" in response.content.decode()
    assert AdjudicationDecision.objects.count() == 0


def test_a_replayed_stale_version_is_refused_with_409(
    client, meeting, disputed, analyst_a, reviewer
):
    stale = decide_data(disputed)
    annotation_update(annotation=disputed, actor=analyst_a, version=1, memo="edited")
    client.force_login(reviewer)
    response = client.post(f"/meetings/{meeting.pk}/review/decide/", stale)
    assert response.status_code == 409
    assert "has changed since you loaded it" in response.content.decode()
    assert AdjudicationDecision.objects.count() == 0


def test_the_review_page_escapes_what_analysts_wrote(client, meeting, code, analyst_a, reviewer):
    annotation_create(
        statement=meeting.statements.get(order=2),
        code=code,
        analyst=analyst_a,
        start=0,
        end=11,
        memo="<script>alert(1)</script>",
    )
    client.force_login(reviewer)
    page = client.get(f"/meetings/{meeting.pk}/review/?show=all").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
