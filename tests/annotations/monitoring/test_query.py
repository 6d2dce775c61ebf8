import pytest

from annotations.monitoring.query import (
    QueryError,
    first_match,
    matches,
    parse,
    to_fts5,
    to_tsquery,
)


def test_a_hyphenated_word_is_a_phrase_whatever_the_hyphen():
    for text in ("victim-centred", "victim‑centred", "victim–centred", '"victim centred"'):
        tree = parse(text)
        assert to_tsquery(tree) == "('victim' <-> 'centred')"
        assert to_fts5(tree) == '"victim centred"'


def test_accents_and_case_are_folded():
    assert to_tsquery(parse("Lajčák")) == "'lajcak'"


def test_boolean_queries_are_written_for_each_database():
    tree = parse('(survivor* OR "victim centred") women -girls')
    assert to_tsquery(
        tree
    ) == "((('survivor':*) | ('victim' <-> 'centred')) & 'women' & !'girls')".replace(
        "('survivor':*)", "'survivor':*"
    )
    assert to_fts5(tree) == '((("survivor" * OR "victim centred") AND "women") NOT "girls")'


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Type a word"),
        ("   ", "Type a word"),
        ("-girls", "not only what to leave out"),
        ("women OR", "OR needs something"),
        ('"victim centred', "quotation mark is not closed"),
        ("(women", "bracket is not closed"),
        ("women)", "no opening one"),
        ("women NOT", "NOT (or -) needs"),
        ("x" * 501, "longer than 500"),
        (" ".join(["w"] * 31), "more than 30 words"),
    ],
)
def test_it_refuses_queries_it_cannot_search(query, message):
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(query)


def test_the_first_match_is_given_in_code_points_of_the_original_text():
    text = "🙂 A victim‑centred “approach”"
    start, end = first_match(parse('"victim centred"'), text)
    assert text[start:end] == "victim‑centred"
    start, end = first_match(parse("approach"), text)
    assert text[start:end] == "approach"


def test_words_side_by_side_are_all_required_not_a_phrase():
    assert to_tsquery(parse("victim centred")) == "('victim' & 'centred')"


def test_prefix_and_exclusion_match_as_the_databases_do():
    assert matches(parse("traffick*"), "Trafficking in persons")
    assert not matches(parse("women -girls"), "women and girls")
    assert matches(parse("women -girls"), "women peacebuilders")
