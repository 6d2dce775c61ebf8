"""Writes of the analysis domain.

Every write — from the workspace, the REST API, the admin or a command — goes
through these keyword-only functions. They run in a transaction, check the
rules the database cannot (the quote matches the text, the code belongs to the
meeting's scheme, the analyst owns what they change) and raise Django's
ValidationError or PermissionDenied with a message naming the problem.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.models import Meeting, Statement

from .models import Annotation, AnnotationSource, Code, CodingScheme, SchemeAssignment

CONTEXT_CHARS = 32


class StaleVersion(Exception):
    """A change was made from a version that is no longer current."""

    def __init__(self, current: Annotation):
        self.current = current
        super().__init__(
            f"Annotation {current.pk} has changed since you loaded it "
            f"(now version {current.version})."
        )


def scheme_for_meeting(meeting: Meeting) -> CodingScheme:
    """The coding scheme in use for a meeting: its own, else the default one."""
    assignment = SchemeAssignment.objects.filter(meeting=meeting).select_related("scheme").first()
    if assignment:
        return assignment.scheme
    scheme = CodingScheme.objects.filter(is_default=True).first()
    if scheme is None:
        raise ValidationError("No coding scheme is set for this meeting and none is the default.")
    return scheme


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Prefix and suffix around text[start:end], as a W3C TextQuoteSelector keeps them."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


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
    if code.statement_level:
        if start is not None or end is not None:
            raise ValidationError(
                {"start": f'"{code.slug}" is a statement-level code: send no offsets.'}
            )
        return None, None, ""
    if start is None or end is None:
        raise ValidationError({"start": f'"{code.slug}" applies to a passage: send start and end.'})
    length = len(statement.text)
    errors = {}
    if start < 0:
        errors["start"] = "start must be 0 or more."
    if end > length:
        errors["end"] = f"end {end} is past the end of the statement ({length} characters)."
    if start >= end:
        errors.setdefault("end", "end must be greater than start.")
    if errors:
        raise ValidationError(errors)
    actual = statement.text[start:end]
    if not actual.strip():
        raise ValidationError({"start": "The passage is empty or only white space."})
    if quote is not None and quote != actual:
        raise ValidationError(
            {
                "quote": f"The quote does not match the statement text at {start}–{end} "
                f"(the text there reads {actual[:60]!r})."
            }
        )
    return start, end, actual


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
    current = _locked(annotation)
    _check_owner(current, actor)
    if current.deleted_at is not None:
        raise ValidationError("This annotation is already deleted.")
    if version is not None and version != current.version:
        raise StaleVersion(current)
    current.deleted_at = timezone.now()
    current.deleted_by = actor
    current.version += 1
    current.save()
    return current


@transaction.atomic
def annotation_restore(*, annotation: Annotation, actor: AbstractBaseUser) -> Annotation:
    """Undo a delete: by the analyst who owns it, or by an administrator."""
    current = _locked(annotation)
    if not (current.analyst_id == actor.pk or getattr(actor, "is_superuser", False)):
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
    current.version += 1
    current.save()
    return current
