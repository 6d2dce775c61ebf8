"""Concurrency: 84 imports of one new symbol at the same moment (one 201, the others
200 or 409, never a 500; one meeting; one speaker row per name and delegation), and
analysts' clients editing one annotation at once, each from the version it read
(every acknowledged edit must be in the final memo: a missing one is a lost update)."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict

from .tally import Tally
from .web import Browser, Target

IMPORTS = 84
SYMBOL = "SC/99184"
EDITORS = 8
EDITS_EACH = 40


def together(count: int, work) -> list:
    barrier = threading.Barrier(count)
    answers: list = [None] * count

    def run(i: int) -> None:
        barrier.wait(timeout=120)
        try:
            answers[i] = work(i)
        except Exception as error:  # noqa: BLE001 (counted as an unexpected outcome)
            answers[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return answers


def speaker_rows(symbol: str) -> dict[tuple[str, str], list[int]]:
    """The speaker rows (ids) the meeting's statements point at, per name and delegation.

    Without order_by() the DISTINCT would also take in Statement's default ordering
    (meeting, order), one row per statement: one speaker's two statements would then
    look like two rows of that name (the false alarm the audit once raised on
    Karel van Oosterom's statements 3 and 4 of the Security Council sample)."""
    from tracker.models import Statement

    rows = (
        Statement.objects.filter(meeting__symbol=symbol, speaker__isnull=False)
        .order_by()
        .values_list("speaker__name", "delegation", "speaker_id")
        .distinct()
    )
    ids: dict[tuple[str, str], set[int]] = defaultdict(set)
    for name, delegation, speaker_id in rows:
        ids[(name, delegation)].add(speaker_id)
    return {key: sorted(found) for key, found in ids.items()}


def imports(target: Target, tally: Tally) -> None:
    from tests.tracker.imports import press_release_samples as samples
    from tracker.models import Meeting

    text = samples.SECURITY_COUNCIL.replace("SC/13553", SYMBOL)
    clients = [target.browser("administrator").clone() for _ in range(IMPORTS)]
    answers = together(IMPORTS, lambda i: clients[i].post("/api/imports/", json={"text": text}))
    statuses = Counter(a.status_code if not isinstance(a, Exception) else repr(a) for a in answers)
    for status, n in statuses.items():
        for _ in range(n):
            tally.check(status in (200, 201, 409), f"concurrent import answered {status}")
    tally.check(statuses[201] == 1, f"{statuses[201]} imports created the meeting, not one")
    tally.check(Meeting.objects.filter(symbol=SYMBOL).count() == 1, "not one meeting")
    speakers = speaker_rows(SYMBOL)
    doubled = {key: ids for key, ids in speakers.items() if len(ids) > 1}
    tally.check(speakers != {} and not doubled, f"speaker rows named twice: {doubled}")
    tally.note(
        f"{IMPORTS} imports: "
        + ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items(), key=str))
        + f"; {len(speakers)} speakers (name, delegation), "
        + ("each one row" if not doubled else f"{len(doubled)} with several rows")
    )


def edits(target: Target, tally: Tally) -> None:
    owner = target.browser("analyst_a")
    path = f"/api/annotations/{target.ids['edited']}/"
    clients = [owner.clone() for _ in range(EDITORS)]
    acknowledged: list[str] = []
    lock = threading.Lock()
    outcomes: Counter = Counter()

    def edit(i: int) -> None:
        client: Browser = clients[i]
        for n in range(EDITS_EACH):
            current = client.get(path).json()
            mark = f"[{i}.{n}]"
            response = client.request(
                "PATCH", path, json={"memo": current["memo"] + mark, "version": current["version"]}
            )
            with lock:
                outcomes[response.status_code] += 1
                tally.check(
                    response.status_code in (200, 409), f"edit answered {response.status_code}"
                )
                if response.status_code == 200:
                    acknowledged.append(mark)

    start = owner.get(path).json()
    together(EDITORS, edit)
    final = owner.get(path).json()
    lost = [mark for mark in acknowledged if mark not in final["memo"]]
    for mark in acknowledged:
        tally.check(mark not in lost, f"acknowledged edit {mark} lost")
    tally.check(
        final["version"] - start["version"] == len(acknowledged),
        f"version went {start['version']}→{final['version']} for {len(acknowledged)} edits",
    )
    tally.note(
        f"{EDITORS}×{EDITS_EACH} edits: "
        + ", ".join(f"{n}× {s}" for s, n in sorted(outcomes.items()))
        + f"; {len(lost)} lost"
    )


def attack(target: Target, tally: Tally) -> None:
    imports(target, tally)
    edits(target, tally)
