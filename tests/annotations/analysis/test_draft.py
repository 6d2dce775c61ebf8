"""The draft of GA/11955 with the demo coding: every figure is the report's, every
quote is its statement's text, and bad input gets a draft that says what is missing."""

import pytest
from django.core.exceptions import ValidationError

from annotations.analysis.claims import record_kind_of
from annotations.analysis.document import Claim, Paragraph
from annotations.analysis.draft import meeting_draft
from annotations.reports import meeting_report
from tracker.models import Statement

pytestmark = pytest.mark.django_db


def test_every_claim_figure_is_the_reports(demo):
    report = meeting_report(meeting=demo)
    draft = meeting_draft(meeting=demo)
    codes = {code.slug: code for code in report.codes}
    checked = 0
    for claim in draft.claims():
        code = codes[claim.codes[0]]
        expected = {
            "statements": code.statements,
            "total_statements": report.overview.statements,
            "share_statements": code.share_of_statements,
            "speakers": code.speakers,
            "total_speakers": report.overview.speakers,
            "share_speakers": code.share_of_speakers,
            "member_states": code.by_speaker_type["member_state"],
        }
        assert claim.figures == {k: expected[k] for k in claim.figures}
        if claim.figures.get("statements"):
            assert f"{code.statements} of {report.overview.statements} statements" in claim.text
        assert f"{code.speakers} of the {report.overview.speakers} speakers" in claim.text or (
            code.speakers == 0
        )
        checked += 1
    assert checked >= 27  # every code of the codebook at least once


def test_the_prosecution_claim_reads_as_a_sentence_of_figures(demo):
    report = meeting_report(meeting=demo)
    prosecution = next(c for c in report.codes if c.slug == "prosecution")
    claim = next(c for c in meeting_draft(meeting=demo).claims() if c.codes == ["prosecution"])
    share = f"{prosecution.share_of_statements:.0f}%"
    assert claim.text.startswith(f"{prosecution.statements} of 58 statements ({share}) referred to")
    assert f"{prosecution.by_speaker_type['member_state']} of them spoke for Member States" in (
        claim.text
    )
    assert len(claim.quotes) == 5


def test_every_quote_is_the_text_of_its_statement_and_cited(demo):
    draft = meeting_draft(meeting=demo, quotes=50)
    texts = dict(Statement.objects.filter(meeting=demo).values_list("pk", "text"))
    quotes = draft.quotes()
    assert len(quotes) > 100
    for quote in quotes:
        if quote.statement_level:
            assert texts[quote.statement_id].startswith(quote.text.removesuffix("…")[:40])
        else:
            assert texts[quote.statement_id][quote.start : quote.end] == quote.text
        url = (
            f"/meetings/{demo.pk}/?annotation={quote.annotation_id}#statement-{quote.statement_id}"
        )
        assert quote.citation.url == url
        assert quote.citation.symbol == "GA/11955"
    assert [c.number for c in draft.citations] == list(range(1, len(draft.citations) + 1))


def test_it_follows_the_structure_of_the_peacewomen_analysis(demo):
    draft = meeting_draft(meeting=demo)
    titles = [(s.number, s.title) for s in draft.all_sections()]
    assert titles[:7] == [
        ("1", "Meeting overview"),
        ("2", "General analysis: the 4 P's"),
        ("2.1", "Prevention"),
        ("2.2", "Protection"),
        ("2.3", "Prosecution"),
        ("2.4", "Partnership"),
        ("2.5", "Approaches"),
    ]
    assert ("3.1", "Framing of women") in titles and ("3.3", "Survivors' voice") in titles
    assert ("4.1", "Recorded by the analysts") in titles
    assert ("5", "Method and provenance") in titles and ("6", "Speakers") in titles


def test_provenance_names_codebook_analysts_rule_and_cautions(demo):
    draft = meeting_draft(meeting=demo)
    method = next(s for s in draft.sections if s.key == "method")
    text = " ".join(b.text for b in method.blocks if isinstance(b, Paragraph))
    assert "version 1" in text and "demo-analyst-1" in text and "demo-analyst-2" in text
    assert "Counting rule: all analysts together" in text
    assert "Data as of 1 December 2026" in text
    assert "“Women as (especially) vulnerable”" in text  # alpha 0.35 in the demo coding
    vulnerable = next(c for c in draft.claims() if c.codes == ["women-as-vulnerable"])
    assert vulnerable.cautions and "Krippendorff" in vulnerable.cautions[0]
    assert draft.demo and "DEMO CODING" in draft.notices[0].text


def test_one_analyst_counts_only_that_analysts_annotations(demo):
    draft = meeting_draft(meeting=demo, analyst="demo-analyst-2")
    report = meeting_report(meeting=demo, analyst="demo-analyst-2")
    claim = next(c for c in draft.claims() if c.codes == ["partnership"])
    assert claim.figures["statements"] == next(
        c.statements for c in report.codes if c.slug == "partnership"
    )
    method = next(s for s in draft.sections if s.key == "method")
    assert any(
        "only demo-analyst-2's annotations" in b.text
        for b in method.blocks
        if isinstance(b, Paragraph)
    )


def test_an_uncoded_meeting_gets_a_draft_that_says_what_is_missing(ga_11955):
    draft = meeting_draft(meeting=ga_11955)
    assert "Nobody has coded GA/11955 yet" in draft.notices[0].text
    assert draft.claims() == []
    for section in draft.all_sections():
        assert section.blocks, f"{section.number} {section.title} is empty"
    prevention = next(s for s in draft.all_sections() if s.key == "prevention")
    assert (
        "No figures yet" in prevention.blocks[0].text
        and "“Prevention”" in prevention.blocks[0].text
    )


def test_a_meeting_without_statements_says_to_import_it(codebook):
    from tracker.models import Meeting

    empty = Meeting.objects.create(symbol="GA/99999", body="General Assembly")
    draft = meeting_draft(meeting=empty)
    assert "has no statements yet" in " ".join(n.text for n in draft.notices)


@pytest.mark.parametrize(
    "parameters, field",
    [
        ({"threshold": "lots"}, "threshold"),
        ({"quotes": "-1"}, "quotes"),
        ({"analyst": "nobody"}, "analyst"),
        ({"source": "gossip"}, "source"),
    ],
)
def test_a_bad_parameter_is_refused_by_name(demo, parameters, field):
    with pytest.raises(ValidationError) as caught:
        meeting_draft(meeting=demo, **parameters)
    assert field in caught.value.message_dict


def test_record_kind_comes_from_the_meeting_not_its_symbol(demo):
    assert record_kind_of(demo) == "UN Meetings Coverage press release"
    demo.symbol = "S/PV.8000"
    assert record_kind_of(demo) == "UN Meetings Coverage press release"
    demo.record_kind = "verbatim_record"
    assert record_kind_of(demo) == "verbatim record"
    demo.record_kind = "summary"
    assert record_kind_of(demo) == "summary of the meeting"


def test_claims_are_built_only_from_claims(demo):
    assert all(isinstance(c, Claim) for c in meeting_draft(meeting=demo).claims())


def _missed(draft):
    return next(section for section in draft.sections if section.key == "missed")


def test_the_comparison_has_each_meetings_missed_opportunities_with_its_figures(demo, meeting):
    """GA/11955 (the demo coding) against an uncoded meeting: what each meeting's analysts
    recorded, and each code under the threshold with every meeting's figures — the uncoded
    meeting's as missing, never as a gap."""
    from annotations.analysis.compare import comparison_draft
    from annotations.reports import build_report, report_options

    draft = comparison_draft(meetings=[demo.pk, meeting.pk], threshold=20)
    recorded, candidates = _missed(draft).subsections
    report = build_report(meeting=demo, options=report_options(meetings=[demo], threshold=20))
    titles = {record.title.strip() for record in report.missed_opportunities.recorded}
    texts = [block.text for block in recorded.blocks]
    assert titles and all(any(title in text for text in texts) for title in titles)
    assert "GA/TEST-1: no analyst has recorded a missed opportunity yet." in texts
    expected = {c.slug: c for c in report.missed_opportunities.candidates}
    assert expected and [claim.codes[0] for claim in candidates.blocks] == list(expected)
    for claim in candidates.blocks:
        candidate = expected[claim.codes[0]]
        assert claim.text.startswith("Under 20% of speakers in GA/11955. ")
        assert "GA/TEST-1 not coded" in claim.text
        assert claim.figures["GA/11955 speakers"] == candidate.speakers
        assert claim.figures["GA/11955 share_speakers"] == candidate.share_of_speakers


def test_a_comparison_of_uncoded_meetings_says_no_code_can_be_called_missed(ga_11955, meeting):
    from annotations.analysis.compare import comparison_draft

    draft = comparison_draft(meetings=[ga_11955.pk, meeting.pk])
    recorded, candidates = _missed(draft).subsections
    assert "GA/11955: no analyst has recorded" in recorded.blocks[0].text
    assert [block.text for block in candidates.blocks] == [
        "None of the meetings has been coded under this counting rule yet: no code can be "
        "said to be a missed opportunity."
    ]
