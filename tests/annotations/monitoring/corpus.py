"""Two small made-up meetings to count by hand: a General Assembly meeting of 2017 and a
Security Council open debate of 2021, with the typography real records have."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from annotations.coding.services import annotation_create
from annotations.models import Code
from tracker.delegations.services import delegations_link_printed_names, delegations_load_shipped
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

# (delegation, speaker name or None, gender, speaker type, text)
GA_2017 = [
    ("Slovakia", "Miroslav Lajčák", Gender.MALE, SpeakerType.PRESIDING_OFFICER,
     "Trafficking in persons was a crime that shamed us all, said Lajčák."),
    ("United Kingdom", "Amber Rudd", Gender.FEMALE, SpeakerType.MEMBER_STATE,
     "A victim‑centred approach must guide the “Global Plan”, she said."),
    ("Ethiopia", None, Gender.UNKNOWN, SpeakerType.MEMBER_STATE,
     "The representative stressed the positive role of migration and of survivors."),
    ("", "Mira Sorvino", Gender.FEMALE, SpeakerType.CIVIL_SOCIETY,
     "Survivors must be involved at all levels; a victim centred response is owed to them."),
]  # fmt: skip
SC_2021 = [
    ("the United Kingdom", "Barbara Woodward", Gender.FEMALE, SpeakerType.MEMBER_STATE,
     "Women\u00a0peacebuilders were threatened; the Council must protect women and girls."),
    ("China", "Zhang Jun", Gender.MALE, SpeakerType.MEMBER_STATE,
     "Development was the master key; trafficking thrived on poverty."),
    ("Kenya", "Martin Kimani", Gender.MALE, SpeakerType.MEMBER_STATE,
     "Kenya supported women's participation, not only the protection of women."),
    ("", "Zarqa Yaftali", Gender.FEMALE, SpeakerType.CIVIL_SOCIETY,
     "As a civil society briefer she asked for the trafficking of girls to end."),
]  # fmt: skip


@dataclass
class Corpus:
    ga: Meeting
    sc: Meeting
    statements: dict[tuple[str, int], Statement]  # ("ga" | "sc", order)

    def s(self, meeting: str, order: int) -> Statement:
        return self.statements[(meeting, order)]


def _meeting(symbol, body, date, rows, key, statements):
    kind = "verbatim_record" if "/PV." in symbol else "press_release"
    meeting = Meeting.objects.create(
        symbol=symbol, body=body, date=date, title=symbol, record_kind=kind
    )
    for order, (delegation, name, gender, kind, text) in enumerate(rows, 1):
        speaker = Speaker.objects.create(name=name, gender=gender) if name else None
        statements[(key, order)] = Statement.objects.create(
            meeting=meeting,
            order=order,
            segment="Statements",
            speaker=speaker,
            delegation=delegation,
            speaker_type=kind,
            text=text,
        )
    return meeting


def build_corpus() -> Corpus:
    # The migration loads the shipped delegations; a transactional (browser) test's flush
    # empties them, so load them again (idempotent).
    delegations_load_shipped()
    statements = {}
    ga = _meeting(
        "GA/11955", "General Assembly", datetime.date(2017, 9, 27), GA_2017, "ga", statements
    )
    sc = _meeting(
        "S/PV.8886", "Security Council", datetime.date(2021, 10, 21), SC_2021, "sc", statements
    )
    delegations_link_printed_names()
    return Corpus(ga, sc, statements)


def code_corpus(corpus: Corpus, analyst_a, analyst_b) -> Corpus:
    """victim-centred on GA 2 and GA 4 (analyst A); protection on SC 1 and SC 3 (A), SC 3 (B)."""
    victim = Code.objects.get(slug="victim-centred")
    protection = Code.objects.get(slug="protection")

    def code(statement, code, analyst, phrase):
        start = statement.text.index(phrase)
        annotation_create(
            statement=statement, code=code, analyst=analyst, start=start, end=start + len(phrase)
        )

    code(corpus.s("ga", 2), victim, analyst_a, "victim‑centred approach")
    code(corpus.s("ga", 4), victim, analyst_a, "victim centred response")
    code(corpus.s("sc", 1), protection, analyst_a, "protect women and girls")
    code(corpus.s("sc", 3), protection, analyst_a, "protection of women")
    code(corpus.s("sc", 3), protection, analyst_b, "protection")
    return corpus
