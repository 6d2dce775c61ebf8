"""The meeting report's agreement section gives Krippendorff's alpha (ordinal) for the
reference-level family, computed by hand from the analysts' levels."""

import pytest

from annotations.coding.services import annotation_create
from annotations.monitoring.reference_levels import reference_level_declare
from annotations.reports import meeting_report
from annotations.reports.agreement import krippendorff_alpha_ordinal
from tests.annotations.reports.report_data import small_meeting


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b)


def test_the_reference_level_family_has_its_ordinal_alpha(small, codebook, analyst_a, analyst_b):
    none, general, specific = reference_level_declare(scheme=codebook)
    first, second = small.meeting.statements.order_by("order")[:2]
    for statement, code, analyst in [
        (first, specific, analyst_a), (first, general, analyst_b),
        (second, none, analyst_a), (second, none, analyst_b),
    ]:  # fmt: skip
        annotation_create(statement=statement, code=code, analyst=analyst)
    (family,) = meeting_report(meeting=small.meeting).agreement.ordinal
    assert (family.family, family.rated_statements, family.analysts) == ("reference-level", 2, 2)
    assert family.levels == ["No reference", "General reference", "Specific reference"]
    assert family.alpha == pytest.approx(krippendorff_alpha_ordinal([[2, 0], [1, 0]]))


def test_a_codebook_without_an_ordinal_family_shows_none(small):
    assert meeting_report(meeting=small.meeting).agreement.ordinal == []


def test_the_report_page_shows_it(small, codebook, analyst_a, analyst_b, client):
    _, general, specific = reference_level_declare(scheme=codebook)
    first = small.meeting.statements.order_by("order").first()
    annotation_create(statement=first, code=specific, analyst=analyst_a)
    annotation_create(statement=first, code=general, analyst=analyst_b)
    client.force_login(analyst_a)
    html = client.get(f"/meetings/{small.meeting.pk}/report/").content.decode()
    assert 'id="ordinal-reference-level"' in html
    section = html.split('id="ordinal-reference-level"')[1].split("</table>")[0]
    assert "lowest to highest: No reference, General reference, Specific reference" in section
    assert '<td>1</td><td>2</td><td class="num">0.00</td>' in section  # A specific, B general
