"""The QDA-XML namespaces, the REFI schema, stable GUIDs and XML-safe text."""

import re
import uuid
from functools import cache
from pathlib import Path

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSD_PATH = Path(__file__).with_name("Project-mrt2019.xsd")
ORIGIN = "Gender-analysis annotation workbench"

# GUIDs derive from this namespace and the object's kind and id, so exporting
# the same project twice gives the same GUIDs (tools then recognise objects).
GUID_NAMESPACE = uuid.UUID("6f1f3c53-5c5e-4b0e-9d3b-8e1c9f0a4d21")

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class NotRefiQda(ValueError):
    """The file is not a REFI-QDA codebook or project we can read."""


def guid(kind: str, key: object) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}")).upper()


def xml_text(value: str) -> str:
    """Text that XML can hold: characters it cannot are replaced with U+FFFD."""
    return _NOT_XML.sub("\ufffd", value or "")


@cache
def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_PATH)))


def schema_errors(document: etree._Element) -> list[str]:
    """Problems of a <Project> document against the REFI schema, first ones first."""
    schema = project_schema()
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in list(schema.error_log)[:5]]


def codebook_as_project(codebook: etree._Element) -> etree._Element:
    """A .qdc <CodeBook> moved into a <Project>, so the project schema can check it.

    The codebook namespace uses the project's CodeBook/Codes/Code structure; only
    the namespace differs, and REFI publishes no separate schema file for it here.
    """
    project = etree.Element(f"{{{PROJECT_NS}}}Project", nsmap={None: PROJECT_NS})
    project.set("name", "codebook")
    copy = etree.fromstring(etree.tostring(codebook))
    for element in copy.iter():
        if isinstance(element.tag, str) and element.tag.startswith(f"{{{CODEBOOK_NS}}}"):
            element.tag = f"{{{PROJECT_NS}}}" + element.tag.split("}", 1)[1]
    etree.cleanup_namespaces(copy)
    project.append(copy)
    return project
