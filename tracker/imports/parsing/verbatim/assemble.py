"""Classified paragraphs to attributed statements and notes.

Who holds the Chair changes during a meeting ("In the absence of the President,
Mr. X (Country), Vice-President, took the Chair."); a President speaking "in my
capacity as the representative of …" makes that country's statement; the President's
invitations under rule 39 name a briefer's role, and an announcement that a
representative "will speak on behalf of" a group gives the next statement its group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tracker.imports.parsing.names import honorific_gender
from tracker.imports.parsing.records import (
    MEMBER_STATE,
    PRESIDING_OFFICER,
    ImportWarning,
    Note,
    Speaker,
)

from .header import VerbatimHeader
from .records import VerbatimStatement
from .structure import CHAIR_TAKEN, Block, segment_name
from .turns import HONORIFIC, NAME, Attribution, Person, Turn, attribute, match_turn

NATIONAL = re.compile(
    r"in my (?:national )?capacity as (?:the )?representative of (?:the )?"
    r"(?P<country>[A-Z][\w’' -]+?)(?=[.,;]| and | to | on )"
)
RESUME = re.compile(r"\bresume (?:my )?functions as (?:the )?(?:President|Chair)")
INVITED = re.compile(
    rf"\b(?:{HONORIFIC}) (?P<name>{NAME}), (?P<role>(?:[A-Z]|the |Special|Executive|Under|"
    rf"Assistant|Director|Head|Chair|President)[^;:]{{3,160}}?)"
    rf"(?=;|, and |\.| and (?:{HONORIFIC}) |,? to participate)"
)
ON_BEHALF = re.compile(
    r"representative of (?:the )?(?P<delegation>[A-Z][\w’' -]+?),? (?:who will speak|"
    r"who is speaking|to speak|speaking) on behalf of (?:the )?(?P<group>[^.;]+?)[.;]"
)


@dataclass
class Draft:
    attribution: Attribution
    segment: str
    language: str
    on_behalf_of: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Assembler:
    header: VerbatimHeader
    statements: list[VerbatimStatement] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    segments: list[str] = field(default_factory=list)
    current: Draft | None = None
    chair: Person | None = None
    roles: dict[str, str] = field(default_factory=dict)
    behalf: dict[str, str] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    segment: str = ""

    def __post_init__(self) -> None:
        self.chair = cover_chair(self.header)

    def run(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "heading":
                self.headings.append(block.text)
                continue
            self.open_segment()
            getattr(self, f"on_{block.kind}")(block.text)
        self.close()

    def open_segment(self) -> None:
        if self.headings:
            self.segment = segment_name(self.headings)
            self.segments.append(self.segment)
            self.headings = []

    def on_turn(self, text: str) -> None:
        turn = match_turn(text)
        assert turn is not None  # classify() said it was one
        self.close()
        who = attribute(turn, chair=self.chair, body=self.header.body, roles=self.roles)
        behalf = turn.on_behalf_of or self.behalf.pop(who.delegation, "")
        self.current = Draft(who, self.segment, turn.language or "English", behalf)
        self.on_speech(turn.text)

    def on_speech(self, text: str) -> None:
        if self.current is None:
            self.notes.append(Note(self.segment, text))
            return
        self.switch_capacity(text)
        self.current.paragraphs.append(text)
        self.learn(text)

    def on_direction(self, text: str) -> None:
        self.notes.append(Note(self.segment, text))
        self.take_chair(text)

    def on_vote(self, text: str) -> None:
        self.notes.append(Note(self.segment, text))

    def switch_capacity(self, text: str) -> None:
        """The presiding officer speaking for their country, and back to the Chair."""
        draft = self.current
        kind = draft.attribution.speaker_type
        national = NATIONAL.search(text)
        if kind == PRESIDING_OFFICER and national:
            self.restart(national_statement(draft.attribution, national.group("country")))
        elif kind == MEMBER_STATE and draft.attribution.role == "" and RESUME.search(text):
            if self.presiding_speaker_matches(draft):
                self.restart(replace(self.presiding_attribution(), role=self.presiding_role()))

    def presiding_speaker_matches(self, draft: Draft) -> bool:
        speaker = draft.attribution.speaker
        return bool(self.chair and speaker and speaker.name == self.chair.name)

    def presiding_attribution(self) -> Attribution:
        chair = self.chair
        speaker = Speaker(name=chair.name, gender=chair.gender, type=PRESIDING_OFFICER)
        return Attribution(speaker, chair.country, "", PRESIDING_OFFICER, chair.gender)

    def presiding_role(self) -> str:
        return f"President of the {self.header.body}" if self.header.body else "President"

    def restart(self, attribution: Attribution) -> None:
        draft = self.current
        if draft.paragraphs:
            self.close()
        self.current = Draft(attribution, draft.segment, draft.language, "")

    def learn(self, text: str) -> None:
        """What the Chair announces: briefers' roles, who speaks for a group."""
        if "rule 39" in text or "briefer" in text:
            for match in INVITED.finditer(text):
                self.roles[match.group("name").split()[-1].lower()] = match.group("role").strip()
        for match in ON_BEHALF.finditer(text):
            self.behalf[match.group("delegation").strip()] = match.group("group").strip()

    def take_chair(self, text: str) -> None:
        taken = CHAIR_TAKEN.search(text)
        if taken:
            self.chair = Person(
                name=" ".join(taken.group("name").split()),
                gender=honorific_gender(taken.group("honorific")),
                country=taken.group("country").strip(),
            )
        elif re.search(r"\bPresident (?:returned to|resumed) the Chair", text):
            self.chair = cover_chair(self.header)

    def close(self) -> None:
        draft, self.current = self.current, None
        if draft is None or not draft.paragraphs:
            return
        who = draft.attribution
        self.statements.append(
            VerbatimStatement(
                order=len(self.statements) + 1,
                segment=draft.segment,
                speaker=who.speaker,
                delegation=who.delegation,
                role=who.role,
                on_behalf_of=draft.on_behalf_of,
                speaker_type=who.speaker_type,
                text="\n\n".join(draft.paragraphs),
                language=draft.language,
                gender=who.gender,
            )
        )


def cover_chair(header: VerbatimHeader) -> Person | None:
    president = header.president
    if president is None:
        return None
    return Person(name=president.name, gender=president.gender, country=president.country)


def national_statement(presiding: Attribution, country: str) -> Attribution:
    """The presiding officer's statement as the representative of their country."""
    speaker = presiding.speaker
    if speaker is not None:
        speaker = replace(speaker, type=MEMBER_STATE)
    return Attribution(speaker, country.strip(), "", MEMBER_STATE, presiding.gender)


def assemble(header: VerbatimHeader, blocks: list[Block]) -> Assembler:
    assembler = Assembler(header)
    assembler.run(blocks)
    return assembler


__all__ = ["Assembler", "Turn", "assemble"]
