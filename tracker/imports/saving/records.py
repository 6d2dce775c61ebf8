"""Saving a parsed record: a new meeting, a re-import of one, or a speech added to one.

All-or-nothing: a record is validated as a whole, then saved in one transaction with
batch inserts. Re-importing a symbol updates that meeting in place, never duplicates it.
Statements whose text is unchanged keep their identity (and whatever analysts attached
to them); a statement that carries analysts' work is never deleted or re-worded: the
import is refused, naming those statements. A speech added to a meeting is a record of
its own inside it (Statement.added_from): re-importing the meeting's record leaves it,
re-importing the speech replaces only it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Max
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tracker.models import Meeting, RecordKind, Speaker, Statement

from ..parsing.fixture import president_text
from ..parsing.records import ImportWarning, PressRelease, added_record_name
from ..parsing.records import Statement as ParsedStatement
from .delegations import meeting_delegations_link
from .links import link_same_meeting
from .speakers import speaker_key, speakers_for
from .validation import validate_release

BATCH_SIZE = 500
# Kept statements move out of the way of the new numbering before taking their new order;
# statements of other records in the meeting move further still.
_ORDER_OFFSET = 1_000_000
_STATEMENT_FIELDS = [
    "order",
    "segment",
    "speaker",
    "delegation",
    "role",
    "on_behalf_of",
    "speaker_type",
    "gender",
    "language",
    "from_summary",
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
    kind: str = RecordKind.PRESS_RELEASE
    added_from: str = ""  # set when the record was added to an existing meeting
    linked_with: str = ""  # the symbol of the other record of the same meeting
    # printed delegation names linked to no delegation (the delegations page links them)
    unlinked_delegations: tuple[str, ...] = field(default=())

    @property
    def summary(self) -> str:
        verb = "Would import" if self.dry_run else "Imported"
        counts = (
            f"{self.statements_created} statements added, {self.statements_updated} updated, "
            f"{self.statements_unchanged} unchanged, {self.statements_removed} removed; "
            f"{self.speakers_created} new speakers."
        )
        linked = f" Linked with {self.linked_with}, the same meeting." if self.linked_with else ""
        if self.added_from:
            verb = "Would add" if self.dry_run else "Added"
            return f"{verb} {self.added_from} to {self.meeting.symbol}: {counts}"
        what = "new meeting" if self.created else "existing meeting, updated"
        if self.kind != RecordKind.PRESS_RELEASE:  # a release's line stays as it always was
            what += f", {RecordKind(self.kind).label.lower()}"
        return f"{verb} {self.meeting.symbol} ({what}): {counts}{linked}"


def record_save(
    *,
    release: PressRelease,
    imported_by=None,
    dry_run: bool = False,
    into_meeting: Meeting | None = None,
    same_meeting_as: Meeting | None = None,
) -> ImportOutcome:
    """Save a parsed (and corrected) record as a meeting with its statements, or, with
    `into_meeting`, add its statements to that meeting as a record of their own.

    Raises ValidationError naming the field or statement for bad data, and
    ImportConflict when annotated statements would change. With dry_run the whole
    save runs, conflicts included, and is rolled back.
    """
    validate_release(release, adding=into_meeting is not None)
    with transaction.atomic():
        if into_meeting is not None:
            outcome = _add(release, into_meeting, imported_by=imported_by, dry_run=dry_run)
        else:
            outcome = _save(release, imported_by=imported_by, dry_run=dry_run)
            linked = link_same_meeting(outcome.meeting, same_meeting_as)
            if linked is not None:
                outcome = replace(outcome, linked_with=linked.symbol)
        unlinked = meeting_delegations_link(outcome.meeting)
        outcome = replace(outcome, unlinked_delegations=tuple(unlinked))
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _save(release: PressRelease, *, imported_by, dry_run: bool) -> ImportOutcome:
    meeting, created = _locked_meeting(release)

    own = [] if created else list(meeting.statements.filter(added_from=""))
    others = [] if created else list(meeting.statements.exclude(added_from="").order_by("order"))
    if others:  # out of the way of the record's new numbering; back after it below
        Statement.objects.filter(pk__in=[s.pk for s in others]).update(
            order=F("order") + 2 * _ORDER_OFFSET
        )
    counts = _sync(meeting, own, release.statements, added_from="", imported_by=imported_by)
    _renumber_after(others, last=len(release.statements))
    return ImportOutcome(
        meeting=meeting,
        created=created,
        dry_run=dry_run,
        warnings=release.warnings,
        kind=release.kind,
        **counts,
    )


def _add(release: PressRelease, meeting: Meeting, *, imported_by, dry_run: bool):
    """The record's statements after the meeting's others, as the record `added_from`."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    added_from = added_record_name(release)
    own = list(meeting.statements.filter(added_from=added_from))
    last = meeting.statements.exclude(added_from=added_from).aggregate(n=Max("order"))["n"] or 0
    shifted = tuple(replace(s, order=last + s.order) for s in release.statements)
    counts = _sync(meeting, own, shifted, added_from=added_from, imported_by=imported_by)
    meeting.save(update_fields=["updated"])
    return ImportOutcome(
        meeting=meeting,
        created=False,
        dry_run=dry_run,
        warnings=release.warnings,
        kind=release.kind,
        added_from=added_from,
        **counts,
    )


def _locked_meeting(release: PressRelease) -> tuple[Meeting, bool]:
    """The release's meeting, saved and locked for the rest of the import; whether new.

    Two imports of one new symbol at once both find no meeting; the second insert then
    waits for the first transaction and fails on the unique symbol. It imports into the
    meeting the first one made instead, as a re-import (200 or 409, never a 500).
    """
    symbol = release.meeting.symbol
    meeting = Meeting.objects.select_for_update().filter(symbol=symbol).first()
    if meeting is None:
        try:
            with transaction.atomic():
                meeting = Meeting(symbol=symbol)
                _fill_meeting(meeting, release)
                meeting.save()
                return meeting, True
        except IntegrityError:
            meeting = Meeting.objects.select_for_update().get(symbol=symbol)
    _fill_meeting(meeting, release)
    meeting.save()
    return meeting, False


def _fill_meeting(meeting: Meeting, release: PressRelease) -> None:
    header = release.meeting
    for name in _MEETING_FIELDS:
        setattr(meeting, name, getattr(header, name))
    # A re-import without a date or URL keeps the ones the meeting has.
    meeting.date = header.date or meeting.date
    meeting.source_url = header.source_url or meeting.source_url
    meeting.summary = "\n\n".join(header.summary)
    meeting.notes = release.notes_text
    meeting.record_kind = release.kind
    # The verbatim record's cover; other kinds have none.
    meeting.time = getattr(header, "time", "")
    meeting.place = getattr(header, "place", "")
    meeting.provisional = getattr(header, "provisional", False)
    president = getattr(header, "president", None)
    meeting.president = president_text(president) if president else ""
    meeting.members = [asdict(member) for member in getattr(header, "members", ())]
    meeting.agenda = list(getattr(header, "agenda", ()))


def _sync(meeting, existing, parsed, *, added_from: str, imported_by) -> dict[str, int]:
    """Make `existing` (one record's statements in `meeting`) what `parsed` says."""
    kept, removed = _match(existing, parsed)
    _refuse_if_work_would_be_lost(meeting, removed)
    speakers, speakers_created = speakers_for(parsed)
    reason = f"Imported from {added_from or meeting.symbol}"
    if removed:
        Statement.objects.filter(pk__in=[s.pk for s in removed]).delete()
    if kept:
        # Two steps so that no two statements ever share an order, even for a moment.
        Statement.objects.filter(pk__in=[s.pk for s, _ in kept]).update(
            order=F("order") + _ORDER_OFFSET
        )
    changed, unchanged = [], 0
    for statement, item in kept:
        before = [getattr(statement, name) for name in _STATEMENT_FIELDS]
        _fill(statement, item, speakers)
        if [getattr(statement, name) for name in _STATEMENT_FIELDS] != before:
            changed.append(statement)
        else:
            unchanged += 1
    # Unchanged rows still need their order back from the offset.
    Statement.objects.filter(pk__in=[s.pk for s, _ in kept if s not in changed]).update(
        order=F("order") - _ORDER_OFFSET
    )
    history = {"default_user": imported_by, "default_change_reason": reason}
    if changed:
        bulk_update_with_history(
            changed, Statement, _STATEMENT_FIELDS, batch_size=BATCH_SIZE, **history
        )
    matched = {id(item) for _, item in kept}
    new = [
        _fill(Statement(meeting=meeting, text=item.text, added_from=added_from), item, speakers)
        for item in parsed
        if id(item) not in matched
    ]
    if new:
        bulk_create_with_history(new, Statement, batch_size=BATCH_SIZE, **history)
    return {
        "statements_created": len(new),
        "statements_updated": len(changed),
        "statements_unchanged": unchanged,
        "statements_removed": len(removed),
        "speakers_created": speakers_created,
    }


def _renumber_after(statements: list[Statement], *, last: int) -> None:
    """Other records' statements, in their order, after the meeting's own `last`."""
    for statement in statements:
        last += 1
        statement.order = last
    if statements:
        Statement.objects.bulk_update(statements, ["order"], batch_size=BATCH_SIZE)


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
    work = _protected_work([s.pk for s in removed])
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


def _protected_work(ids: list[int]) -> dict[int, list[str]]:
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
    return work


def _fill(statement: Statement, parsed: ParsedStatement, speakers):
    statement.order = parsed.order
    statement.segment = parsed.segment
    statement.speaker = speakers[speaker_key(parsed)] if parsed.speaker else None
    statement.delegation = parsed.delegation
    statement.role = parsed.role
    statement.on_behalf_of = parsed.on_behalf_of
    statement.speaker_type = parsed.speaker_type
    # A named speaker's gender is the speaker's; an unnamed one's, the record's pronouns'.
    statement.gender = parsed.speaker.gender if parsed.speaker else parsed.gender
    statement.language = getattr(parsed, "language", "")
    statement.from_summary = parsed.from_summary
    return statement
