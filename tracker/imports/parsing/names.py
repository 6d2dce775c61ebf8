"""Speakers' names: printed in capitals, properly cased, matched to later mentions;
and what the text says about a speaker's gender."""

from __future__ import annotations

import re

from .gazetteer import UN_ACRONYMS, normalise_space
from .records import FEMALE, MALE, UNKNOWN

# Lower-case name particles ("Marc Pecsteen de Buytswerve", "Issa bin Saad al-Jafaku").
PARTICLES = {
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van", "von",
    "ter", "ten", "y", "e", "bin", "ibn", "bint", "binti", "al", "la", "le", "zu",
}  # fmt: skip
_PARTICLE_PREFIXES = ("al-", "al\u2011", "al\u2010")
FEMALE_HONORIFICS = {"ms", "mrs", "miss", "madam", "madame", "mme", "dame", "lady", "sister"}
MALE_HONORIFICS = {"mr", "sir", "lord", "monsignor", "msgr", "archbishop", "father", "m"}
HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Madam|Madame|Mme|Dame|Sir|Lord|Monsignor|Msgr|Archbishop|Dr)"


def is_caps_word(token: str) -> bool:
    """A word of a name printed in capitals: "LAJČÁK", "AL‑THANI", "O’BRIEN", "J."."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def leading_caps_name(text: str) -> tuple[str, int] | None:
    """The name in capitals that opens `text`, and where it ends.

    "MIROSLAV LAJČÁK (Slovakia), President…" → ("MIROSLAV LAJČÁK", 15). Needs two words
    (or one before a delegation in brackets) so that "UNICEF said" is not a name.
    """
    words: list[tuple[str, int]] = []
    position = 0
    for match in re.finditer(r"[^\s,;:()]+", text):
        if text[position : match.start()].strip():
            break
        token = match.group()
        if is_caps_word(token) and (len(token.rstrip(".")) > 1 or token.endswith(".")):
            words.append((token, match.end()))
        elif words and token.casefold() in PARTICLES:
            words.append((token, match.end()))
        else:
            break
        position = match.end()
    while words and words[-1][0].casefold() in PARTICLES:
        words.pop()
    if not words:
        return None
    tokens = [token for token, _ in words]
    end = words[-1][1]
    if len(tokens) == 1 and not text[end:].lstrip(" \u00a0").startswith("("):
        return None
    if all(t.rstrip(".") in UN_ACRONYMS or len(t.rstrip(".")) <= 1 for t in tokens):
        return None
    return " ".join(tokens), end


def proper_case(name: str) -> str:
    """ "MIROSLAV LAJČÁK" → "Miroslav Lajčák"; "ISSA BIN SAAD" → "Issa bin Saad"."""
    words = normalise_space(name).split(" ")
    cased = []
    for index, word in enumerate(words):
        if not is_caps_word(word):
            cased.append(word)
            continue
        lower = word.casefold()
        if index > 0 and lower in PARTICLES:
            cased.append(lower)
        elif index > 0 and lower.startswith(_PARTICLE_PREFIXES) and len(word) > 3:
            cased.append(word[:3].lower() + _cap_word(word[3:]))
        else:
            cased.append(_cap_word(word, first=index == 0))
    return " ".join(cased)


def _cap_word(word: str, *, first: bool = False) -> str:
    parts = re.split(r"([-\u2010\u2011’'])", word)
    out = []
    for index, part in enumerate(parts):
        if part in ("-", "\u2010", "\u2011", "’", "'"):
            out.append(part)
            continue
        piece = part[:1].upper() + part[1:].lower()
        if piece.startswith("Mc") and len(piece) > 2:
            piece = "Mc" + piece[2:3].upper() + piece[3:]
        # "D’ALMEIDA" after a first name keeps its particle lower: "d’Almeida"; "O’Brien" stays.
        if not first and index == 0 and len(part) == 1 and len(parts) > 1 and part in "Dd":
            piece = "d"
        out.append(piece)
    return "".join(out)


def name_key(name: str) -> tuple[str, ...]:
    """Words of a name for matching, ignoring case, hyphen kinds and accents of spaces."""
    return tuple(normalise_space(name).casefold().replace("’", "'").split(" "))


def honorific_gender(honorific: str) -> str:
    key = honorific.strip(". ").casefold()
    if key in FEMALE_HONORIFICS:
        return FEMALE
    if key in MALE_HONORIFICS:
        return MALE
    return UNKNOWN


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_FEMALE_WORDS = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_MALE_WORDS = re.compile(r"\b(?:he|him|his|himself)\b", re.I)


def pronoun_counts(text: str) -> tuple[int, int]:
    """(female, male) pronouns in reported speech, quotations left out.

    Reported speech refers to its speaker as "she said", "his country": in a release
    those pronouns are the speaker's unless quoted.
    """
    reported = _QUOTED.sub(" ", text)
    return len(_FEMALE_WORDS.findall(reported)), len(_MALE_WORDS.findall(reported))


def gender_from_pronouns(female: int, male: int) -> str:
    if female and female >= 2 * male:
        return FEMALE
    if male and male >= 2 * female:
        return MALE
    return UNKNOWN
