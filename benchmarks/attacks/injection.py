"""Filter injection: SQL-ish and odd values in every documented query parameter of
the API (read from its own OpenAPI schema) and in the monitoring pages' filters and
CSVs. Unexpected: a 5xx, or a leak — a filter aimed at one analyst, meeting,
statement, code or scheme answering with rows of another."""

from __future__ import annotations

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from .tally import Tally
from .web import Browser, Target

# Appended to a real value: if the filter let it through, rows of others would show.
# (Only these are checked for leaks: an empty value is no filter, by django-filter's rule.)
SUFFIXES = ["' OR '1'='1", " OR 1=1", "%", ",1,2,3", "\x00", "') OR ('a'='a"]
# Values alone (the raw ones percent-encoded by hand: a lone surrogate, bytes not UTF-8).
ODD = [
    "'",
    "\\",
    "\x00",
    "9" * 40,
    "-1",
    "1e308",
    "NaN",
    "1.5",
    "[]",
    "",
    "ü🙂\u202e",
    "x" * 3000,
    "<script>alert(1)</script>",
    "2026-01-01T00:00:00+16:00",
    "2026-01-01T00:00:00-23:59",
    "2026-01-01T00:00:00+99:99",
    "2026-13-45",
    "9999-12-31T23:59:59.999999-15:59",
]
RAW = ["%ED%A0%80", "%FF%FE"]
# The pages, CSVs and charts read the same filters as their API twins: fewer values each.
PAGE_ODD = ["\x00", "9" * 40]
PAGE_RAW = ["%ED%A0%80"]
PAGE_SUFFIXES = ["' OR '1'='1"]
ANNOTATION_FILTERS = [
    "meeting",
    "statement",
    "code",
    "code_slug",
    "code_group",
    "analyst",
    "created_after",
    "created_before",
]
# Rows a filter aims at: parameter → (the target's value, the fields of a row naming it).
LEAK_FIELDS = {
    "analyst": ("analyst", ("analyst",)),
    "meeting": ("meeting", ("meeting", "meeting_id")),
    "statement": ("statement", ("statement", "statement_id")),
    "code": ("code", ("code", "code_id")),
    "code_slug": ("code_slug", ("code_slug",)),
    "scheme": ("scheme", ("scheme", "scheme_id")),
}
MONITORING = {
    "/monitoring/search/": {"q": "trafficking"},
    "/monitoring/search.csv": {"q": "trafficking"},
    "/api/search/": {"q": "trafficking"},
    "/monitoring/gender-index/": {},
    "/monitoring/gender-index.csv": {},
    "/monitoring/trends/": {"code": "protection"},
    "/monitoring/trends.csv": {"code": "protection"},
    "/monitoring/trends/briefers.csv": {"code": "protection"},
    "/monitoring/passages/": {"coded": "protection"},
    "/monitoring/passages.csv": {"coded": "protection"},
    "/monitoring/matrix/": {"columns": "gender"},
    "/monitoring/matrix.csv": {"columns": "gender"},
    "/monitoring/segments/": {"code": "victim-centred"},
    "/monitoring/segments.csv": {"code": "victim-centred"},
    "/monitoring/delegations/luxembourg/": {},
    "/monitoring/delegations/luxembourg.csv": {},
    "/monitoring/charts/trends.svg": {"code": "protection"},
}
MONITORING_EXTRA = [
    "q",
    "code",
    "code_group",
    "analyst",
    "by",
    "columns",
    "measure",
    "value",
    "page",
    "page_size",
    "treshold",
]


def query(params: dict[str, str], raw: dict[str, str] | None = None) -> str:
    parts = [f"{quote(k)}={quote(v, safe='')}" for k, v in params.items()]
    parts += [f"{quote(k)}={v}" for k, v in (raw or {}).items()]
    return "?" + "&".join(parts) if parts else ""


def rows_of(response) -> list[dict]:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip()
    text = response.text
    if kind in ("application/jsonl", "application/x-ndjson", "application/json-lines"):
        return [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    if "json" not in kind:
        return []
    data = json.loads(text)
    if isinstance(data, dict):
        data = data.get("results", data.get("items", []))
    return [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []


def leaked(response, param: str, target: dict[str, str]) -> list[str]:
    """Values of rows that the filter `param`, aimed at the target, should have kept out."""
    if param not in LEAK_FIELDS or response.status_code != 200:
        return []
    key, fields = LEAK_FIELDS[param]
    wanted = {str(v) for v in target[key]} if isinstance(target[key], tuple) else {str(target[key])}
    found = []
    for row in rows_of(response):
        for name in fields:
            if name in row and str(row[name]) not in wanted:
                found.append(f"{name}={row[name]}")
    return found


def schema_probes(browser: Browser, path_values: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(path, its query parameters) of every GET of the API's OpenAPI schema."""
    schema = browser.get(
        "/api/schema/", params={"format": "json"}, headers={"Accept": "application/json"}
    ).json()
    probes = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        names = re.findall(r"{(\w+)}", path)
        if any(n not in path_values for n in names):
            continue
        concrete = re.sub(r"{(\w+)}", lambda m: str(path_values[m.group(1)]), path)
        params = [p["name"] for p in get.get("parameters", []) if p.get("in") == "query"]
        if path.startswith("/api/export/"):  # the exports take the list's filters (README)
            params = list(dict.fromkeys([*params, *ANNOTATION_FILTERS, "meeting", "scheme"]))
        probes.append((concrete, [*params, "treshold"]))
    return probes


def attack(target: Target, tally: Tally) -> None:
    ids = target.ids
    browser = target.browser("analyst_b")
    path_values = {
        "id": ids["meeting"],
        "pk": ids["annotation"],
        "meeting_id": ids["meeting"],
        "slug": "luxembourg",
        "statement_id": ids["statement"],
    }
    probes = schema_probes(browser, path_values)
    tally.note(
        f"{len(probes)} GET paths of the OpenAPI schema and {len(MONITORING)} "
        "monitoring pages, CSVs and charts"
    )
    base_of = {path: {} for path, _ in probes}
    # Every filter the monitoring pages share, as they declare them.
    from annotations.monitoring.parameters import FILTERS

    probes += [(path, [*FILTERS, *MONITORING_EXTRA]) for path in MONITORING]
    base_of.update(MONITORING)
    leak_target = {
        "analyst": "amina",
        "meeting": ids["meeting"],
        "statement": ids["statement"],
        "code": ids["code"],
        "code_slug": "victim-centred",
        "scheme": ids["scheme"],
    }
    jobs = []
    for path, params in probes:
        api = path.startswith("/api/")
        for param in params:
            base = dict(base_of[path])
            for value in ODD if api else PAGE_ODD:
                jobs.append((path, param, {**base, param: value}, None, False))
            for value in RAW if api else PAGE_RAW:
                jobs.append(
                    (
                        path,
                        param,
                        {k: v for k, v in base.items() if k != param},
                        {param: value},
                        False,
                    )
                )
            if param in LEAK_FIELDS:
                for suffix in SUFFIXES if api else PAGE_SUFFIXES:
                    jobs.append(
                        (path, param, {**base, param: f"{leak_target[param]}{suffix}"}, None, True)
                    )
    statuses: dict[int, int] = {}

    slowest: list[tuple[float, str]] = []

    def run(job, client: Browser):
        path, param, params, raw, aimed = job
        started = time.perf_counter()
        response = client.get(path + query(params, raw))
        slowest.append((time.perf_counter() - started, f"{path} {param}"))
        try:
            leaks = leaked(response, param, leak_target) if aimed else []
        except ValueError as error:  # a 200 whose JSON does not read is a failure too
            kind = response.headers.get("Content-Type")
            leaks = [f"unreadable {kind} ({error}): {response.text[:900]!r}"]
        return job, response.status_code, leaks

    clients = [browser.clone() for _ in range(4)]
    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        results = pool.map(lambda ij: run(ij[1], clients[ij[0] % len(clients)]), enumerate(jobs))
        for (path, param, params, raw, _), status, leaks in results:
            statuses[status] = statuses.get(status, 0) + 1
            shown = {**params, **(raw or {})}.get(param, "")
            what = f"{path} {param}={shown[:40]!r}: {status}"
            tally.check(
                status < 500 and not leaks, what + (f", leaked {leaks[:3]}" if leaks else "")
            )
    slowest.sort(reverse=True)
    tally.note(
        f"{len(jobs):,} requests; slowest: "
        + ", ".join(f"{what} {seconds:.1f} s" for seconds, what in slowest[:3])
    )
    tally.note("answers: " + ", ".join(f"{n:,}× {s}" for s, n in sorted(statuses.items())))
