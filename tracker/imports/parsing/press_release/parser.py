"""A UN Meetings Coverage press release → meeting header, attributed statements, notes.

The release is read paragraph by paragraph. A heading ("Opening Remarks", "Panel II")
starts a segment; a paragraph that opens with a speaker starts a statement, and the
paragraphs after it continue that statement until the next speaker, heading or note.
Paragraphs about the proceedings or about several speakers at once become notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import gazetteer as g
from ..affiliation import speaker_type, split_affiliation
from ..header import (
    body_from_text,
    find_end,
    find_header,
    headline_header,
    is_noise,
    strip_page_clutter,
)
from ..names import gender_from_pronouns, pronoun_counts, proper_case
from ..records import (
    PRELIMINARY_RELEASE,
    PRESS_RELEASE,
    UNKNOWN,
    ImportProblem,
    ImportWarning,
    MeetingHeader,
    Note,
    PressRelease,
    Speaker,
    Statement,
)
from ..source import read_source
from .panels import introduced_people
from .paragraphs import (
    GROUP,
    INCLUDING,
    NARRATIVE,
    SINGULAR,
    SUMMARY_SPEAKER,
    is_heading,
    is_lead_in,
    sentence_starts,
)
from .registry import Person, SpeakerRegistry
from .speakers import (
    MENTION,
    NAMED,
    NATIONAL_CAPACITY,
    PRESIDENT,
    REPRESENTATIVE,
    Opening,
    match_opening,
)


def parse_press_release(data: bytes | str, *, symbol: str = "") -> PressRelease:
    """Parse a Meetings Coverage release given as text or as a saved HTML page.

    Raises ImportProblem for input that cannot be a release (empty, binary, no
    header). A release cut short still parses: its header, with a warning.
    """
    source = read_source(data)
    paragraphs = strip_page_clutter(list(source.paragraphs))
    end_index = find_end(paragraphs)
    end = end_index if end_index is not None else len(paragraphs)
    preliminary = next((i for i in range(end) if PRELIMINARY_NOTE.match(paragraphs[i])), None)
    header = find_header(paragraphs, end=end)
    if header is None and (symbol or preliminary is not None):
        header = headline_header(paragraphs, end=end)
    if header is None or not (
        header.symbol or symbol or header.meeting_number or preliminary is not None
    ):
        raise ImportProblem(
            "This is not a UN Meetings Coverage press release: there is no header with a "
            "symbol such as GA/11955 or a meeting line such as “24th Meeting (AM & PM)”. "
            "To import one speech, choose the single-speech import instead."
        )
    body = paragraphs[header.body_start : end]
    notes = []
    if preliminary is not None and preliminary >= header.body_start:
        notes.append(Note("", paragraphs[preliminary]))
        body.remove(paragraphs[preliminary])
    parser = _Parser(body)
    parser.notes.extend(notes)
    parser.run()
    symbol = normalise_symbol(symbol or header.symbol)
    # A page's <title> ends with the site's name: "… | Meetings Coverage and Press Releases".
    title = header.title or re.split(r"\s+[|–—]\s+", source.page_title)[0]
    meeting = MeetingHeader(
        symbol=symbol,
        body=header.body or g.body_for_symbol(symbol) or body_from_text(title, *parser.summary),
        session=header.session,
        meeting_number=header.meeting_number,
        title=title,
        subtitle=header.subtitle,
        date=header.date,
        source_url=source.source_url,
        summary=tuple(parser.summary),
        preliminary=preliminary is not None,
    )
    warnings = _release_warnings(meeting, parser, ended=end_index is not None)
    return PressRelease(
        meeting=meeting,
        statements=tuple(parser.statements),
        notes=tuple(parser.notes),
        warnings=tuple(warnings),
        kind=PRELIMINARY_RELEASE if meeting.preliminary else PRESS_RELEASE,
        source=source.text,
    )


# "Note: A complete summary of today’s … meeting will be made available after its conclusion."
PRELIMINARY_NOTE = re.compile(
    r"^\W*Note\W+(?:A\s+)?complete\s+summary\b.{0,200}?\bwill\s+be\s+(?:made\s+)?available",
    re.I,
)
# A speech or message released alone: SG/SM/…, DSG/SM/…, and their Spokesperson's statements.
_SPEECH_SYMBOL = re.compile(r"^(?:SG|DSG|GA/SM|SC/SM)/(?:SM|2\d{3}|\d)|^(?:SG|DSG)/SM/", re.I)


def _release_warnings(meeting: MeetingHeader, parser: _Parser, *, ended: bool) -> list:
    warnings = list(parser.warnings)
    speech = bool(_SPEECH_SYMBOL.match(meeting.symbol))
    if not ended and not speech:
        warnings.insert(
            0,
            ImportWarning(
                "The release does not end with “For information media. Not an official "
                "record.”: it may be cut short. Check the last statement against the original."
            ),
        )
    if not parser.statements:
        warnings.insert(0, ImportWarning(_no_statements(meeting.symbol, speech=speech)))
    if meeting.preliminary:
        warnings.append(
            ImportWarning(
                "This is a preliminary release: the complete summary is published later. "
                "Import the complete release when it is out; it replaces this one."
            )
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
    return warnings


def _no_statements(symbol: str, *, speech: bool) -> str:
    if speech:
        return (
            f"{symbol} is a speech or statement released on its own, not the coverage of a "
            "meeting: import it as a single speech (it can then be added to its meeting)."
        )
    return (
        "No statements were found: the release may be cut short (only its header and "
        "summary are here). It cannot be saved without statements."
    )


def normalise_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


@dataclass
class _Draft:
    segment: str
    person: Person | None
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
        self.registry = SpeakerRegistry(self.warnings)
        self.segment = ""
        self.current: _Draft | None = None

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
            if GROUP.match(paragraph):
                self.notes.append(Note("Summary", paragraph))
            # "Jane Doe, Executive Director of UN-Women, said…": a later "Ms. DOE" is her.
            introduced = SUMMARY_SPEAKER.match(paragraph)
            if introduced:
                role, delegation = split_affiliation(g.normalise_space(introduced["role"]))
                self.registry.register(introduced["name"], role=role, delegation=delegation)
            for person in introduced_people(paragraph):
                self.registry.register(person.name, role=person.role, delegation=person.delegation)
        return paragraphs[first:]

    def _read(self, paragraph: str) -> None:
        if is_heading(paragraph):
            self._close()
            self.segment = g.normalise_space(paragraph)
            return
        if GROUP.match(paragraph):
            self._read_group(paragraph)
            return
        opening = match_opening(paragraph)
        if opening and opening.kind == NATIONAL_CAPACITY:
            self._national_capacity(paragraph)
            return
        if opening:
            self._open(opening, paragraph)
            return
        if NARRATIVE.match(paragraph) or self.current is None:
            self._note(paragraph)
            return
        self.current.paragraphs.append(paragraph)

    def _read_group(self, paragraph: str) -> None:
        """A paragraph about several speakers: a note, unless it only leads into one
        speaker ("In the ensuing discussion, the representative of X said…") or one of them
        is then reported alone ("…. With that in mind, the representative of Mexico…")."""
        starts = sentence_starts(paragraph)
        lead_in = match_opening(paragraph)
        if lead_in and lead_in.kind in (NAMED, MENTION, REPRESENTATIVE):
            if is_lead_in(paragraph[: lead_in.start]):
                self._open(lead_in, paragraph)
                return
        for start in starts[1:]:
            opening = match_opening(paragraph[start:])
            if opening and opening.kind in (NAMED, MENTION, REPRESENTATIVE):
                self._note(paragraph[:start].rstrip())
                self._open(opening, paragraph[start:])
                return
        including = INCLUDING.search(paragraph[: starts[1]] if len(starts) > 1 else paragraph)
        later = paragraph[starts[1] :] if len(starts) > 1 else ""
        if including and len(INCLUDING.findall(paragraph)) == 1 and SINGULAR.search(later):
            opening = match_opening("The representative of " + including.group("rest"))
            if opening and opening.kind == REPRESENTATIVE:
                self._open(opening, paragraph)
                return
        self._note(paragraph)

    def _note(self, paragraph: str) -> None:
        self._close()
        self.notes.append(Note(self.segment, paragraph))
        for person in introduced_people(paragraph):
            self.registry.register(person.name, role=person.role, delegation=person.delegation)
        if not GROUP.match(paragraph) and not NARRATIVE.match(paragraph):
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
            person = self.registry.register(
                proper_case(opening.name), role=role, delegation=delegation, authoritative=True
            )
        elif opening.kind == MENTION:
            person = self.registry.resolve(opening, order=len(self.drafts) + 1)
        elif opening.kind == PRESIDENT:
            person = self.registry.presiding_officer()
        if person is not None:
            person.descriptors.append(opening.descriptor)
            if opening.honorific:
                self.registry.set_honorific(person, opening.honorific)
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
            self.registry.seen(draft.person)

    def _close(self) -> None:
        self.current = None

    # From drafts to statements.

    def _finish(self) -> None:
        genders = []
        for draft in self.drafts:
            female, male = pronoun_counts("\n\n".join(draft.paragraphs))
            if draft.person:
                draft.person.count_pronouns(female, male)
            # "The representative of X said her country…": the statement knows, if no name.
            genders.append(gender_from_pronouns(female, male))
        speakers = {id(person): self.registry.speaker(person) for person in self.registry.people}
        for order, (draft, gender) in enumerate(zip(self.drafts, genders, strict=True), start=1):
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
                    gender=speaker.gender if speaker else gender,
                )
            )
        self._gender_warnings(speakers)

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
