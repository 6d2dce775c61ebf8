"""Coverage of every code: statements, speakers, delegations, the breakdowns,
the delegations that addressed it, and quotes as evidence (co-occurrence is in
cooccurrence.py).

Each figure is one aggregate query over the report's annotations, so the
number of queries stays the same however many statements or annotations the
meeting has.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Min, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.text import Truncator

from ..coding.meetings import workspace_url
from ..models import Annotation, Code, CodingScheme
from .data import CodeCoverage, CodeGroup, Overview, Quote, share
from .speakers import breakdowns, speakers

STATEMENT_EXCERPT_WORDS = 60


def scheme_codes(scheme: CodingScheme, annotations: QuerySet[Annotation]) -> list[Code]:
    """The scheme's codes in codebook order; retired ones only where they were applied."""
    return list(
        scheme.codes.filter(Q(retired=False) | Q(pk__in=annotations.values("code_id")))
        .in_codebook_order()
        .distinct()
    )


def code_coverage(
    *, codes: list[Code], scheme: CodingScheme, annotations: QuerySet[Annotation], totals: Overview
) -> list[CodeCoverage]:
    """One CodeCoverage per code; `totals` is the meeting overview (speakers, statements)."""
    rows = {
        row["code_id"]: row
        for row in annotations.values("code_id")
        .annotate(
            statements=Count("statement_id", distinct=True),
            speakers=speakers("statement__"),
            delegations=Count(
                "statement__delegation", distinct=True, filter=~Q(statement__delegation="")
            ),
        )
        .order_by()
    }
    by_type, by_gender = breakdowns(annotations, prefix="statement__", by="code_id")
    coverage = []
    for code in codes:
        row = rows.get(code.pk, {"statements": 0, "speakers": 0, "delegations": 0})
        coverage.append(
            CodeCoverage(
                slug=code.slug,
                name=code.name,
                group=code.group,
                group_name=scheme.group_name(code.group),
                colour=code.colour,
                statement_level=code.statement_level,
                statements=row["statements"],
                speakers=row["speakers"],
                delegations=row["delegations"],
                share_of_speakers=share(row["speakers"], totals.speakers),
                share_of_statements=share(row["statements"], totals.statements),
                by_speaker_type=by_type[code.pk],
                by_gender=by_gender[code.pk],
            )
        )
    return coverage


def add_delegations(coverage: list[CodeCoverage], annotations: QuerySet[Annotation]) -> None:
    """Which delegations addressed each code (one query of distinct pairs)."""
    names = defaultdict(list)
    pairs = (
        annotations.exclude(statement__delegation="")
        .values_list("code__slug", "statement__delegation")
        .distinct()
        .order_by("code__slug", "statement__delegation")
    )
    for slug, delegation in pairs:
        names[slug].append(delegation)
    for code in coverage:
        code.delegation_names = names.get(code.slug, [])


def quotes_by_code(
    *, annotations: QuerySet[Annotation], per_code: int, meeting_id: int
) -> dict[str, list[Quote]]:
    """Up to `per_code` quotes per code in reading order, one per passage.

    Several analysts coding the same passage give one quote (the first coded);
    a statement-level code quotes the opening of the statement.
    """
    if per_code == 0:
        return {}
    first_of_each_passage = annotations.values("code_id", "statement_id", "start", "end").annotate(
        first=Min("id")
    )
    # Rank ids only: the statements' texts are read for the chosen few.
    ranked = (
        Annotation.objects.filter(pk__in=first_of_each_passage.values("first"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("code_id")],
                order_by=[F("statement__order").asc(), F("start").asc(nulls_first=True), "id"],
            )
        )
        .filter(rank__lte=per_code)
        .values("pk")
    )
    chosen = (
        Annotation.objects.filter(pk__in=ranked)
        .select_related("statement__speaker", "analyst", "code")
        .order_by("code_id", "statement__order", F("start").asc(nulls_first=True), "id")
    )
    quotes: dict[str, list[Quote]] = defaultdict(list)
    for annotation in chosen:
        statement = annotation.statement
        text = annotation.quote or Truncator(statement.text).words(STATEMENT_EXCERPT_WORDS)
        quotes[annotation.code.slug].append(
            Quote(
                annotation_id=annotation.pk,
                code=annotation.code.slug,
                statement_id=statement.pk,
                statement_order=statement.order,
                speaker=statement.speaker_label,
                delegation=statement.delegation,
                speaker_type=statement.get_speaker_type_display(),
                analyst=annotation.analyst.get_username(),
                start=annotation.start,
                end=annotation.end,
                quote=text,
                statement_level=annotation.start is None,
                url=workspace_url(meeting_id, statement.pk, annotation.pk),
            )
        )
    return quotes


def grouped(coverage: list[CodeCoverage], scheme: CodingScheme) -> list[CodeGroup]:
    """The codes under the codebook's groups, in the codebook's order."""
    groups: dict[str, CodeGroup] = {}
    for group in scheme.groups or []:
        groups[group["slug"]] = CodeGroup(
            slug=group["slug"],
            name=group.get("name") or group["slug"],
            description=group.get("description", ""),
            codes=[],
        )
    for code in coverage:
        if code.group not in groups:
            groups[code.group] = CodeGroup(
                slug=code.group, name=code.group, description="", codes=[]
            )
        groups[code.group].codes.append(code)
    return [group for group in groups.values() if group.codes]
