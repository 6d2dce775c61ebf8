"""Reading a codebook from a .qdc file or from the codebook inside a .qdpx.

A parser in the doccano manner: bytes in, plain data out, no ORM. Anything
that is not a readable REFI-QDA file raises NotRefiQda with a message that
names the problem; exchange.services saves the result as a new scheme.

QDA-XML codebooks are trees of any depth; a workbench scheme has groups of
codes. Top-level codes with children become groups (and, when codable, a code
of their own group too); their descendants become that group's codes, deeper
levels named "Parent › Child". Top-level codes without children go to one
group named "Codes".
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .codebook import EXAMPLE_MARK
from .schema import (
    CODEBOOK_NS,
    PROJECT_NS,
    NotRefiQda,
    schema_errors,
)

MAX_XML_BYTES = 50 * 1024 * 1024
UNGROUPED = "Codes"
_COLOUR = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


@dataclass
class ParsedCode:
    name: str
    definition: str = ""
    example: str = ""
    colour: str = ""


@dataclass
class ParsedGroup:
    name: str
    description: str = ""
    codes: list[ParsedCode] = field(default_factory=list)


@dataclass
class ParsedCodebook:
    name: str
    groups: list[ParsedGroup]

    @property
    def code_count(self) -> int:
        return sum(len(group.codes) for group in self.groups)


def _parser() -> etree.XMLParser:
    # No entities, no network, no DTD: a hostile file cannot read files or expand bombs.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xml(data: bytes) -> etree._Element:
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise NotRefiQda(f"The file is not well-formed XML: {exc}.") from None
    dtd = root.getroottree().docinfo.internalDTD
    declared = sorted(entity.name for entity in dtd.iterentities()) if dtd is not None else []
    if declared:
        # Unresolved, they would stay in the tree as entity nodes no reader expects.
        raise NotRefiQda(
            "The file declares XML entities in its DTD ("
            + ", ".join(declared[:5])
            + "); REFI-QDA files declare none, so it is not read."
        )
    return root


def _project_xml(data: bytes) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise NotRefiQda("A .qdpx file is a zip archive; this file is not one.") from None
    with archive:
        try:
            info = archive.getinfo("project.qde")
        except KeyError:
            raise NotRefiQda("The .qdpx archive holds no project.qde.") from None
        if info.file_size > MAX_XML_BYTES:
            raise NotRefiQda("project.qde is larger than 50 MB; it is not read.")
        try:
            return archive.read(info)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
            raise NotRefiQda(f"project.qde cannot be extracted: {exc}.") from None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _description(element: etree._Element) -> str:
    found = _children(element, "Description")
    return (found[0].text or "").strip() if found else ""


def _colour(element: etree._Element) -> str:
    value = (element.get("color") or "").strip()
    if not _COLOUR.fullmatch(value):
        return ""
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits.lower()


def _code(element: etree._Element, name: str) -> ParsedCode:
    text = _description(element)
    definition, _, example = text.partition(EXAMPLE_MARK)
    return ParsedCode(
        name=name, definition=definition.strip(), example=example.strip(), colour=_colour(element)
    )


def _descendants(element: etree._Element, prefix: str) -> list[ParsedCode]:
    found = []
    for child in _children(element, "Code"):
        name = child.get("name", "").strip()
        full = f"{prefix} › {name}" if prefix else name
        if child.get("isCodable", "true").strip().lower() in {"true", "1"}:
            found.append(_code(child, full))
        found.extend(_descendants(child, full))
    return found


def _groups(codes: etree._Element) -> list[ParsedGroup]:
    groups: list[ParsedGroup] = []
    loose = ParsedGroup(name=UNGROUPED)
    for top in _children(codes, "Code"):
        name = top.get("name", "").strip()
        codable = top.get("isCodable", "true").strip().lower() in {"true", "1"}
        if not _children(top, "Code"):
            if codable:
                loose.codes.append(_code(top, name))
            continue
        group = ParsedGroup(name=name, description=_description(top) if not codable else "")
        if codable:
            group.codes.append(_code(top, name))
        group.codes.extend(_descendants(top, ""))
        if group.codes:
            groups.append(group)
    if loose.codes:
        groups.append(loose)
    return groups


def parse_codebook(data: bytes, *, filename: str = "") -> ParsedCodebook:
    """The codebook of a .qdc or .qdpx file (told apart by content, not by name)."""
    if not data:
        raise NotRefiQda("The file is empty.")
    if len(data) > MAX_XML_BYTES:
        raise NotRefiQda("The file is larger than 50 MB; it is not read.")
    is_zip = zipfile.is_zipfile(io.BytesIO(data))
    root = _xml(_project_xml(data) if is_zip else data)
    tag = etree.QName(root)
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if (tag.namespace, tag.localname) == (PROJECT_NS, "Project"):
        errors = schema_errors(root)
        codebooks = _children(root, "CodeBook")
        name = root.get("name") or stem
    elif (tag.namespace, tag.localname) == (CODEBOOK_NS, "CodeBook"):
        errors = schema_errors(root)
        codebooks = [root]
        name = root.get("name") or stem
    else:
        raise NotRefiQda(
            f"Expected a REFI-QDA <CodeBook> ({CODEBOOK_NS}) or <Project> ({PROJECT_NS}); "
            f"the file starts with <{tag.localname}>"
            + (f" in namespace {tag.namespace}." if tag.namespace else " without a namespace.")
        )
    if errors:
        raise NotRefiQda("The file does not follow the REFI-QDA schema: " + "; ".join(errors))
    if not codebooks:
        raise NotRefiQda("The project holds no codebook.")
    groups = _groups(_children(codebooks[0], "Codes")[0])
    if not groups:
        raise NotRefiQda("The codebook holds no codable codes.")
    return ParsedCodebook(name=name.strip() or "Imported codebook", groups=groups)
