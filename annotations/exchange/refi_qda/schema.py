"""The QDA-XML namespaces, the REFI schema, stable GUIDs and XML-safe text."""

import re
import uuid
from functools import cache
from pathlib import Path

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSD_PATH = Path(__file__).with_name("Project-mrt2019.xsd")
# The .qdc schema, written from the codebook types of the project schema (see its header).
CODEBOOK_XSD_PATH = Path(__file__).with_name("Codebook-mrt2019.xsd")
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


@cache
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(CODEBOOK_XSD_PATH)))


def schema_errors(document: etree._Element) -> list[str]:
    """Problems of a <Project> (project schema) or a .qdc <CodeBook> (codebook schema)
    against its REFI schema, first ones first."""
    is_codebook = etree.QName(document).namespace == CODEBOOK_NS
    schema = codebook_schema() if is_codebook else project_schema()
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in list(schema.error_log)[:5]]
