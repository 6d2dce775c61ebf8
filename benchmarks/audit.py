"""`python -m benchmarks.audit` (or `make audit`): the trust audit of issue 17, re-run
as an outsider.

Starts its own throwaway PostgreSQL (scripts/with_postgres.sh), sets the workbench
up as `make run` does (the demo coding, the demo superuser `admin`) plus the personas
of the permission matrix — analysts amina and bruno, reviewer rosa, and ada, an
administrator who is staff but not a superuser — and serves it with gunicorn under
production settings (DEBUG off, the login lock-out on). Then it attacks it over HTTP,
class by class, counting every attempt and every unexpected outcome, and prints one
table (also written to benchmarks/results/audit-<time>.md). Exit status 1 if any
attempt went unexpectedly. See benchmarks/README.md, "The trust audit".
"""

from __future__ import annotations

import argparse
import datetime
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.attacks.tally import Tally, passed, table  # noqa: E402
from benchmarks.environment import ROOT, run_inside_throwaway_postgres, setup_django  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
PASSWORD = "audit-Pass-2026-correct-horse"  # noqa: S105 (personas of a throwaway database)
# The attack server: several processes and threads, so concurrent requests overlap in
# the database; throttles lifted (the login server tests them), the lock-out on.
MAIN_SERVER = {
    "workers": 4,
    "threads": 12,
    "environment": {
        "WB_LOGIN_RATE_LIMIT": "1",
        "WB_API_USER_RATE": "100000/min",
        "WB_API_ANON_RATE": "100000/min",
        "WB_API_WRONG_TOKEN_RATE": "100000/hour",
    },
}
ATTACKS = {
    "escalation": "no administrator gets further than the role; the database unchanged",
    "authorization": "no success for anyone the rules refuse; no 5xx",
    "filter injection": "no 5xx; no row of another analyst, meeting, code or scheme",
    "CSV formula cells": "no cell starting = + - @ tab CR unless a number",
    "malformed bodies": "a 4xx (fixture page: refused, nothing to confirm)",
    "concurrency": "one 201 then 200/409; one speaker row a name; no lost update",
    "login protection": "lock-out per address, 429s, proxy headers ignored",
    "backups": "restore identical to the microsecond; a mismatch restores nothing",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.audit", description=__doc__)
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated attacks to run (default: all): " + ", ".join(ATTACKS),
    )
    args = parser.parse_args(argv)
    chosen = [a.strip() for a in args.only.split(",") if a.strip()] or list(ATTACKS)
    unknown = [a for a in chosen if a not in ATTACKS]
    if unknown:
        parser.error(f"unknown attack(s): {', '.join(unknown)}")
    args.attacks = chosen
    return args


def run(tally: Tally, attack: Callable[[], None]) -> None:
    """One attack; a crash of the attack itself counts as an unexpected outcome."""
    started = time.perf_counter()
    try:
        attack()
    except Exception as error:  # noqa: BLE001 (reported in the table)
        traceback.print_exc()
        tally.check(False, f"the attack itself failed: {error!r}")
    tally.note(f"{time.perf_counter() - started:.0f} s")
    print(
        f"  {tally.attack}: {tally.attempts:,} attempts, {tally.failures:,} unexpected", flush=True
    )


def sign_in(target, persona: str, username: str) -> None:
    from benchmarks.attacks.web import Browser

    browser = Browser(target.base, name=persona)
    response = browser.login(username, target.password)
    if response.status_code != 302:
        raise RuntimeError(f"{username} could not sign in: {response.status_code}")
    target.browsers[persona] = browser


def aim(target) -> None:
    """The objects the attacks aim at."""
    from django.contrib.auth import get_user_model

    from annotations.coding.services import annotation_create
    from annotations.models import CodingScheme
    from benchmarks.attacks.world import PERSONA_USERS, matrix_world

    world = matrix_world()
    edited = annotation_create(
        statement=matrix_world().statement,
        code=world.code,
        start=0,
        end=5,
        analyst=get_user_model().objects.get(username=PERSONA_USERS["analyst_a"]),
    )
    target.ids.update(
        meeting=world.meeting.pk,
        statement=world.statement.pk,
        annotation=world.mine.pk,
        code=world.code.pk,
        scheme=CodingScheme.objects.get(is_default=True).pk,
        edited=edited.pk,
    )


def stop(signum, frame) -> None:
    # Leave through the context managers, so the servers stop too (the throwaway
    # PostgreSQL goes with scripts/with_postgres.sh once this process has ended).
    raise SystemExit(128 + signum)


# What Django logs with a traceback when it refuses a request (403), as it should.
REFUSALS = frozenset({"django.core.exceptions.PermissionDenied"})
# The lines between a chained exception's tracebacks.
CHAINING = ("During handling of the above exception", "The above exception was the direct cause")


def logged_exceptions(log: str) -> Counter:
    """The exceptions of the tracebacks in a server's log, by name (a chained one by
    each of its exceptions), with "ERROR" lines outside a traceback counted as "ERROR"."""
    found: Counter = Counter()
    in_traceback = False
    for line in log.splitlines():
        if line.startswith("Traceback"):
            in_traceback = True
        elif in_traceback and line and not line[0].isspace():
            if line.startswith(CHAINING):  # the exception before was counted already
                continue
            found[line.split(":", 1)[0]] += 1
            in_traceback = False
        elif not in_traceback and "ERROR" in line:
            found["ERROR"] += 1
    return found


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    run_inside_throwaway_postgres(argv, module="benchmarks.audit")
    signal.signal(signal.SIGTERM, stop)
    setup_django()
    from benchmarks.attacks import (
        backups,
        bodies,
        concurrency,
        csv_cells,
        escalation,
        injection,
        logins,
        matrix,
    )
    from benchmarks.attacks.web import Browser, Target
    from benchmarks.attacks.world import PERSONA_USERS, prepare
    from benchmarks.server import gunicorn

    started = time.perf_counter()
    tallies = {
        name: Tally(name, expected) for name, expected in ATTACKS.items() if name in args.attacks
    }
    print("Setting up: migrate, setup_workbench --demo-coding, the personas", flush=True)
    prepare(PASSWORD)
    with tempfile.TemporaryDirectory(prefix="wb-audit-") as tmp:
        directory = Path(tmp)
        web_attacks = {
            "escalation": escalation.attack,
            "authorization": matrix.attack,
            "filter injection": injection.attack,
            "CSV formula cells": csv_cells.attack,
            "malformed bodies": bodies.attack,
            "concurrency": concurrency.attack,
        }
        if any(name in tallies for name in web_attacks):
            with gunicorn(log_dir=directory, **MAIN_SERVER) as server:
                target = Target(base=f"http://127.0.0.1:{server.port}", password=PASSWORD)
                target.browsers["anonymous"] = Browser(target.base)
                aim(target)
                for name, attack in web_attacks.items():
                    if name in tallies:
                        # Signed in afresh: the matrix logs every persona out on its way.
                        for persona, username in PERSONA_USERS.items():
                            sign_in(target, persona, username)
                        run(tallies[name], lambda a=attack, t=tallies[name]: a(target, t))
        if "login protection" in tallies:
            with gunicorn(log_dir=directory, environment=logins.SERVER_ENVIRONMENT) as server:
                base = f"http://127.0.0.1:{server.port}"
                tally = tallies["login protection"]
                run(tally, lambda: logins.attack(base, PASSWORD, tally))
        if "backups" in tallies:
            tally = tallies["backups"]
            run(tally, lambda: backups.attack(directory, tally))
        log = (
            (directory / "gunicorn.log").read_text(errors="replace")
            if (directory / "gunicorn.log").exists()
            else ""
        )
    elapsed = time.perf_counter() - started
    text = table(list(tallies.values()))
    print()
    print(
        f"Trust audit, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{elapsed / 60:.1f} min"
    )
    print()
    print(text)
    if logged := logged_exceptions(log):
        kinds = ", ".join(f"{count}× {name}" for name, count in logged.most_common())
        print(f"\nThe server logged {logged.total()} tracebacks and errors: {kinds}")
        if set(logged) - REFUSALS:
            print("Some are not refusals: read the server's log.")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    every = [f"- {t.attack}: {line}" for t in tallies.values() for line in t.every_failure]
    (RESULTS / f"audit-{stamp}.md").write_text(
        text + "\n\nEvery unexpected outcome:\n\n" + "\n".join(every or ["(none)"]) + "\n",
        encoding="utf-8",
    )
    (RESULTS / f"audit-{stamp}-server.log").write_text(log, encoding="utf-8")
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}/audit-{stamp}.md (and -server.log)")
    return 0 if passed(list(tallies.values())) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
