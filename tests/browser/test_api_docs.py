"""The API's Swagger UI works in a real browser under our Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_swagger_ui_renders_the_api_without_breaking_the_csp(page, sign_in, analyst_a):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in(analyst_a)
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .title")).to_contain_text(
        "Gender-analysis annotation workbench API"
    )
    expect(
        page.locator(".opblock-summary-path", has_text="/api/annotations/").first
    ).to_be_visible()
    assert refused == []
