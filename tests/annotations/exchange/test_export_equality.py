"""The fast export paths give byte for byte the output of the reference writer.

The reference below is the export as it was written before the database built
the lines (issue 18): rows as Python values from `export_rows`, each CSV cell
formatted and formula-guarded in Python, each JSON line `json` of a dict. It is
kept here, frozen, so any change of the served bytes shows up as a failure —
on SQLite (lines built in SQL, fetched in batches) and on PostgreSQL (COPY).
"""

import csv
import datetime
import io
import json

import pytest
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.exchange.rows import HEADINGS, export_rows
from annotations.models import Annotation
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = {"annotation_id", "statement_id", "statement_order", "start", "end"}

MEMOS = [
    '=HYPERLINK("http://evil")',
    "+44 20 7946 0000",
    "- the Assembly decided",
    "@everyone",
    "\tTabbed",
    "\rCarriage return first",
    'He said "no", then\nleft\r\nand came back',
    "Survivors 🙏🏽, commas, ; semicolons and a backslash \\ too",
    "a control \x01 character and a line separator \u2028 here",
    "\\.",
    # Printf's own signs in the text (SQLite's CSV lines are one printf a row).
    '100% of "%s", %w and %%',
    "",
]


def reference_csv(annotations, *, bom: bool = False) -> bytes:
    """Today's CSV: every text cell quoted, formula starts guarded, CRLF line ends."""
    heading = io.StringIO()
    csv.writer(heading, lineterminator="\r\n").writerow(HEADINGS)
    out = [("\ufeff" if bom else "") + heading.getvalue()]
    for row in export_rows(annotations):
        cells = []
        for name, value in zip(HEADINGS, row, strict=True):
            if name == "created":
                cells.append(value.astimezone(datetime.UTC).isoformat(timespec="microseconds"))
            elif name in NUMBERS or name == "meeting_date":
                cells.append("" if value is None else str(value))
            else:
                text = value or ""
                text = "'" + text if text.startswith(FORMULA_STARTS) else text
                cells.append('"' + text.replace('"', '""') + '"')
        out.append(",".join(cells) + "\r\n")
    return "".join(out).encode("utf-8")


def _json_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def reference_jsonl(annotations) -> bytes:
    """Today's JSON Lines: json.dumps of {heading: value}, text never altered."""
    dumps = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode
    lines = [
        dumps(dict(zip(HEADINGS, row, strict=True))) + "\n" for row in export_rows(annotations)
    ]
    return "".join(lines).encode("utf-8")


@pytest.fixture
def api(analyst_b) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_b)
    return client


@pytest.fixture
def corpus(codebook, meeting, analyst_a, analyst_b):
    """Tricky memos on passages and whole statements, a dated second meeting, a deletion."""
    dated = Meeting.objects.create(
        symbol="SC/=15000", body="Security Council", date=datetime.date(2021, 10, 21)
    )
    speaker = Speaker.objects.create(name='-Ana "Bee"\nCee', gender=Gender.FEMALE)
    extra = Statement.objects.create(
        meeting=dated,
        order=1,
        segment="@Opening",
        speaker=speaker,
        delegation="+Chile",
        on_behalf_of="=Group of 77",
        speaker_type=SpeakerType.MEMBER_STATE,
        text="Women 🙂 peacebuilders were heard.\nTwice.",
    )
    statements = [*meeting.statements.order_by("order"), extra]
    passage_codes = list(codebook.codes.filter(statement_level=False).order_by("pk")[:5])
    whole_codes = list(codebook.codes.filter(statement_level=True).order_by("pk")[:2])
    made = []
    for index, memo in enumerate(MEMOS):
        statement = statements[index % len(statements)]
        analyst = (analyst_a, analyst_b)[index % 2]
        if index % 3 == 2:
            code = whole_codes[index % len(whole_codes)]
            annotation = services.annotation_create(
                statement=statement, code=code, analyst=analyst, memo=memo
            )
        else:
            code = passage_codes[index % len(passage_codes)]
            start = index % 5
            annotation = services.annotation_create(
                statement=statement,
                code=code,
                analyst=analyst,
                start=start,
                end=start + 9,
                memo=memo,
            )
        made.append(annotation)
    services.annotation_delete(annotation=made[0], actor=analyst_a)
    return made


def body(response) -> bytes:
    assert response.status_code == 200, getattr(response, "content", b"")
    return b"".join(response.streaming_content)


def live():
    return Annotation.objects.live()


FILTERS = {
    "everything": ("", lambda qs, corpus: qs),
    "one analyst": ("analyst=amina", lambda qs, corpus: qs.filter(analyst__username="amina")),
    "one meeting": (
        "meeting={meeting}",
        lambda qs, corpus: qs.filter(statement__meeting__symbol="SC/=15000"),
    ),
    "a code group": (
        "code_group={group}",
        lambda qs, corpus: qs.filter(code__group=corpus[1].code.group),
    ),
    "nothing matches": ("code_slug=no-such-code", lambda qs, corpus: qs.none()),
}


def query(name: str, corpus) -> str:
    template, _ = FILTERS[name]
    meeting = Meeting.objects.get(symbol="SC/=15000")
    return template.format(meeting=meeting.pk, group=corpus[1].code.group)


@pytest.mark.parametrize("name", FILTERS)
def test_the_csv_is_byte_for_byte_the_reference(api, corpus, name):
    expected = reference_csv(FILTERS[name][1](live(), corpus))
    assert body(api.get(f"/api/export/annotations.csv?{query(name, corpus)}")) == expected


@pytest.mark.parametrize("name", FILTERS)
def test_the_json_lines_are_byte_for_byte_the_reference(api, corpus, name):
    expected = reference_jsonl(FILTERS[name][1](live(), corpus))
    assert body(api.get(f"/api/export/annotations.jsonl?{query(name, corpus)}")) == expected


def test_the_csv_with_a_byte_order_mark_is_the_reference(api, corpus):
    expected = reference_csv(live(), bom=True)
    assert expected.startswith("\ufeff".encode())
    assert body(api.get("/api/export/annotations.csv?bom=1")) == expected


def test_the_reference_holds_what_the_comparison_is_about(corpus):
    """Guards the fixture: the equality tests above really cover the tricky cells."""
    csv_text = reference_csv(live()).decode()
    jsonl_text = reference_jsonl(live()).decode()
    assert "'+44 20" in csv_text and "'\tTabbed" in csv_text and '"\'=Group of 77"' in csv_text
    assert "🙏🏽" in jsonl_text and "\\u0001" in jsonl_text and "\\r\\n" in jsonl_text
    assert "\u2028" in jsonl_text
    assert '"speaker": null, "gender": "unknown"' in jsonl_text  # a statement without one
    assert ',"","unknown",' in csv_text
    assert '"meeting_date": null' in jsonl_text and '"meeting_date": "2021-10-21"' in jsonl_text
    assert ',"",' in csv_text  # an empty memo; empty numbers for statement-level rows: ",,"
    assert ",,," in csv_text or ',,"' in csv_text
    assert jsonl_text.count("\n") == len(MEMOS) - 1  # the deleted one is gone


CREATED = [
    datetime.datetime(2017, 9, 27, 15, 4, 5, tzinfo=datetime.UTC),  # no microseconds
    datetime.datetime(2017, 9, 27, 15, 4, 5, 120000, tzinfo=datetime.UTC),  # trailing zeros
    datetime.datetime(2017, 9, 27, 15, 4, 5, 1, tzinfo=datetime.UTC),  # leading zeros
    datetime.datetime(2021, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.UTC),
    # Not in UTC: the export writes it in UTC (2021-10-21T18:30:00.500000+00:00).
    datetime.datetime(
        2021, 10, 22, 0, 0, 0, 500000, tzinfo=datetime.timezone(datetime.timedelta(hours=5.5))
    ),
    datetime.datetime(2000, 1, 1, 0, 0, 0, 10, tzinfo=datetime.UTC),
]


@pytest.fixture
def stamped(corpus):
    """The corpus with `created` times whose microseconds need padding, one per annotation."""
    for annotation, created in zip(live().order_by("id"), CREATED * 2, strict=False):
        Annotation.objects.filter(pk=annotation.pk).update(created=created)
    return corpus


def test_timestamps_keep_six_digits_of_microseconds_in_utc(api, stamped):
    csv_text = body(api.get("/api/export/annotations.csv")).decode()
    jsonl_text = body(api.get("/api/export/annotations.jsonl")).decode()
    for stamp in (
        "2017-09-27T15:04:05.000000+00:00",
        "2017-09-27T15:04:05.120000+00:00",
        "2017-09-27T15:04:05.000001+00:00",
        "2021-12-31T23:59:59.999999+00:00",
        "2021-10-21T18:30:00.500000+00:00",
        "2000-01-01T00:00:00.000010+00:00",
    ):
        assert f",{stamp}\r\n" in csv_text
        assert f'"created": "{stamp}"}}\n' in jsonl_text
    assert csv_text.encode() == reference_csv(live())
    assert jsonl_text.encode() == reference_jsonl(live())


def test_the_session_date_style_and_time_zone_do_not_change_the_export(api, stamped):
    """A connection left in another DateStyle and TimeZone exports the same bytes."""
    from django.db import connection

    expected_csv, expected_jsonl = reference_csv(live()), reference_jsonl(live())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Undone when the test's transaction is rolled back.
            cursor.execute("SET LOCAL DateStyle = 'SQL, DMY'")
            cursor.execute("SET LOCAL TimeZone = 'America/New_York'")
    assert body(api.get("/api/export/annotations.csv")) == expected_csv
    assert body(api.get("/api/export/annotations.jsonl")) == expected_jsonl
