"""What in a record is not a speech: stage directions, votes, agenda headings.

Each paragraph of the body is a turn (a speaker starts), a stage direction ("The agenda
was adopted.", "A vote was taken by show of hands."), part of a vote (the in favour /
against / abstaining lists), a heading (an agenda item: it names the segment of what
follows), or the next paragraph of the current speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTION = re.compile(
    r"^(?:The meeting (?:was called to order|rose|was suspended|was resumed|was adjourned|"
    r"was closed)|"
    r"A (?:recorded |separate |roll-call )?vote was taken|"
    r"The agenda was adopted|It was so decided|"
    r"(?:The )?(?:revised )?(?:draft )?(?:resolutions?|decisions?|amendments?|motions?|"
    r"recommendations?|reports?)\b.{0,300}?\b(?:was|were) (?:adopted|rejected|approved|"
    r"withdrawn|not adopted)|"
    r"At the invitation of the (?:President|Chair)|"
    r"In the absence of the President|"
    r"The (?:Acting )?(?:President|Chair\w*) (?:returned to|took|resumed) the Chair|"
    r"(?:Mr|Ms|Mrs)\.? [^.]{0,120}\btook the Chair|"
    r"The (?:members of the )?(?:General Assembly|Security Council|Council|Assembly) "
    r"(?:observed|stood|rose)|"
    r"(?:The )?(?:General Assembly|Assembly|Council) (?:heard|observed) |"
    r"\((?:The meeting|Spoke|Statement)|"
    r"The result of the vote was|"
    r"The (?:Council|Assembly) (?:decided|took note|proceeded)\b.{0,200}\.$)",
    re.IGNORECASE,
)
VOTE_TAKEN = re.compile(r"vote was taken|(?:In favour|Against|Abstaining|Abstentions?)\s?:\s*$")
VOTE_LABEL = re.compile(r"^(?:In favour|Against|Abstaining|Abstentions?|Absent|Not voting)\s?:")
LIST_ITEM = r"[A-Z][\w'’()\-. ]{1,70}"
VOTE_LIST = re.compile(rf"^(?:None\.?|{LIST_ITEM}(?:, ?{LIST_ITEM})*\.?)$")
HEADING_START = re.compile(r"^(?:Agenda items? \d|AGENDA ITEMS? \d|Adoption of the agenda\b)", re.I)
SPOKEN = re.compile(r"\b(?:I|we|We|our|my|you|is|are|was|were|have|has|will|shall|would)\b")
SENTENCE_END = tuple(".:;?!”\"’'…,")
CHAIR_TAKEN = re.compile(
    r"(?P<honorific>Mr|Ms|Mrs|Miss|Sir|Dame)\.? (?P<name>[^(,]{2,80}?) ?\((?P<country>[^)]+)\)"
    r",? (?:\w+[- ])?(?:Vice-President|President|Chair\w*)[^.]{0,40}, took the Chair"
)


@dataclass(frozen=True)
class Block:
    """A paragraph with what it is: turn, direction, vote, heading or speech."""

    kind: str
    text: str


def is_direction(paragraph: str) -> bool:
    return bool(DIRECTION.match(paragraph))


def looks_like_heading(paragraph: str) -> bool:
    """Short, a capital first, no sentence end: "The situation in Cyprus", "Agenda item 66
    (continued)", "Letter dated … (S/1997/235)"."""
    if HEADING_START.match(paragraph):
        return True
    if len(paragraph) > 400 or not (paragraph[:1].isupper() or paragraph[:1].isdigit()):
        return False
    if SPOKEN.search(paragraph):
        return False  # a sentence someone says, cut short, not a title
    return not paragraph.rstrip().endswith(SENTENCE_END) or paragraph.endswith("(continued)")


def classify(paragraphs: list[str], is_turn) -> list[Block]:
    """The kind of each paragraph. A heading is only a heading when a turn or a direction
    follows it (through further headings): a speech paragraph cut short is speech."""
    kinds = [first_kind(p, is_turn) for p in paragraphs]
    in_vote = False
    for i, paragraph in enumerate(paragraphs):
        if kinds[i] == "vote" or (kinds[i] == "direction" and VOTE_TAKEN.search(paragraph)):
            in_vote = True
        elif in_vote and kinds[i] in ("speech", "heading?") and VOTE_LIST.match(paragraph):
            kinds[i] = "vote"
        else:
            in_vote = False
    return [Block(confirm(kinds, i), p) for i, p in enumerate(paragraphs)]


def first_kind(paragraph: str, is_turn) -> str:
    if is_turn(paragraph):
        return "turn"
    if VOTE_LABEL.match(paragraph):
        return "vote"
    if is_direction(paragraph):
        return "direction"
    return "heading?" if looks_like_heading(paragraph) else "speech"


def confirm(kinds: list[str], i: int) -> str:
    if kinds[i] != "heading?":
        return kinds[i]
    for kind in kinds[i + 1 :]:
        if kind != "heading?":
            return "heading" if kind in ("turn", "direction", "vote") else "speech"
    return "heading"


def segment_name(headings: list[str]) -> str:
    """ "Agenda item 66 (continued)" + "Peacebuilding and sustaining peace" → one name."""
    if not headings:
        return ""
    first = " ".join(headings[0].split())
    if len(headings) > 1 and re.match(
        r"^agenda items? [\d ,and to]+(?:\(continued\))?$", first, re.I
    ):
        return f"{first}: {' '.join(headings[1].split())}"
    return first
