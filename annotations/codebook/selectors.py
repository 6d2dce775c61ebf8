"""Reads of the codebook: which scheme a meeting is coded with, and its codes.

Every API, page and service that names a code by id or by slug resolves it here,
so "which code did the client mean" has one answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from tracker.models import Meeting

from ..models import Code, CodingScheme, SchemeAssignment


@dataclass(frozen=True)
class CodeGroup:
    """One group of the codebook with its codes, in codebook order."""

    slug: str
    name: str
    description: str
    codes: list[Code]


def scheme_for_meeting(meeting: Meeting) -> CodingScheme:
    """The coding scheme in use for a meeting: its own, else the default one."""
    assignment = SchemeAssignment.objects.filter(meeting=meeting).select_related("scheme").first()
    if assignment:
        return assignment.scheme
    scheme = CodingScheme.objects.filter(is_default=True).first()
    if scheme is None:
        raise ValidationError("No coding scheme is set for this meeting and none is the default.")
    return scheme


def scheme_ids_for_meetings(meeting_ids: set[int]) -> dict[int, int | None]:
    """scheme_for_meeting in bulk, as ids: two queries for any number of meetings."""
    default = CodingScheme.objects.filter(is_default=True).values_list("pk", flat=True).first()
    assigned = dict(
        SchemeAssignment.objects.filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", "scheme_id"
        )
    )
    return {meeting_id: assigned.get(meeting_id, default) for meeting_id in meeting_ids}


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


def code_by_id_or_slug(*, meeting: Meeting, code: Code | None, slug: str | None) -> Code:
    """The code a client named: `code` (by id) or `slug` (in the meeting's scheme).

    Both may be sent if they agree; neither is refused.
    """
    if code is not None and slug is not None and code.slug != slug:
        raise ValidationError(
            {"code_slug": "code and code_slug name different codes; send one of them."}
        )
    if code is not None:
        return code
    if slug is None:
        raise ValidationError({"code": "Send code (an id) or code_slug."})
    return code_by_slug(meeting=meeting, slug=slug)


def codes_by_ids_or_slugs(
    *, meeting: Meeting, codes: list[Code] | None, slugs: list[str] | None
) -> list[Code] | None:
    """The codes a client named by id or by slug (None: it named none); both must agree."""
    if slugs is None:
        return codes
    by_slug = codes_by_slugs(meeting=meeting, slugs=slugs)
    if codes is not None and {c.pk for c in codes} != {c.pk for c in by_slug}:
        raise ValidationError(
            {"code_slugs": "codes and code_slugs name different codes; send one of them."}
        )
    return by_slug


def codebook(*, scheme: CodingScheme) -> list[CodeGroup]:
    """The scheme's active codes in codebook order, grouped as the codebook groups them."""
    codes = list(Code.objects.filter(scheme=scheme).active().in_codebook_order())
    by_group: dict[str, list[Code]] = {}
    for code in codes:
        by_group.setdefault(code.group, []).append(code)
    groups = [
        CodeGroup(
            slug=group["slug"],
            name=group.get("name") or group["slug"],
            description=group.get("description", ""),
            codes=by_group.pop(group["slug"]),
        )
        for group in scheme.groups or []
        if group.get("slug") in by_group
    ]
    # Codes whose group the scheme does not list still belong in the picker.
    groups += [
        CodeGroup(slug=slug, name=slug, description="", codes=codes)
        for slug, codes in by_group.items()
    ]
    return groups
