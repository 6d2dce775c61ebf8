"""Retrieved segments: every live passage coded with the codes asked for, across
meetings, each with its context, speaker, delegation, meeting and analyst (MAXQDA's
Retrieved Segments, NVivo's node view, ATLAS.ti's quotation manager).

`segment_spec(params)` reads the code (one or more slugs), the analyst and every filter
the monitoring pages share (`parameters.FILTERS`): so "code A and not code B" is
`code=A&not_coded=B` (passages of A in statements nobody coded B), and speaker type,
gender, delegation, meeting, body and dates narrow the statements as everywhere else.
Anything wrong raises one ValidationError naming each problem.

Per page: the parameters' look-ups, one COUNT and one SELECT of the page (statement,
meeting, speaker, code and analyst joined), whatever the number of segments.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet

from tracker.models import Gender, Statement

from ..coding.meetings import workspace_url
from ..models import Annotation, Code
from .downloads import CHUNK, annotation_link, speaker_label
from .parameters import FILTERS, StatementFilters, apply_filters, statement_filters

SEGMENT_PARAMETERS = ("code", "analyst", *FILTERS)
CONTEXT = 160  # characters of the statement shown either side of a passage


@dataclass(frozen=True)
class SegmentSpec:
    codes: list[Code]
    analyst: object | None  # a User, or None for every analyst
    filters: StatementFilters

    @property
    def query(self) -> dict[str, str]:
        """The parameters as given (for links and downloads)."""
        query = {"code": ",".join(sorted({c.slug for c in self.codes}))}
        if self.analyst is not None:
            query["analyst"] = self.analyst.get_username()
        return {**query, **self.filters.query}


def _slugs(params) -> list[str]:
    # The page's multiple select sends code=a&code=b; the API takes code=a,b too.
    raw = params.getlist("code") if hasattr(params, "getlist") else [params.get("code") or ""]
    return sorted({s.strip() for value in raw for s in value.split(",") if s.strip()})


def _codes(params, errors: dict) -> list[Code]:
    slugs = _slugs(params)
    if not slugs:
        errors["code"] = "Choose at least one code (its slug, e.g. code=prosecution)."
        return []
    codes = list(Code.objects.filter(slug__in=[s for s in slugs if "\x00" not in s]))
    missing = sorted(set(slugs) - {c.slug for c in codes})
    if missing:
        errors["code"] = f"No code with the slug {', '.join(missing)}."
    return codes


def _analyst(params, errors: dict):
    username = params.get("analyst") or ""
    if not username:
        return None
    named = get_user_model().objects.filter(username=username) if "\x00" not in username else []
    analyst = next(iter(named), None)
    if analyst is None:
        errors["analyst"] = f"There is no analyst {username[:40]!r}."
    return analyst


def segment_spec(params, *, viewer, allowed=SEGMENT_PARAMETERS) -> SegmentSpec:
    """Check the query string (a QueryDict or a dict); ValidationError names every problem."""
    errors: dict[str, str] = {}
    codes, analyst = _codes(params, errors), _analyst(params, errors)
    own = ("code", "analyst")
    rest = {name: params.get(name) for name in params if name not in own}
    try:
        filters = statement_filters(
            rest, viewer=viewer, allowed=[n for n in allowed if n not in own]
        )
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return SegmentSpec(codes=codes, analyst=analyst, filters=filters)


def retrieved_segments(spec: SegmentSpec) -> QuerySet[Annotation]:
    """The live annotations of the spec, in reading order across meetings."""
    statements = apply_filters(Statement.objects.all(), spec.filters)
    found = spec.filters.annotations().filter(code__in=spec.codes)
    if statements.query.has_filters():  # not `statement_id IN (every statement)`
        found = found.filter(statement__in=statements)
    if spec.analyst is not None:
        found = found.filter(analyst=spec.analyst)
    return found.select_related(
        "statement__meeting", "statement__speaker", "code", "analyst"
    ).order_by(
        F("statement__meeting__date").asc(nulls_first=True),
        "statement__meeting_id",
        "statement__order",
        F("start").asc(nulls_first=True),  # statement-level codes first, on both databases
        "pk",
    )


def _before(text: str, start: int) -> str:
    if start <= CONTEXT:
        return text[:start]
    cut = text[start - CONTEXT : start]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < CONTEXT // 2 else cut)


def _after(text: str, end: int) -> str:
    if len(text) - end <= CONTEXT:
        return text[end:]
    cut = text[end : end + CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > CONTEXT // 2 else cut) + "…"


@dataclass(frozen=True)
class RetrievedSegment:
    annotation: Annotation

    @property
    def statement(self) -> Statement:
        return self.annotation.statement

    @property
    def url(self) -> str:
        s, a = self.statement, self.annotation
        return workspace_url(s.meeting_id, s.pk, a.pk)

    @property
    def before(self) -> str:
        """The text before the passage (empty for a statement-level code)."""
        a = self.annotation
        return "" if a.start is None else _before(self.statement.text, a.start)

    @property
    def after(self) -> str:
        """The text after the passage; for a statement-level code, the statement's start."""
        a = self.annotation
        return _after(self.statement.text, 0 if a.end is None else a.end)


def segments_page(spec: SegmentSpec, *, page: int, size: int) -> tuple[int, list[RetrievedSegment]]:
    found = retrieved_segments(spec)
    offset = (page - 1) * size
    return found.count(), [RetrievedSegment(a) for a in found[offset : offset + size]]


SEGMENT_COLUMNS = [
    "annotation_id", "meeting", "meeting_symbol", "meeting_date", "statement_id",
    "statement_order", "segment", "speaker", "gender", "speaker_type", "delegation",
    "on_behalf_of", "code_slug", "code_name", "analyst", "start", "end",
    "before", "quote", "after", "memo",
]  # fmt: skip


def _gender(s: Statement) -> str:
    # As the exports count it: "The representative of X" names no speaker, so unknown.
    return s.speaker.gender if s.speaker_id else Gender.UNKNOWN


def segment_row(segment: RetrievedSegment) -> dict:
    """One segment as plain data, in SEGMENT_COLUMNS' order (the API and the CSV)."""
    a, s = segment.annotation, segment.statement
    return {
        "annotation_id": a.pk, "meeting": s.meeting_id, "meeting_symbol": s.meeting.symbol,
        "meeting_date": s.meeting.date.isoformat() if s.meeting.date else None,
        "statement_id": s.pk, "statement_order": s.order, "segment": s.segment,
        "speaker": s.speaker_label, "gender": _gender(s), "speaker_type": s.speaker_type,
        "delegation": s.delegation, "on_behalf_of": s.on_behalf_of,
        "code_slug": a.code.slug, "code_name": a.code.name, "analyst": a.analyst.username,
        "start": a.start, "end": a.end, "before": segment.before, "quote": a.quote,
        "after": segment.after, "memo": a.memo,
    }  # fmt: skip


SEGMENT_VALUES = (
    "pk", "statement__meeting_id", "statement__meeting__symbol", "statement__meeting__date",
    "statement_id", "statement__order", "statement__segment", "statement__speaker_id",
    "statement__speaker__name", "statement__speaker__gender", "statement__speaker_type",
    "statement__delegation", "statement__on_behalf_of", "code__slug", "code__name",
    "analyst__username", "start", "end", "quote", "memo", "statement__text",
)  # fmt: skip


def segment_csv_rows(spec: SegmentSpec, *, base: str):
    """Every segment as the CSV gives it: `segment_row`'s values and the passage's link
    (`base`, the site's root), from plain values streamed by a server-side cursor."""
    found = retrieved_segments(spec).values_list(*SEGMENT_VALUES)
    for (pk, meeting, symbol, date, statement, order, segment, speaker, name, gender,
         speaker_type, delegation, behalf, slug, code_name, analyst, start, end, quote, memo,
         text) in found.iterator(CHUNK):  # fmt: skip
        yield [
            pk, meeting, symbol, date.isoformat() if date else None, statement, order, segment,
            speaker_label(speaker, name, delegation), gender if speaker else Gender.UNKNOWN,
            speaker_type, delegation, behalf, slug, code_name, analyst, start, end,
            "" if start is None else _before(text, start), quote,
            _after(text, 0 if end is None else end), memo,
            annotation_link(base, meeting, statement, pk),
        ]  # fmt: skip
