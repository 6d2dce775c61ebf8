import pytest
from django.core.exceptions import ValidationError

from annotations.coding.services import (
    annotation_create,
    suggestion_accept,
    suggestion_dismiss,
    suggestion_reopen,
)
from annotations.coding.suggestions import (
    keyword_pattern,
    sentence_spans,
    suggestion_counts,
    suggestions_for_meeting,
    suggestions_in_text,
)
from annotations.models import Annotation, AnnotationSource, SuggestionDecision
from tests.conftest import GA_11955_RELEASE
from tracker.models import Statement


def sentences(text):
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentences_end_at_full_stops_but_not_after_titles():
    text = "Mr. Braz spoke first.  Then Ms. Sen replied! Was it heard? Yes."
    assert sentences(text) == [
        "Mr. Braz spoke first.",
        "Then Ms. Sen replied!",
        "Was it heard?",
        "Yes.",
    ]


def test_a_line_break_ends_a_sentence_and_quotes_stay_with_their_sentence():
    text = "“Prevention is better than cure,” he asserted.  The priority\nwas demand."
    assert sentences(text) == [
        "“Prevention is better than cure,” he asserted.",
        "The priority",
        "was demand.",
    ]


def test_a_full_stop_before_a_lower_case_word_does_not_end_the_sentence():
    assert sentences("At 10 a.m. on Thursday it met.") == ["At 10 a.m. on Thursday it met."]


def test_keywords_match_any_hyphen_any_case_and_whole_words_only():
    pattern = keyword_pattern(("victim-centred", "women's organizations"))
    text = (
        "A Victim\u2011centred plan; victim centred too; women’s organizations; victim-centredness"
    )
    assert pattern.findall(text) == [
        "Victim\u2011centred",
        "victim centred",
        "women’s organizations",
    ]


def test_a_code_without_keywords_suggests_nothing(codebook):
    code = codebook.codes.get(slug="survivor-testimony")
    assert code.keywords == ""
    assert suggestions_in_text(text="Survivors spoke.", code=code) == []


def test_the_sentence_around_a_keyword_is_suggested(codebook):
    code = codebook.codes.get(slug="victim-centred")
    text = "Crime rose.  Calling for more victim\u2011centred responses, he spoke.  It ended."
    [(start, end, keyword)] = suggestions_in_text(text=text, code=code)
    assert text[start:end] == "Calling for more victim\u2011centred responses, he spoke."
    assert keyword == "victim\u2011centred"


def test_the_seeded_keywords_find_passages_in_ga_11955(codebook):
    release = GA_11955_RELEASE.read_text(encoding="utf-8")
    found = {
        code.slug for code in codebook.codes.all() if suggestions_in_text(text=release, code=code)
    }
    assert {"victim-centred", "prevention", "partnership", "demand", "child-centred"} <= found


def test_open_suggestions_leave_out_decided_and_already_coded_passages(
    meeting, codebook, analyst_a, analyst_b
):
    statement = meeting.statements.get(order=1)
    suggestions = suggestions_for_meeting(meeting=meeting, analyst=analyst_a)
    victim = [s for s in suggestions if s.code.slug == "victim-centred"]
    assert [(s.statement_id, s.quote) for s in victim] == [(statement.pk, statement.text)]
    annotation_create(
        statement=statement,
        code=victim[0].code,
        analyst=analyst_a,
        start=statement.text.index("victim"),
        end=statement.text.index("victim") + len("victim-centred approach"),
    )
    mine = suggestions_for_meeting(meeting=meeting, analyst=analyst_a)
    assert not [s for s in mine if s.code.slug == "victim-centred"]
    # Analyst B has coded nothing: the suggestion is still open for B.
    theirs = suggestions_for_meeting(meeting=meeting, analyst=analyst_b)
    assert [s for s in theirs if s.code.slug == "victim-centred"]


def test_suggestions_come_in_reading_order(meeting, codebook, analyst_a):
    suggestions = suggestions_for_meeting(meeting=meeting, analyst=analyst_a)
    orders = [Statement.objects.get(pk=s.statement_id).order for s in suggestions]
    assert orders == sorted(orders)
    assert len(suggestions) >= 2


def first_suggestion(meeting, analyst, slug):
    return next(
        s for s in suggestions_for_meeting(meeting=meeting, analyst=analyst) if s.code.slug == slug
    )


def test_accepting_creates_an_annotation_from_the_suggestion_and_counts_it(
    meeting, codebook, analyst_a
):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    annotation = suggestion_accept(
        statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end
    )
    assert annotation.source == AnnotationSource.SUGGESTION
    assert annotation.quote == statement.text[s.start : s.end]
    decision = SuggestionDecision.objects.get()
    assert decision.decision == "accepted"
    assert decision.annotation == annotation
    assert s not in suggestions_for_meeting(meeting=meeting, analyst=analyst_a)


def test_dismissing_is_counted_and_the_suggestion_is_not_offered_again(
    meeting, codebook, analyst_a
):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    suggestion_dismiss(
        statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end
    )
    assert Annotation.objects.count() == 0
    assert s not in suggestions_for_meeting(meeting=meeting, analyst=analyst_a)
    [count] = suggestion_counts(meeting=meeting)
    assert (count.code_slug, count.accepted, count.dismissed) == ("gender-specific", 0, 1)


def test_it_refuses_to_decide_the_same_suggestion_twice(meeting, codebook, analyst_a):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    choice = dict(statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end)
    suggestion_dismiss(**choice)
    with pytest.raises(ValidationError, match="already accepted or dismissed"):
        suggestion_accept(**choice)
    assert Annotation.objects.count() == 0
    assert SuggestionDecision.objects.count() == 1


def test_it_refuses_a_passage_that_is_not_a_suggestion(meeting, codebook, analyst_a):
    statement = meeting.statements.get(order=1)
    code = codebook.codes.get(slug="prevention")
    with pytest.raises(ValidationError, match="not a suggestion"):
        suggestion_accept(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    assert Annotation.objects.count() == 0
    assert SuggestionDecision.objects.count() == 0


def test_reopening_an_accepted_suggestion_deletes_its_annotation(meeting, codebook, analyst_a):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    choice = dict(statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end)
    annotation = suggestion_accept(**choice)
    suggestion_reopen(**choice)
    annotation.refresh_from_db()
    assert annotation.deleted_at is not None
    assert SuggestionDecision.objects.count() == 0
    assert s in suggestions_for_meeting(meeting=meeting, analyst=analyst_a)


def test_reopening_what_was_never_decided_is_refused(meeting, codebook, analyst_a):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    with pytest.raises(ValidationError, match="have not accepted or dismissed"):
        suggestion_reopen(
            statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end
        )


def test_counts_cover_every_analyst_per_code(meeting, codebook, analyst_a, analyst_b):
    s = first_suggestion(meeting, analyst_a, "gender-specific")
    statement = Statement.objects.get(pk=s.statement_id)
    suggestion_accept(statement=statement, code=s.code, analyst=analyst_a, start=s.start, end=s.end)
    suggestion_dismiss(
        statement=statement, code=s.code, analyst=analyst_b, start=s.start, end=s.end
    )
    assert [(c.code_slug, c.accepted, c.dismissed) for c in suggestion_counts()] == [
        ("gender-specific", 1, 1)
    ]
