"""The concurrency attack's speaker check (benchmarks/attacks/concurrency.py): one
speaker row per name and delegation in the imported meeting, read from the database.

It once counted statements, not speaker rows: Statement's default ordering (meeting,
order) joined the DISTINCT, so one speaker's two statements looked like two rows of
the name, and the audit reported Karel van Oosterom (Netherlands), who speaks twice in
the Security Council sample, as a duplicate speaker."""

from benchmarks.attacks.concurrency import speaker_rows
from tracker.models import Meeting, Speaker, Statement


def _statement(meeting, order, speaker, delegation):
    return Statement.objects.create(
        meeting=meeting, order=order, speaker=speaker, delegation=delegation, text=f"Said {order}."
    )


def test_one_speaker_with_two_statements_is_one_row(db):
    meeting = Meeting.objects.create(symbol="SC/AUDIT-1")
    karel = Speaker.objects.create(name="Karel van Oosterom")
    _statement(meeting, 3, karel, "Netherlands")
    _statement(meeting, 4, karel, "Netherlands")
    _statement(meeting, 5, None, "France")

    assert speaker_rows("SC/AUDIT-1") == {("Karel van Oosterom", "Netherlands"): [karel.pk]}


def test_two_rows_of_one_name_and_delegation_are_both_reported(db):
    meeting = Meeting.objects.create(symbol="SC/AUDIT-2")
    first = Speaker.objects.create(name="Karel van Oosterom")
    second = Speaker.objects.create(name="Karel van Oosterom")
    _statement(meeting, 3, first, "Netherlands")
    _statement(meeting, 4, second, "Netherlands")

    assert speaker_rows("SC/AUDIT-2") == {
        ("Karel van Oosterom", "Netherlands"): sorted([first.pk, second.pk])
    }


def test_namesakes_of_two_delegations_are_two_keys_and_other_meetings_do_not_count(db):
    meeting, other = (
        Meeting.objects.create(symbol="SC/AUDIT-3"),
        Meeting.objects.create(symbol="SC/AUDIT-4"),
    )
    korea, dprk = Speaker.objects.create(name="Kim"), Speaker.objects.create(name="Kim")
    _statement(meeting, 1, korea, "Republic of Korea")
    _statement(meeting, 2, dprk, "Democratic People's Republic of Korea")
    _statement(other, 1, Speaker.objects.create(name="Kim"), "Republic of Korea")

    assert speaker_rows("SC/AUDIT-3") == {
        ("Kim", "Republic of Korea"): [korea.pk],
        ("Kim", "Democratic People's Republic of Korea"): [dprk.pk],
    }
