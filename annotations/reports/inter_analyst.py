"""Agreement between the analysts who coded a meeting, code by code.

Every statement of the meeting is a unit; an analyst's value for a code is
whether they applied it anywhere in the statement. Two queries (the
statements, and the distinct analyst–statement–code triples); the statistics
come from reports.agreement; a disagreement is a dispute as review.disputes defines it.
"""

from __future__ import annotations

from collections import defaultdict

from tracker.models import Meeting, Statement

from ..models import Annotation
from ..review.disputes import is_disputed
from ..review.side_by_side import side_by_side_url
from . import agreement as stats
from .data import Agreement, AgreementCode, AnalystSummary, CodeCoverage, Disagreement

# A code applied to fewer statements than this gives figures that mean little:
# one disagreement more or less swings them from high to none.
RARE_MINIMUM = 5


def _percent(value: float | None) -> float | None:
    return None if value is None else 100 * value


def _not_computable(analysts: list[AnalystSummary], units: int) -> str:
    if not analysts:
        return "No analyst has coded this meeting yet: agreement needs two analysts or more."
    if len(analysts) == 1:
        return (
            f"Only one analyst ({analysts[0].username}) has coded this meeting: agreement is not "
            "computable until a second analyst codes it independently."
        )
    if units == 0:
        return "The meeting has no statements."
    return ""


def inter_analyst_agreement(
    *,
    meeting: Meeting,
    codes: list[CodeCoverage],
    code_ids: dict[str, int],
    analysts: list[AnalystSummary],
    viewer=None,
) -> Agreement:
    statements = list(
        Statement.objects.filter(meeting=meeting)
        .select_related("speaker")
        .only("id", "order", "delegation", "speaker__name")
        .order_by("order")
    )
    reason = _not_computable(analysts, len(statements))
    if reason:
        return Agreement(
            computable=False,
            reason=reason,
            analysts=analysts,
            units=len(statements),
            rare_minimum=RARE_MINIMUM,
            codes=[],
        )
    applied: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    triples = (
        Annotation.objects.live()
        .for_meeting(meeting)
        .visible_to(viewer)
        .values_list("code_id", "analyst__username", "statement_id")
        .distinct()
        .order_by()
    )
    for code_id, username, statement_id in triples:
        applied[code_id][username].add(statement_id)
    names = [analyst.username for analyst in analysts]
    return Agreement(
        computable=True,
        reason="",
        analysts=analysts,
        units=len(statements),
        rare_minimum=RARE_MINIMUM,
        codes=[
            _code_agreement(
                meeting=meeting,
                code=code,
                applied=applied.get(code_ids[code.slug], {}),
                analysts=names,
                statements=statements,
            )
            for code in codes
        ],
    )


def _code_agreement(
    *,
    meeting: Meeting,
    code: CodeCoverage,
    applied: dict[str, set[int]],
    analysts: list[str],
    statements: list[Statement],
) -> AgreementCode:
    ids = [statement.pk for statement in statements]
    sets = [applied.get(name, set()) for name in analysts]
    ratings = [[pk in coded for pk in ids] for coded in sets]
    appliers = [sum(column) for column in zip(*ratings, strict=True)]
    with_code = sum(1 for count in appliers if count)
    disagreements = [
        Disagreement(
            statement_id=pk,
            statement_order=statement.order,
            speaker=statement.speaker_label,
            applied_by=[name for name, coded in zip(analysts, sets, strict=True) if pk in coded],
            not_applied_by=[
                name for name, coded in zip(analysts, sets, strict=True) if pk not in coded
            ],
            url=side_by_side_url(meeting.pk, pk, code.slug),
        )
        for pk, statement, count in zip(ids, statements, appliers, strict=True)
        if is_disputed(applied_by=count, analysts=len(analysts))
    ]
    rare = with_code < RARE_MINIMUM
    warning = ""
    if with_code == 0:
        warning = "No analyst applied this code: there is nothing to agree on."
    elif rare:
        warning = (
            f"Applied to only {with_code} statement{'s' if with_code != 1 else ''}: too rare "
            "for the figures to mean much."
        )
    return AgreementCode(
        slug=code.slug,
        name=code.name,
        group=code.group,
        units=len(statements),
        statements_with_code=with_code,
        statements_coded={name: len(applied.get(name, ())) for name in analysts},
        percent_agreement=_percent(stats.percent_agreement(ratings)),
        cohen_kappa=stats.cohen_kappa(*ratings) if len(ratings) == 2 else None,
        krippendorff_alpha=stats.krippendorff_alpha_nominal(ratings),
        rare=rare,
        warning=warning,
        disagreements=disagreements,
    )
