"""Writes of the exchange: a codebook read from another tool saved as a new scheme."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from ..models import Code, CodingScheme
from .refi_qda.reading import ParsedCodebook


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
