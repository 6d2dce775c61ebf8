"""Schemathesis against the app's own OpenAPI schema: no request it can make
from the schema — well-formed or not — gets a server error.

The app runs in-process (WSGI), authenticated with an administrator's token so
every endpoint, writes included, is reached; the example count stays moderate
to keep the suite within its time budget.
"""

import re
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.generation.modes import GenerationMode

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 10


@pytest.fixture
def wsgi_app():
    # As Django's test client does: keep the test's connection (and its
    # transaction) open across in-process requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def schema(wsgi_app, administrator, codebook, meeting, settings):
    settings.ALLOWED_HOSTS = ["*"]
    token = Token.objects.create(user=administrator)
    headers = {"Authorization": f"Token {token.key}"}
    loaded = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app, headers=headers)
    return loaded, headers


def server_errors(operation, headers, mode: GenerationMode, statuses: Counter) -> list[str]:
    found: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        response = case.call(headers=headers)
        statuses[response.status_code // 100] += 1
        if response.status_code >= 500:
            found.append(
                f"{response.status_code} {case.method} {case.formatted_path} "
                f"query={case.query!r} body={str(case.body)[:200]!r}"
            )

    try:
        call()
    except Unsatisfiable:
        # Nothing in this operation can be made invalid (e.g. a GET without parameters).
        assert mode is GenerationMode.NEGATIVE
    return found


def test_the_schema_describes_the_api(schema):
    loaded, _ = schema
    paths = set(loaded.raw_schema["paths"])
    assert {
        "/api/annotations/",
        "/api/annotations/{id}/",
        "/api/missed-opportunities/",
        "/api/meetings/",
        "/api/statements/",
        "/api/speakers/",
        "/api/schemes/",
        "/api/codes/",
        "/api/export/annotations.csv",
        "/api/export/annotations.jsonl",
        "/api/export/annotations.jsonld",
        "/api/export/codebook.qdc",
        "/api/export/project.qdpx",
        "/api/import/codebook",
    } <= paths


# The operations in this many slices, one test each, so the test workers share them;
# every operation is in exactly one slice.
SLICES = 2


@pytest.mark.parametrize("slice_number", range(SLICES))
def test_no_generated_request_gets_a_server_error(schema, slice_number):
    loaded, headers = schema
    failures: list[str] = []
    statuses: Counter = Counter()
    operations = [result.ok() for result in loaded.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations[slice_number::SLICES]:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            failures += server_errors(operation, headers, mode, statuses)
    assert failures == []
    # The slice reached its endpoints: many requests succeeded, many were refused as bad input.
    assert statuses[2] > 50 // SLICES, statuses
    assert statuses[4] > 50 // SLICES, statuses


def test_the_swagger_ui_is_served_without_internet_or_inline_script(client, analyst_a):
    client.force_login(analyst_a)
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "cdn." not in page and "unpkg" not in page
    assert "/static/drf_spectacular_sidecar/" in page
    assert "<style" not in page and "style=" not in page
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all("src=" in attributes for attributes in scripts)
    start_up = client.get("/api/docs/?script=")
    assert start_up.status_code == 200
    assert start_up["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in start_up.content
