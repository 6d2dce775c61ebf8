"""Admin-side fixture loading: the dry run, the confirmation, and every bad input
refused by name with the database left as it was."""

import json

from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from annotations.models import Annotation, Code, CodingScheme
from tests.conftest import ROOT
from tracker.fixture_loading import load_fixture, preview_fixture
from tracker.fixture_loading import views as fixture_views
from tracker.models import Meeting, Statement

CODEBOOK = (ROOT / "fixtures" / "codebook.json").read_bytes()
LOAD_URL = "/admin/fixtures/"


def load_url(response) -> str:
    return f"/admin/fixtures/jobs/{response.context['job'].pk}/load/"


def as_file(content, name="fixture.json") -> SimpleUploadedFile:
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()
    return SimpleUploadedFile(name, content, content_type="application/json")


def dry_run(client, content, name="fixture.json"):
    """Upload a file and land on its job's page (the task ran at once: see conftest)."""
    return client.post(LOAD_URL, {"fixture": as_file(content, name)}, follow=True)


def confirm(client, dry_run_response):
    return client.post(load_url(dry_run_response), follow=True)


def scheme_record(pk=1, slug="test-scheme"):
    return {
        "model": "annotations.codingscheme",
        "pk": pk,
        "fields": {"name": "Test scheme", "slug": slug, "version": 1},
    }


def code_record(pk, slug, scheme=1, **fields):
    return {
        "model": "annotations.code",
        "pk": pk,
        "fields": {"scheme": scheme, "group": "approach", "slug": slug, "name": slug, **fields},
    }


def annotation_record(statement, code, analyst, start, end, quote, pk=900):
    return {
        "model": "annotations.annotation",
        "pk": pk,
        "fields": {
            "statement": statement.pk,
            "code": code.pk,
            "analyst": analyst.pk,
            "start": start,
            "end": end,
            "quote": quote,
            "created": "2026-11-22T10:00:00Z",
            "updated": "2026-11-22T10:00:00Z",
        },
    }


def problems_of(response) -> list[str]:
    return [str(problem) for problem in response.context["report"].problems]


# Who may reach the page


def test_the_admin_index_links_to_fixture_loading(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert b'href="/admin/fixtures/"' in response.content
    assert b"Load a fixture" in response.content


def test_staff_see_the_upload_form(admin_client):
    response = admin_client.get(LOAD_URL)
    assert response.status_code == 200
    assert b'type="file"' in response.content
    assert b"Dry run" in response.content


def test_an_analyst_is_sent_to_the_admin_login(client, analyst_a):
    client.force_login(analyst_a)
    response = client.get(LOAD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_analyst_cannot_upload_or_confirm(client, analyst_a, db):
    client.force_login(analyst_a)
    upload = client.post(LOAD_URL, {"fixture": as_file(CODEBOOK)})
    load = client.post("/admin/fixtures/jobs/1/load/")
    assert upload.status_code == load.status_code == 302
    assert upload["Location"].startswith("/admin/login/")
    assert CodingScheme.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(LOAD_URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_without_model_permissions_are_refused_by_name(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x-9f3!kq", is_staff=True)
    client.force_login(clerk)
    response = dry_run(client, CODEBOOK)
    assert "You do not have permission to add annotations.codingscheme records." in problems_of(
        response
    )
    assert not response.context["loadable"]


# The dry run and the confirmation


def test_the_dry_run_counts_what_would_be_created_and_writes_nothing(admin_client):
    response = dry_run(admin_client, CODEBOOK, "codebook.json")
    report = response.context["report"]
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/fixtures/jobs/{response.context['job'].pk}/"
    assert report.ok
    assert [(m.label, m.created, m.updated) for m in report.models] == [
        ("annotations.codingscheme", 1, 0),
        ("annotations.code", 27, 0),
    ]
    assert b"Dry run of codebook.json" in response.content
    assert b"Load 28 records" in response.content
    assert CodingScheme.objects.count() == 0
    assert Code.objects.count() == 0


def test_confirming_loads_what_the_dry_run_showed(admin_client, administrator):
    response = confirm(admin_client, dry_run(admin_client, CODEBOOK, "codebook.json"))
    assert response.context["report"].committed
    assert b"Loaded codebook.json: 28 records created, 0 updated." in response.content
    assert CodingScheme.objects.get().codes.count() == 27
    assert Code.history.filter(history_user=administrator).count() == 27
    assert LogEntry.objects.filter(user=administrator).count() == 2


def test_a_dry_run_serves_one_load_only(admin_client):
    checked = dry_run(admin_client, CODEBOOK)
    confirm(admin_client, checked)
    again = confirm(admin_client, checked)
    assert "no longer waiting for confirmation" in str(list(again.context["messages"])[0])
    assert Code.objects.count() == 27


def test_a_new_upload_replaces_the_one_waiting(admin_client):
    first = dry_run(admin_client, CODEBOOK)
    dry_run(admin_client, [scheme_record()])
    response = confirm(admin_client, first)
    assert "Upload the file again" in str(list(response.context["messages"])[0])
    assert CodingScheme.objects.count() == 0


def test_a_dry_run_with_problems_cannot_be_loaded(admin_client):
    checked = dry_run(admin_client, [code_record(1, "orphan", scheme=77)])
    response = confirm(admin_client, checked)
    assert "found problems" in str(list(response.context["messages"])[0])
    assert Code.objects.count() == 0


def test_loading_answers_only_post(admin_client):
    assert admin_client.get(load_url(dry_run(admin_client, CODEBOOK))).status_code == 405


def test_loading_records_that_exist_counts_them_as_updates(admin_client, codebook):
    report = dry_run(admin_client, CODEBOOK).context["report"]
    assert (report.created, report.updated) == (0, 28)


def test_a_record_may_refer_to_one_later_in_the_file(admin_client):
    records = [code_record(1, "first"), scheme_record()]
    response = dry_run(admin_client, records)
    assert response.context["report"].ok
    confirm(admin_client, response)
    assert Code.objects.get().scheme.slug == "test-scheme"


def test_records_loaded_with_ids_do_not_block_the_next_ones(admin_client, administrator):
    # On PostgreSQL the id sequence must move past the loaded ids.
    load_fixture(content=CODEBOOK, name="codebook.json", user=administrator)
    scheme = CodingScheme.objects.create(name="Next", slug="next")
    assert scheme.pk > 1
    assert Code.objects.create(scheme=scheme, group="g", slug="s", name="S").pk > 27


def test_a_valid_annotation_is_loaded(administrator, analyst_a, statement, code):
    text = statement.text
    start = text.index("victim-centred")
    record = annotation_record(statement, code, analyst_a, start, start + 14, "victim-centred")
    report = load_fixture(content=json.dumps([record]).encode(), name="a.json", user=administrator)
    assert report.committed
    assert Annotation.objects.get().quote == "victim-centred"


# Bad input: named, and nothing changes


def test_broken_json_is_refused_with_its_line(admin_client):
    response = dry_run(admin_client, b'[\n  {"model": "annotations.codingscheme",\n  oops\n]')
    [problem] = problems_of(response)
    assert problem.startswith("The file is not valid JSON")
    assert "line 3" in problem
    assert not response.context["loadable"]
    assert b"cannot be loaded: nothing was changed" in response.content


def test_a_file_nested_deep_is_refused_by_its_limit(admin_client):
    [problem] = problems_of(dry_run(admin_client, b"[" * 10_000 + b"]" * 10_000))
    assert problem == "The file is nested deeper than 32 levels."


def test_a_lone_surrogate_is_refused_by_name(admin_client):
    record = json.dumps(scheme_record()).replace("Test scheme", "Test \\udc00scheme")
    [problem] = problems_of(dry_run(admin_client, f"[{record}]".encode()))
    assert problem.startswith("The file holds a lone surrogate (\\udc00)")
    assert CodingScheme.objects.count() == 0


def test_a_fraction_in_a_whole_number_field_is_refused(admin_client):
    records = [scheme_record(), code_record(1, "a", order=1.5)]
    assert problems_of(dry_run(admin_client, records)) == [
        "Record 2 (annotations.code, pk 1): order: 1.5 is not a whole number."
    ]
    whole = [scheme_record(), code_record(1, "a", order=2.0)]
    assert problems_of(dry_run(admin_client, whole)) == []


def test_a_number_too_long_to_read_is_refused_by_name(admin_client):
    # A 500 before (the audit, benchmarks/audit.py, found it): int() refuses 4,300+ digits.
    record = json.dumps(code_record(1, "a", order=7)).replace(
        '"order": 7', '"order": 1' + "0" * 5000
    )
    [problem] = problems_of(
        dry_run(admin_client, f"[{json.dumps(scheme_record())}, {record}]".encode())
    )
    assert problem == "A number of 5,001 characters is longer than the 100 the workbench reads."
    assert CodingScheme.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused(admin_client):
    [problem] = problems_of(dry_run(admin_client, b"[\xff\xfe]"))
    assert "not UTF-8" in problem


def test_a_file_that_is_not_a_list_of_records_is_refused(admin_client):
    assert "JSON list of records" in problems_of(dry_run(admin_client, {"model": "x"}))[0]
    assert "holds no records" in problems_of(dry_run(admin_client, []))[0]


def test_an_unknown_model_is_named_with_its_record(admin_client):
    records = [scheme_record(), {"model": "tracker.nonsense", "pk": 7, "fields": {}}]
    response = dry_run(admin_client, records)
    assert problems_of(response) == [
        'Record 2 (tracker.nonsense, pk 7): unknown model "tracker.nonsense".'
    ]
    assert CodingScheme.objects.count() == 0


def test_an_unknown_field_is_named(admin_client):
    records = [scheme_record(), code_record(1, "a", hue="#ffffff")]
    assert problems_of(dry_run(admin_client, records)) == [
        "Record 2 (annotations.code, pk 1): annotations.Code has no field 'hue'."
    ]


def test_a_value_that_cannot_be_read_names_its_field(admin_client):
    record = {
        "model": "tracker.meeting",
        "pk": 5,
        "fields": {"symbol": "X/1", "date": "2017-13-45"},
    }
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert problem.startswith("Record 1 (tracker.meeting, pk 5): date:")
    assert Meeting.objects.count() == 0


def test_a_duplicate_code_slug_in_a_scheme_is_refused(admin_client):
    records = [scheme_record(), code_record(1, "same"), code_record(2, "same")]
    response = dry_run(admin_client, records)
    [problem] = problems_of(response)
    assert problem.startswith("Record 3 (annotations.code, pk 2):")
    assert "Scheme and Slug already exists" in problem
    assert Code.objects.count() == CodingScheme.objects.count() == 0


def test_an_invalid_field_value_is_refused(admin_client):
    records = [scheme_record(), code_record(1, "a", colour="red")]
    [problem] = problems_of(dry_run(admin_client, records))
    assert "colour: Use a colour such as #1f77b4." in problem


def test_the_same_record_twice_is_refused(admin_client):
    records = [scheme_record(), scheme_record()]
    [problem] = problems_of(dry_run(admin_client, records))
    assert problem == (
        "Record 2 (annotations.codingscheme, pk 1): "
        "the same record appears twice in the file (first as record 1)."
    )


def test_a_reference_to_a_missing_record_is_refused(admin_client, meeting):
    record = {
        "model": "tracker.statement",
        "pk": 77,
        "fields": {"meeting": 999, "order": 9, "text": "Words."},
    }
    before = Statement.objects.count()
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert problem == (
        "Record 1 (tracker.statement, pk 77): meeting: tracker.meeting 999 does not exist, "
        "in the database or in the file."
    )
    # Counted, not looked up by pk: on PostgreSQL the sequence runs on across tests, so the
    # meeting's own statements may have pk 77.
    assert Statement.objects.count() == before


def test_a_missing_required_value_is_named(admin_client, meeting):
    record = {"model": "tracker.statement", "pk": 78, "fields": {"order": 9, "text": "Words."}}
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert "meeting: This field cannot be empty." in problem


def test_an_annotation_ending_before_it_starts_is_refused(admin_client, analyst_a, statement, code):
    record = annotation_record(statement, code, analyst_a, 10, 5, "")
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert problem.startswith("Record 1 (annotations.annotation, pk 900):")
    assert "annotation_offsets_valid" in problem
    assert Annotation.objects.count() == 0


def test_an_annotation_whose_quote_does_not_match_the_text_is_refused(
    admin_client, analyst_a, statement, code
):
    record = annotation_record(statement, code, analyst_a, 0, 5, "Sorry")
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert problem == (
        "Record 1 (annotations.annotation, pk 900): quote: the quote does not match the "
        "statement text at 0–5 (the text there reads 'Human')."
    )


def test_an_annotation_with_a_code_of_another_scheme_is_refused(
    admin_client, analyst_a, statement, codebook
):
    other = CodingScheme.objects.create(name="Other", slug="other")
    foreign = Code.objects.create(scheme=other, group="g", slug="foreign", name="Foreign")
    record = annotation_record(statement, foreign, analyst_a, 0, 5, "Human")
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert '"foreign" is not in the coding scheme' in problem


def test_a_statement_text_change_that_breaks_a_quote_is_refused(
    admin_client, analyst_a, statement, code
):
    from annotations.coding.services import annotation_create

    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5, quote="Human"
    )
    record = {
        "model": "tracker.statement",
        "pk": statement.pk,
        "fields": {"meeting": statement.meeting_id, "order": 1, "text": "Trafficking was…"},
    }
    [problem] = problems_of(dry_run(admin_client, [record]))
    assert f"no longer holds the quotes of annotations {annotation.pk}" in problem
    statement.refresh_from_db()
    assert statement.text.startswith("Human trafficking")


def test_a_half_valid_file_changes_nothing_even_when_loaded_directly(administrator):
    records = [scheme_record(), code_record(1, "fine"), code_record(2, "bad", colour="red")]
    report = load_fixture(content=json.dumps(records).encode(), name="x.json", user=administrator)
    assert not report.committed
    assert [p.number for p in report.problems] == [3]
    assert CodingScheme.objects.count() == Code.objects.count() == 0


def test_a_change_between_dry_run_and_confirm_loads_nothing(admin_client):
    records = [scheme_record(slug="taken"), code_record(1, "a")]
    checked = dry_run(admin_client, records)
    CodingScheme.objects.create(pk=50, name="Meanwhile", slug="taken", version=1)
    response = confirm(admin_client, checked)
    assert response.status_code == 200
    assert b"cannot be loaded: nothing was changed" in response.content
    assert "Coding scheme with this Slug and Version already exists" in problems_of(response)[0]
    assert list(CodingScheme.objects.values_list("pk", flat=True)) == [50]


def test_a_file_over_the_size_limit_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(fixture_views, "MAX_FIXTURE_BYTES", 10)
    response = dry_run(admin_client, CODEBOOK)
    assert response.status_code == 400
    assert response.context["form"].errors["fixture"] == ["The file is larger than 0 MB."]


def test_problems_are_listed_up_to_a_limit_and_counted_beyond(administrator):
    records = [scheme_record()] + [code_record(i, f"c{i}", colour="red") for i in range(1, 131)]
    report = preview_fixture(content=json.dumps(records).encode(), name="x", user=administrator)
    assert len(report.problems) == 100
    assert report.more_problems == 30
