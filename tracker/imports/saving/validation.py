"""Checks of a parse before anything is written: every field and statement at fault named."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError

from tracker.models import Gender, Meeting, Speaker, Statement
from tracker.web.errors import validation_messages

from ..parsing.records import MeetingHeader, PressRelease
from ..parsing.records import Statement as ParsedStatement


def validate_release(release: PressRelease, *, adding: bool = False) -> None:
    """Raise ValidationError naming every field of the meeting and every statement at
    fault. A record added to a meeting (`adding`) needs no symbol of its own."""
    errors = {} if adding else _meeting_errors(release.meeting)
    statement_errors = _statements_errors(release.statements)
    if statement_errors:
        errors.setdefault("statements", []).extend(statement_errors)
    if errors:
        raise ValidationError(errors)


def _meeting_errors(header: MeetingHeader) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    meeting = Meeting(
        symbol=header.symbol,
        body=header.body,
        session=header.session,
        meeting_number=header.meeting_number,
        title=header.title,
        subtitle=header.subtitle,
        date=header.date,
        source_url=header.source_url,
        time=getattr(header, "time", ""),
        place=getattr(header, "place", ""),
    )
    if not header.symbol:
        errors["symbol"].append("Give the meeting its symbol, e.g. GA/11955.")
    try:
        meeting.full_clean(exclude=["symbol"] if not header.symbol else None, validate_unique=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors[name].extend(messages)
    return dict(errors)


def _statements_errors(statements: tuple[ParsedStatement, ...]) -> list[str]:
    errors = []
    if not statements:
        errors.append("The release has no statements (is it cut short?); nothing was saved.")
    orders = Counter(s.order for s in statements)
    for order, count in sorted(orders.items()):
        if count > 1:
            errors.append(f"Statement {order} appears {count} times.")
    for statement in statements:
        for message in _statement_errors(statement):
            errors.append(f"Statement {statement.order} ({statement.label}): {message}")
    errors.extend(_speaker_conflicts(statements))
    return errors


def _statement_errors(statement: ParsedStatement) -> list[str]:
    candidate = Statement(
        order=statement.order,
        segment=statement.segment,
        delegation=statement.delegation,
        role=statement.role,
        on_behalf_of=statement.on_behalf_of,
        speaker_type=statement.speaker_type,
        gender=statement.gender,
        language=getattr(statement, "language", ""),
        text=statement.text,
    )
    messages = [] if statement.order >= 1 else ["its order must be 1 or more."]
    try:
        # Constraints are checked by the database on save; checking them here would cost
        # one query per statement.
        candidate.full_clean(
            exclude=["meeting", "speaker"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as exc:
        for name, field_messages in exc.message_dict.items():
            messages += [f"{name.replace('_', ' ')}: {m}" for m in field_messages]
    if statement.speaker:
        speaker = Speaker(name=statement.speaker.name, gender=statement.speaker.gender)
        try:
            speaker.full_clean()
        except ValidationError as exc:
            messages += [f"speaker {message}" for message in validation_messages(exc)]
    return messages


def _speaker_conflicts(statements) -> list[str]:
    """One person (a name speaking for one delegation) has one gender."""
    genders: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for statement in statements:
        if statement.speaker:
            key = (statement.speaker.name, statement.delegation)
            genders[key][statement.speaker.gender].append(statement.order)
    messages = []
    for (name, _), by_gender in genders.items():
        if len(by_gender) > 1:
            detail = "; ".join(
                f"{Gender(g).label.lower()} in statements {', '.join(map(str, orders))}"
                for g, orders in sorted(by_gender.items())
            )
            messages.append(f"{name} is given different genders ({detail}): choose one.")
    return messages
