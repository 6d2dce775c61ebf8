"""Writing a codebook as QDA-XML codes: the scheme's groups become parent codes
(not codable) and its codes their codable children."""

from collections.abc import Iterable

from lxml import etree

from ...models import Code, CodingScheme
from .schema import CODEBOOK_NS, ORIGIN, guid, xml_text

EXAMPLE_MARK = "\n\nExample: "


def code_description(code: Code) -> str:
    text = code.definition
    if code.example:
        text += EXAMPLE_MARK + code.example
    return text


def _sub(parent: etree._Element, ns: str, tag: str, **attributes) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attributes.items() if v})


def _code(
    parent,
    ns: str,
    *,
    key: str,
    name: str,
    codable: bool,
    colour: str = "",
    text: str = "",
    notes: Iterable[str] = (),
):
    element = _sub(
        parent,
        ns,
        "Code",
        guid=key,
        name=xml_text(name) or "(unnamed)",
        isCodable="true" if codable else "false",
        color=colour,
    )
    if text:
        _sub(element, ns, "Description").text = xml_text(text)
    for note in notes:
        _sub(element, ns, "NoteRef", targetGUID=note)
    return element


def _groups(scheme: CodingScheme, codes: list[Code]) -> list[tuple[str, str, str, list[Code]]]:
    """(slug, name, description, codes) in codebook order, codes of unknown groups last."""
    declared = [
        (g["slug"], g.get("name") or g["slug"], g.get("description", "")) for g in scheme.groups
    ]
    by_group: dict[str, list[Code]] = {}
    for code in codes:
        by_group.setdefault(code.group, []).append(code)
    known = {slug for slug, _, _ in declared}
    extra = [(slug, slug, "") for slug in by_group if slug not in known]
    return [(s, n, d, by_group[s]) for s, n, d in declared + extra if by_group.get(s)]


def codes_element(
    parent: etree._Element,
    ns: str,
    schemes: Iterable[CodingScheme],
    notes: dict[int, list[str]] | None = None,
) -> None:
    """Append <Codes> for the schemes (codes prefetched as `scheme.codes`) to `parent`.

    With one scheme its groups are the top level; with several, each scheme is
    a parent code of its groups. `notes` (a project's) are the GUIDs of the notes on
    each code, by code id: the code refers to each (its memos).
    """
    notes = notes or {}
    schemes = list(schemes)
    codes_root = _sub(parent, ns, "Codes")
    for scheme in schemes:
        top = codes_root
        if len(schemes) > 1:
            top = _code(
                codes_root,
                ns,
                key=guid("scheme", scheme.pk),
                name=str(scheme),
                codable=False,
                text=scheme.description,
            )
        codes = sorted(scheme.codes.all(), key=lambda c: (c.order, c.pk))
        for slug, name, description, members in _groups(scheme, codes):
            group = _code(
                top,
                ns,
                key=guid("group", f"{scheme.pk}:{slug}"),
                name=name,
                codable=False,
                text=description,
            )
            for code in members:
                _code(
                    group,
                    ns,
                    key=guid("code", code.pk),
                    name=code.name,
                    codable=True,
                    colour=code.colour,
                    text=code_description(code),
                    notes=notes.get(code.pk, ()),
                )


def codebook_qdc(schemes: Iterable[CodingScheme]) -> bytes:
    """A REFI-QDA codebook file (.qdc) for the schemes."""
    root = etree.Element(
        f"{{{CODEBOOK_NS}}}CodeBook", {"origin": ORIGIN}, nsmap={None: CODEBOOK_NS}
    )
    codes_element(root, CODEBOOK_NS, schemes)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
