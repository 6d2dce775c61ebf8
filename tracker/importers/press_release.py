"""A UN Meetings Coverage press release → meeting header, attributed statements, notes.

The release is read paragraph by paragraph. A heading ("Opening Remarks", "Panel II")
starts a segment; a paragraph that opens with a speaker starts a statement, and the
paragraphs after it continue that statement until the next speaker, heading or note.
Paragraphs about the proceedings or about several speakers at once become notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazetteer as g
from .header import KNOWN_HEADINGS, find_end, find_header, is_noise
from .names import gender_from_pronouns, honorific_gender, name_key, pronoun_counts, proper_case
from .panels import introduced_people
from .records import (
    PRESIDING_OFFICER,
    SURVIVOR,
    UNKNOWN,
    ImportProblem,
    ImportWarning,
    MeetingHeader,
    Note,
    PressRelease,
    Speaker,
    Statement,
)
from .source import read_source
from .speakers import (
    MENTION,
    NAMED,
    NATIONAL_CAPACITY,
    PRESIDENT,
    REPRESENTATIVE,
    Opening,
    match_opening,
    speaker_type,
    split_affiliation,
)

_MULTI = re.compile(
    r"^(?:In\s+the\s+(?:ensuing|following|subsequent|interactive|general)\s+"
    r"(?:discussion|dialogue|debate|exchange)s?\b"
    r"|Also\s+(?:speaking|participating|taking\s+the\s+floor|making\s+(?:statements|"
    r"interventions)|delivering\s+statements|addressing\s+the)\b"
    r"|(?:Many|Some|Several|Other|Numerous|Most|Various|A\s+number\s+of|Both|All|Few)\s+"
    r"(?:of\s+the\s+)?(?:speakers|delegates|delegations|representatives|participants|"
    r"Member\s+States|countries|States|panellists|panelists|members|Council\s+members|"
    r"ministers|other\s+speakers)\b"
    r"|(?:Others|Speakers|Delegates|Delegations|Participants|Panellists|Panelists|"
    r"Council\s+members|Member\s+States|Representatives\s+of|The\s+representatives\s+of)\b)",
    re.I,
)
_NARRATIVE = re.compile(
    r"^(?:\*"
    r"|The\s+(?:General\s+|Security\s+)?(?:Assembly|Council|Commission|Committee|meeting|"
    r"Conference|session|debate)(?:’s|'s)?\s+(?:then|also|will|would|adopted|took|decided|"
    r"elected|held|heard|observed|began|opened|concluded|resumed|reconvene|met|first|"
    r"second|third|fourth|fifth|panel|interactive|next|is|was|had|approved)\b"
    r"|(?:At\s+the\s+(?:outset|start|end|close)|In\s+the\s+(?:afternoon|morning|evening))\b"
    r"|(?:Chaired|Moderated|Co-chaired)\s+by\b"
    r"|(?:Also|Then|Next|Later),?\s+the\s+(?:Assembly|Council|Commission|Committee)\b"
    r"|(?:Before|After)\s+(?:the\s+)?(?:vote|adoption|meeting|debate)\b)",
)
_INCLUDING = re.compile(r"\bincluding\s+the\s+representative\s+of\s+(?P<rest>.+)", re.S)
_SINGULAR = re.compile(
    r"\b(?:he|she)\s+(?:\w+\s+)?(?:said|added|stressed|noted|called|urged|emphasized|"
    r"underlined|warned|recalled|explained|pointed|described|expressed|highlighted)\b"
    r"|\b(?:his|her|hers)\s+(?:was|country|Government|delegation|nation)\b",
    re.I,
)
_SUMMARY_SPEAKER = re.compile(
    r"^(?P<name>[A-ZÀ-Ý][\w’'\-\u2011]+(?:\s+(?:[A-ZÀ-Ý][\w’'\-\u2011]+|de|da|van|von|bin|"
    r"al-\w+)){1,4}),\s+(?P<role>[^,.;“”]{3,200}?),\s+(?:said|told|\w+ed|\w+ing)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"‘A-Z])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|Nos|Art|para|p)|\b[A-Z])\.$")
_SMALL_WORDS = {
    "of", "and", "the", "on", "in", "for", "to", "a", "an", "with", "by", "at", "from",
    "&", "or", "de", "against", "into", "vs",
}  # fmt: skip


def parse_press_release(data: bytes | str, *, symbol: str = "") -> PressRelease:
    """Parse a Meetings Coverage release given as text or as a saved HTML page.

    Raises ImportProblem for input that cannot be a release (empty, binary, no
    header). A release cut short still parses: its header, with a warning.
    """
    source = read_source(data)
    paragraphs = list(source.paragraphs)
    end_index = find_end(paragraphs)
    end = end_index if end_index is not None else len(paragraphs)
    header = find_header(paragraphs, end=end)
    if header is None or not (header.symbol or symbol or header.meeting_number):
        raise ImportProblem(
            "This is not a UN Meetings Coverage press release: there is no header with a "
            "symbol such as GA/11955 or a meeting line such as “24th Meeting (AM & PM)”. "
            "To import one speech, choose the single-speech import instead."
        )
    parser = _Parser(paragraphs[header.body_start : end])
    parser.run()
    warnings = list(parser.warnings)
    meeting = MeetingHeader(
        symbol=normalise_symbol(symbol or header.symbol),
        body=header.body or g.body_for_symbol(symbol),
        session=header.session,
        meeting_number=header.meeting_number,
        title=header.title or source.page_title,
        subtitle=header.subtitle,
        date=header.date,
        source_url=source.source_url,
        summary=tuple(parser.summary),
    )
    if end_index is None:
        warnings.insert(
            0,
            ImportWarning(
                "The release does not end with “For information media. Not an official "
                "record.”: it may be cut short. Check the last statement against the original."
            ),
        )
    if not parser.statements:
        warnings.insert(
            0,
            ImportWarning(
                "No statements were found: the release may be cut short (only its header and "
                "summary are here). It cannot be saved without statements."
            ),
        )
    if meeting.date is None:
        warnings.append(
            ImportWarning("The release states no date: enter the meeting's date.", field="date")
        )
    if not meeting.symbol:
        warnings.insert(
            0,
            ImportWarning("The release has no symbol: enter one, e.g. GA/11955.", field="symbol"),
        )
    return PressRelease(
        meeting=meeting,
        statements=tuple(parser.statements),
        notes=tuple(parser.notes),
        warnings=tuple(warnings),
        source=source.text,
    )


def normalise_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def is_heading(paragraph: str) -> bool:
    text = g.normalise_space(paragraph)
    if KNOWN_HEADINGS.match(text) and len(text) <= 80 and not text.endswith("."):
        return True
    words = text.split()
    if not words or len(words) > 10 or len(text) > 80 or not text[0].isalpha():
        return False
    if not text[0].isupper() or text.endswith((".", ",", ";", ":", "!", "?", "”", '"')):
        return False
    if match_opening(text):
        return False
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return bool(content) and capitalised * 2 > len(content) and capitalised == len(content)


def sentence_starts(paragraph: str) -> list[int]:
    starts = [0]
    for match in _SENTENCE_END.finditer(paragraph):
        if not _ABBREVIATION.search(paragraph[: match.start() + 1].rstrip('”"’')):
            starts.append(match.end())
    return starts


@dataclass
class _Person:
    name: str
    key: tuple[str, ...]
    role: str = ""
    delegation: str = ""
    honorific_gender: str = UNKNOWN
    descriptors: list[str] = field(default_factory=list)
    female: int = 0
    male: int = 0
    last_seen: int = 0

    def merge(self, *, role: str = "", delegation: str = "") -> None:
        self.role = self.role or role
        self.delegation = self.delegation or delegation


@dataclass
class _Draft:
    segment: str
    person: _Person | None
    delegation: str
    role: str
    on_behalf_of: str
    descriptor: str
    paragraphs: list[str]


class _Parser:
    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs
        self.summary: list[str] = []
        self.notes: list[Note] = []
        self.warnings: list[ImportWarning] = []
        self.statements: list[Statement] = []
        self.drafts: list[_Draft] = []
        self.people: list[_Person] = []
        self.segment = ""
        self.current: _Draft | None = None
        self.clock = 0

    # The walk through the release.

    def run(self) -> None:
        body = self._split_summary()
        for paragraph in body:
            self._read(paragraph.strip())
        self._finish()

    def _split_summary(self) -> list[str]:
        """Summary paragraphs run to the first heading (or, without headings, to the first
        speaker printed in capitals or named as a representative)."""
        paragraphs = [p for p in self.paragraphs if not is_noise(p)]
        first = next((i for i, p in enumerate(paragraphs) if is_heading(p)), None)
        if first is None:
            # Summaries name speakers in mixed case ("Mira Sorvino, actress…", "The European
            # Union representative said"); the body prints them in capitals.
            openings = [match_opening(p) for p in paragraphs]
            first = next(
                (i for i, o in enumerate(openings) if o and o.kind == NAMED and not o.start),
                next(
                    (
                        i
                        for i, p in enumerate(paragraphs)
                        if p.startswith("The representative of ") and openings[i]
                    ),
                    len(paragraphs),
                ),
            )
        self.summary = [p.strip() for p in paragraphs[:first]]
        for paragraph in self.summary:
            if _MULTI.match(paragraph):
                self.notes.append(Note("Summary", paragraph))
            # "Jane Doe, Executive Director of UN-Women, said…": a later "Ms. DOE" is her.
            introduced = _SUMMARY_SPEAKER.match(paragraph)
            if introduced:
                role, delegation = split_affiliation(g.normalise_space(introduced["role"]))
                self._register(introduced["name"], role=role, delegation=delegation)
            for person in introduced_people(paragraph):
                self._register(person.name, role=person.role, delegation=person.delegation)
        return paragraphs[first:]

    def _read(self, paragraph: str) -> None:
        if is_heading(paragraph):
            self._close()
            self.segment = g.normalise_space(paragraph)
            return
        if _MULTI.match(paragraph):
            self._read_group(paragraph)
            return
        opening = match_opening(paragraph)
        if opening and opening.kind == NATIONAL_CAPACITY:
            self._national_capacity(paragraph)
            return
        if opening:
            self._open(opening, paragraph)
            return
        if _NARRATIVE.match(paragraph) or self.current is None:
            self._note(paragraph)
            return
        self.current.paragraphs.append(paragraph)

    def _read_group(self, paragraph: str) -> None:
        """A paragraph about several speakers: a note, unless one of them is then reported
        alone ("…. With that in mind, the representative of Mexico called for…")."""
        starts = sentence_starts(paragraph)
        for start in starts[1:]:
            opening = match_opening(paragraph[start:])
            if opening and opening.kind in (NAMED, MENTION, REPRESENTATIVE):
                self._note(paragraph[:start].rstrip())
                self._open(opening, paragraph[start:])
                return
        including = _INCLUDING.search(paragraph[: starts[1]] if len(starts) > 1 else paragraph)
        later = paragraph[starts[1] :] if len(starts) > 1 else ""
        if including and len(_INCLUDING.findall(paragraph)) == 1 and _SINGULAR.search(later):
            opening = match_opening("The representative of " + including.group("rest"))
            if opening and opening.kind == REPRESENTATIVE:
                self._open(opening, paragraph)
                return
        self._note(paragraph)

    def _note(self, paragraph: str) -> None:
        self._close()
        self.notes.append(Note(self.segment, paragraph))
        for person in introduced_people(paragraph):
            self._register(person.name, role=person.role, delegation=person.delegation)
        if not _MULTI.match(paragraph) and not _NARRATIVE.match(paragraph):
            if re.search(r"\b(?:said|stressed|emphasized|noted)\b", paragraph):
                self.warnings.append(
                    ImportWarning(
                        f"A paragraph of “{self.segment or 'the release'}” reports speech but "
                        f"names no speaker; it is kept as a meeting note: “{paragraph[:80]}…”"
                    )
                )

    def _national_capacity(self, paragraph: str) -> None:
        previous = self.current or (self.drafts[-1] if self.drafts else None)
        if previous is None:
            self._note(paragraph)
            return
        self._close()
        self._start(
            _Draft(
                segment=self.segment,
                person=previous.person,
                delegation=previous.delegation,
                role=previous.role,
                on_behalf_of="",
                descriptor="",
                paragraphs=[paragraph],
            )
        )

    def _open(self, opening: Opening, text: str) -> None:
        self._close()
        person = None
        delegation, role = opening.delegation, opening.role
        if opening.kind == NAMED:
            person = self._register(
                proper_case(opening.name), role=role, delegation=delegation, printed=False
            )
        elif opening.kind == MENTION:
            person = self._resolve(opening)
        elif opening.kind == PRESIDENT:
            person = self._presiding_officer()
        if person is not None:
            person.descriptors.append(opening.descriptor)
            if opening.honorific:
                self._set_honorific(person, opening.honorific)
            delegation = delegation or person.delegation
            role = role or person.role
        self._start(
            _Draft(
                segment=self.segment,
                person=person,
                delegation=delegation,
                role=role,
                on_behalf_of=opening.on_behalf_of,
                descriptor=opening.descriptor,
                paragraphs=[text],
            )
        )

    def _start(self, draft: _Draft) -> None:
        self.current = draft
        self.drafts.append(draft)
        if draft.person:
            self.clock += 1
            draft.person.last_seen = self.clock

    def _close(self) -> None:
        self.current = None

    # Speakers: registered when introduced, resolved when mentioned again.

    def _register(
        self, name: str, *, role: str = "", delegation: str = "", printed: bool = True
    ) -> _Person:
        key = name_key(name)
        for person in self.people:
            if person.key == key:
                if printed:
                    person.merge(role=role, delegation=delegation)
                else:
                    # The speaker's own attribution line is the authority on their role.
                    person.role = role or person.role
                    person.delegation = delegation or person.delegation
                return person
        person = _Person(name=g.normalise_space(name), key=key, role=role, delegation=delegation)
        self.people.append(person)
        return person

    def _resolve(self, opening: Opening) -> _Person:
        key = name_key(opening.name)
        matches = [p for p in self.people if p.key[-len(key) :] == key]
        if matches:
            person = max(matches, key=lambda p: p.last_seen)
            if len({p.key for p in matches}) > 1:
                names = ", ".join(sorted(p.name for p in matches))
                self.warnings.append(
                    ImportWarning(
                        f"{opening.honorific}. {opening.name} could be any of {names}; "
                        f"the most recent speaker, {person.name}, was chosen.",
                        statement=len(self.drafts) + 1,
                    )
                )
            person.merge(role=opening.role, delegation=opening.delegation)
            return person
        person = self._register(
            proper_case(opening.name), role=opening.role, delegation=opening.delegation
        )
        self.warnings.append(
            ImportWarning(
                f"{opening.honorific}. {opening.name} was not introduced earlier in the "
                f"release; imported as “{person.name}”. Add the full name if you know it.",
                statement=len(self.drafts) + 1,
                field="speaker_name",
            )
        )
        return person

    def _presiding_officer(self) -> _Person | None:
        presiding = [
            p for p in self.people if speaker_type(role=p.role, delegation="") == PRESIDING_OFFICER
        ]
        return max(presiding, key=lambda p: p.last_seen) if presiding else None

    def _set_honorific(self, person: _Person, honorific: str) -> None:
        gender = honorific_gender(honorific)
        if gender == UNKNOWN:
            return
        if person.honorific_gender not in (UNKNOWN, gender):
            self.warnings.append(
                ImportWarning(f"{person.name} is called both Mr. and Ms. in the release.")
            )
        person.honorific_gender = gender

    # From drafts to statements.

    def _finish(self) -> None:
        for draft in self.drafts:
            female, male = pronoun_counts("\n\n".join(draft.paragraphs))
            if draft.person:
                draft.person.female += female
                draft.person.male += male
        speakers = {id(person): self._speaker(person) for person in self.people}
        for order, draft in enumerate(self.drafts, start=1):
            speaker = speakers[id(draft.person)] if draft.person else None
            if speaker:
                kind = speaker.type
            else:
                kind = speaker_type(
                    role=draft.role, delegation=draft.delegation, descriptor=draft.descriptor
                )
            self.statements.append(
                Statement(
                    order=order,
                    segment=draft.segment,
                    speaker=speaker,
                    delegation=draft.delegation,
                    role=draft.role,
                    on_behalf_of=draft.on_behalf_of,
                    speaker_type=kind,
                    text="\n\n".join(draft.paragraphs),
                )
            )
        self._gender_warnings(speakers)

    def _speaker(self, person: _Person) -> Speaker:
        from_pronouns = gender_from_pronouns(person.female, person.male)
        gender = person.honorific_gender
        if gender == UNKNOWN:
            gender = from_pronouns
        elif from_pronouns not in (UNKNOWN, gender):
            self.warnings.append(
                ImportWarning(
                    f"The release calls {person.name} by a {gender} honorific but mostly uses "
                    f"{from_pronouns} pronouns; the honorific was kept."
                )
            )
        descriptor = " ".join(person.descriptors)
        kind = speaker_type(role=person.role, delegation=person.delegation, descriptor=descriptor)
        if (
            kind not in (SURVIVOR, PRESIDING_OFFICER)
            and speaker_type(role="", delegation="", descriptor=descriptor) == SURVIVOR
        ):
            kind = SURVIVOR
        return Speaker(name=person.name, gender=gender, type=kind)

    def _gender_warnings(self, speakers: dict[int, Speaker]) -> None:
        warned: set[str] = set()
        for statement in self.statements:
            speaker = statement.speaker
            if speaker and speaker.gender == UNKNOWN and speaker.name not in warned:
                warned.add(speaker.name)
                self.warnings.append(
                    ImportWarning(
                        f"The text does not say whether {speaker.name} is a woman or a man.",
                        statement=statement.order,
                        field="gender",
                    )
                )
