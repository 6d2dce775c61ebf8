"""A realistic synthetic corpus for benchmarks and load tests.

Meetings of statements written from sentences in the register of UN meetings
coverage, coded by several analysts with the default codebook: every span is
word-aligned, its quote is exactly text[start:end] and its prefix and suffix
are the text around it. Rows go in with bulk_create in batches, so a million
annotations need neither a million queries nor a million objects in memory.
The same seed gives the same corpus.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import reset_queries, transaction

from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

from ..coding.anchoring import quote_context
from ..models import Annotation, AnnotationSource, Code, CodingScheme
from ..roles import ANALYST, ensure_roles

SENTENCES = (
    "Trafficking in persons remained one of the gravest violations of human rights of our time.",
    "Women and girls accounted for the majority of detected victims, most of them trafficked "
    "for sexual exploitation.",
    "The Global Plan of Action had placed the protection of victims at the centre of the "
    "international response.",
    "A victim-centred approach meant that survivors were never punished for acts they had been "
    "compelled to commit.",
    "Conflict, displacement and poverty left millions exposed to traffickers who exploited "
    "their despair.",
    "Her delegation called for gender-sensitive training of police, prosecutors and judges.",
    "Prevention required addressing the demand that fostered exploitation in all its forms.",
    "Survivors should take part in shaping the policies and programmes designed for them.",
    "Only a small fraction of cases led to convictions, and impunity remained the rule.",
    "Online platforms were increasingly used to recruit, advertise and control victims.",
    "The representative stressed the positive role of safe, orderly and regular migration.",
    "Data disaggregated by sex and age were essential to understand the scale of the crime.",
    "Partnerships with civil society, the private sector and survivor networks were vital.",
    "Children on the move were particularly vulnerable to trafficking and forced labour.",
    "His Government had adopted a national action plan and established a dedicated "
    "inter-ministerial committee.",
    "The Trust Fund for Victims had supported shelters, legal aid and psychosocial care.",
    "Gender inequality and discrimination were among the root causes that must be tackled.",
    "Cooperation between judicial authorities across borders needed to be strengthened.",
    "She urged States to ratify and fully implement the Palermo Protocol.",
    "Access to justice and compensation for survivors remained limited in many regions.",
    "Climate-related disasters had displaced communities and heightened the risk of "
    "exploitation — especially for women.",
    "Statistics alone could not convey the suffering endured by each victim 🙏.",
    "The Security Council had recognized the link between trafficking and conflict-related "
    "sexual violence.",
    "Labour inspections and supply-chain transparency could help prevent forced labour.",
    "Côte d'Ivoire, Türkiye and São Tomé and Príncipe described their national referral "
    "mechanisms.",
)
MEMOS = (
    "Clear example of the approach.",
    "- framed as a security issue rather than a rights issue",
    "=compare with the 2021 meeting",
    "Speaker names survivors' needs explicitly.",
    "Borderline; discuss with the team.",
)
BODIES = ("General Assembly", "Security Council", "Commission on the Status of Women")
SEGMENTS = ("Opening Remarks", "Statements", "Panel Discussion I", "Panel Discussion II")
DELEGATIONS = (
    "Luxembourg", "Ethiopia", "Philippines", "Brazil", "Nigeria", "Sweden", "Viet Nam",
    "Mexico", "Côte d'Ivoire", "Türkiye", "UN-Women", "UNODC", "European Union", "Canada",
)  # fmt: skip
ON_BEHALF_OF = ("", "", "", "", "European Union", "Group of 77 and China", "African Group")
FIRST_NAMES = (
    ("Amina", Gender.FEMALE), ("Purna", Gender.FEMALE), ("Grizelda", Gender.FEMALE),
    ("María", Gender.FEMALE), ("Yuri", Gender.MALE), ("Félix", Gender.MALE),
    ("Miroslav", Gender.MALE), ("Kwame", Gender.MALE), ("Sam", Gender.UNKNOWN),
)  # fmt: skip
LAST_NAMES = ("Sen", "Braz", "Fedotov", "Grootboom", "Okafor", "Lindqvist", "Nguyen", "Silva")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class CorpusSize:
    meetings: int
    statements_per_meeting: int
    annotations_per_statement: int
    analysts: int

    @property
    def annotations(self) -> int:
        return self.meetings * self.statements_per_meeting * self.annotations_per_statement


def statement_text(rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A statement of 3–8 sentences and the (start, end) of each, in code points."""
    sentences = rng.sample(SENTENCES, rng.randint(3, 8))
    spans, position = [], 0
    for sentence in sentences:
        spans.append((position, position + len(sentence)))
        position += len(sentence) + 1
    return " ".join(sentences), spans


def passage(rng: random.Random, text: str, sentence: tuple[int, int]) -> tuple[int, int]:
    """A word-aligned passage of 1–12 words inside one sentence."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, *sentence)]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randint(0, 11))
    return words[first][0], words[last][1]


def _analysts(count: int) -> list:
    groups = ensure_roles()
    User = get_user_model()
    analysts = []
    for number in range(1, count + 1):
        user, created = User.objects.get_or_create(username=f"analyst{number}")
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(groups[ANALYST])
        analysts.append(user)
    return analysts


def _batched(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _annotations_for(
    rng: random.Random,
    statement: Statement,
    sentence_spans: list[tuple[int, int]],
    *,
    count: int,
    analysts: list,
    span_codes: list[Code],
    whole_code: Code | None,
) -> Iterator[Annotation]:
    taken: set[tuple] = set()
    text = statement.text
    made = 0
    if whole_code is not None and count and rng.random() < 0.05:
        analyst = rng.choice(analysts)
        taken.add((analyst.pk, whole_code.pk, None, None))
        made += 1
        yield Annotation(
            statement=statement, code=whole_code, analyst=analyst, source=AnnotationSource.IMPORT
        )
    while made < count:
        analyst, code = rng.choice(analysts), rng.choice(span_codes)
        start, end = passage(rng, text, rng.choice(sentence_spans))
        key = (analyst.pk, code.pk, start, end)
        if key in taken:
            continue
        taken.add(key)
        made += 1
        prefix, suffix = quote_context(text, start, end)
        yield Annotation(
            statement=statement,
            code=code,
            analyst=analyst,
            start=start,
            end=end,
            quote=text[start:end],
            prefix=prefix,
            suffix=suffix,
            memo=rng.choice(MEMOS) if rng.random() < 0.1 else "",
            source=AnnotationSource.IMPORT,
        )


@transaction.atomic
def generate_corpus(
    *,
    size: CorpusSize,
    seed: int,
    scheme: CodingScheme,
    batch_size: int = 5000,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Fill the database with a synthetic corpus; all or nothing."""
    rng = random.Random(seed)
    analysts = _analysts(size.analysts)
    codes = list(scheme.codes.active().order_by("order", "pk"))
    span_codes = [code for code in codes if not code.statement_level]
    whole_code = next((code for code in codes if code.statement_level), None)
    if not span_codes:
        raise ValueError(f'Scheme "{scheme}" has no passage codes to annotate with.')
    speakers = Speaker.objects.bulk_create(
        [
            Speaker(name=f"{first} {rng.choice(LAST_NAMES)}", gender=gender)
            for first, gender in (rng.choice(FIRST_NAMES) for _ in range(300))
        ]
    )
    meetings_per_round = max(1, batch_size // max(1, size.statements_per_meeting))
    counts = {"meetings": 0, "statements": 0, "annotations": 0}
    for first in range(0, size.meetings, meetings_per_round):
        numbers = range(first, min(size.meetings, first + meetings_per_round))
        meetings = Meeting.objects.bulk_create(
            [
                Meeting(
                    symbol=f"SYN/{seed}/{number + 1:06d}",
                    body=rng.choice(BODIES),
                    title=f"Synthetic meeting {number + 1} on trafficking in persons",
                    date=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650)),
                )
                for number in numbers
            ]
        )
        statements, sentence_spans = [], []
        for meeting in meetings:
            for order in range(1, size.statements_per_meeting + 1):
                text, spans = statement_text(rng)
                named = rng.random() < 0.8
                statements.append(
                    Statement(
                        meeting=meeting,
                        order=order,
                        segment=SEGMENTS[min(3, (order - 1) * 4 // size.statements_per_meeting)],
                        speaker=rng.choice(speakers) if named else None,
                        delegation=rng.choice(DELEGATIONS),
                        on_behalf_of=rng.choice(ON_BEHALF_OF),
                        speaker_type=rng.choice(SpeakerType.values),
                        text=text,
                    )
                )
                sentence_spans.append(spans)
        Statement.objects.bulk_create(statements, batch_size=batch_size)
        annotations = (
            annotation
            for statement, spans in zip(statements, sentence_spans, strict=True)
            for annotation in _annotations_for(
                rng,
                statement,
                spans,
                count=size.annotations_per_statement,
                analysts=analysts,
                span_codes=span_codes,
                whole_code=whole_code,
            )
        )
        for batch in _batched(annotations, batch_size):
            Annotation.objects.bulk_create(batch)
            counts["annotations"] += len(batch)
            # With DEBUG on, Django keeps every query's SQL: drop it, or memory grows.
            reset_queries()
        counts["meetings"] += len(meetings)
        counts["statements"] += len(statements)
        progress(
            f"{counts['meetings']} meetings, {counts['statements']} statements, "
            f"{counts['annotations']} annotations"
        )
    return counts
