"""A country profile: the meetings a delegation spoke in, its statements, per code the
share of its statements coded, its quotes and its reference level over time.

Reads only, each figure one aggregate query over the delegation's statements (its
printed names through DelegationAlias), so the page costs the same number of queries
for a delegation with three statements or seventy thousand; each meeting row carries
its reference level, so the page pairs them without a search per row (the template
did one, 5,000 × 5,000 comparisons for a delegation in every XL meeting: 286 s).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from tracker.delegations.selectors import printed_as
from tracker.models import Delegation, Meeting, Statement

from ..coding.meetings import workspace_url
from ..models import Annotation, Code
from ..reports.data import share
from .links import passages_url
from .reference_levels import MeetingLevel, level_rows

QUOTES = 20


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    statements: int
    level: MeetingLevel  # the delegation's reference level in the meeting

    @property
    def url(self) -> str:
        return workspace_url(self.meeting.pk)


@dataclass(frozen=True)
class CodeRow:
    code: Code
    statements: int
    share: float | None  # percent of the delegation's statements
    delegation_slug: str = ""

    @property
    def url(self) -> str:
        """The delegation's statements coded with it, with the passages."""
        return passages_url({}, delegation=self.delegation_slug, coded=self.code.slug)


@dataclass(frozen=True)
class QuoteRow:
    annotation: Annotation

    @property
    def url(self) -> str:
        a = self.annotation
        return workspace_url(a.statement.meeting_id, a.statement_id, a.pk)


@dataclass(frozen=True)
class Profile:
    delegation: Delegation
    printed_names: list[str]
    statements: int
    meetings: list[MeetingRow]
    codes: list[CodeRow]
    quotes: list[QuoteRow]

    @property
    def reference_levels(self) -> list[MeetingLevel]:
        return [row.level for row in self.meetings]


def delegation_statements(delegation: Delegation):
    return Statement.objects.filter(printed_as(delegation))


def _annotations(delegation: Delegation, viewer):
    """The live annotations of its statements `viewer` may see, the statement joined once
    (its delegation, chair and meeting read from the statement_delegation index), not
    matched against a second scan of its statements."""
    return (
        Annotation.objects.live()
        .visible_to(viewer)
        .filter(printed_as(delegation, "statement__delegation"))
    )


def _meetings(delegation: Delegation, *, viewer) -> list[MeetingRow]:
    """The meetings it spoke in, in date order, with its statements and level in each."""
    statements = delegation_statements(delegation)
    counts = dict(
        statements.values("meeting_id")
        .annotate(n=Count("*"))
        .values_list("meeting_id", "n")
        .order_by()
    )
    levels = {
        r["statement__meeting_id"]: r["rank"]
        for r in level_rows(statements, ("statement__meeting_id",), viewer=viewer)
    }
    meetings = Meeting.objects.filter(pk__in=statements.values("meeting_id"))
    return [
        MeetingRow(m, counts.get(m.pk, 0), MeetingLevel(m, levels.get(m.pk)))
        for m in meetings.order_by("date", "symbol")
    ]


def _codes(delegation: Delegation, total: int, viewer) -> list[CodeRow]:
    counts = dict(
        _annotations(delegation, viewer)
        .values("code_id")
        .annotate(n=Count("statement_id", distinct=True))
        .values_list("code_id", "n")
        .order_by()
    )
    codes = Code.objects.filter(pk__in=counts).select_related("scheme").in_codebook_order()
    rows = [
        CodeRow(code, counts[code.pk], share(counts[code.pk], total), delegation.slug)
        for code in codes
    ]
    return sorted(rows, key=lambda row: -row.statements)


def delegation_profile(delegation: Delegation, *, viewer) -> Profile:
    """The profile as `viewer` may see it (blind coding: not others' unfinished work)."""
    meetings = _meetings(delegation, viewer=viewer)
    total = sum(row.statements for row in meetings)  # every statement is in a meeting
    newest = ("-statement__meeting__date", "statement__order", "start", "pk")
    # Which quotes, from the narrow rows; then only those with their statement and meeting
    # (selecting every statement's text to sort 120,000 passages spilled to disk at XL).
    chosen = _annotations(delegation, viewer).filter(start__isnull=False).order_by(*newest)
    quotes = (
        Annotation.objects.filter(pk__in=chosen.values("pk")[:QUOTES])
        .select_related("code", "statement__meeting", "statement__speaker", "analyst")
        .order_by(*newest)
    )
    return Profile(
        delegation=delegation,
        printed_names=list(delegation.aliases.values_list("name", flat=True)),
        statements=total,
        meetings=meetings,
        codes=_codes(delegation, total, viewer),
        quotes=[QuoteRow(a) for a in quotes],
    )
