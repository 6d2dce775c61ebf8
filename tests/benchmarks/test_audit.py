"""The trust audit's counting and its table (benchmarks/audit.py), on stubs: no server,
no network. Each rule the audit applies to an answer is checked both ways, so a rule
that could never fail would show here."""

import json

import pytest

from benchmarks import audit
from benchmarks.attacks import csv_cells, injection, matrix
from benchmarks.attacks.tally import KEPT_EXAMPLES, Tally, passed, table


class Answer:
    """What the attacks read of a requests.Response."""

    def __init__(self, status_code=200, headers=None, body=""):
        self.status_code = status_code
        self.headers = headers or {}
        self.text = body


def test_a_tally_counts_every_attempt_and_each_unexpected_one():
    tally = Tally("stub", "nothing unexpected")
    assert tally.check(True, "fine") is True
    assert tally.check(False, "broke") is False
    tally.check(False, "broke again")
    assert (tally.attempts, tally.failures) == (3, 2)
    assert tally.examples == ["broke", "broke again"] == tally.every_failure
    assert tally.verdict == "FAILED"


def test_a_tally_keeps_a_few_examples_but_counts_them_all():
    tally = Tally("stub", "")
    for i in range(KEPT_EXAMPLES + 5):
        tally.check(False, f"failure {i}")
    assert len(tally.examples) == KEPT_EXAMPLES
    assert len(tally.every_failure) == tally.failures == KEPT_EXAMPLES + 5
    assert "… and 5 more" in table([tally])


def test_the_table_has_a_row_per_attack_and_the_totals():
    clean, broken = Tally("clean", "all refused"), Tally("broken", "all refused")
    for _ in range(4):
        clean.check(True, "")
    broken.check(True, "")
    broken.check(False, "POST /x as reviewer: 200")
    clean.note("4 probes")
    text = table([clean, broken])
    assert "| clean | 4 | 0 | ok | all refused |" in text
    assert "| broken | 2 | 1 | FAILED | all refused |" in text
    assert "| **all** | 6 | 1 | FAILED | |" in text
    assert "  - 4 probes" in text
    assert "  - UNEXPECTED: POST /x as reviewer: 200" in text


def test_the_audit_passes_only_when_every_attack_ran_clean():
    clean, idle = Tally("clean", ""), Tally("idle", "")
    clean.check(True, "")
    assert passed([clean])
    assert not passed([clean, idle]), "an attack that tried nothing proves nothing"
    assert idle.verdict == "NOT RUN"
    clean.check(False, "")
    assert not passed([clean])


@pytest.mark.parametrize(
    "answer, success",
    [
        (Answer(200), True),
        (Answer(201), True),
        (Answer(204), True),
        (Answer(302, {"Location": "/meetings/"}), True),
        (Answer(302, {"Location": "/accounts/login/?next=/x"}), False),
        (Answer(302, {"Location": "/admin/login/?next=/admin/"}), False),
        (Answer(400), False),
        (Answer(403), False),
        (Answer(404), False),
        (Answer(405), False),
    ],
)
def test_what_counts_as_a_success(answer, success):
    assert matrix.succeeded(answer) is success


def test_a_redirect_every_request_gets_is_no_success():
    answer = Answer(302, {"Location": "/meetings/"})
    assert not matrix.succeeded(answer, redirect_of_get="/meetings/")
    assert matrix.succeeded(answer, redirect_of_get="/elsewhere/")


def test_who_may_succeed_on_a_route_comes_from_its_probes():
    from tests.test_permission_matrix import ANALYSTS_WRITE, API_FOR_ALL, OWNER_ONLY, Probe

    probes = [
        Probe("r", "GET", lambda w: "/r", API_FOR_ALL),
        Probe("r", "PATCH", lambda w: "/r", OWNER_ONLY),
        Probe("s", "POST", lambda w: "/s", ANALYSTS_WRITE),
    ]
    allowed = matrix.allowed_by_route(probes)
    assert allowed[("r", False)] == {"analyst_a", "analyst_b", "reviewer", "administrator"}
    assert allowed[("r", True)] == {"analyst_a"}
    assert allowed[("s", True)] == {"analyst_a", "analyst_b", "administrator"}
    assert ("s", False) not in allowed


TARGET = {
    "analyst": "amina",
    "meeting": 3,
    "statement": 7,
    "code": 2,
    "code_slug": "x",
    "scheme": 1,
}


def test_rows_of_another_analyst_are_a_leak():
    body = json.dumps({"results": [{"analyst": "amina"}, {"analyst": "bruno"}]})
    answer = Answer(200, {"Content-Type": "application/json"}, body)
    assert injection.leaked(answer, "analyst", TARGET) == ["analyst=bruno"]


def test_rows_of_the_target_alone_are_no_leak():
    body = json.dumps([{"scheme": 1, "code": 9}, {"scheme": 1}])
    answer = Answer(200, {"Content-Type": "application/json"}, body)
    assert injection.leaked(answer, "scheme", TARGET) == []
    assert (
        injection.leaked(Answer(400, {"Content-Type": "application/json"}, body), "scheme", TARGET)
        == []
    )


def test_json_lines_rows_are_read_too():
    body = '{"meeting_id": 3}\n{"meeting_id": 4}\n'
    answer = Answer(200, {"Content-Type": "application/jsonl; charset=utf-8"}, body)
    assert injection.leaked(answer, "meeting", TARGET) == ["meeting_id=4"]


def test_an_unfiltered_parameter_is_not_checked_for_leaks():
    body = json.dumps([{"analyst": "bruno"}])
    answer = Answer(200, {"Content-Type": "application/json"}, body)
    assert injection.leaked(answer, "q", TARGET) == []


def test_a_query_string_keeps_raw_bytes_raw_and_encodes_the_rest():
    assert injection.query({"q": "a b&'"}, {"x": "%ED%A0%80"}) == "?q=a%20b%26%27&x=%ED%A0%80"
    assert injection.query({}) == ""


@pytest.mark.parametrize(
    "cell, runs",
    [
        ("=1+1", True),
        ("+SUM(1)", True),
        ("-2+3", True),
        ("@SUM(A1)", True),
        ("\t=1", True),
        ("\r=1", True),
        ("'=1+1", False),
        ("'- the Assembly", False),
        ("-0.20", False),
        ("-3", False),
        ("+4", False),
        ("plain", False),
        ("", False),
    ],
)
def test_which_csv_cells_a_spreadsheet_would_run(cell, runs):
    assert csv_cells.runs_as_formula(cell) is runs


def test_the_command_line_names_an_unknown_attack():
    assert audit.parse_args([]).attacks == list(audit.ATTACKS)
    assert audit.parse_args(["--only", "backups,escalation"]).attacks == ["backups", "escalation"]
    with pytest.raises(SystemExit):
        audit.parse_args(["--only", "telepathy"])


def test_the_servers_tracebacks_are_counted_by_exception():
    log = "\n".join(
        [
            "Forbidden (Permission denied): /admin/auth/user/4/change/",
            "Traceback (most recent call last):",
            '  File "x.py", line 1, in view',
            "    raise PermissionDenied",
            "django.core.exceptions.PermissionDenied",
            "Traceback (most recent call last):",
            '  File "y.py", line 2, in view',
            "ZeroDivisionError: division by zero",
            "",
            "During handling of the above exception, another exception occurred:",
            "",
            "Traceback (most recent call last):",
            '  File "z.py", line 3, in handler',
            "KeyError: 'x'",
            "[2026-12-01 22:37:00] [ERROR] Worker timeout",
        ]
    )
    assert audit.logged_exceptions(log) == {
        "django.core.exceptions.PermissionDenied": 1,
        "ZeroDivisionError": 1,
        "KeyError": 1,
        "ERROR": 1,
    }
    assert audit.logged_exceptions("all quiet") == {}
