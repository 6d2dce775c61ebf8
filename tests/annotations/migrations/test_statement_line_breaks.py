"""annotations/migrations/0006_statement_line_breaks: statements stored with CR LF get LF,
and every passage coded on them keeps its words."""

import importlib

from django.apps import apps

from annotations.models import Annotation, SuggestionDecision
from tracker.models import Statement

migration = importlib.import_module("annotations.migrations.0006_statement_line_breaks")

CRLF = "First paragraph.\r\n\r\nSecond paragraph names survivors.\r\n\r\nThird one.\rEnd."
LF = "First paragraph.\n\nSecond paragraph names survivors.\n\nThird one.\nEnd."


def coded_on_crlf(statement, code, analyst, phrase, **fields):
    start = CRLF.index(phrase)
    return Annotation.objects.create(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=start + len(phrase),
        quote=phrase,
        **fields,
    )


def test_crlf_statements_get_lf_and_their_annotations_keep_their_words(
    statement, code, analyst_a, analyst_b
):
    Statement.objects.filter(pk=statement.pk).update(text=CRLF)  # as the old page stored it
    after_first = coded_on_crlf(statement, code, analyst_a, "survivors")
    across = coded_on_crlf(statement, code, analyst_b, "survivors.\r\n\r\nThird")
    decision = SuggestionDecision.objects.create(
        statement=statement,
        code=code,
        analyst=analyst_a,
        start=CRLF.index("Third"),
        end=CRLF.index("Third") + 5,
        decision="dismissed",
    )
    untouched = Statement.objects.exclude(pk=statement.pk).values_list("pk", "text")
    before = list(untouched)
    migration.repair(apps, None)
    statement.refresh_from_db()
    assert statement.text == LF
    after_first.refresh_from_db()
    assert LF[after_first.start : after_first.end] == after_first.quote == "survivors"
    assert after_first.prefix.endswith("Second paragraph names ")
    assert after_first.suffix.startswith(".\n\nThird one.")
    across.refresh_from_db()
    assert across.quote == "survivors.\n\nThird" == LF[across.start : across.end]
    decision.refresh_from_db()
    assert LF[decision.start : decision.end] == "Third"
    assert list(untouched) == before  # statements without CR are left alone


def test_a_statement_without_cr_is_not_touched(statement, code, analyst_a):
    text = statement.text
    annotation = Annotation.objects.create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=5, quote=text[:5]
    )
    migration.repair(apps, None)
    statement.refresh_from_db()
    annotation.refresh_from_db()
    assert (statement.text, annotation.start, annotation.quote) == (text, 0, text[:5])
