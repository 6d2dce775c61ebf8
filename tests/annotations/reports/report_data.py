"""A small meeting whose every report figure can be counted by hand.

Six statements, four distinct speakers:
  1 Alice Nangolo (woman, Namibia, Member State)   2 Alice again
  3 the representative of Mexico (unknown)         4 Mexico again
  5 Grizelda Grootboom (woman, survivor, no delegation)
  6 Bob Hall (man, Freedom Network, civil society)

amina codes ten passages, bruno six (see AMINA and BRUNO): they agree on
poverty (1), protection (2), women-as-vulnerable (3) and prosecution (6); they
disagree on survivor-participation (amina on 1, bruno on 4), unemployment (bruno
on 1), training (amina on 2), demand (amina on 3), survivor-policy-role (amina
on 4), survivor-testimony (amina on 5) and partnership (amina on 6).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotations.coding.services import annotation_create
from annotations.models import Annotation, CodingScheme
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

TEXTS = [
    "Poverty and unemployment drive trafficking; survivors must help shape policy.",
    "We train border officers and protect victims.",
    "Consumerist societies fuel demand; women are especially vulnerable.",
    "Survivors should sit at the table when policy is written.",
    "I was trafficked at sixteen.",
    "Prosecute traffickers and partner with civil society.",
]

# (statement order, code slug, passage or None for a statement-level code)
AMINA = [
    (1, "poverty-inequality", "Poverty"),
    (1, "survivor-participation", "survivors must help shape policy"),
    (2, "training-officials", "train border officers"),
    (2, "protection", "protect victims"),
    (3, "demand", "fuel demand"),
    (3, "women-as-vulnerable", "women are especially vulnerable"),
    (4, "survivor-policy-role", "Survivors should sit at the table when policy is written"),
    (5, "survivor-testimony", None),
    (6, "prosecution", "Prosecute traffickers"),
    (6, "partnership", "partner with civil society"),
]
BRUNO = [
    (1, "poverty-inequality", "Poverty"),
    (1, "unemployment-labour", "unemployment"),
    (2, "protection", "protect victims"),
    (3, "women-as-vulnerable", "women are especially vulnerable"),
    (4, "survivor-participation", "Survivors should sit at the table"),
    (6, "prosecution", "Prosecute traffickers"),
]


@dataclass
class SmallMeeting:
    meeting: Meeting
    statements: dict[int, Statement]  # by order
    annotations: dict[tuple[str, int, str], Annotation]  # (username, order, slug)


def make_meeting(symbol: str = "GA/SMALL") -> tuple[Meeting, dict[int, Statement]]:
    meeting = Meeting.objects.create(
        symbol=symbol,
        body="General Assembly",
        session="Seventy-second Session",
        meeting_number="24th Meeting (AM & PM)",
        title="A small meeting on trafficking",
    )
    alice = Speaker.objects.create(name="Alice Nangolo", gender=Gender.FEMALE)
    grizelda = Speaker.objects.create(name="Grizelda Grootboom", gender=Gender.FEMALE)
    bob = Speaker.objects.create(name="Bob Hall", gender=Gender.MALE)
    speakers = [
        (alice, "Namibia", SpeakerType.MEMBER_STATE),
        (alice, "Namibia", SpeakerType.MEMBER_STATE),
        (None, "Mexico", SpeakerType.MEMBER_STATE),
        (None, "Mexico", SpeakerType.MEMBER_STATE),
        (grizelda, "", SpeakerType.SURVIVOR),
        (bob, "Freedom Network", SpeakerType.CIVIL_SOCIETY),
    ]
    statements = {}
    for order, (text, (speaker, delegation, kind)) in enumerate(
        zip(TEXTS, speakers, strict=True), start=1
    ):
        statements[order] = Statement.objects.create(
            meeting=meeting,
            order=order,
            speaker=speaker,
            delegation=delegation,
            speaker_type=kind,
            text=text,
        )
    return meeting, statements


def code(statement: Statement, scheme: CodingScheme, slug: str, analyst, passage: str | None):
    chosen = scheme.codes.get(slug=slug)
    if passage is None:
        return annotation_create(statement=statement, code=chosen, analyst=analyst)
    start = statement.text.index(passage)
    return annotation_create(
        statement=statement, code=chosen, analyst=analyst, start=start, end=start + len(passage)
    )


def small_meeting(scheme: CodingScheme, amina, bruno, symbol: str = "GA/SMALL") -> SmallMeeting:
    meeting, statements = make_meeting(symbol)
    annotations = {}
    for analyst, plan in ((amina, AMINA), (bruno, BRUNO)):
        for order, slug, passage in plan:
            annotations[(analyst.username, order, slug)] = code(
                statements[order], scheme, slug, analyst, passage
            )
    return SmallMeeting(meeting=meeting, statements=statements, annotations=annotations)
