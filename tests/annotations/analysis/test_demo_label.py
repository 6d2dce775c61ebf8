"""Every page that counts the demo coding says so, the report as well as the draft."""

import pytest
from django.urls import reverse

from annotations.reports import meeting_report

pytestmark = pytest.mark.django_db


def test_the_report_says_it_counts_demo_data(client, analyst_a, demo):
    client.force_login(analyst_a)
    page = client.get(reverse("report", args=[demo.pk]))
    assert page.status_code == 200
    assert "Demo data: these figures count the demo coding by demo-analyst-1" in page.text


def test_a_report_of_real_coding_carries_no_demo_label(ga_11955):
    report = meeting_report(meeting=ga_11955)
    assert not any(w.startswith("Demo data") for w in report.warnings)
