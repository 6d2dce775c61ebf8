"""Writes of coding: annotations, missed opportunities, done marks and suggestion decisions.

Every write — from the workspace, the REST API, the admin or a command — goes
through these keyword-only functions. They run in a transaction, check the
rules the database cannot (the quote matches the text, the code belongs to the
meeting's scheme, the analyst owns what they change) and raise Django's
ValidationError or PermissionDenied with a message naming the problem. A
statement's text changes through statement_text.statement_text_update.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.models import Meeting, Statement

from ..codebook.selectors import scheme_for_meeting
from ..models import (
    Annotation,
    AnnotationSource,
    Code,
    MissedOpportunity,
    StatementProgress,
    SuggestionDecision,
)
from ..roles import can_restore
from .anchoring import quote_context
from .spans import span_errors
from .suggestions import suggestions_in_text


class StaleVersion(Exception):
    """A change was made from a version that is no longer current."""

    def __init__(self, current: Annotation):
        self.current = current
        super().__init__(
            f"Annotation {current.pk} has changed since you loaded it "
            f"(now version {current.version})."
        )


def _check_code(*, code: Code, statement: Statement) -> None:
    scheme = scheme_for_meeting(statement.meeting)
    if code.scheme_id != scheme.pk:
        raise ValidationError(
            {
                "code": f'Code "{code.slug}" belongs to scheme "{code.scheme}", '
                f'but meeting {statement.meeting.symbol} is coded with "{scheme}".'
            }
        )
    if code.retired:
        raise ValidationError({"code": f'Code "{code.slug}" is retired.'})


def _check_span(
    *, code: Code, statement: Statement, start: int | None, end: int | None, quote: str | None
) -> tuple[int | None, int | None, str]:
    """Validate offsets against the statement text and return (start, end, quote)."""
    errors = span_errors(code=code, text=statement.text, start=start, end=end, quote=quote)
    if errors:
        raise ValidationError(errors)
    if code.statement_level:
        return None, None, ""
    return start, end, statement.text[start:end]


@transaction.atomic
def annotation_create(
    *,
    statement: Statement,
    code: Code,
    analyst: AbstractBaseUser,
    start: int | None = None,
    end: int | None = None,
    quote: str | None = None,
    memo: str = "",
    source: str = AnnotationSource.MANUAL,
) -> Annotation:
    _check_code(code=code, statement=statement)
    start, end, quote = _check_span(
        code=code, statement=statement, start=start, end=end, quote=quote
    )
    prefix, suffix = ("", "") if start is None else quote_context(statement.text, start, end)
    annotation = Annotation(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        memo=memo,
        source=source,
    )
    annotation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            annotation.save()
    except IntegrityError:
        raise ValidationError(
            {"non_field_errors": "You have already coded this passage with this code."}
        ) from None
    return annotation


def _check_owner(annotation: Annotation, actor: AbstractBaseUser) -> None:
    if annotation.analyst_id != actor.pk:
        raise PermissionDenied("This annotation belongs to another analyst.")


def _locked(annotation: Annotation) -> Annotation:
    return (
        Annotation.objects.select_for_update()
        .select_related("statement__meeting", "code")
        .get(pk=annotation.pk)
    )


@transaction.atomic
def annotation_update(
    *,
    annotation: Annotation,
    actor: AbstractBaseUser,
    version: int,
    memo: str | None = None,
    code: Code | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Annotation:
    """Change memo, code or span; `version` is the version the client saw."""
    current = _locked(annotation)
    _check_owner(current, actor)
    if current.deleted_at is not None:
        raise ValidationError("This annotation has been deleted.")
    if version != current.version:
        raise StaleVersion(current)
    if code is not None and code.pk != current.code_id:
        _check_code(code=code, statement=current.statement)
        if code.statement_level != current.code.statement_level:
            raise ValidationError(
                {"code": "A passage code cannot become a statement-level code, or back."}
            )
        current.code = code
    if start is not None or end is not None:
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        new_start, new_end, quote = _check_span(
            code=current.code,
            statement=current.statement,
            start=new_start,
            end=new_end,
            quote=None,
        )
        current.start, current.end, current.quote = new_start, new_end, quote
        current.prefix, current.suffix = quote_context(current.statement.text, new_start, new_end)
        # The analyst has placed the passage again themselves: nothing left to review.
        current.needs_review = False
    if memo is not None:
        current.memo = memo
    current.version += 1
    try:
        with transaction.atomic():
            current.save()
    except IntegrityError:
        raise ValidationError(
            {"non_field_errors": "You have already coded this passage with this code."}
        ) from None
    return current


@transaction.atomic
def annotation_delete(
    *, annotation: Annotation, actor: AbstractBaseUser, version: int | None = None
) -> Annotation:
    """Soft delete: the annotation leaves every view but stays restorable."""
    return _soft_delete(_locked(annotation), actor=actor, version=version, withdrawn=False)


@transaction.atomic
def annotation_withdraw(
    *, annotation: Annotation, actor: AbstractBaseUser, version: int | None = None
) -> Annotation:
    """Undo a coding: the annotation goes as if never made (history keeps it; redo restores)."""
    return _soft_delete(_locked(annotation), actor=actor, version=version, withdrawn=True)


def _soft_delete(
    current: Annotation, *, actor: AbstractBaseUser, version: int | None, withdrawn: bool
) -> Annotation:
    _check_owner(current, actor)
    if current.deleted_at is not None:
        raise ValidationError("This annotation is already deleted.")
    if version is not None and version != current.version:
        raise StaleVersion(current)
    current.deleted_at = timezone.now()
    current.deleted_by = actor
    current.withdrawn = withdrawn
    current.version += 1
    current.save()
    return current


@transaction.atomic
def annotation_restore(*, annotation: Annotation, actor: AbstractBaseUser) -> Annotation:
    """Undo a delete: by the analyst who owns it, or by an administrator."""
    current = _locked(annotation)
    if not (current.analyst_id == actor.pk or can_restore(actor)):
        raise PermissionDenied("Only the analyst or an administrator can restore this.")
    if current.deleted_at is None:
        raise ValidationError("This annotation is not deleted; there is nothing to restore.")
    clash = Annotation.objects.live().filter(
        analyst_id=current.analyst_id,
        statement_id=current.statement_id,
        code_id=current.code_id,
        start=current.start,
        end=current.end,
    )
    if clash.exists():
        raise ValidationError("The same passage has been coded again with this code since.")
    current.deleted_at = None
    current.deleted_by = None
    current.withdrawn = False
    current.version += 1
    current.save()
    return current


class StaleMissedOpportunity(StaleVersion):
    """A missed opportunity was changed from a version that is no longer current."""

    def __init__(self, current: MissedOpportunity):
        self.current = current
        Exception.__init__(
            self,
            f"Missed opportunity {current.pk} has changed since you loaded it "
            f"(now version {current.version}).",
        )


def _check_missed_codes(*, meeting: Meeting, codes: list[Code]) -> None:
    scheme = scheme_for_meeting(meeting)
    foreign = [code.slug for code in codes if code.scheme_id != scheme.pk]
    if foreign:
        raise ValidationError(
            {
                "codes": f'Not in scheme "{scheme}" of meeting {meeting.symbol}: '
                + ", ".join(foreign)
                + "."
            }
        )


@transaction.atomic
def missed_opportunity_create(
    *,
    meeting: Meeting,
    analyst: AbstractBaseUser,
    title: str,
    rationale: str,
    codes: list[Code] | tuple[Code, ...] = (),
) -> MissedOpportunity:
    codes = list(codes)
    _check_missed_codes(meeting=meeting, codes=codes)
    missed = MissedOpportunity(meeting=meeting, analyst=analyst, title=title, rationale=rationale)
    missed.full_clean()
    missed.save()
    missed.codes.set(codes)
    return missed


def _locked_missed(missed: MissedOpportunity, actor: AbstractBaseUser) -> MissedOpportunity:
    current = (
        MissedOpportunity.objects.select_for_update().select_related("meeting").get(pk=missed.pk)
    )
    if current.analyst_id != actor.pk:
        raise PermissionDenied("This missed opportunity belongs to another analyst.")
    return current


@transaction.atomic
def missed_opportunity_update(
    *,
    missed_opportunity: MissedOpportunity,
    actor: AbstractBaseUser,
    version: int,
    title: str | None = None,
    rationale: str | None = None,
    codes: list[Code] | None = None,
) -> MissedOpportunity:
    """Change title, rationale or codes; `version` is the version the client saw."""
    current = _locked_missed(missed_opportunity, actor)
    if current.deleted_at is not None:
        raise ValidationError("This missed opportunity has been deleted.")
    if version != current.version:
        raise StaleMissedOpportunity(current)
    if title is not None:
        current.title = title
    if rationale is not None:
        current.rationale = rationale
    current.version += 1
    current.full_clean()
    current.save()
    if codes is not None:
        _check_missed_codes(meeting=current.meeting, codes=codes)
        current.codes.set(codes)
    return current


@transaction.atomic
def missed_opportunity_delete(
    *, missed_opportunity: MissedOpportunity, actor: AbstractBaseUser, version: int | None = None
) -> MissedOpportunity:
    """Soft delete: it leaves reports and lists but stays in history."""
    current = _locked_missed(missed_opportunity, actor)
    if current.deleted_at is not None:
        raise ValidationError("This missed opportunity is already deleted.")
    if version is not None and version != current.version:
        raise StaleMissedOpportunity(current)
    current.deleted_at = timezone.now()
    current.version += 1
    current.save()
    return current


# Done marks: an analyst marks a statement done, or not done again.


@transaction.atomic
def statement_mark_done(*, statement: Statement, analyst: AbstractBaseUser) -> StatementProgress:
    """Mark a statement done for `analyst`; marking it again keeps the first time."""
    progress, _ = StatementProgress.objects.get_or_create(statement=statement, analyst=analyst)
    return progress


@transaction.atomic
def statement_mark_not_done(*, statement: Statement, analyst: AbstractBaseUser) -> None:
    """Take the done mark off again (nothing happens if there was none)."""
    StatementProgress.objects.filter(statement=statement, analyst=analyst).delete()


# Suggestion decisions (coding.suggestions finds the suggestions).


def _check_is_suggestion(*, statement: Statement, code: Code, start: int, end: int) -> None:
    spans = {(s, e) for s, e, _ in suggestions_in_text(text=statement.text, code=code)}
    if (start, end) not in spans:
        raise ValidationError(
            {
                "start": f"The passage {start}–{end} of statement {statement.pk} is not a "
                f'suggestion for "{code.slug}" (its keywords may have changed; reload).'
            }
        )


def _decide(
    *,
    statement: Statement,
    code: Code,
    analyst: AbstractBaseUser,
    start: int,
    end: int,
    decision: str,
    annotation: Annotation | None = None,
) -> SuggestionDecision:
    try:
        with transaction.atomic():
            return SuggestionDecision.objects.create(
                statement=statement,
                code=code,
                analyst=analyst,
                start=start,
                end=end,
                decision=decision,
                annotation=annotation,
            )
    except IntegrityError:
        raise ValidationError(
            {"non_field_errors": "You have already accepted or dismissed this suggestion."}
        ) from None


@transaction.atomic
def suggestion_accept(
    *, statement: Statement, code: Code, analyst: AbstractBaseUser, start: int, end: int
) -> Annotation:
    """The suggested passage becomes the analyst's annotation; the acceptance is counted."""
    _check_is_suggestion(statement=statement, code=code, start=start, end=end)
    if SuggestionDecision.objects.filter(
        statement=statement, code=code, analyst=analyst, start=start, end=end
    ).exists():
        raise ValidationError(
            {"non_field_errors": "You have already accepted or dismissed this suggestion."}
        )
    annotation = annotation_create(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=end,
        source=AnnotationSource.SUGGESTION,
    )
    _decide(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=end,
        decision=SuggestionDecision.Decision.ACCEPTED,
        annotation=annotation,
    )
    return annotation


@transaction.atomic
def suggestion_dismiss(
    *, statement: Statement, code: Code, analyst: AbstractBaseUser, start: int, end: int
) -> SuggestionDecision:
    """The analyst says the suggestion does not apply; it is counted and not offered again."""
    _check_is_suggestion(statement=statement, code=code, start=start, end=end)
    return _decide(
        statement=statement,
        code=code,
        analyst=analyst,
        start=start,
        end=end,
        decision=SuggestionDecision.Decision.DISMISSED,
    )


@transaction.atomic
def suggestion_reopen(
    *, statement: Statement, code: Code, analyst: AbstractBaseUser, start: int, end: int
) -> None:
    """Undo an accept or a dismiss: the decision goes, and so does an accepted annotation."""
    decision = (
        SuggestionDecision.objects.select_for_update()
        .filter(statement=statement, code=code, analyst=analyst, start=start, end=end)
        .first()
    )
    if decision is None:
        raise ValidationError(
            {"non_field_errors": "You have not accepted or dismissed this suggestion."}
        )
    annotation = decision.annotation
    decision.delete()
    if annotation is not None and annotation.deleted_at is None:
        annotation_delete(annotation=annotation, actor=analyst)
