"""Re-anchoring quotes after a text edit, with texts that trip naive code:
emoji (astral code points, ZWJ sequences), combining marks, CRLF line ends and
right-to-left scripts."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotations.coding.anchoring import Anchor, Placement, TextDiff, quote_context, reanchor

PIECES = [
    "a",
    "b",
    "e",
    " ",
    "women",
    "trafficking",
    ".",
    ",",
    "\r\n",
    "\n",
    "🙂",
    "👩🏽‍⚖️",  # woman judge: a ZWJ sequence with a skin-tone modifier
    "🇺🇳",
    "e\u0301",  # e + combining acute accent
    "n\u0303",
    "\u0651",  # Arabic shadda, a combining mark on its own
    "مرأة",  # Arabic: woman
    "נשים",  # Hebrew: women
    "\u200f",  # right-to-left mark
    "\u202b",  # right-to-left embedding
    "ß",
]

# No deadline: the machine is shared, and speed goals belong in benchmarks/.
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
insertions = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


def anchor_at(text: str, start: int, end: int) -> Anchor:
    prefix, suffix = quote_context(text, start, end)
    return Anchor(start, end, text[start:end], prefix, suffix)


@st.composite
def text_and_span(draw):
    text = draw(texts)
    start = draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(text)))
    assume(text[start:end].strip())  # the services refuse blank passages
    return text, start, end


@settings(deadline=None)
@given(text_and_span())
def test_an_unchanged_text_keeps_every_anchor_where_it_was(case):
    text, start, end = case
    result = reanchor(anchor_at(text, start, end), TextDiff(text, text))
    assert result.placement is Placement.EXACT
    assert (result.start, result.end) == (start, end)
    assert result.quote == text[start:end]


@settings(deadline=None)
@given(text_and_span(), insertions, st.data())
def test_text_inserted_outside_the_quote_never_loses_it(case, inserted, data):
    text, start, end = case
    at = data.draw(st.one_of(st.integers(0, start), st.integers(end, len(text))), label="insert at")
    new = text[:at] + inserted + text[at:]
    quote = text[start:end]
    result = reanchor(anchor_at(text, start, end), TextDiff(text, new))
    assert result.placement in (Placement.EXACT, Placement.MOVED)
    assert new[result.start : result.end] == quote == result.quote
    # str.count skips overlapping occurrences ("bb" twice in "abbb"): count them all.
    if sum(new.startswith(quote, i) for i in range(len(new))) == 1:
        assert result.start == new.index(quote)


def test_a_quote_among_overlapping_repeats_follows_its_own_occurrence():
    # Hypothesis found it: "bb" at 1 in "bbb"; "a" inserted before it moves it to 2, not to
    # the first "bb" of "abbb".
    result = reanchor(anchor_at("bbb", 1, 3), TextDiff("bbb", "abbb"))
    assert (result.start, result.end, result.quote) == (2, 4, "bb")


@settings(deadline=None)
@given(text_and_span(), insertions, st.data())
def test_whatever_the_edit_a_placed_quote_is_the_new_text_at_its_offsets(case, inserted, data):
    text, start, end = case
    cut_start = data.draw(st.integers(0, len(text)), label="cut start")
    cut_end = data.draw(st.integers(cut_start, len(text)), label="cut end")
    replacement = data.draw(st.one_of(st.just(""), st.just(inserted)), label="replacement")
    new = text[:cut_start] + replacement + text[cut_end:]
    result = reanchor(anchor_at(text, start, end), TextDiff(text, new))
    if result.placement is Placement.LOST:
        assert result.start is None and result.end is None
        return
    assert 0 <= result.start < result.end <= len(new)
    assert new[result.start : result.end] == result.quote
    assert result.quote.strip()
    assert result.prefix == new[max(0, result.start - 32) : result.start]
    assert result.suffix == new[result.end : result.end + 32]
    if result.placement in (Placement.EXACT, Placement.MOVED):
        assert result.quote == text[start:end]


@settings(max_examples=50, deadline=None)
@given(texts, insertions)
def test_crlf_normalised_to_lf_keeps_quotes_that_span_no_line_break(text, inserted):
    text = "Opening" + "\r\n" + text + "\r\n" + inserted + " survivors spoke."
    start = text.index("survivors")
    new = text.replace("\r\n", "\n")
    assume(new.count("survivors") == 1)
    result = reanchor(anchor_at(text, start, start + len("survivors")), TextDiff(text, new))
    assert result.placement is Placement.EXACT
    assert new[result.start : result.end] == "survivors"


def test_a_quote_found_in_its_old_surroundings_is_chosen_over_an_earlier_copy():
    old = "Women were heard. Later, the minister said women were heard again."
    start = old.index("women were heard again") + len("women ")
    anchor = anchor_at(old, start, start + len("were heard"))
    new = "Preface. " + old
    result = reanchor(anchor, TextDiff(old, new))
    assert result.placement is Placement.EXACT
    assert result.start == start + len("Preface. ")


def test_an_edited_quote_is_placed_approximately_and_flagged():
    old = "A victim-centred approach was needed."
    anchor = anchor_at(old, 2, 2 + len("victim-centred approach"))
    new = "A victim-centered approach was needed."
    result = reanchor(anchor, TextDiff(old, new))
    assert result.placement is Placement.APPROXIMATE
    assert result.needs_review
    assert result.quote == "victim-centered approach"


def test_a_deleted_passage_is_lost_not_moved_somewhere_else():
    old = "Survivors spoke. The minister thanked them."
    anchor = anchor_at(old, 0, len("Survivors spoke."))
    new = "The minister thanked them."
    result = reanchor(anchor, TextDiff(old, new))
    assert result.placement is Placement.LOST
    assert not result.placed


def test_a_copy_of_the_quote_far_from_its_old_place_and_context_needs_review():
    old = "The word gender appeared once in the opening, then nothing."
    start = old.index("gender")
    anchor = anchor_at(old, start, start + len("gender"))
    new = "Nothing appeared in the opening. Closing remarks on gender."
    result = reanchor(anchor, TextDiff(old, new))
    assert result.placement is Placement.MOVED
    assert result.needs_review
    assert new[result.start : result.end] == "gender"


def test_right_to_left_text_with_an_emoji_before_it_keeps_code_point_offsets():
    old = "قالت 🙂 إن النساء يجب أن يشاركن"
    start = old.index("النساء")
    anchor = anchor_at(old, start, start + len("النساء"))
    new = "👩🏽‍⚖️ " + old
    result = reanchor(anchor, TextDiff(old, new))
    assert result.placement is Placement.EXACT
    assert result.start == start + len("👩🏽‍⚖️ ")
    assert new[result.start : result.end] == "النساء"
