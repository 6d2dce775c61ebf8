"""The benchmark's own helpers, at a tiny size on the test database (no timings asserted).

`make bench` compares the application with baselines; these tests make sure the
baselines compute the same thing as the application, so the ratios compare
like with like.
"""

import shutil

import pytest
from django.db import connection

from annotations.coding.services import annotation_create
from annotations.models import Annotation
from annotations.reports import meeting_report
from benchmarks import corpus, measure_http, measure_import, measure_pages, run, sql
from benchmarks.stats import Sample, Table, ratio, timed
from tracker.models import Meeting, Statement

pytestmark = pytest.mark.django_db

TINY = corpus.Step(
    "tiny", seed=77, meetings=2, statements_per_meeting=12, annotations_per_statement=4
)


@pytest.fixture
def tiny_corpus(codebook) -> Meeting:
    corpus.add(TINY)
    return Meeting.objects.get(symbol=corpus.symbol(TINY))


def report_coverage(meeting: Meeting) -> dict[str, dict]:
    return {
        code.slug: {
            "statements": code.statements,
            "speakers": code.speakers,
            "delegations": code.delegations,
            **{f"type_{key}": n for key, n in code.by_speaker_type.items()},
            **{f"gender_{key}": n for key, n in code.by_gender.items()},
        }
        for code in meeting_report(meeting=meeting).codes
        if code.statements
    }


def sql_coverage(meeting: Meeting, codebook) -> dict[str, dict]:
    slugs = dict(codebook.codes.values_list("pk", "slug"))
    return {
        slugs[code_id]: row for code_id, row in sql.coverage_by_code(meeting_id=meeting.pk).items()
    }


def test_the_hand_written_group_by_gives_the_reports_coverage_numbers(tiny_corpus, codebook):
    expected = report_coverage(tiny_corpus)
    assert expected, "the tiny corpus codes something"
    assert sql_coverage(tiny_corpus, codebook) == expected


def test_the_group_by_counts_speakers_as_the_report_does(meeting, codebook, analyst_a, analyst_b):
    # A named speaker, a delegation without a name, and a statement with neither:
    # the report counts each as one speaker, by its own rule.
    nobody = Statement.objects.create(meeting=meeting, order=4, text="An unattributed remark.")
    code = codebook.codes.get(slug="victim-centred")
    testimony = codebook.codes.get(slug="survivor-testimony")
    for statement in [*meeting.statements.order_by("order")]:
        annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=2)
        annotation_create(statement=statement, code=code, analyst=analyst_b, start=0, end=2)
    annotation_create(statement=nobody, code=testimony, analyst=analyst_a)
    deleted = annotation_create(statement=nobody, code=testimony, analyst=analyst_b)
    Annotation.objects.filter(pk=deleted.pk).update(deleted_at=deleted.created)

    coverage = sql_coverage(meeting, codebook)

    assert coverage == report_coverage(meeting)
    assert coverage["victim-centred"]["statements"] == 4
    assert coverage["victim-centred"]["speakers"] == 4
    assert coverage["victim-centred"]["gender_unknown"] == 2
    assert coverage["survivor-testimony"]["statements"] == 1


def test_the_export_baseline_selects_every_live_annotation(tiny_corpus):
    Annotation.objects.filter(pk=Annotation.objects.order_by("pk").first().pk).update(
        deleted_at=Annotation.objects.first().created
    )
    select, params = sql.export_select()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({select}) rows", params)
        selected = cursor.fetchone()[0]
    assert selected == Annotation.objects.live().count() == TINY.annotations - 1


def test_copy_hands_over_the_export_rows_or_says_it_needs_postgresql(tiny_corpus):
    select, params = sql.export_select()
    if connection.vendor == "postgresql":
        copied = sql.copy_select(select, params)
        assert copied.rows == Annotation.objects.live().count()
        assert copied.bytes > 0
    else:
        with pytest.raises(RuntimeError, match="COPY needs PostgreSQL"):
            sql.copy_select(select, params)


def test_the_page_helper_counts_the_workspaces_queries(tiny_corpus):
    analyst = Annotation.objects.first().analyst
    client = measure_pages.logged_in_client(analyst)
    page = measure_pages.page(client=client, path=f"/meetings/{tiny_corpus.pk}/", repeat=2)
    assert page.queries > 0
    assert len(page.time.values) == 2
    assert page.bytes > 1000


def test_the_report_timings_cover_the_report_and_its_sql(tiny_corpus):
    times = measure_pages.report_times(meeting=tiny_corpus, repeat=2)
    assert times.report_queries > 1
    assert len(times.report.values) == len(times.sql.values) == len(times.coverage.values) == 2


def test_every_measured_list_endpoint_answers_with_rows(tiny_corpus):
    client = measure_pages.logged_in_client(Annotation.objects.first().analyst)
    paths = measure_http.list_paths(meeting=tiny_corpus)
    assert len(paths) == 11
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, (name, response.content[:200])
        if path.startswith("/api/"):
            assert response.json()["results"], name
        else:
            assert tiny_corpus.symbol.encode() in response.content


def test_the_middle_cursor_starts_in_the_middle(tiny_corpus):
    client = measure_pages.logged_in_client(Annotation.objects.first().analyst)
    ids = list(Annotation.objects.order_by("id").values_list("id", flat=True))
    middle = ids[len(ids) // 2]
    response = client.get(f"/api/annotations/?cursor={measure_http.cursor_at(middle)}")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]][0] > middle


def test_the_import_figures_find_and_parse_ga_11955():
    path = measure_import.find_ga_11955()
    assert path.name.startswith("002_") or "11955" in path.name
    sample = measure_import.parse_time(text=path.read_text(encoding="utf-8"), repeat=2)
    assert len(sample.values) == 2


def test_the_sizes_are_the_issues():
    steps = corpus.SIZE_STEPS
    assert tuple(steps) == run.SIZES
    through_m = sum(step.annotations for size in ("S", "M") for step in steps[size])
    through_l = through_m + sum(step.annotations for step in steps["L"])
    assert corpus.WORKSPACE_MEETING.statements_per_meeting == 200
    assert corpus.WORKSPACE_MEETING.annotations == 2000
    assert 590_000 <= through_m <= 610_000
    assert 1_000_000 <= through_l <= 1_010_000


def test_sizes_must_be_given_in_order():
    with pytest.raises(SystemExit):
        run.parse_args(["--sizes", "M,S"])
    with pytest.raises(SystemExit):
        run.parse_args(["--sizes", "S,XL"])
    assert run.parse_args(["--skip-l"]).sizes == ["S", "M"]


def test_a_sample_gives_its_median_spread_and_percentiles():
    sample = Sample((0.4, 0.1, 0.3, 0.2, 0.5))
    assert sample.median == 0.3
    assert (sample.low, sample.high) == (0.1, 0.5)
    assert sample.percentile(50) == pytest.approx(0.3)
    assert sample.percentile(95) == pytest.approx(0.48)
    assert ratio(Sample((2.0,)), Sample((1.0,))) == 2.0
    assert len(timed(lambda: None, repeat=3).values) == 3


def test_the_table_prints_rows_under_their_sections():
    table = Table()
    table.add(section="export", figure="CSV", size="S", value="1 rows/s", verdict="met")
    table.add(section="import", figure="parse", size="–", value="2 ms")
    table.add(section="export", figure="CSV", size="M", value="3 rows/s", verdict="MISSED")
    text = table.as_text()
    assert text.index("[export]") < text.index("3 rows/s") < text.index("[import]")
    assert "| **import** |" in table.as_markdown()


@pytest.mark.parametrize(("rows", "judged"), [(2_100, False), (200_000, True), (1_001_100, True)])
def test_the_export_rate_is_judged_on_the_issues_corpus_sizes_only(rows, judged):
    # Issue 18's export targets are for 200,000 and 1,000,000 annotations; memory is
    # judged at every size.
    from benchmarks.suite import Suite

    suite = Suite(run.parse_args([]))
    shutil.rmtree(suite.log_dir)  # for the servers' logs, which this test starts none of
    download = measure_http.ExportRun(
        seconds=2.0, bytes=1_000_000, lines=rows, rss_before=100, rss_peak=200, rss_after=150
    )
    figures = measure_http.ExportFigures(runs=(download,))
    suite.export_rows("CSV", figures, copy=Sample((1.0,)), rows=rows, size="L")
    rate, memory = suite.table.rows
    assert rate.ratio == "0.50"
    assert (rate.target, rate.verdict) == (("≥ 0.8", "MISSED") if judged else ("", ""))
    assert (memory.target, memory.verdict) == ("< 100 MB", "met")
