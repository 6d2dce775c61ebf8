"""Who opens a paragraph: "FÉLIX BRAZ, Minister for Justice of Luxembourg, said…",
"NOA FURMAN (Israel), noting…", "The representative of Ethiopia emphasized…",
"Ms. SEN said…", "Speaking in his national capacity, …"; and what a role says
about the speaker's delegation and type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import gazetteer as g
from ..affiliation import ACRONYM, clauses, organisation_name, split_affiliation
from ..names import HONORIFIC, PARTICLES, is_caps_word, leading_caps_name

NAMED = "named"  # a name in capitals: the speaker's first appearance
MENTION = "mention"  # "Ms. SEN": a later appearance
REPRESENTATIVE = "representative"  # "The representative of Ethiopia"
NATIONAL_CAPACITY = "national_capacity"  # "Speaking in his national capacity, …"
PRESIDENT = "president"  # "The PRESIDENT …"


@dataclass(frozen=True)
class Opening:
    kind: str
    name: str = ""  # as printed
    honorific: str = ""
    delegation: str = ""
    role: str = ""
    on_behalf_of: str = ""
    descriptor: str = ""  # the attribution words, for the speaker's type ("former victim")
    start: int = 0  # where the statement begins in the paragraph


# A clause that leads into the speaker: "Responding to a question by …, Ms. X said".
_LEAD = r"(?:(?P<lead>[A-Z][^.;:“”\"]{0,200}?),\s+)?"
_MENTION = re.compile(rf"^{_LEAD}(?P<hon>{HONORIFIC})\.?\s+(?=\S)")
_REPRESENTATIVE = re.compile(
    rf"^{_LEAD}(?:the|The|A|a|An|an)\s+(?:representative|delegate|observer|speaker)\s+(?:of|for)\s+"
    r"(?P<rest>.+)",
    re.S,
)
_REPRESENTATIVE_BEFORE = re.compile(
    rf"^{_LEAD}(?:the|The)\s+(?P<place>[A-Z][\w’'\- ]{{1,60}}?)\s+(?:representative|delegate)\b",
)
_PRESIDENT = re.compile(rf"^{_LEAD}(?:the|The)\s+(?:PRESIDENT|CHAIR|CHAIRPERSON|CHAIRMAN)\b")
_NATIONAL_CAPACITY = re.compile(
    r"^(?:Also\s+)?Speaking\s+(?:in|as)\s+(?:his|her|their|its)\s+(?:own\s+)?national\s+capacity"
    r"|^(?:Also\s+)?Speaking\s+(?:for|on\s+behalf\s+of)\s+(?:his|her|their)\s+(?:own\s+)?"
    r"(?:country|Government|delegation)",
    re.I,
)
_ON_BEHALF = re.compile(
    r"(?:^|,\s*)(?:also\s+)?(?:speaking\s+)?(?:on\s+behalf\s+of|speaking\s+for)\s+"
    r"(?:the\s+)?(?P<group>[^,;.]+?)\s*(?=,|;|\.(?:\s|$)|\s+(?:said|and\s+in)\b|$)"
)
_CONNECTORS = {
    "of", "for", "the", "and", "on", "in", "against", "to", "de", "du", "des", "la", "le",
    "with", "at", "&", "del", "y",
}  # fmt: skip
_ORG_DESCRIPTOR = re.compile(
    r"^(?:the\s+)?(?:civil[- ]society|non-governmental|faith-based|intergovernmental)\s+"
    r"(?:organi[sz]ation|group|network|body)\s+",
    re.I,
)
_VERB_WORDS = {
    "said", "says", "told", "spoke", "made", "gave", "took", "drew", "began", "saw", "held",
    "brought", "sought", "put", "set", "met", "led", "went", "was", "were", "is", "has",
    "had", "also", "then", "however", "who", "whose", "as", "while", "after", "when",
    "which", "on", "in", "underscored", "said,", "thought", "felt", "wrote", "read",
}  # fmt: skip
# "…, the representative of Guinea, Mr. Aly Diane, speaking on behalf of…": the speaker's name.
_NAME_AFTER_DELEGATION = re.compile(
    rf"^,\s+(?P<hon>{HONORIFIC})\.?\s+(?P<name>[A-ZÀ-Ý][\w’'\-\u2011]+"
    r"(?:\s+(?:[A-ZÀ-Ý][\w’'\-\u2011]+|de|da|van|von|bin|al-\w+)){0,4})(?=,)"
)
# Words after an honorific that are a title, not a name ("Mr. President").
_TITLES = {
    "president", "chair", "chairperson", "chairman", "chairwoman", "secretary-general",
    "minister", "ambassador", "speaker", "moderator", "co-chair", "vice-president",
    "secretary", "director", "prime",
}  # fmt: skip
_NOT_VERBS = {"retired", "renowned", "celebrated", "acclaimed", "distinguished", "elected"}


def match_opening(paragraph: str) -> Opening | None:
    """How the paragraph names its speaker, if it starts a statement."""
    if _NATIONAL_CAPACITY.match(paragraph):
        inner = _first_opening(paragraph, national=True)
        if inner:
            return inner
        return Opening(kind=NATIONAL_CAPACITY)
    return _first_opening(paragraph)


def _first_opening(paragraph: str, *, national: bool = False) -> Opening | None:
    found = [
        opening
        for opening in (
            _named(paragraph, national=national),
            _mention(paragraph),
            _representative(paragraph),
            _president(paragraph),
        )
        if opening
    ]
    if not found:
        return None
    return min(found, key=lambda opening: opening.start)


def _leads(paragraph: str) -> list[int]:
    """Positions a speaker may start at: the paragraph's start, or after a leading clause."""
    first_sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0][:240]
    positions = [0]
    if paragraph[:1].isupper():
        positions += [m.end() for m in re.finditer(r",\s+", first_sentence)]
    return positions


def _named(paragraph: str, *, national: bool = False) -> Opening | None:
    for position in _leads(paragraph):
        found = leading_caps_name(paragraph[position:])
        if not found:
            continue
        name, length = found
        rest = paragraph[position + length :]
        if len(name.split()) == 1 and not g.canonical_place(_bracketed(rest)):
            continue
        attribution = _attribution(rest)
        return Opening(
            kind=NAMED,
            name=name,
            delegation=attribution.delegation,
            role="" if national else attribution.role,
            on_behalf_of="" if national else attribution.on_behalf_of,
            descriptor=attribution.descriptor,
            start=position,
        )
    return None


def _mention(paragraph: str) -> Opening | None:
    match = _MENTION.match(paragraph)
    if not match:
        return None
    after = paragraph[match.end() :]
    words = _mention_words(after)
    if not words:
        return None
    end = words[-1][1]
    attribution = _attribution(after[end:])
    name = " ".join(word for word, _ in words)
    # Running text names a speaker in mixed case: "Mr. Aly Diane (Guinea), speaking…".
    first_appearance = (
        not is_caps_word(name) and len(words) > 1 and after[end:].lstrip().startswith(("(", ","))
    )
    return Opening(
        kind=NAMED if first_appearance else MENTION,
        name=name,
        honorific=match.group("hon"),
        delegation=attribution.delegation,
        role=attribution.role,
        on_behalf_of=attribution.on_behalf_of,
        descriptor=attribution.descriptor,
        start=match.start("hon"),
    )


def _mention_words(after: str) -> list[tuple[str, int]]:
    """The name after an honorific: words in capitals ("SEN"), or, in running text, in
    mixed case ("Aly Diane") when one of them is not a title."""
    words: list[tuple[str, int]] = []
    caps = None
    for token in re.finditer(r"[^\s,;:()]+", after):
        text = token.group()
        if after[(words[-1][1] if words else 0) : token.start()].strip():
            break
        if words and text in PARTICLES:
            words.append((text, token.end()))
            continue
        is_caps = is_caps_word(text) and len(text.rstrip(".")) > 1
        is_mixed = text[:1].isupper() and not is_caps and text.casefold() not in _TITLES
        if caps is None:
            caps = is_caps
        if not (is_caps if caps else is_mixed) or len(words) >= 5:
            break
        words.append((text, token.end()))
    while words and words[-1][0].casefold() in PARTICLES:
        words.pop()
    return words


def _representative(paragraph: str) -> Opening | None:
    match = _REPRESENTATIVE.match(paragraph)
    if match:
        delegation, descriptor, rest = _delegation_words(match.group("rest"))
        if delegation:
            start = match.end("lead") + 2 if match.group("lead") else 0
            return _representative_opening(delegation, descriptor, rest, start)
    match = _REPRESENTATIVE_BEFORE.match(paragraph)
    if match and g.canonical_place(match.group("place")):
        start = match.end("lead") + 2 if match.group("lead") else 0
        rest = paragraph[match.end() :]
        return _representative_opening(match.group("place"), "", rest, start)
    return None


def _representative_opening(delegation: str, descriptor: str, rest: str, start: int) -> Opening:
    on_behalf = _ON_BEHALF.search(_first_sentence(rest))
    organisation = organisation_name(delegation)
    named = _NAME_AFTER_DELEGATION.match(rest)
    return Opening(
        kind=NAMED if named else REPRESENTATIVE,
        name=named.group("name") if named else "",
        honorific=named.group("hon") if named else "",
        delegation=g.canonical_place(delegation) or organisation,
        on_behalf_of=g.normalise_space(on_behalf.group("group")) if on_behalf else "",
        descriptor=" ".join(filter(None, [descriptor, _first_sentence(rest)[:200]])),
        start=start,
    )


def _president(paragraph: str) -> Opening | None:
    match = _PRESIDENT.match(paragraph)
    if not match:
        return None
    start = match.end("lead") + 2 if match.group("lead") else 0
    return Opening(kind=PRESIDENT, role="President", start=start)


def _delegation_words(text: str) -> tuple[str, str, str]:
    """ "the Netherlands emphasized…" → ("the Netherlands", "", " emphasized…")."""
    descriptor = ""
    match = _ORG_DESCRIPTOR.match(text)
    if match:
        descriptor = match.group(0).strip()
        text = text[match.end() :]
    words: list[str] = []
    depth = 0
    position = 0
    for token in re.finditer(r"\S+", text):
        word = token.group()
        if depth == 0 and words and text[position : token.start()].strip():
            break
        bare = word.strip("(),;.")
        keep = (
            depth > 0
            or word.startswith("(")
            or bare[:1].isupper()
            or bare[:1].isdigit()
            or bare.casefold() in _CONNECTORS
            or (bare[:2].casefold() in ("d’", "d'") and len(bare) > 2)
        )
        if not keep:
            break
        depth += word.count("(") - word.count(")")
        if depth == 0 and word.endswith((",", ";")):
            words.append(word.rstrip(",;"))
            position = token.end() - 1
            break
        if depth == 0 and word.endswith(".") and not ACRONYM.search(word):
            words.append(word.rstrip("."))
            position = token.end() - 1
            break
        words.append(word)
        position = token.end()
    while words and words[-1].casefold() in _CONNECTORS:
        words.pop()
    return " ".join(words), descriptor, text[position:]


@dataclass(frozen=True)
class Attribution:
    delegation: str = ""
    role: str = ""
    on_behalf_of: str = ""
    descriptor: str = ""


def _attribution(rest: str) -> Attribution:
    """What follows a speaker's name: "(Egypt), on behalf of X, welcomed…" or
    ", Minister for Justice of Luxembourg, said…"."""
    bracketed = _bracketed(rest)
    after = rest.lstrip(" \u00a0")
    if bracketed:
        after = after[after.index(")") + 1 :] if ")" in after else ""
    role_clauses: list[str] = []
    descriptor_clauses: list[str] = []
    sentence = _first_sentence(after)
    if sentence.startswith(","):
        for clause in clauses(sentence[1:]):
            if not role_clauses and not descriptor_clauses and not clause:
                continue
            if descriptor_clauses or _verb_like(clause):
                descriptor_clauses.append(clause)
            else:
                role_clauses.append(clause)
    else:
        descriptor_clauses.append(sentence[:200])
    role = g.normalise_space(", ".join(role_clauses))
    on_behalf = _ON_BEHALF.search(sentence)
    if bracketed:
        delegation = g.canonical_place(bracketed) or g.normalise_space(bracketed)
    else:
        role, delegation = split_affiliation(role)
    # The words about the speaker end where the report of what they said begins.
    descriptor = re.split(r"\b(?:said|says|told)\b", ", ".join(descriptor_clauses))[0]
    return Attribution(
        delegation=delegation,
        role=role,
        on_behalf_of=g.normalise_space(on_behalf.group("group")) if on_behalf else "",
        descriptor=descriptor.strip(" ,")[:300],
    )


def _bracketed(rest: str) -> str:
    text = rest.lstrip(" \u00a0")
    if not text.startswith("("):
        return ""
    end = text.find(")")
    return text[1:end].strip() if end > 0 else ""


def _first_sentence(text: str) -> str:
    match = re.search(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|No))\.(?=\s+[“\"‘A-Z]|\s*$)", text)
    return text[: match.start()] if match else text


def _verb_like(clause: str) -> bool:
    words = clause.split()
    if not words:
        return False
    first = words[0]
    if first[:1].isupper():
        return False
    if first.endswith("ly") and len(words) > 1:
        first = words[1]
    first = first.casefold()
    if first in _NOT_VERBS:
        return False
    return first in _VERB_WORDS or first.endswith(("ing", "ed"))
