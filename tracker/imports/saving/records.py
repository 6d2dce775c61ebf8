"""Writes of the meeting record: saving an imported release.

All-or-nothing: a release is validated as a whole, then saved in one transaction with
batch inserts. Re-importing a symbol updates that meeting in place, never duplicates it.
Statements whose text is unchanged keep their identity (and whatever analysts attached
to them); a statement that carries analysts' work is never deleted or re-worded: the
import is refused, naming those statements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.db.models import Count, F
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tracker.models import Gender, Meeting, Speaker, Statement
from tracker.web.errors import validation_messages

from .parsing.records import ImportWarning, MeetingHeader, PressRelease
from .parsing.records import Statement as ParsedStatement

BATCH_SIZE = 500
# Kept statements move out of the way of the new numbering before taking their new order.
_ORDER_OFFSET = 1_000_000
_STATEMENT_FIELDS = [
    "order",
    "segment",
    "speaker",
    "delegation",
    "role",
    "on_behalf_of",
    "speaker_type",
]
_MEETING_FIELDS = ["body", "session", "meeting_number", "title", "subtitle"]
# Errors under these keys name their statement themselves ("Statement 3 (…): …"), so
# faces show them without the key in front.
SELF_NAMED_ERRORS = frozenset({NON_FIELD_ERRORS, "statements"})


class ImportConflict(ValidationError):
    """Re-importing would change or remove statements that carry analysts' work."""

    def __init__(self, message: str, *, statements: list[dict]):
        super().__init__(message, code="conflict")
        self.statements = statements


@dataclass(frozen=True)
class ImportOutcome:
    meeting: Meeting
    created: bool
    statements_created: int = 0
    statements_updated: int = 0
    statements_unchanged: int = 0
    statements_removed: int = 0
    speakers_created: int = 0
    dry_run: bool = False
    warnings: tuple[ImportWarning, ...] = field(default=())

    @property
    def summary(self) -> str:
        verb = "Would import" if self.dry_run else "Imported"
        what = "new meeting" if self.created else "existing meeting, updated"
        return (
            f"{verb} {self.meeting.symbol} ({what}): {self.statements_created} statements "
            f"added, {self.statements_updated} updated, {self.statements_unchanged} unchanged, "
            f"{self.statements_removed} removed; {self.speakers_created} new speakers."
        )


def press_release_save(
    *, release: PressRelease, imported_by=None, dry_run: bool = False
) -> ImportOutcome:
    """Save a parsed (and corrected) release as a meeting with its statements.

    Raises ValidationError naming the field or statement for bad data, and
    ImportConflict when annotated statements would change. With dry_run the whole
    save runs, conflicts included, and is rolled back.
    """
    validate_release(release)
    with transaction.atomic():
        outcome = _save(release, imported_by=imported_by, dry_run=dry_run)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def validate_release(release: PressRelease) -> None:
    """Raise ValidationError naming every field of the meeting and every statement at fault."""
    errors = _meeting_errors(release.meeting)
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
    genders: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for statement in statements:
        if statement.speaker:
            genders[statement.speaker.name][statement.speaker.gender].append(statement.order)
    messages = []
    for name, by_gender in genders.items():
        if len(by_gender) > 1:
            detail = "; ".join(
                f"{Gender(g).label.lower()} in statements {', '.join(map(str, orders))}"
                for g, orders in sorted(by_gender.items())
            )
            messages.append(f"{name} is given different genders ({detail}): choose one.")
    return messages


def _save(release: PressRelease, *, imported_by, dry_run: bool) -> ImportOutcome:
    header = release.meeting
    meeting = Meeting.objects.select_for_update().filter(symbol=header.symbol).first()
    created = meeting is None
    if created:
        meeting = Meeting(symbol=header.symbol)
    for name in _MEETING_FIELDS:
        setattr(meeting, name, getattr(header, name))
    # A re-import without a date or URL keeps the ones the meeting has.
    meeting.date = header.date or meeting.date
    meeting.source_url = header.source_url or meeting.source_url
    meeting.summary = "\n\n".join(header.summary)
    meeting.notes = release.notes_text
    meeting.save()

    existing = [] if created else list(meeting.statements.all())
    kept, removed = _match(existing, release.statements)
    _refuse_if_work_would_be_lost(meeting, removed)
    speakers, speakers_created = _speakers(release.statements)
    reason = f"Imported from press release {meeting.symbol}"

    if removed:
        Statement.objects.filter(pk__in=[s.pk for s in removed]).delete()
    if kept:
        # Two steps so that no two statements ever share an order, even for a moment.
        Statement.objects.filter(pk__in=[s.pk for s, _ in kept]).update(
            order=F("order") + _ORDER_OFFSET
        )
    changed, unchanged = [], 0
    for statement, parsed in kept:
        before = [getattr(statement, name) for name in _STATEMENT_FIELDS]
        _fill(statement, parsed, speakers)
        statement.order = parsed.order
        if [getattr(statement, name) for name in _STATEMENT_FIELDS] != before:
            changed.append(statement)
        else:
            unchanged += 1
    # Unchanged rows still need their order back from the offset.
    Statement.objects.filter(pk__in=[s.pk for s, _ in kept if s not in changed]).update(
        order=F("order") - _ORDER_OFFSET
    )
    if changed:
        bulk_update_with_history(
            changed,
            Statement,
            _STATEMENT_FIELDS,
            batch_size=BATCH_SIZE,
            default_user=imported_by,
            default_change_reason=reason,
        )
    matched = {id(parsed) for _, parsed in kept}
    new = [
        _fill(Statement(meeting=meeting, text=parsed.text), parsed, speakers)
        for parsed in release.statements
        if id(parsed) not in matched
    ]
    if new:
        bulk_create_with_history(
            new,
            Statement,
            batch_size=BATCH_SIZE,
            default_user=imported_by,
            default_change_reason=reason,
        )
    return ImportOutcome(
        meeting=meeting,
        created=created,
        statements_created=len(new),
        statements_updated=len(changed),
        statements_unchanged=unchanged,
        statements_removed=len(removed),
        speakers_created=speakers_created,
        dry_run=dry_run,
        warnings=release.warnings,
    )


def _match(existing: list[Statement], parsed: tuple[ParsedStatement, ...]):
    """Pair existing statements with parsed ones of identical text (same order first)."""
    by_text: dict[str, list[Statement]] = defaultdict(list)
    for statement in sorted(existing, key=lambda s: s.order):
        by_text[statement.text].append(statement)
    kept = []
    for item in parsed:
        candidates = by_text.get(item.text)
        if not candidates:
            continue
        same_order = next((s for s in candidates if s.order == item.order), None)
        chosen = same_order or candidates[0]
        candidates.remove(chosen)
        kept.append((chosen, item))
    kept_ids = {s.pk for s, _ in kept}
    removed = [s for s in existing if s.pk not in kept_ids]
    return kept, removed


def _refuse_if_work_would_be_lost(meeting: Meeting, removed: list[Statement]) -> None:
    """Refuse when a statement whose text would change or vanish has dependants that
    protect it (annotations). Found through the model's relations, so the meeting record
    needs to know nothing about the apps that annotate it."""
    if not removed:
        return
    ids = [s.pk for s in removed]
    work: dict[int, list[str]] = defaultdict(list)
    for relation in Statement._meta.related_objects:
        if relation.on_delete not in (models.PROTECT, models.RESTRICT):
            continue
        counts = (
            relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": ids})
            .values(relation.field.attname)
            .annotate(n=Count("pk"))
        )
        label = relation.related_model._meta.verbose_name_plural
        for row in counts:
            work[row[relation.field.attname]].append(f"{row['n']} {label}")
    if not work:
        return
    blocked = [s for s in removed if s.pk in work]
    speakers = Speaker.objects.in_bulk([s.speaker_id for s in blocked if s.speaker_id])
    details = []
    for statement in sorted(blocked, key=lambda s: s.order):
        speaker = speakers.get(statement.speaker_id)
        who = speaker.name if speaker else (statement.delegation or "unattributed")
        details.append(
            {
                "id": statement.pk,
                "order": statement.order,
                "speaker": who,
                "segment": statement.segment,
                "carries": ", ".join(work[statement.pk]),
            }
        )
    listing = "; ".join(f"statement {d['order']} ({d['speaker']}): {d['carries']}" for d in details)
    raise ImportConflict(
        f"{meeting.symbol} is already imported and analysts have worked on statements whose "
        f"text this import would change or remove — {listing}. Nothing was saved. Keep "
        "those statements' text as it is, or move or delete that work first.",
        statements=details,
    )


def _speakers(statements) -> tuple[dict[str, Speaker], int]:
    """One Speaker per name: existing speakers are reused; a stated gender is recorded."""
    wanted: dict[str, str] = {}
    for statement in statements:
        if statement.speaker:
            wanted.setdefault(statement.speaker.name, statement.speaker.gender)
    # Names are not unique in the table: the oldest speaker of a name is the one reused.
    found = {s.name: s for s in Speaker.objects.filter(name__in=list(wanted)).order_by("-pk")}
    changed = []
    for name, speaker in found.items():
        gender = wanted[name]
        if gender != Gender.UNKNOWN and speaker.gender != gender:
            speaker.gender = gender
            changed.append(speaker)
    if changed:
        Speaker.objects.bulk_update(changed, ["gender"], batch_size=BATCH_SIZE)
    missing = [Speaker(name=n, gender=g) for n, g in wanted.items() if n not in found]
    if missing:
        # PostgreSQL and SQLite (3.35+) return the new keys from a bulk insert.
        found.update(
            {s.name: s for s in Speaker.objects.bulk_create(missing, batch_size=BATCH_SIZE)}
        )
    return found, len(missing)


def _fill(statement: Statement, parsed: ParsedStatement, speakers: dict[str, Speaker]):
    statement.order = parsed.order
    statement.segment = parsed.segment
    statement.speaker = speakers[parsed.speaker.name] if parsed.speaker else None
    statement.delegation = parsed.delegation
    statement.role = parsed.role
    statement.on_behalf_of = parsed.on_behalf_of
    statement.speaker_type = parsed.speaker_type
    return statement
