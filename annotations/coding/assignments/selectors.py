"""Reads of assignments, with each one's progress, in one query."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from tracker.models import Meeting, Statement

from ...models import Annotation, BlindCoding, CodingAssignment, StatementProgress
from ...roles import users_who_can_code


def _count(queryset: QuerySet, group_by: str, *, distinct: str = "pk") -> Coalesce:
    counted = (
        queryset.order_by().values(group_by).annotate(n=Count(distinct, distinct=True)).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def assignment_progress() -> QuerySet[CodingAssignment]:
    """Every assignment with `statements` (the meeting's), `done` (the analyst's done
    marks in it), `coded` (its statements the analyst has a live annotation on) and
    `blind` (the meeting is coded blind)."""
    mine = {"analyst": OuterRef("analyst")}
    return (
        CodingAssignment.objects.select_related("meeting", "analyst", "assigned_by")
        .annotate(
            statements=_count(Statement.objects.filter(meeting=OuterRef("meeting")), "meeting"),
            done=_count(
                StatementProgress.objects.filter(statement__meeting=OuterRef("meeting"), **mine),
                "analyst",
            ),
            coded=_count(
                Annotation.objects.live().filter(statement__meeting=OuterRef("meeting"), **mine),
                "analyst",
                distinct="statement",
            ),
            blind=Exists(BlindCoding.objects.filter(meeting=OuterRef("meeting"), enabled=True)),
        )
        .order_by("meeting__symbol", "analyst__username")
    )


def assignable_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.order_by("symbol").only("pk", "symbol", "title")


def assignable_analysts() -> QuerySet:
    return users_who_can_code().order_by("username")


def assigned_to(analyst: AbstractBaseUser) -> QuerySet[CodingAssignment]:
    return CodingAssignment.objects.filter(analyst=analyst)
