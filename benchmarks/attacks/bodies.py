"""Malformed bodies: JSON nested 10,000 deep, 25 MB, lone surrogates, NaN, numbers
too long to read, bytes that are not UTF-8 — at every JSON endpoint that writes;
REFI-QDA files declaring DTD entities; fixtures nested deep, holding a lone
surrogate or `order: 1.5`. Unexpected: anything but a 4xx (for the admin's fixture
page, which answers with a page: anything but a refusal without a load button)."""

from __future__ import annotations

import io
import json
import zipfile

from .tally import Tally
from .web import Target

DEPTH = 10_000


def bodies(statement: int, code: int) -> dict[str, bytes]:
    good = {"statement": statement, "code": code, "start": 0, "end": 5, "memo": "x"}
    return {
        "arrays 10,000 deep": b"[" * DEPTH + b"]" * DEPTH,
        "objects 10,000 deep": b'{"a":' * DEPTH + b"1" + b"}" * DEPTH,
        "memo nested 10,000 deep": json.dumps({**good, "memo": 0})
        .encode()
        .replace(b'"memo": 0', b'"memo": ' + b"[" * DEPTH + b"]" * DEPTH),
        "25 MB": json.dumps({**good, "memo": "x" * (25 << 20)}).encode(),
        "lone surrogate": json.dumps(good).replace('"x"', '"\\ud800"').encode(),
        "lone surrogate in a key": json.dumps(good).replace('"memo"', '"\\udfff"').encode(),
        "NaN": json.dumps(good).replace('"start": 0', '"start": NaN').encode(),
        "Infinity": json.dumps(good).replace('"end": 5', '"end": Infinity').encode(),
        "-Infinity": json.dumps(good).replace('"end": 5', '"end": -Infinity').encode(),
        "a 5,000-digit number": json.dumps(good)
        .replace('"end": 5', '"end": 1' + "0" * 5000)
        .encode(),
        "1e999": json.dumps(good).replace('"end": 5', '"end": 1e999').encode(),
        "not UTF-8": json.dumps(good).encode().replace(b'"x"', b'"\xff\xfe"'),
        "truncated": json.dumps(good).encode()[:-3],
        "a bare string": b'"hello"',
        "null": b"null",
        "empty": b"",
        "NUL in a value": json.dumps({**good, "memo": "a\x00b"}).encode(),
    }


def json_targets(ids: dict) -> list[tuple[str, str, str]]:
    """(persona, method, path) of the JSON endpoints that write."""
    return [
        ("analyst_a", "POST", "/api/annotations/"),
        ("analyst_a", "PATCH", f"/api/annotations/{ids['annotation']}/"),
        ("analyst_a", "POST", "/api/missed-opportunities/"),
        ("analyst_a", "POST", "/api/annotations/batch/"),
        ("analyst_a", "POST", "/api/annotations/batch/withdraw/"),
        ("analyst_a", "POST", "/api/search/code/?q=crime"),
        ("analyst_a", "POST", "/api/suggestions/accept/"),
        ("administrator", "POST", "/api/imports/preview/"),
        ("administrator", "POST", "/api/imports/"),
        ("administrator", "POST", "/api/assignments/"),
        ("administrator", "POST", "/api/schemes/"),
        ("administrator", "POST", "/api/codes/"),
    ]


ENTITY_QDC = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE CodeBook [<!ENTITY %s>]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="audit"><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="&e;" isCodable="true"/>
</Codes></CodeBook>"""
ENTITIES = {
    "an internal entity": b'e "boom"',
    "an external entity": b'e SYSTEM "file:///etc/passwd"',
    "a billion laughs": b'a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY '
    b'c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e "&c;&c;&c;&c;&c;&c;&c;"',
}


def refi_files() -> dict[str, tuple[str, bytes]]:
    files = {}
    for what, entity in ENTITIES.items():
        qdc = ENTITY_QDC % entity
        files[f".qdc with {what}"] = ("codebook.qdc", qdc)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            project = qdc.replace(b"CodeBook", b"Project").replace(b":codebook:", b":project:")
            archive.writestr("project.qde", project)
        files[f".qdpx with {what}"] = ("project.qdpx", buffer.getvalue())
    return files


def fixture_files(code: int) -> dict[str, bytes]:
    record = {"model": "annotations.code", "pk": code, "fields": {"order": 1}}
    return {
        "nested 10,000 deep": b"[" * DEPTH + b"]" * DEPTH,
        "a field nested 10,000 deep": json.dumps([record])
        .encode()
        .replace(b'"order": 1', b'"order": ' + b"[" * DEPTH + b"]" * DEPTH),
        "a lone surrogate": json.dumps([{**record, "fields": {"name": "x"}}])
        .replace('"x"', '"\\ud800"')
        .encode(),
        "order 1.5": json.dumps([{**record, "fields": {"order": 1.5}}]).encode(),
        "order NaN": json.dumps([record]).replace('"order": 1', '"order": NaN').encode(),
        "not UTF-8": json.dumps([{**record, "fields": {"name": "x"}}])
        .encode()
        .replace(b'"x"', b'"\xff"'),
        "a 5,000-digit order": json.dumps([record])
        .replace('"order": 1', '"order": 1' + "0" * 5000)
        .encode(),
    }


def attack(target: Target, tally: Tally) -> None:
    ids = target.ids
    for persona, method, path in json_targets(ids):
        browser = target.browser(persona)
        for what, body in bodies(ids["statement"], ids["code"]).items():
            response = browser.request(
                method, path, data=body, headers={"Content-Type": "application/json"}
            )
            ok = 400 <= response.status_code < 500
            tally.check(ok, f"{method} {path} {what}: {response.status_code}")
    admin = target.browser("administrator")
    for what, (name, content) in refi_files().items():
        response = admin.post("/api/import/codebook", files={"file": (name, content)})
        tally.check(400 <= response.status_code < 500, f"codebook {what}: {response.status_code}")
    for what, content in fixture_files(ids["code"]).items():
        response = admin.request(
            "POST",
            "/admin/fixtures/",
            data={"csrfmiddlewaretoken": admin.csrf()},
            files={"fixture": ("audit.json", content, "application/json")},
        )
        refused = response.status_code < 500 and 'name="token"' not in response.text
        tally.check(
            refused,
            f"fixture {what}: {response.status_code}{'' if refused else ', offered to load'}",
        )
