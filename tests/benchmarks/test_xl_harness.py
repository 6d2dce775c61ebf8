"""The XL benchmark's pieces at a tiny size (benchmarks/xl_corpus.py, benchmarks/xl.py).

The generator's copies must be corpus rows the app reads like generator output (spans
still anchored, symbols unique, the indexes back), every path the harness times must
answer 200, and its ORM-vs-SQL pairs must agree. No timing is asserted.
"""

import pytest
from django.db import connection

from annotations.models import Annotation
from benchmarks import measure_monitoring, xl, xl_corpus
from tracker.models import Meeting, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.postgres_only]

TINY = xl_corpus.XLSize(
    base_meetings=2, statements_per_meeting=6, annotations_per_statement=2, copies=3, rare_every=4
)


def index_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = ANY(%s)", [list(xl_corpus.TABLES)]
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def tiny_xl(codebook) -> None:
    xl_corpus.build(TINY, log=lambda message: None, vacuum=False)


def test_the_copies_multiply_the_base_and_keep_every_span_anchored(codebook):
    indexes = index_names()
    xl_corpus.build(TINY, log=lambda message: None, vacuum=False)

    assert Meeting.objects.count() == 2 * 3
    assert Statement.objects.count() == 2 * 6 * 3
    assert Annotation.objects.count() >= 2 * 6 * 3 * 2 * 0.9  # a whole-statement code may stand in
    assert Annotation.objects.count() % 3 == 0, "every base annotation is copied twice"
    symbols = list(Meeting.objects.values_list("symbol", flat=True))
    assert len(set(symbols)) == len(symbols)
    assert {m.date.year for m in Meeting.objects.all()} <= set(range(2015, 2025))
    for a in Annotation.objects.filter(start__isnull=False).select_related("statement"):
        text = a.statement.text
        assert text[a.start : a.end] == a.quote, a.pk
        assert text[a.end : a.end + 32] == a.suffix, a.pk
        assert text[max(0, a.start - 32) : a.start] == a.prefix, a.pk
    assert index_names() == indexes, "every dropped index is built again"


def test_the_rare_word_is_in_the_marked_statements_only(tiny_xl):
    marked = Statement.objects.filter(text__contains=xl_corpus.RARE_SENTENCE)
    assert marked.count() >= 1
    assert all(s.pk % TINY.rare_every == 0 for s in marked)
    found = measure_monitoring.search_times(xl.SEARCHES["rare word"], repeat=1)
    assert found.hits == marked.count()


def test_each_search_and_the_trends_agree_with_their_sql(tiny_xl):
    # search_times and trend_times assert that the ORM's results equal the SQL's.
    hits = {
        name: measure_monitoring.search_times(q, repeat=1).hits for name, q in xl.SEARCHES.items()
    }
    assert hits["common word"] > hits["rare word"] > 0
    orm, sql, code = measure_monitoring.trend_times(repeat=1)
    assert len(orm.values) == len(sql.values) == 1 and code


def test_every_path_the_harness_times_answers_200(tiny_xl, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="analyst1"))
    paths = xl.page_paths(xl.target())
    sections = {section for section, _, _ in paths}
    assert {
        "search",
        "trends",
        "gender index",
        "matrix",
        "profiles",
        "segments",
        "passages",
    } <= sections
    for _section, figure, path in paths:
        response = client.get(path)
        assert response.status_code == 200, (figure, path, response.content[:300])


class FakeClient:
    def __init__(self, status: int):
        self.status = status

    def stream(self, path: str):
        return self.status, 10, 1


def test_a_page_that_does_not_answer_200_is_reported_as_failed(capsys):
    report = xl.Report()
    flagged = xl.measure_pages(report, FakeClient(400), [("search", "bad", "/x")], repeat=2)
    assert flagged == ["status 400: /x"]
    assert report.rows[0].note == "FAILED /x"
    flagged = xl.measure_pages(report, FakeClient(200), [("search", "good", "/y")], repeat=2)
    assert flagged == [] and report.rows[1].value.endswith("ms")
