import random

import pytest

from annotations.monitoring.query import (
    QueryError,
    first_match,
    match_finder,
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


# match_finder (a regular expression a phrase, for the downloads) against first_match (a
# walk over the words, the reference): the same span for every query and text.
FINDER_WORDS = [
    "survivors", "survivor", "Survivors", "SURVIVORS", "nonsurvivors", "led",
    "victim", "centred", "Côte", "d’Ivoire", "İstanbul", "Київ", "a", "77", "ø",
]  # fmt: skip
FINDER_GAPS = [" ", "  ", "-", "\u2011", "_", "\n", "\t", "“", "”", ", ", "🌍", "'", ""]
FINDER_QUERIES = [
    "survivors", "survivor*", "surviv*", '"survivor led"', '"victim centred"',
    "survivors OR led", "(victim OR a) -led", '"a a"', "cote ivoire", "istanbul",
    "київ", "77", "o", "nonsurvivors OR survivors", '"led survivors" OR victim',
]  # fmt: skip


def _text(rng: random.Random) -> str:
    parts = [rng.choice(FINDER_GAPS) if i % 2 else rng.choice(FINDER_WORDS) for i in range(21)]
    return "".join(parts)


@pytest.mark.parametrize("query", FINDER_QUERIES)
def test_the_compiled_finder_finds_what_first_match_finds(query):
    rng, tree = random.Random(15), parse(query)
    find = match_finder(tree)
    texts = [_text(rng) for _ in range(400)] + ["", "a a a", "survivors_network", "x-survivorsy"]
    found = [(text, find(text)) for text in texts]
    assert found == [(text, first_match(tree, text)) for text in texts]
    assert any(span for _, span in found)  # the texts do hold the query somewhere


def test_the_finder_keeps_words_whole_and_takes_the_earliest_shortest_span():
    find = match_finder(parse('survivor OR "survivor led"'))
    assert find("nonsurvivor survivor-led") == (12, 20)  # not inside a longer word
    assert match_finder(parse("surviv*"))("the survivors' day") == (4, 13)  # to the word's end
    assert match_finder(parse('"a a"'))("b a a a") == (2, 5)


def test_the_finders_folding_is_folding_for_every_character():
    from annotations.monitoring.query import _fold
    from tracker.search.folding import fold

    chars = [chr(c) for c in range(0x11000) if not 0xD800 <= c < 0xE000]
    one_to_one = "".join(c for c in chars if len(c.lower()) == 1)
    assert _fold(one_to_one) == fold(one_to_one)
    assert _fold("İstanbul, Côte d’Ivoire") == fold("İstanbul, Côte d’Ivoire")  # İ lowers to 2
