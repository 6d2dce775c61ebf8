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
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from tracker.models import Meeting, Statement

from .interchange.reading import ParsedCodebook
from .models import (
    Annotation,
    AnnotationSource,
    Code,
    CodingScheme,
    MissedOpportunity,
    SchemeAssignment,
)
from .roles import can_restore

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
    current.version += 1
    current.save()
    return current


def code_by_slug(*, meeting: Meeting, slug: str) -> Code:
    """The code with this slug in the scheme the meeting is coded with."""
    scheme = scheme_for_meeting(meeting)
    code = Code.objects.filter(scheme=scheme, slug=slug).first()
    if code is None:
        raise ValidationError(
            {"code_slug": f'No code "{slug}" in scheme "{scheme}" of meeting {meeting.symbol}.'}
        )
    return code


def codes_by_slugs(*, meeting: Meeting, slugs: list[str]) -> list[Code]:
    """Codes of the meeting's scheme, in the order of `slugs`; all must exist."""
    scheme = scheme_for_meeting(meeting)
    found = {code.slug: code for code in Code.objects.filter(scheme=scheme, slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise ValidationError(
            {
                "code_slugs": f'Not codes of scheme "{scheme}" of meeting {meeting.symbol}: '
                + ", ".join(missing)
                + "."
            }
        )
    return list(dict.fromkeys(found[slug] for slug in slugs))


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


# Codebook writes (administrators). Codes already used by annotations keep what
# the annotations depend on: their scheme, slug and kind (passage or statement).
CODE_FIELDS_FIXED_ONCE_USED = ("scheme", "slug", "statement_level")


def _check_groups(groups: object) -> None:
    if not isinstance(groups, list) or not all(
        isinstance(g, dict) and isinstance(g.get("slug"), str) and g["slug"] for g in groups
    ):
        raise ValidationError(
            {"groups": 'Send a list of groups such as [{"slug": "approach", "name": "Approach"}].'}
        )
    slugs = [g["slug"] for g in groups]
    if len(set(slugs)) != len(slugs):
        raise ValidationError({"groups": "Each group slug may appear once."})


def _save_checked(instance, *, message: str):
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError({"non_field_errors": message}) from None
    return instance


@transaction.atomic
def scheme_save(*, scheme: CodingScheme, changes: dict) -> CodingScheme:
    """Create (unsaved `scheme`) or change a coding scheme."""
    if "groups" in changes:
        _check_groups(changes["groups"])
    for field, value in changes.items():
        setattr(scheme, field, value)
    return _save_checked(scheme, message="A scheme with this slug and version exists already.")


@transaction.atomic
def scheme_delete(*, scheme: CodingScheme) -> None:
    if Annotation.objects.filter(code__scheme=scheme).exists():
        raise ValidationError(
            f'Scheme "{scheme}" has annotations; it cannot be deleted (retire its codes instead).'
        )
    if SchemeAssignment.objects.filter(scheme=scheme).exists():
        raise ValidationError(f'Scheme "{scheme}" is assigned to meetings; unassign it first.')
    scheme.delete()


@transaction.atomic
def scheme_assign(*, meeting: Meeting, scheme: CodingScheme | None) -> SchemeAssignment | None:
    """Code `meeting` with `scheme`, or with the default scheme again (None).

    Its annotations' and missed opportunities' codes are of the scheme it is coded
    with, so once it has any, its scheme is fixed.
    """
    new = scheme or CodingScheme.objects.filter(is_default=True).first()
    used = Code.objects.filter(
        Q(annotations__statement__meeting=meeting) | Q(missed_opportunities__meeting=meeting)
    )
    if used.exclude(scheme=new).exists():
        raise ValidationError(
            {
                "scheme": f"Meeting {meeting.symbol} is coded with codes of scheme "
                f'"{scheme_for_meeting(meeting)}": its scheme is fixed.'
            }
        )
    if scheme is None:
        SchemeAssignment.objects.filter(meeting=meeting).delete()
        return None
    assignment, _ = SchemeAssignment.objects.update_or_create(
        meeting=meeting, defaults={"scheme": scheme}
    )
    return assignment


@transaction.atomic
def code_save(*, code: Code, changes: dict) -> Code:
    """Create (unsaved `code`) or change a code of a codebook."""
    if code.pk is not None and Annotation.objects.filter(code=code).exists():
        fixed = [
            field
            for field in CODE_FIELDS_FIXED_ONCE_USED
            if field in changes and changes[field] != getattr(code, field)
        ]
        if fixed:
            raise ValidationError(
                {
                    field: f'Code "{code.slug}" has annotations: its {field} is fixed.'
                    for field in fixed
                }
            )
    for field, value in changes.items():
        setattr(code, field, value)
    scheme_groups = [g.get("slug") for g in code.scheme.groups or []]
    if scheme_groups and code.group not in scheme_groups:
        raise ValidationError(
            {
                "group": f'"{code.group}" is not a group of scheme "{code.scheme}": '
                + ", ".join(scheme_groups)
                + "."
            }
        )
    return _save_checked(code, message="This scheme has a code with this slug or shortcut.")


@transaction.atomic
def code_delete(*, code: Code) -> None:
    if Annotation.objects.filter(code=code).exists():
        raise ValidationError(f'Code "{code.slug}" has annotations; retire it instead.')
    code.delete()


def _unique_slug(name: str, taken: set[str], fallback: str, max_length: int = 100) -> str:
    base = slugify(name)[: max_length - 6].strip("-") or fallback
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


@transaction.atomic
def codebook_import(*, codebook: ParsedCodebook, name: str = "") -> CodingScheme:
    """Save a codebook read from a REFI-QDA file as a new scheme (never the default).

    A scheme with the same slug gets the next version, so nothing existing changes.
    """
    scheme_name = (name or codebook.name).strip()[:200] or "Imported codebook"
    slug = _unique_slug(scheme_name, set(), "imported-codebook")
    latest = CodingScheme.objects.filter(slug=slug).order_by("-version").first()
    group_slugs: set[str] = set()
    code_slugs: set[str] = set()
    groups, codes = [], []
    for group in codebook.groups:
        group_slug = _unique_slug(group.name, group_slugs, f"group-{len(groups) + 1}")
        groups.append(
            {"slug": group_slug, "name": group.name[:200], "description": group.description}
        )
        for parsed in group.codes:
            codes.append(
                Code(
                    group=group_slug,
                    slug=_unique_slug(parsed.name, code_slugs, f"code-{len(codes) + 1}"),
                    name=parsed.name[:200] or f"Code {len(codes) + 1}",
                    definition=parsed.definition,
                    example=parsed.example,
                    colour=parsed.colour or Code._meta.get_field("colour").default,
                    order=len(codes) + 1,
                )
            )
    scheme = CodingScheme(
        name=scheme_name,
        slug=slug,
        version=(latest.version + 1) if latest else 1,
        description=f"Imported from a REFI-QDA file ({codebook.code_count} codes).",
        groups=groups,
    )
    scheme.full_clean()
    scheme.save()
    for code in codes:
        code.scheme = scheme
        code.full_clean(validate_unique=False, validate_constraints=False)
    Code.objects.bulk_create(codes, batch_size=500)
    return scheme
