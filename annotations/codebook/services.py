"""Writes of the codebook (administrators, through the API or the admin).

Codes already used by annotations keep what the annotations depend on: their
scheme, slug and kind (passage or statement).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from tracker.models import Meeting

from ..models import Annotation, Code, CodingScheme, Memo, SchemeAssignment
from .selectors import scheme_for_meeting

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
    if Memo.objects.filter(code__scheme=scheme).exists():
        raise ValidationError(
            f'Scheme "{scheme}" has memos on its codes; it cannot be deleted (retire them).'
        )
    scheme.delete()


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
    if Memo.objects.filter(code=code).exists():
        raise ValidationError(f'Code "{code.slug}" has memos; retire it instead.')
    code.delete()


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
