"""The admin's history pages obey the Content-Security-Policy: no inline style
(django-simple-history's list template has one; templates/simple_history/ drops it)."""

import re
from pathlib import Path

import pytest
import simple_history

from tests.conftest import ROOT

OURS = ROOT / "templates" / "simple_history" / "object_history_list.html"
THEIRS = Path(simple_history.__file__).parent / "templates" / "simple_history" / OURS.name


@pytest.mark.django_db
def test_a_statements_history_page_has_no_inline_style(client, administrator, statement):
    client.force_login(administrator)
    response = client.get(f"/admin/tracker/statement/{statement.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="paginator"' in html
    assert re.findall(r"\sstyle\s*=", html) == []


def test_our_copy_is_the_installed_template_without_its_style():
    # Should django-simple-history change its template, this copy is to be redone.
    ours = OURS.read_text(encoding="utf-8").split("#}\n", 1)[1]
    theirs = THEIRS.read_text(encoding="utf-8").replace(' style="border-top: 0"', "")
    assert ours == theirs
