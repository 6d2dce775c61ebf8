"""Who may do what: every page and endpoint × every persona × own and foreign objects.

The URL patterns come from the resolver, so a new page or endpoint fails
`test_every_url_is_classified` until someone writes down here who may use it.

Personas: the anonymous visitor; analyst A, who owns the annotation, the
deleted annotation and the missed opportunity used below; analyst B, a
teammate for whom those are foreign objects; a reviewer; an administrator.

Outcomes: OK (allowed: any answer but a refusal, a 400 for a deliberately
incomplete body included), DENIED (401/403), LOGIN (redirect to a login
page), MISSING (404), NO_SUCH_METHOD (405: a read-only resource). A 5xx is
never acceptable for anyone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from annotations.coding.services import (
    annotation_create,
    annotation_delete,
    missed_opportunity_create,
)
from annotations.models import CodingAssignment, Memo, MissedOpportunity
from tracker.delegations.services import country_group_save
from tracker.models import ImportJob

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN, MISSING = "ok", "denied", "login", "missing"
NO_SUCH_METHOD = "method not allowed"
PERSONAS = ("anonymous", "analyst_a", "analyst_b", "reviewer", "administrator")


def expect(anonymous, analyst_a, analyst_b, reviewer, administrator) -> dict[str, str]:
    return dict(
        zip(PERSONAS, (anonymous, analyst_a, analyst_b, reviewer, administrator), strict=True)
    )


# The usual shapes.
PAGE_FOR_ALL = expect(LOGIN, OK, OK, OK, OK)
API_FOR_ALL = expect(DENIED, OK, OK, OK, OK)
ANALYSTS_WRITE = expect(DENIED, OK, OK, DENIED, OK)  # reviewers read but do not code
OWNER_ONLY = expect(DENIED, OK, DENIED, DENIED, DENIED)  # not even an administrator
ADMIN_PAGE = expect(LOGIN, DENIED, DENIED, DENIED, OK)
ADMIN_API = expect(DENIED, DENIED, DENIED, DENIED, OK)
REVIEW_PAGE = expect(LOGIN, DENIED, DENIED, OK, OK)
ADMIN_SITE = expect(LOGIN, LOGIN, LOGIN, LOGIN, OK)  # the admin's own login for non-staff


@dataclass
class World:
    meeting: object
    statement: object
    code: object
    mine: object  # analyst A's live annotation
    gone: object  # analyst A's deleted annotation
    missed: MissedOpportunity  # analyst A's missed opportunity
    group: object  # analyst A's country group


@dataclass(frozen=True)
class Probe:
    route: str
    method: str
    path: Callable[[World], str]
    expected: dict[str, str]
    data: Callable[[World], dict] = field(default=lambda w: {})
    json: bool = False
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.method} {self.route or '/'}{' ' + self.note if self.note else ''}"


def span(w: World, phrase: str) -> dict:
    start = w.statement.text.index(phrase)
    return {
        "statement": w.statement.pk,
        "code": w.code.pk,
        "start": start,
        "end": start + len(phrase),
    }


def m(w: World) -> int:
    return w.meeting.pk


def administrators_job() -> int:
    """An import job of the administrator persona (a job is only its importer's)."""
    return ImportJob.objects.create(created_by=User.objects.get(username="ada")).pk


def an_assignment(w: World) -> int:
    """GA/TEST-1 assigned to analyst A by the administrator persona."""
    return CodingAssignment.objects.create(
        meeting=w.meeting,
        analyst=User.objects.get(username="amina"),
        assigned_by=User.objects.get(username="ada"),
    ).pk


def a_memo(w: World, *, deleted: bool = False) -> int:
    """Analyst A's memo on GA/TEST-1 (deleted, to restore)."""
    author = User.objects.get(username="amina")
    memo = Memo.objects.create(author=author, meeting=w.meeting, text="Survivors were absent.")
    if deleted:
        Memo.objects.filter(pk=memo.pk).update(deleted_at=memo.created, deleted_by=author)
    return memo.pk


PROBES = [
    # Accounts and the front door.
    Probe("", "GET", lambda w: "/", expect(LOGIN, OK, OK, OK, OK)),
    Probe("accounts/login/", "GET", lambda w: "/accounts/login/", expect(OK, OK, OK, OK, OK)),
    Probe("favicon.ico", "GET", lambda w: "/favicon.ico", expect(OK, OK, OK, OK, OK)),
    Probe(
        "accounts/logout/", "POST", lambda w: "/accounts/logout/", expect(*[LOGIN] * 5)
    ),  # everyone ends up on the login page
    # Importing meetings: administrators.
    Probe("imports/new/", "GET", lambda w: "/imports/new/", ADMIN_PAGE),
    Probe("imports/commit/", "POST", lambda w: "/imports/commit/", ADMIN_PAGE),
    Probe("api/imports/preview/", "POST", lambda w: "/api/imports/preview/", ADMIN_API, json=True),
    Probe("api/imports/", "POST", lambda w: "/api/imports/", ADMIN_API, json=True),
    Probe("imports/bulk/", "GET", lambda w: "/imports/bulk/", ADMIN_PAGE),
    Probe("imports/bulk/", "POST", lambda w: "/imports/bulk/", ADMIN_PAGE, note="(no files)"),
    Probe(
        "imports/jobs/<int:job_id>/",
        "GET",
        lambda w: f"/imports/jobs/{administrators_job()}/",
        ADMIN_PAGE,
    ),
    Probe(
        "imports/jobs/<int:job_id>/status.json",
        "GET",
        lambda w: f"/imports/jobs/{administrators_job()}/status.json",
        ADMIN_PAGE,
    ),
    Probe(
        "imports/jobs/<int:job_id>/preview/",
        "GET",
        lambda w: f"/imports/jobs/{administrators_job()}/preview/",
        ADMIN_PAGE,
        note="(not read yet: the import page again)",
    ),
    # The meeting record, read-only for everyone logged in.
    Probe("^api/meetings/$", "GET", lambda w: "/api/meetings/", API_FOR_ALL),
    Probe("^api/meetings/(?P<pk>[^/.]+)/$", "GET", lambda w: f"/api/meetings/{m(w)}/", API_FOR_ALL),
    Probe(
        "^api/meetings/(?P<pk>[^/.]+)/$",
        "DELETE",
        lambda w: f"/api/meetings/{m(w)}/",
        expect(DENIED, *[NO_SUCH_METHOD] * 4),
        note="(read-only)",
    ),
    Probe("^api/statements/$", "GET", lambda w: "/api/statements/", API_FOR_ALL),
    Probe(
        "^api/statements/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/statements/{w.statement.pk}/",
        API_FOR_ALL,
    ),
    Probe(
        "^api/statements/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/statements/{w.statement.pk}/",
        expect(DENIED, *[NO_SUCH_METHOD] * 4),
        data=lambda w: {"text": "Rewritten."},
        json=True,
        note="(text changes only through re-anchoring)",
    ),
    Probe("^api/speakers/$", "GET", lambda w: "/api/speakers/", API_FOR_ALL),
    Probe(
        "^api/speakers/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/speakers/{w.statement.speaker_id}/",
        API_FOR_ALL,
    ),
    # API documentation.
    Probe("api/schema/", "GET", lambda w: "/api/schema/", API_FOR_ALL),
    Probe("api/docs/", "GET", lambda w: "/api/docs/", API_FOR_ALL),
    # Exports: everyone logged in.
    Probe(
        "api/export/annotations.csv", "GET", lambda w: "/api/export/annotations.csv", API_FOR_ALL
    ),
    Probe(
        "api/export/annotations.jsonl",
        "GET",
        lambda w: "/api/export/annotations.jsonl",
        API_FOR_ALL,
    ),
    Probe(
        "api/export/annotations.jsonld",
        "GET",
        lambda w: "/api/export/annotations.jsonld",
        API_FOR_ALL,
    ),
    Probe("api/export/codebook.qdc", "GET", lambda w: "/api/export/codebook.qdc", API_FOR_ALL),
    Probe("api/export/project.qdpx", "GET", lambda w: "/api/export/project.qdpx", API_FOR_ALL),
    # Codebooks: read by all, written by administrators.
    Probe("api/import/codebook", "POST", lambda w: "/api/import/codebook", ADMIN_API),
    Probe("^api/schemes/$", "GET", lambda w: "/api/schemes/", API_FOR_ALL),
    Probe("^api/schemes/$", "POST", lambda w: "/api/schemes/", ADMIN_API, json=True),
    Probe(
        "^api/schemes/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/schemes/{w.code.scheme_id}/",
        API_FOR_ALL,
    ),
    Probe(
        "^api/schemes/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/schemes/{w.code.scheme_id}/",
        ADMIN_API,
        data=lambda w: {"description": "Edited."},
        json=True,
    ),
    Probe("^api/codes/$", "GET", lambda w: "/api/codes/", API_FOR_ALL),
    Probe("^api/codes/$", "POST", lambda w: "/api/codes/", ADMIN_API, json=True),
    Probe("^api/codes/(?P<pk>[^/.]+)/$", "GET", lambda w: f"/api/codes/{w.code.pk}/", API_FOR_ALL),
    Probe(
        "^api/codes/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/codes/{w.code.pk}/",
        ADMIN_API,
        data=lambda w: {"definition": "Edited."},
        json=True,
    ),
    # Annotations: every analyst reads every analyst's; only the owner changes one.
    Probe("^api/annotations/$", "GET", lambda w: "/api/annotations/", API_FOR_ALL),
    Probe(
        "^api/annotations/$",
        "POST",
        lambda w: "/api/annotations/",
        ANALYSTS_WRITE,
        data=lambda w: span(w, "serious crime"),
        json=True,
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/annotations/{w.mine.pk}/",
        API_FOR_ALL,
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/annotations/{w.mine.pk}/",
        OWNER_ONLY,
        data=lambda w: {"memo": "Changed", "version": w.mine.version},
        json=True,
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/$",
        "DELETE",
        lambda w: f"/api/annotations/{w.mine.pk}/",
        OWNER_ONLY,
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/annotations/{w.gone.pk}/",
        expect(DENIED, MISSING, MISSING, MISSING, MISSING),
        note="(deleted)",
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/restore/$",
        "POST",
        lambda w: f"/api/annotations/{w.gone.pk}/restore/",
        expect(DENIED, OK, DENIED, DENIED, OK),
    ),
    Probe(
        "^api/annotations/(?P<pk>[^/.]+)/withdraw/$",
        "POST",
        lambda w: f"/api/annotations/{w.mine.pk}/withdraw/",
        OWNER_ONLY,
    ),
    # Batches (code all hits of a search, undo and redo them): analysts, their own.
    Probe(
        "api/annotations/batch/",
        "POST",
        lambda w: "/api/annotations/batch/",
        ANALYSTS_WRITE,
        data=lambda w: {"code": w.code.pk, "spans": [span(w, "serious crime")]},
        json=True,
    ),
    Probe(
        "api/annotations/batch/withdraw/",
        "POST",
        lambda w: "/api/annotations/batch/withdraw/",
        OWNER_ONLY,
        data=lambda w: {"annotations": [w.mine.pk]},
        json=True,
    ),
    Probe(
        "api/annotations/batch/restore/",
        "POST",
        lambda w: "/api/annotations/batch/restore/",
        OWNER_ONLY,
        data=lambda w: {"annotations": [w.gone.pk]},
        json=True,
    ),
    # Missed opportunities: the same ownership rules.
    Probe(
        "^api/missed-opportunities/$", "GET", lambda w: "/api/missed-opportunities/", API_FOR_ALL
    ),
    Probe(
        "^api/missed-opportunities/$",
        "POST",
        lambda w: "/api/missed-opportunities/",
        ANALYSTS_WRITE,
        data=lambda w: {
            "meeting": m(w),
            "title": "Root causes",
            "rationale": "Nobody named poverty.",
            "codes": [w.code.pk],
        },
        json=True,
    ),
    Probe(
        "^api/missed-opportunities/(?P<pk>[^/.]+)/$",
        "GET",
        lambda w: f"/api/missed-opportunities/{w.missed.pk}/",
        API_FOR_ALL,
    ),
    Probe(
        "^api/missed-opportunities/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/missed-opportunities/{w.missed.pk}/",
        OWNER_ONLY,
        data=lambda w: {"rationale": "Changed.", "version": w.missed.version},
        json=True,
    ),
    Probe(
        "^api/missed-opportunities/(?P<pk>[^/.]+)/$",
        "DELETE",
        lambda w: f"/api/missed-opportunities/{w.missed.pk}/",
        OWNER_ONLY,
    ),
    # Memos on a meeting or a code: the same ownership rules.
    Probe("^api/memos/$", "GET", lambda w: "/api/memos/", API_FOR_ALL),
    Probe(
        "^api/memos/$",
        "POST",
        lambda w: "/api/memos/",
        ANALYSTS_WRITE,
        data=lambda w: {"meeting": m(w), "text": "Nobody named demand."},
        json=True,
    ),
    Probe("^api/memos/(?P<pk>[^/.]+)/$", "GET", lambda w: f"/api/memos/{a_memo(w)}/", API_FOR_ALL),
    Probe(
        "^api/memos/(?P<pk>[^/.]+)/$",
        "PATCH",
        lambda w: f"/api/memos/{a_memo(w)}/",
        OWNER_ONLY,
        data=lambda w: {"text": "Changed.", "version": 1},
        json=True,
    ),
    Probe(
        "^api/memos/(?P<pk>[^/.]+)/$", "DELETE", lambda w: f"/api/memos/{a_memo(w)}/", OWNER_ONLY
    ),
    Probe(
        "^api/memos/(?P<pk>[^/.]+)/restore/$",
        "POST",
        lambda w: f"/api/memos/{a_memo(w, deleted=True)}/restore/",
        expect(DENIED, OK, DENIED, DENIED, OK),
    ),
    # The workspace and its small endpoints.
    Probe("meetings/", "GET", lambda w: "/meetings/", PAGE_FOR_ALL),
    Probe("meetings/<int:meeting_id>/", "GET", lambda w: f"/meetings/{m(w)}/", PAGE_FOR_ALL),
    Probe(
        "api/statements/<int:statement_id>/done/",
        "PUT",
        lambda w: f"/api/statements/{w.statement.pk}/done/",
        ANALYSTS_WRITE,
    ),
    Probe(
        "api/meetings/<int:meeting_id>/suggestions/",
        "GET",
        lambda w: f"/api/meetings/{m(w)}/suggestions/",
        API_FOR_ALL,
    ),
    Probe("api/suggestions/accept/", "POST", lambda w: "/api/suggestions/accept/", ANALYSTS_WRITE),
    Probe(
        "api/suggestions/dismiss/", "POST", lambda w: "/api/suggestions/dismiss/", ANALYSTS_WRITE
    ),
    Probe("api/suggestions/reopen/", "POST", lambda w: "/api/suggestions/reopen/", ANALYSTS_WRITE),
    # Every suggestion of a code at once, and the undo history: each analyst their own.
    Probe(
        "api/suggestions/decide/",
        "POST",
        lambda w: "/api/suggestions/decide/",
        ANALYSTS_WRITE,
        data=lambda w: {"meeting": m(w), "code": w.code.pk, "decision": "dismiss"},
        json=True,
    ),
    Probe(
        "api/meetings/<int:meeting_id>/undo/",
        "GET",
        lambda w: f"/api/meetings/{m(w)}/undo/",
        API_FOR_ALL,
    ),
    Probe(
        "api/meetings/<int:meeting_id>/undo/",
        "POST",
        lambda w: f"/api/meetings/{m(w)}/undo/",
        ANALYSTS_WRITE,
        note="nothing to undo is a 400: only the reviewer is refused",
    ),
    Probe(
        "api/meetings/<int:meeting_id>/redo/",
        "POST",
        lambda w: f"/api/meetings/{m(w)}/redo/",
        ANALYSTS_WRITE,
    ),
    # Reports: read by everyone logged in.
    Probe(
        "meetings/<int:meeting_id>/report/",
        "GET",
        lambda w: f"/meetings/{m(w)}/report/",
        PAGE_FOR_ALL,
    ),
    Probe(
        "meetings/<int:meeting_id>/report/<slug:table>.csv",
        "GET",
        lambda w: f"/meetings/{m(w)}/report/coverage.csv",
        PAGE_FOR_ALL,
    ),
    Probe(
        "meetings/<int:meeting_id>/report.json",
        "GET",
        lambda w: f"/meetings/{m(w)}/report.json",
        PAGE_FOR_ALL,
    ),
    Probe(
        "meetings/<int:meeting_id>/compare-analysts/",
        "GET",
        lambda w: f"/meetings/{m(w)}/compare-analysts/",
        PAGE_FOR_ALL,
    ),
    Probe("reports/compare/", "GET", lambda w: f"/reports/compare/?meetings={m(w)}", PAGE_FOR_ALL),
    Probe(
        "reports/compare.csv",
        "GET",
        lambda w: f"/reports/compare.csv?meetings={m(w)}",
        PAGE_FOR_ALL,
    ),
    Probe(
        "api/meetings/<int:meeting_id>/report/",
        "GET",
        lambda w: f"/api/meetings/{m(w)}/report/",
        API_FOR_ALL,
    ),
    Probe(
        "api/reports/compare/",
        "GET",
        lambda w: f"/api/reports/compare/?meetings={m(w)}",
        API_FOR_ALL,
    ),
    # Analysis drafts: read by everyone logged in, like the report they are drawn from.
    Probe(
        "meetings/<int:meeting_id>/analysis/",
        "GET",
        lambda w: f"/meetings/{m(w)}/analysis/",
        PAGE_FOR_ALL,
    ),
    *[
        Probe(
            f"meetings/<int:meeting_id>/analysis.{extension}",
            "GET",
            lambda w, extension=extension: f"/meetings/{m(w)}/analysis.{extension}",
            PAGE_FOR_ALL,
        )
        for extension in ("docx", "md", "pdf")
    ],
    Probe(
        "reports/compare/analysis/",
        "GET",
        lambda w: f"/reports/compare/analysis/?meetings={m(w)}",
        PAGE_FOR_ALL,
    ),
    *[
        Probe(
            f"reports/compare/analysis.{extension}",
            "GET",
            lambda w, extension=extension: f"/reports/compare/analysis.{extension}?meetings={m(w)}",
            PAGE_FOR_ALL,
        )
        for extension in ("docx", "md", "pdf")
    ],
    # Review, history, restore.
    Probe(
        "meetings/<int:meeting_id>/review/",
        "GET",
        lambda w: f"/meetings/{m(w)}/review/",
        REVIEW_PAGE,
    ),
    Probe(
        "meetings/<int:meeting_id>/review/decide/",
        "POST",
        lambda w: f"/meetings/{m(w)}/review/decide/",
        REVIEW_PAGE,
        data=lambda w: {
            "annotation": w.mine.pk,
            "version": w.mine.version,
            "decision": "rejected",
            "reason": "Not in the text.",
        },
    ),
    Probe(
        "meetings/<int:meeting_id>/history/",
        "GET",
        lambda w: f"/meetings/{m(w)}/history/",
        PAGE_FOR_ALL,
    ),
    Probe(
        "annotations/<int:annotation_id>/history/",
        "GET",
        lambda w: f"/annotations/{w.mine.pk}/history/",
        expect(LOGIN, OK, DENIED, OK, OK),
    ),
    Probe(
        "annotations/<int:annotation_id>/restore/",
        "POST",
        lambda w: f"/annotations/{w.gone.pk}/restore/",
        expect(LOGIN, OK, DENIED, DENIED, OK),
    ),
    Probe("annotations/deleted/", "GET", lambda w: "/annotations/deleted/", ADMIN_PAGE),
    # Assignments: administrators assign meetings and follow the progress.
    Probe("meetings/assignments/", "GET", lambda w: "/meetings/assignments/", ADMIN_PAGE),
    Probe(
        "meetings/assignments/",
        "POST",
        lambda w: "/meetings/assignments/",
        ADMIN_PAGE,
        note="(empty)",
    ),
    Probe(
        "meetings/assignments/<int:assignment_id>/withdraw/",
        "POST",
        lambda w: f"/meetings/assignments/{an_assignment(w)}/withdraw/",
        ADMIN_PAGE,
    ),
    Probe("api/assignments/", "GET", lambda w: "/api/assignments/", ADMIN_API),
    Probe("api/assignments/", "POST", lambda w: "/api/assignments/", ADMIN_API, json=True),
    Probe(
        "api/assignments/<int:assignment_id>/",
        "DELETE",
        lambda w: f"/api/assignments/{an_assignment(w)}/",
        ADMIN_API,
    ),
    # Blind coding: administrators switch it; everyone logged in reads it.
    Probe(
        "meetings/<int:meeting_id>/blind-coding/",
        "POST",
        lambda w: f"/meetings/{m(w)}/blind-coding/",
        ADMIN_PAGE,
        data=lambda w: {"blind": "on"},
    ),
    Probe(
        "api/meetings/<int:meeting_id>/blind-coding/",
        "GET",
        lambda w: f"/api/meetings/{m(w)}/blind-coding/",
        API_FOR_ALL,
    ),
    Probe(
        "api/meetings/<int:meeting_id>/blind-coding/",
        "PATCH",
        lambda w: f"/api/meetings/{m(w)}/blind-coding/",
        ADMIN_API,
        data=lambda w: {"blind": False},
        json=True,
    ),
    # Monitoring across meetings: read by everyone logged in.
    Probe("monitoring/search/", "GET", lambda w: "/monitoring/search/?q=crime", PAGE_FOR_ALL),
    Probe("monitoring/search.csv", "GET", lambda w: "/monitoring/search.csv?q=crime", PAGE_FOR_ALL),
    Probe("api/search/", "GET", lambda w: "/api/search/?q=crime", API_FOR_ALL),
    Probe(
        "api/search/code/",
        "POST",
        lambda w: "/api/search/code/?q=crime",
        ANALYSTS_WRITE,
        data=lambda w: {"code": w.code.pk},
        json=True,
        note="(code from search: analysts)",
    ),
    Probe("monitoring/delegations/", "GET", lambda w: "/monitoring/delegations/", PAGE_FOR_ALL),
    Probe(
        "monitoring/delegations/link/",
        "POST",
        lambda w: "/monitoring/delegations/link/",
        expect(LOGIN, DENIED, DENIED, DENIED, OK),
    ),
    Probe(
        "monitoring/delegations/<slug:slug>/",
        "GET",
        lambda w: "/monitoring/delegations/luxembourg/",
        PAGE_FOR_ALL,
    ),
    Probe(
        "monitoring/delegations/<slug:slug>.csv",
        "GET",
        lambda w: "/monitoring/delegations/luxembourg.csv",
        PAGE_FOR_ALL,
    ),
    Probe(
        "api/delegations/<slug:slug>/profile/",
        "GET",
        lambda w: "/api/delegations/luxembourg/profile/",
        API_FOR_ALL,
    ),
    Probe("monitoring/groups/", "GET", lambda w: "/monitoring/groups/", PAGE_FOR_ALL),
    Probe(
        "monitoring/groups/",
        "POST",
        lambda w: "/monitoring/groups/",
        expect(LOGIN, OK, OK, DENIED, OK),
        data=lambda w: {"name": "Friends", "members": "Canada"},
        note="(define a group: analysts)",
    ),
    Probe(
        "monitoring/groups/<slug:slug>/delete/",
        "POST",
        lambda w: f"/monitoring/groups/{w.group.slug}/delete/",
        expect(LOGIN, OK, DENIED, DENIED, OK),
        note="(its author or an administrator)",
    ),
    Probe("monitoring/gender-index/", "GET", lambda w: "/monitoring/gender-index/", PAGE_FOR_ALL),
    Probe(
        "monitoring/gender-index.csv", "GET", lambda w: "/monitoring/gender-index.csv", PAGE_FOR_ALL
    ),
    Probe("api/gender-index/", "GET", lambda w: "/api/gender-index/", API_FOR_ALL),
    Probe(
        "monitoring/trends/", "GET", lambda w: "/monitoring/trends/?code=protection", PAGE_FOR_ALL
    ),
    Probe(
        "monitoring/trends.csv",
        "GET",
        lambda w: "/monitoring/trends.csv?code=protection",
        PAGE_FOR_ALL,
    ),
    Probe(
        "monitoring/trends/briefers.csv",
        "GET",
        lambda w: "/monitoring/trends/briefers.csv?code=protection",
        PAGE_FOR_ALL,
    ),
    Probe("api/trends/", "GET", lambda w: "/api/trends/?code=protection", API_FOR_ALL),
    Probe("monitoring/passages/", "GET", lambda w: "/monitoring/passages/", PAGE_FOR_ALL),
    Probe("monitoring/passages.csv", "GET", lambda w: "/monitoring/passages.csv", PAGE_FOR_ALL),
    Probe("api/passages/", "GET", lambda w: "/api/passages/", API_FOR_ALL),
    Probe(
        "monitoring/matrix/", "GET", lambda w: "/monitoring/matrix/?columns=gender", PAGE_FOR_ALL
    ),
    Probe("monitoring/matrix.csv", "GET", lambda w: "/monitoring/matrix.csv", PAGE_FOR_ALL),
    Probe("api/matrix/", "GET", lambda w: "/api/matrix/?columns=group", API_FOR_ALL),
    Probe(
        "monitoring/segments/",
        "GET",
        lambda w: f"/monitoring/segments/?code={w.code.slug}",
        PAGE_FOR_ALL,
    ),
    Probe(
        "monitoring/segments.csv",
        "GET",
        lambda w: f"/monitoring/segments.csv?code={w.code.slug}",
        PAGE_FOR_ALL,
    ),
    Probe("api/segments/", "GET", lambda w: f"/api/segments/?code={w.code.slug}", API_FOR_ALL),
    Probe(
        "monitoring/charts/<slug:name>.<slug:extension>",
        "GET",
        lambda w: "/monitoring/charts/trends.svg?code=protection",
        PAGE_FOR_ALL,
    ),
    # The admin site (its URLs are Django's; a few stand for all of them).
    Probe("admin/", "GET", lambda w: "/admin/", ADMIN_SITE),
    Probe(
        "admin/",
        "GET",
        lambda w: f"/admin/annotations/annotation/{w.mine.pk}/history/",
        ADMIN_SITE,
        note="(annotation history)",
    ),
    Probe(
        "admin/",
        "GET",
        lambda w: f"/admin/tracker/statement/{w.statement.pk}/change/",
        ADMIN_SITE,
        note="(statement text)",
    ),
    Probe("admin/fixtures/", "GET", lambda w: "/admin/fixtures/", ADMIN_SITE),
]


def url_routes(patterns=None, prefix="") -> set[str]:
    """Every route of the URLconf; the admin site's own URLs count as one each."""
    routes = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                routes.add(route)
            else:
                routes |= url_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            routes.add(route)
    return routes


def test_every_url_is_classified():
    classified = {probe.route for probe in PROBES}
    assert sorted(url_routes() - classified) == [], "add these routes to PROBES"
    assert sorted(classified - url_routes()) == [], "these routes no longer exist"


def test_the_route_listing_sees_nested_urlconfs():
    # Guards the test above against passing vacuously.
    routes = url_routes()
    assert "meetings/<int:meeting_id>/review/" in routes
    assert "^api/annotations/$" in routes
    assert "admin/" in routes


@pytest.fixture
def world(meeting, codebook, analyst_a) -> World:
    statement = meeting.statements.get(order=1)
    code = codebook.codes.get(slug="victim-centred")
    start = statement.text.index("victim-centred approach")
    mine = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=start, end=start + 23
    )
    gone = annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    gone = annotation_delete(annotation=gone, actor=analyst_a)
    missed = missed_opportunity_create(
        meeting=meeting, analyst=analyst_a, title="Survivors", rationale="None spoke.", codes=[code]
    )
    group = country_group_save(name="Analyst A's friends", members=["Canada"], actor=analyst_a)
    return World(meeting, statement, code, mine, gone, missed, group)


def outcome(response) -> str:
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if status in (301, 302) and "/login/" in response.get("Location", ""):
        return LOGIN
    if status in (401, 403):
        return DENIED
    if status == 404:
        return MISSING
    if status == 405:
        return NO_SUCH_METHOD
    return OK


def run_probe(probe: Probe, world: World, users: dict) -> dict[str, str]:
    got = {}
    for persona in PERSONAS:
        # Each persona starts from the same state: what one did is rolled back.
        with transaction.atomic():
            client = Client(raise_request_exception=False)
            if persona in users:
                client.force_login(users[persona])
            kwargs = {"content_type": "application/json"} if probe.json else {}
            response = getattr(client, probe.method.lower())(
                probe.path(world), probe.data(world), **kwargs
            )
            got[persona] = outcome(response)
            if response.streaming:
                # Read it to the end, as a WSGI server does: a streamed export that has begun
                # (a COPY on PostgreSQL) holds the connection until then.
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
    return got


# The matrix in this many slices, one test each, so the test workers share it (it is the
# suite's longest test); every probe is in exactly one slice.
SLICES = 4


@pytest.mark.parametrize("slice_number", range(SLICES))
def test_who_may_use_what(world, analyst_a, analyst_b, reviewer, administrator, slice_number):
    """A slice of the matrix (the world is built once per slice; each request is rolled
    back), reporting every disagreement at once as {probe: {persona: (got, expected)}}."""
    users = {
        "analyst_a": analyst_a,
        "analyst_b": analyst_b,
        "reviewer": reviewer,
        "administrator": administrator,
    }
    wrong = {}
    for probe in PROBES[slice_number::SLICES]:
        got = run_probe(probe, world, users)
        if got != probe.expected:
            wrong[probe.id] = {
                persona: (got[persona], probe.expected[persona])
                for persona in PERSONAS
                if got[persona] != probe.expected[persona]
            }
    assert wrong == {}


def test_the_matrix_notices_a_wrong_expectation(world, analyst_a):
    # Guards the test above: a probe that expects the wrong thing is caught.
    probe = Probe("meetings/", "GET", lambda w: "/meetings/", ADMIN_PAGE)
    got = run_probe(probe, world, {"analyst_a": analyst_a})
    assert got["analyst_a"] == OK != probe.expected["analyst_a"]
