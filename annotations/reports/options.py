"""What a report is computed over, checked before any figure is computed.

Views, the API and the benchmark pass raw values (query-string text or Python
values); every problem becomes a ValidationError naming the parameter, which
the page shows as a message and the API turns into a 400.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from tracker.models import Meeting

from ..models import Annotation

ALL = "all"
ANALYST = "analyst"
ADJUDICATED = "adjudicated"
SOURCES = {
    ALL: "All analysts together",
    ANALYST: "One analyst",
    ADJUDICATED: "The adjudicated set (after review)",
}

# The query parameters a report and a comparison read; any other is refused by name.
REPORT_PARAMETERS = ("analyst", "source", "threshold", "quotes")
COMPARISON_PARAMETERS = ("meetings", "analyst", "source")
# The API's own (DRF's ?format=), and the comparison page's pre-ticked meeting.
FACE_PARAMETERS = ("format", "with")

DEFAULT_THRESHOLD = 10.0
DEFAULT_QUOTES = 5
MAX_QUOTES = 50


@dataclass(frozen=True)
class ReportOptions:
    source: str
    analyst: AbstractBaseUser | None
    threshold: float
    quotes: int
    # Whose eyes the report is for: a blind meeting she has not finished shows her only
    # her own coding (Annotation.objects.visible_to). None: nobody's in particular.
    viewer: AbstractBaseUser | None = None

    @property
    def analyst_username(self) -> str | None:
        return self.analyst.get_username() if self.analyst else None

    @property
    def label(self) -> str:
        if self.source == ANALYST:
            return f"Analyst {self.analyst_username}"
        return SOURCES[self.source]

    def query(self) -> dict[str, str]:
        """The query-string parameters that reproduce these options."""
        params = {"threshold": f"{self.threshold:g}"}
        if self.source == ANALYST:
            params["analyst"] = self.analyst_username
        elif self.source == ADJUDICATED:
            params["source"] = ADJUDICATED
        if self.quotes != DEFAULT_QUOTES:
            params["quotes"] = str(self.quotes)
        return params

    def annotations(self, *meetings: Meeting) -> QuerySet[Annotation]:
        """The live annotations of the meetings that this report counts."""
        if self.source == ADJUDICATED:
            queryset = Annotation.objects.adjudicated()
        else:
            queryset = Annotation.objects.live()
        if len(meetings) == 1:
            queryset = queryset.for_meeting(meetings[0])
        else:
            queryset = queryset.filter(statement__meeting__in=meetings)
        if self.source == ANALYST:
            queryset = queryset.by(self.analyst)
        return queryset.visible_to(self.viewer)


def analysts_of(meetings, viewer: AbstractBaseUser | None = None) -> list[str]:
    """Usernames of everyone with live annotations in these meetings (that `viewer` sees)."""
    visible = Annotation.objects.live().filter(statement__meeting__in=meetings).visible_to(viewer)
    return list(
        get_user_model()
        .objects.filter(pk__in=visible.values("analyst_id"))
        .order_by("username")
        .values_list("username", flat=True)
    )


def _threshold(value: float | str | None) -> float:
    if value is None or value == "":
        return DEFAULT_THRESHOLD
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(
            {"threshold": f"The threshold must be a percentage from 0 to 100 (got {value!r})."}
        ) from None
    if math.isnan(number) or not 0 <= number <= 100:
        raise ValidationError(
            {"threshold": f"The threshold must be a percentage from 0 to 100 (got {value})."}
        )
    return number


def _quotes(value: int | str | None) -> int:
    if value is None or value == "":
        return DEFAULT_QUOTES
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= MAX_QUOTES:
        raise ValidationError(
            {"quotes": f"Quotes per code must be a whole number from 0 to {MAX_QUOTES}."}
        )
    return number


def _analyst(value: AbstractBaseUser | str | None, meetings, viewer) -> AbstractBaseUser | None:
    if value is None or value == "":
        return None
    if isinstance(value, AbstractBaseUser):
        return value
    # PostgreSQL refuses NUL characters in a query: such a name cannot exist anyway.
    user = None if "\x00" in value else get_user_model().objects.filter(username=value).first()
    if user is None:
        known = ", ".join(analysts_of(meetings, viewer)) or "nobody yet"
        raise ValidationError(
            {"analyst": f'There is no analyst "{value}". Analysts who coded this: {known}.'}
        )
    return user


def report_options(
    *,
    meetings,
    analyst: AbstractBaseUser | str | None = None,
    source: str | None = None,
    threshold: float | str | None = None,
    quotes: int | str | None = None,
    viewer: AbstractBaseUser | None = None,
) -> ReportOptions:
    """Check the parameters of a report over `meetings`; raise ValidationError naming each."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for name, check in (
        ("threshold", lambda: _threshold(threshold)),
        ("quotes", lambda: _quotes(quotes)),
        ("analyst", lambda: _analyst(analyst, meetings, viewer)),
    ):
        try:
            values[name] = check()
        except ValidationError as error:
            errors.update({field: messages[0] for field, messages in error.message_dict.items()})
    source = source or ALL
    if source == ALL and analyst:
        source = ANALYST  # naming an analyst narrows "all analysts" to that one
    if source not in SOURCES:
        errors["source"] = f'Unknown source "{source}": use one of {", ".join(SOURCES)}.'
    elif source == ANALYST and not analyst:
        errors["analyst"] = "Name the analyst whose annotations the report counts."
    elif source == ADJUDICATED and analyst:
        errors["source"] = "Choose either one analyst or the adjudicated set, not both."
    if errors:
        raise ValidationError(errors)
    return ReportOptions(
        source=source,
        analyst=values["analyst"],
        threshold=values["threshold"],
        quotes=values["quotes"],
        viewer=viewer,
    )


def refuse_unknown_parameters(names, known) -> None:
    """A misspelt parameter (?treshold=5) would give the default report silently."""
    unknown = sorted(set(names) - {*known, *FACE_PARAMETERS})
    if unknown:
        listed = ", ".join(sorted(known))
        raise ValidationError(
            {name: f'"{name}" is not a parameter here. Known: {listed}.' for name in unknown[:10]}
        )
