"""A summary of a meeting — a release or page without a statement-by-statement part —
into the statements of the speakers it names.

UN summaries report speakers in running text, mixed case: "Amina Mohammed, Deputy
Secretary-General…, said", "“…,” Amina Mohammed… said", "General Assembly President
Abdulla Shahid (Maldives) said", "Greece’s delegate said", "A representative of the
European Union, in its capacity as observer, said". The text is read sentence by
sentence: an attributed sentence opens a statement, the sentences after it that report
the same speaker ("she said", or no one else) continue it, and a sentence about several
speakers or the proceedings is a note and closes it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import gazetteer as g
from .affiliation import speaker_type, split_affiliation
from .header import (
    MONTHS,
    SYMBOL,
    body_from_text,
    find_end,
    find_header,
    header_items,
    parse_date,
    strip_page_clutter,
)
from .names import PARTICLES, gender_from_pronouns, pronoun_counts
from .press_release.paragraphs import GROUP, NARRATIVE, sentence_starts
from .press_release.registry import Person, SpeakerRegistry
from .press_release.speakers import REPRESENTATIVE, _attribution, match_opening
from .records import (
    SUMMARY,
    UNKNOWN,
    ImportProblem,
    ImportWarning,
    MeetingHeader,
    Note,
    PressRelease,
    Statement,
)
from .source import read_source

VERBS = (
    r"said|says|stressed|told|noted|urged|added|emphasized|emphasised|underscored|warned|"
    r"called|highlighted|pointed|described|recalled|observed|expressed|welcomed|explained|"
    r"asserted|argued|announced|reported|spoke|cautioned|remarked|agreed|acknowledged|"
    r"affirmed|declared|insisted|outlined|proposed|recommended|suggested|underlined|"
    r"lamented|commended|praised|condemned|deplored|reiterated|pledged|shared|stated|"
    r"maintained|questioned|appealed|encouraged|drew|spotlighted|echoed|detailed|recounted"
)
_VERB = re.compile(rf"\b(?:{VERBS})\b")
_WORD = r"[A-ZÀ-Ý][\w’'\-\u2010\u2011]*\.?"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|{'|'.join(sorted(PARTICLES))}|al-\w+)){{1,5}}"
# "Amina Mohammed, Deputy Secretary-General…, said" / "Abdulla Shahid (Maldives) said"
_NAMED = re.compile(rf"^(?:(?P<lead>[A-Z][^,“”]{{0,80}}),\s+)?(?P<name>{_NAME})(?=\s*[,(])")
_ROLE_TITLES = (
    r"President|Vice-President|Secretary[-\u2010\u2011]General|Chair(?:person|man|woman)?|"
    r"Minister|Director|Director-General|Rapporteur|Representative|Envoy|Commissioner|"
    r"Ambassador|Administrator|Coordinator|Executive\s+Secretary|Prime\s+Minister|King|Queen"
)
# "General Assembly President Abdulla Shahid (Maldives) said"
_ROLE_NAMED = re.compile(
    rf"^(?P<role>(?:[A-Z][\w\-\u2010\u2011]*\s+){{0,5}}(?:{_ROLE_TITLES}))\s+"
    rf"(?P<name>{_NAME})(?:\s*\((?P<place>[^)]+)\))?,?\s+(?=(?:\w+\s+){{0,2}}(?:{VERBS})\b)"
)
# "Qatar’s Minister of Labour said", "Greece’s delegate said"
_POSSESSIVE_ROLE = re.compile(rf"^(?P<role>[^,;“”]{{1,100}}?)(?:,\s+[^,;]+,)?\s+(?:{VERBS})\b")
# "… of the women’s rights organization Equality Now": the organisation's name.
_ORGANISATION_NAMED = re.compile(
    r"\b(?:organi[sz]ation|network|group|coalition|charity|NGO|movement)\s+"
    r"([A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|the))*)$"
)
_PLAIN_ROLES = {"representative", "delegate", "delegation", "observer", "speaker"}
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|In|During|At|On|For|As|By|With|While|However|Also|Some|Many|Several|"
    r"Other|Others|This|These|Those|Member|States|Women|Delegates|Speakers|Ministers|"
    r"Representatives|United\s+Nations|General\s+Assembly|Security\s+Council)\b"
)
_QUOTE_FIRST = re.compile(r"^[“\"‘][^”\"’]*[”\"’]\s*,?\s*(?P<rest>.+)$", re.S)
_SAID_NAME = re.compile(rf"^(?:{VERBS})\s+(?P<rest>{_NAME}.*)$", re.S)
_PLURAL = re.compile(
    r"\b(?:delegates|delegations|speakers|representatives|ministers|participants|"
    r"panell?ists|Member\s+States|countries|Governments)\b"
)
_SINGULAR = re.compile(r"\b(?:he|she|his|her|hers|him|himself|herself)\b", re.I)
_SESSION = re.compile(r"\b(\d+(?:st|nd|rd|th)\s+[Ss]ession)\b")
_DATE_RANGE = re.compile(
    rf"\b(\d{{1,2}})\s*[-–\u2011]\s*\d{{1,2}}\s+({'|'.join(sorted(MONTHS, key=len, reverse=True))})"
    r"\b\.?,?\s*(\d{4})?",
    re.I,
)


@dataclass(frozen=True)
class Attribution:
    """Who a sentence reports: a name, or a delegation's representative."""

    name: str = ""
    role: str = ""
    delegation: str = ""


@dataclass
class _Draft:
    attribution: Attribution
    person: Person | None
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # paragraph, start, end


def parse_summary(
    data: bytes | str, *, symbol: str = "", date: datetime.date | None = None
) -> PressRelease:
    """A summary as a meeting: statements of the speakers it names, marked as summary
    text; unattributed text as notes. The symbol and date come from the text where it
    gives them; those passed in take precedence, as the analyst's."""
    source = read_source(data)
    paragraphs = strip_page_clutter(list(source.paragraphs))
    end = find_end(paragraphs)
    paragraphs = paragraphs[:end] if end is not None else paragraphs
    head, body = _split_head(paragraphs)
    if not body:
        raise ImportProblem(
            "No summary was found in this text: paste the summary's paragraphs (prose that "
            "reports what speakers said)."
        )
    headline, body[0] = _glued_headline(body[0])
    reader = _Reader(body)
    reader.run()
    meeting = _meeting(head, headline, source, reader, symbol=symbol, date=date)
    return PressRelease(
        meeting=meeting,
        statements=tuple(reader.statements()),
        notes=tuple(reader.notes),
        warnings=tuple(_warnings(meeting, reader)),
        kind=SUMMARY,
        source=source.text,
    )


def _split_head(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The lines before the summary (header, page title, video labels) and the summary."""
    header = find_header(paragraphs, end=len(paragraphs))
    if header is not None:
        start = header.body_start
        # A header's "headline" that is prose is the summary's first paragraph.
        while start > header.header_start and _is_prose(paragraphs[start - 1]):
            start -= 1
        return paragraphs[header.header_start : start], paragraphs[start:]
    start = next((i for i, p in enumerate(paragraphs) if _is_prose(p)), len(paragraphs))
    return paragraphs[:start], paragraphs[start:]


def _is_prose(paragraph: str) -> bool:
    text = paragraph.strip()
    return len(text) >= 120 and len(sentence_starts(text)) >= 2 or len(text) >= 250


def _glued_headline(paragraph: str) -> tuple[str, str]:
    """A page copied without line breaks glues the headline to the first sentence:
    "…, as Delegates Outline National Strategies Survivor wisdom must be…". The headline
    is the run of capitalised words before the first sentence's capitalised opening."""
    tokens = list(re.finditer(r"\S+", paragraph))
    small = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on"}
    small |= {"or", "the", "to", "with", "against", "over", "vs"}
    for index, token in enumerate(tokens):
        word = token.group().strip("‘’“”\"'(),:;")
        if word and word[0].islower() and word.casefold() not in small:
            if index >= 6 and tokens[index - 1].group()[:1].isupper():
                cut = tokens[index - 1].start()
                return paragraph[:cut].strip(), paragraph[cut:]
            return "", paragraph
    return "", paragraph


class _Reader:
    """Walks the summary sentence by sentence."""

    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs
        self.notes: list[Note] = []
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.warnings: list[ImportWarning] = []
        self.registry = SpeakerRegistry(self.warnings)

    def run(self) -> None:
        for number, paragraph in enumerate(self.paragraphs):
            starts = sentence_starts(paragraph) + [len(paragraph)]
            for start, stop in zip(starts, starts[1:], strict=False):
                self._read(number, start, stop)

    def _read(self, number: int, start: int, stop: int) -> None:
        text = self.paragraphs[number][start:stop].strip()
        stop = start + len(self.paragraphs[number][start:stop].rstrip())
        if _about_several(text):
            self.current = None
            self._note(text)
            return
        found = attribution(text)
        if found:
            person = None
            if found.name:
                person = self.registry.register(
                    found.name, role=found.role, delegation=found.delegation, authoritative=True
                )
            self.current = _Draft(found, person)
            self.drafts.append(self.current)
        if self.current is None:
            self._note(text)
            return
        self.current.spans.append((number, start, stop))

    def _note(self, text: str) -> None:
        if self.notes and not self.notes[-1].segment and self._joins_last_note():
            self.notes[-1] = Note("", f"{self.notes[-1].text} {text}")
        else:
            self.notes.append(Note("", text))
        self._last_note_at = (len(self.drafts), len(self.notes))

    def _joins_last_note(self) -> bool:
        # Consecutive unattributed sentences are one note, as the summary printed them.
        return getattr(self, "_last_note_at", None) == (len(self.drafts), len(self.notes))

    def text_of(self, draft: _Draft) -> str:
        blocks: list[str] = []
        by_paragraph: dict[int, list[tuple[int, int]]] = {}
        for number, start, stop in draft.spans:
            by_paragraph.setdefault(number, []).append((start, stop))
        for number, spans in by_paragraph.items():
            # Sentences of one paragraph stay one verbatim slice of it.
            blocks.append(self.paragraphs[number][spans[0][0] : spans[-1][1]].strip())
        return "\n\n".join(blocks)

    def statements(self) -> list[Statement]:
        texts = [self.text_of(draft) for draft in self.drafts]
        genders = []
        for draft, text in zip(self.drafts, texts, strict=True):
            female, male = pronoun_counts(text)
            if draft.person:
                draft.person.count_pronouns(female, male)
            genders.append(gender_from_pronouns(female, male))
        statements = []
        for order, (draft, text, gender) in enumerate(
            zip(self.drafts, texts, genders, strict=True), start=1
        ):
            statements.append(self._statement(order, draft, text, gender))
        return statements

    def _statement(self, order: int, draft: _Draft, text: str, gender: str) -> Statement:
        found = draft.attribution
        speaker = self.registry.speaker(draft.person) if draft.person else None
        kind = (
            speaker.type if speaker else speaker_type(role=found.role, delegation=found.delegation)
        )
        return Statement(
            order=order,
            segment="",
            speaker=speaker,
            delegation=found.delegation,
            role=found.role,
            on_behalf_of="",
            speaker_type=kind,
            text=text,
            gender=speaker.gender if speaker else gender,
            from_summary=True,
        )


def _about_several(sentence: str) -> bool:
    """A sentence about several speakers or the proceedings, not about one speaker."""
    if GROUP.match(sentence) or NARRATIVE.match(sentence):
        return True
    if re.match(r"^The\s+(?:meeting|Assembly|Council|Commission|Committee|session)\b", sentence):
        return True
    return bool(_PLURAL.search(sentence)) and not _SINGULAR.search(_unquoted(sentence))


def _unquoted(text: str) -> str:
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)


def attribution(sentence: str) -> Attribution | None:
    """The one speaker a sentence reports, if it names one."""
    text = sentence.strip()
    quoted = _QUOTE_FIRST.match(text)
    if quoted:
        text = quoted.group("rest")
        said_first = _SAID_NAME.match(text)
        if said_first:
            text = said_first.group("rest") + " said"
    if not _VERB.search(_unquoted(text)):
        return None
    return _role_named(text) or _possessive(text) or _representative(text) or _named(text)


def _role_named(text: str) -> Attribution | None:
    match = _ROLE_NAMED.match(text)
    if not match or _NOT_NAMES.match(match.group("name")):
        return None
    place = g.canonical_place(match.group("place") or "")
    role = g.normalise_space(match.group("role"))
    _, delegation = split_affiliation(role)
    return Attribution(name=match.group("name"), role=role, delegation=place or delegation)


def _possessive(text: str) -> Attribution | None:
    owner = g.PLACE_POSSESSIVE.match(text)
    if not owner:
        return None
    match = _POSSESSIVE_ROLE.match(text[owner.end() :])
    if not match:
        return None
    role = g.normalise_space(match.group("role"))
    if role.casefold() in _PLAIN_ROLES:
        role = ""
    return Attribution(role=role, delegation=g.canonical_place(owner.group(1)))


def _representative(text: str) -> Attribution | None:
    opening = match_opening(text)
    if opening is None or opening.kind != REPRESENTATIVE or opening.start:
        return None
    return Attribution(delegation=opening.delegation)


def _named(text: str) -> Attribution | None:
    match = _NAMED.match(text)
    if not match or _NOT_NAMES.match(match.group("name")):
        return None
    name = match.group("name")
    if g.canonical_place(name) or g.is_un_entity(name) and len(name.split()) < 3:
        return None
    rest = text[match.end() :]
    if not _VERB.search(_unquoted(rest)):
        return None
    found = _attribution(rest)
    organisation = _ORGANISATION_NAMED.search(found.role)
    delegation = found.delegation or (organisation.group(1) if organisation else "")
    return Attribution(name=name, role=found.role, delegation=delegation)


def _meeting(
    head: list[str],
    headline: str,
    source,
    reader: _Reader,
    *,
    symbol: str,
    date: datetime.date | None,
) -> MeetingHeader:
    items = [found for line in head if (found := header_items(line))]
    found_symbol = next((m.group(1) for line in head if (m := SYMBOL.search(line))), "")
    symbol = re.sub(r"\s+", "", symbol or found_symbol).upper()
    title = headline or _page_title(head) or re.split(r"\s+[|–—]\s+", source.page_title)[0]
    body = g.body_for_symbol(symbol) or next((i.body for i in items if i.body), "")
    session = next((i.session for i in items if i.session), "")
    session = session or next((m.group(1) for line in head if (m := _SESSION.search(line))), "")
    return MeetingHeader(
        symbol=symbol,
        body=body or body_from_text(title, *head),
        session=session,
        meeting_number=next((i.meeting_number for i in items if i.meeting_number), ""),
        title=g.normalise_space(title)[:500],
        date=date or _date(head),
        source_url=source.source_url,
    )


def _page_title(head: list[str]) -> str:
    lines = [line for line in head if header_items(line) is None]
    return max(lines, key=len) if lines else ""


def _date(head: list[str]) -> datetime.date | None:
    """The first date the lines before the summary give, also as a range
    ("2021 Appraisal (22-23 November)": the first day, in the year the line names)."""
    for line in head:
        found = parse_date(line)
        if found:
            return found
        span = _DATE_RANGE.search(line)
        year = span.group(3) if span else None
        year = year or next(iter(re.findall(r"\b((?:19|20)\d{2})\b", line)), None)
        if span and year:
            month = MONTHS[span.group(2).casefold()]
            return datetime.date(int(year), month, int(span.group(1)))
    return None


def _warnings(meeting: MeetingHeader, reader: _Reader) -> list[ImportWarning]:
    warnings = [
        ImportWarning(
            "This is a summary: each statement is the summary's account of what the speaker "
            "said, not the statement as delivered. Compare it with full records accordingly."
        )
    ]
    if not reader.drafts:
        warnings.append(ImportWarning("The summary names no speaker: everything is a note."))
    warnings.extend(reader.warnings)
    for draft in reader.drafts:
        person = draft.person
        if person and gender_from_pronouns(person.female, person.male) == UNKNOWN:
            if person.honorific_gender == UNKNOWN:
                order = reader.drafts.index(draft) + 1
                warnings.append(
                    ImportWarning(
                        f"The text does not say whether {person.name} is a woman or a man.",
                        statement=order,
                        field="gender",
                    )
                )
    if not meeting.symbol:
        warnings.append(ImportWarning("Give the meeting a symbol, e.g. GA/12387.", field="symbol"))
    if meeting.date is None:
        warnings.append(
            ImportWarning("The text states no date: enter the meeting's date.", field="date")
        )
    return warnings
