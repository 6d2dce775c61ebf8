"""The report of one meeting, assembled from its parts."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ..codebook.selectors import scheme_for_meeting
from ..coding.blind.selectors import hides_others_in
from ..coding.meetings import meeting_info
from ..models import AdjudicationDecision
from .claims import claim_checks
from .cooccurrence import co_occurrence
from .coverage import add_delegations, code_coverage, grouped, quotes_by_code, scheme_codes
from .data import MeetingReport, Overview, is_demo_analyst
from .inter_analyst import inter_analyst_agreement
from .memos import report_memos
from .missed import missed_opportunities, recorded_missed_opportunities
from .options import ADJUDICATED, ANALYST, ReportOptions, report_options
from .ordinal import ordinal_agreement
from .overview import analyst_summaries, meeting_overview
from .sections import sections
from .suggestions import suggestion_usefulness


def meeting_report(
    *,
    meeting: Meeting,
    analyst: AbstractBaseUser | str | None = None,
    source: str | None = None,
    threshold: float | str | None = None,
    quotes: int | str | None = None,
    viewer: AbstractBaseUser | None = None,
) -> MeetingReport:
    """The full report of a meeting.

    analyst: a user or username (one analyst's annotations); source: "all" (the
    default), "analyst" or "adjudicated"; threshold: the percentage of speakers
    under which a code is a missed-opportunity candidate (default 10); quotes:
    quotes per code (default 5); viewer: whose eyes it is for (blind coding: only her own
    coding of a blind meeting she has not finished). Raises ValidationError naming a bad
    parameter.
    """
    options = report_options(
        meetings=[meeting],
        analyst=analyst,
        source=source,
        threshold=threshold,
        quotes=quotes,
        viewer=viewer,
    )
    return build_report(meeting=meeting, options=options)


def build_report(*, meeting: Meeting, options: ReportOptions) -> MeetingReport:
    scheme = scheme_for_meeting(meeting)
    annotations = options.annotations(meeting)
    viewer = options.viewer
    analysts = analyst_summaries(meeting, viewer=viewer)
    overview = meeting_overview(meeting=meeting, annotations=annotations, analysts=analysts)
    codes = scheme_codes(scheme, annotations)
    code_ids = {code.slug: code.pk for code in codes}
    coverage = code_coverage(codes=codes, scheme=scheme, annotations=annotations, totals=overview)
    add_delegations(coverage, annotations)
    quotes = quotes_by_code(annotations=annotations, per_code=options.quotes, meeting_id=meeting.pk)
    for code in coverage:
        code.quotes = quotes.get(code.slug, [])
    missed_analyst = options.analyst if options.source == ANALYST else None
    recorded = recorded_missed_opportunities(meeting=meeting, analyst=missed_analyst, viewer=viewer)
    agreement = inter_analyst_agreement(
        meeting=meeting, codes=coverage, code_ids=code_ids, analysts=analysts, viewer=viewer
    )
    agreement.ordinal = ordinal_agreement(meeting=meeting, scheme=scheme, viewer=viewer)
    return MeetingReport(
        meeting=meeting_info(meeting),
        source=options.source,
        source_label=options.label,
        analyst=options.analyst_username,
        threshold=options.threshold,
        quotes_per_code=options.quotes,
        query=options.query(),
        analysts_available=[analyst.username for analyst in analysts],
        warnings=_warnings(meeting=meeting, options=options, overview=overview),
        overview=overview,
        groups=grouped(coverage, scheme),
        codes=coverage,
        sections=sections(coverage),
        claims=claim_checks(
            coverage=coverage,
            annotations=annotations,
            total_speakers=overview.speakers,
            quotes=quotes,
        ),
        missed_opportunities=missed_opportunities(
            coverage=coverage, threshold=options.threshold, recorded=recorded
        ),
        co_occurrence=co_occurrence(codes=coverage, code_ids=code_ids, annotations=annotations),
        agreement=agreement,
        suggestions=suggestion_usefulness(
            meeting=meeting, coverage=coverage, analyst=missed_analyst, viewer=viewer
        ),
        memos=report_memos(meeting=meeting, scheme=scheme, analyst=missed_analyst, viewer=viewer),
    )


def _warnings(*, meeting: Meeting, options: ReportOptions, overview: Overview) -> list[str]:
    warnings = []
    if options.viewer is not None and hides_others_in(meeting=meeting, user=options.viewer):
        warnings.append(
            f"Blind coding: {meeting.symbol} is coded blind, so this report counts only your "
            "own coding until you have marked all its statements done."
        )
    if overview.statements == 0:
        warnings.append(f"{meeting.symbol} has no statements yet: import its record first.")
    elif not overview.analysts:
        warnings.append(
            f"Nobody has coded {meeting.symbol} yet: every figure below is zero until analysts "
            "annotate its statements."
        )
    elif options.source == ANALYST and overview.annotations == 0:
        warnings.append(f"{options.analyst_username} has not coded {meeting.symbol} yet.")
    demo = sorted(a.username for a in overview.analysts if is_demo_analyst(a.username))
    if demo:
        warnings.append(
            f"Demo data: these figures count the demo coding by {', '.join(demo)}, made to "
            "show the workbench, not an analysis of record."
        )
    if options.source == ADJUDICATED and overview.analysts:
        reviewed = AdjudicationDecision.objects.filter(
            annotation__statement__meeting=meeting
        ).exists()
        if not reviewed:
            warnings.append(
                "No annotation of this meeting has been reviewed yet: the adjudicated set is "
                "every analyst's live annotations."
            )
    return warnings
