"""REFI-QDA: .qdc and .qdpx exports valid against the published XSD, and codebook import."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.exchange.refi_qda import project as qdpx_project
from annotations.exchange.refi_qda.schema import CODEBOOK_XSD_PATH, XSD_PATH
from annotations.models import Annotation, CodingScheme
from tracker.models import Meeting

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
STANDARDS = ROOT.parent / "shared" / "standards" / "refi-qda"
PUBLISHED_XSD = STANDARDS / "Project-mrt2019.xsd"
ATLAS_SAMPLE = STANDARDS / "sample-atlas-project.qdpx"
# Written in the exact shape QualCoder's exporter writes (see files/README.md).
QUALCODER_QDC = Path(__file__).with_name("files") / "qualcoder-codebook.qdc"
NS = {"q": "urn:QDA-XML:project:1.0", "c": "urn:QDA-XML:codebook:1.0"}


@pytest.fixture(scope="module")
def published_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(PUBLISHED_XSD)))


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def coded(codebook, meeting, analyst_a, analyst_b):
    first, second, third = meeting.statements.order_by("order")
    code = codebook.codes.get
    start = first.text.index("victim-centred")
    return [
        services.annotation_create(
            statement=first,
            code=code(slug="victim-centred"),
            analyst=analyst_a,
            start=start,
            end=start + 23,
            memo="Names the approach\x0b explicitly",
        ),
        services.annotation_create(
            statement=third,
            code=code(slug="migration-displacement"),
            analyst=analyst_b,
            start=third.text.index("🙂"),
            end=len(third.text) - 1,
        ),
        services.annotation_create(
            statement=second,
            code=code(slug="survivor-testimony"),
            analyst=analyst_a,
            memo="A whole-statement memo",
        ),
    ]


def test_the_shipped_xsd_is_the_published_one():
    assert XSD_PATH.read_bytes() == PUBLISHED_XSD.read_bytes()
    assert b"MIT license" in XSD_PATH.read_bytes()


def qdpx(client, query="") -> zipfile.ZipFile:
    response = client.get(f"/api/export/project.qdpx{query}")
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_project_validates_against_the_published_xsd(
    analyst_b, coded, meeting, published_schema
):
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log
    assert project.get("name") == "GA/TEST-1"


def project_arguments(meeting) -> dict:
    return {
        "name": meeting.symbol,
        "annotations": Annotation.objects.live(),
        "meetings": Meeting.objects.filter(pk=meeting.pk),
        "schemes": CodingScheme.objects.filter(codes__annotations__isnull=False).distinct(),
    }


def without_creation_time(qde: bytes) -> bytes:
    root = etree.fromstring(qde)
    del root.attrib["creationDateTime"]  # the moment of writing, not content
    return etree.tostring(root)


def test_the_streamed_project_is_a_valid_zip_with_data_descriptors_and_no_temporary_file(
    analyst_b, coded, meeting, published_schema, monkeypatch
):
    monkeypatch.setattr(qdpx_project, "PIECE_BYTES", 1)  # hand on every write at once
    response = client_for(analyst_b).get(f"/api/export/project.qdpx?meeting={meeting.pk}")
    assert response.streaming and not response.has_header("Content-Length")
    assert response["Content-Disposition"] == 'attachment; filename="GA-TEST-1.qdpx"'
    pieces = list(response.streaming_content)
    # One piece per source file and per part of the XML: the zip leaves as it is written.
    assert len(pieces) > 3
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pieces)))
    assert archive.testzip() is None
    assert all(info.flag_bits & 0x08 for info in archive.infolist())  # data descriptors
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log


def test_the_streamed_project_holds_what_the_project_written_to_a_file_holds(coded, meeting):
    """The same members in the same order with the same bytes as the .qdpx written to a
    seekable (temporary) file, as the export did before it streamed."""
    streamed = zipfile.ZipFile(
        io.BytesIO(b"".join(qdpx_project.qdpx_chunks(**project_arguments(meeting))))
    )
    on_file = io.BytesIO()
    qdpx_project.write_qdpx(target=on_file, **project_arguments(meeting))
    written = zipfile.ZipFile(on_file)
    assert streamed.namelist() == written.namelist()
    assert len(streamed.namelist()) == 4  # three statements and the project
    for name in written.namelist():
        if name == "project.qde":
            assert without_creation_time(streamed.read(name)) == without_creation_time(
                written.read(name)
            )
        else:
            assert streamed.read(name) == written.read(name)


def test_statements_are_sources_and_every_coding_points_at_its_quote(analyst_b, coded, meeting):
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    sources = project.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == 3  # every statement of the meeting, coded or not
    quotes = {a.quote for a in coded if a.start is not None}
    quotes.add(coded[2].statement.text)  # the statement-level code: the whole text
    found = set()
    for source in sources:
        path = source.get("plainTextPath").removeprefix("internal://")
        text = archive.read(f"Sources/{path}").decode("utf-8")
        for selection in source.findall("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            found.add(text[start:end])
            assert selection.find("q:Coding/q:CodeRef", NS) is not None
    assert found == quotes


def test_statement_level_codes_and_memos_are_selections_of_the_whole_text(
    analyst_b, coded, meeting
):
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    assert project.findall("q:Sources/q:TextSource/q:Coding", NS) == []  # QualCoder skips these
    (whole,) = project.findall(".//q:PlainTextSelection[@name='Whole statement']", NS)
    text = coded[2].statement.text
    assert (whole.get("startPosition"), whole.get("endPosition")) == ("0", str(len(text)))
    assert whole.find("q:Description", NS).text == "A whole-statement memo"
    assert whole.find("q:Coding/q:CodeRef", NS) is not None


def test_source_names_are_safe_file_names_that_keep_the_symbol_readable(analyst_b, coded, meeting):
    meeting.symbol = 'GA/11955\\x:"?'
    meeting.save()
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    names = [s.get("name") for s in project.findall("q:Sources/q:TextSource", NS)]
    assert names[0] == "GA-11955-x--- #1 Félix Braz"
    assert not any(set(name) & set('/\\:*?"<>|') for name in names)


def test_analysts_are_users_and_codings_name_their_creator(analyst_b, coded, meeting):
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    users = {u.get("name"): u.get("guid") for u in project.findall("q:Users/q:User", NS)}
    assert set(users) == {"amina", "bruno"}
    creators = {c.get("creatingUser") for c in project.iterfind(".//q:Coding", NS)}
    assert creators == set(users.values())
    memo = project.find(".//q:PlainTextSelection/q:Description", NS).text
    assert memo == "Names the approach\ufffd explicitly"  # XML cannot carry \x0b


def test_speakers_are_cases_with_their_attributes_as_variables(analyst_b, coded, meeting):
    archive = qdpx(client_for(analyst_b), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    variables = {
        v.get("guid"): v.get("name") for v in project.findall("q:Variables/q:Variable", NS)
    }
    cases = {}
    for case in project.findall("q:Cases/q:Case", NS):
        values = {
            variables[value.find("q:VariableRef", NS).get("targetGUID")]: value[1].text
            for value in case.findall("q:VariableValue", NS)
        }
        cases[case.get("name")] = (values, len(case.findall("q:SourceRef", NS)))
    assert cases["Purna Sen (UN-Women)"] == (
        {
            "Speaker": "Purna Sen",
            "Gender": "female",
            "Speaker type": "un_official",
            "Delegation": "UN-Women",
        },
        1,
    )
    assert cases["Representative of Ethiopia"][0]["Gender"] == "unknown"


def test_the_project_takes_the_annotation_filters(analyst_b, coded, published_schema):
    archive = qdpx(client_for(analyst_b), "?analyst=bruno")
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log
    assert len(project.findall(".//q:Coding", NS)) == 1
    assert [u.get("name") for u in project.findall("q:Users/q:User", NS)] == ["bruno"]


def test_an_empty_selection_still_gives_a_valid_project(analyst_b, codebook, published_schema):
    archive = qdpx(client_for(analyst_b), "?analyst=bruno")
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log


@pytest.fixture(scope="module")
def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(CODEBOOK_XSD_PATH)))


def test_the_codebook_exports_as_a_valid_qdc(analyst_a, codebook, codebook_schema):
    response = client_for(analyst_a).get("/api/export/codebook.qdc")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    assert root.get("origin") == "Gender-analysis annotation workbench"
    assert codebook_schema.validate(root), codebook_schema.error_log
    groups = root.findall("c:Codes/c:Code", NS)
    assert [g.get("name") for g in groups][:2] == ["Approach", "Root causes"]
    assert all(g.get("isCodable") == "false" for g in groups)
    assert sum(len(g.findall("c:Code", NS)) for g in groups) == 27


def test_the_codebook_export_refuses_unknown_schemes(analyst_a, codebook):
    client = client_for(analyst_a)
    assert client.get("/api/export/codebook.qdc?scheme=999999").status_code == 400
    assert client.get("/api/export/codebook.qdc?scheme=x").status_code == 400
    assert client.get("/api/export/codebook.qdc?group=x").status_code == 400


def upload(client, content: bytes, filename: str, **extra):
    return client.post(
        "/api/import/codebook",
        {"file": SimpleUploadedFile(filename, content), **extra},
        format="multipart",
    )


def test_our_own_codebook_round_trips_as_a_new_scheme(administrator, codebook):
    client = client_for(administrator)
    exported = client.get("/api/export/codebook.qdc").content
    response = upload(client, exported, "codebook.qdc", name="Trafficking, round trip")
    assert response.status_code == 201, response.content
    scheme = CodingScheme.objects.get(pk=response.json()["id"])
    assert scheme.is_default is False
    assert [g["name"] for g in scheme.groups] == [g["name"] for g in codebook.groups]
    original = list(codebook.codes.order_by("order").values_list("name", "definition", "colour"))
    imported = list(scheme.codes.order_by("order").values_list("name", "definition", "colour"))
    assert imported == original
    assert scheme.codes.get(name="Victim-centred approach").example == (
        codebook.codes.get(slug="victim-centred").example
    )


def test_the_atlas_ti_sample_imports_as_a_new_scheme(administrator, codebook):
    response = upload(
        client_for(administrator), ATLAS_SAMPLE.read_bytes(), "sample-atlas-project.qdpx"
    )
    assert response.status_code == 201, response.content
    scheme = CodingScheme.objects.get(pk=response.json()["id"])
    assert scheme.name == "target-atlas-project"
    assert [g["name"] for g in scheme.groups] == ["Commits"]
    assert list(scheme.codes.order_by("order").values_list("name", flat=True)) == [
        "Commits",
        "2022-05-10T02:05:59Z 19e4dce",
        "2022-02-11T10:39:25Z cdbfd92",
    ]
    again = upload(client_for(administrator), ATLAS_SAMPLE.read_bytes(), "again.qdpx")
    assert CodingScheme.objects.get(pk=again.json()["id"]).version == 2


def test_the_codebook_schema_has_the_standards_codebook_types(codebook_schema):
    text = CODEBOOK_XSD_PATH.read_text(encoding="utf-8")
    assert 'targetNamespace="urn:QDA-XML:codebook:1.0"' in text
    assert "MIT license" in text
    published = PUBLISHED_XSD.read_text(encoding="utf-8")
    for name in ("CodeType", "SetType", "SetsType", "CodesType"):
        start = published.index(f'<xsd:complexType name="{name}">')
        definition = published[start : published.index("</xsd:complexType>", start)]
        assert definition in text, name


def test_qualcoders_own_qdc_with_origin_imports_as_a_new_scheme(administrator, codebook):
    content = QUALCODER_QDC.read_bytes()
    assert content.startswith("\ufeff".encode()) and b'origin="QualCoder"' in content
    response = upload(client_for(administrator), content, "Codebook-project.qdc")
    assert response.status_code == 201, response.content
    scheme = CodingScheme.objects.get(pk=response.json()["id"])
    assert [g["name"] for g in scheme.groups] == ["Root causes", "Codes"]
    assert list(scheme.codes.order_by("order").values_list("name", "colour")) == [
        ("Economic › Poverty", "#3db050"),
        ("Conflict", "#ff8080"),
        ("Conflict › Displacement", "#ababab"),
        ("Survivor voice", "#eb7333"),
    ]
    assert scheme.codes.get(name="Survivor voice").definition == (
        "Survivors speak or are quoted & named."
    )


def test_a_qdc_with_sets_imports(administrator, codebook):
    sets = (
        b'<Sets><Set guid="6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d" name="Shortlist">'
        b'<MemberCode targetGUID="2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"/></Set></Sets>'
    )
    content = QUALCODER_QDC.read_bytes().replace(
        b"</Codes>\n</CodeBook>", b"</Codes>" + sets + b"</CodeBook>"
    )
    assert b"<Sets>" in content
    response = upload(client_for(administrator), content, "with-sets.qdc")
    assert response.status_code == 201, response.content
    assert CodingScheme.objects.get(pk=response.json()["id"]).codes.count() == 4


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "."), content)
    return buffer.getvalue()


CODEBOOK = b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>%s</Codes></CodeBook>'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"name,definition\nA,B\n", "not well-formed XML"),
        (b"<CodeBook><Codes/></CodeBook>", "without a namespace"),
        (b'<Project xmlns="urn:other"/>', "Expected a REFI-QDA"),
        (CODEBOOK % b'<Code name="No guid" isCodable="true"/>', "REFI-QDA schema"),
        (CODEBOOK % b"", "REFI-QDA schema"),
        (
            CODEBOOK % b'<Code guid="6F1F3C53-5C5E-4B0E-9D3B-8E1C9F0A4D21" name="G" '
            b'isCodable="false"/>',
            "no codable codes",
        ),
        (_zip(readme__txt=b"hello"), "no project.qde"),
        (_zip(project__qde=b"<not-closed"), "not well-formed XML"),
        (b"PK\x03\x04 broken zip", "not well-formed XML"),
    ],
)
def test_it_refuses_files_that_are_not_refi_qda_and_writes_nothing(
    administrator, codebook, content, message
):
    response = upload(client_for(administrator), content, "codebook.qdc")
    assert response.status_code == 400, response.content
    assert message in str(response.json())
    assert CodingScheme.objects.count() == 1


def test_it_does_not_expand_entities_or_read_local_files(administrator, codebook):
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        + CODEBOOK
        % b'<Code guid="6F1F3C53-5C5E-4B0E-9D3B-8E1C9F0A4D21" name="&secret;" isCodable="true"/>'
    )
    response = upload(client_for(administrator), hostile, "codebook.qdc")
    names = list(CodingScheme.objects.exclude(pk=codebook.pk).values_list("codes__name", flat=True))
    assert response.status_code == 400
    assert not any("root:" in (name or "") for name in names)


@pytest.mark.parametrize(
    "declaration",
    [b'<!ENTITY secret SYSTEM "file:///etc/passwd">', b'<!ENTITY secret "a word">'],
)
def test_a_dtd_declaring_an_entity_is_refused_with_a_400(administrator, codebook, declaration):
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE CodeBook [' + declaration + b"]>"
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        b'<Code guid="6F1F3C53-5C5E-4B0E-9D3B-8E1C9F0A4D21" name="G" isCodable="true">'
        b"<Description>&secret;</Description></Code></Codes></CodeBook>"
    )
    response = upload(client_for(administrator), hostile, "codebook.qdc")
    assert response.status_code == 400, response.content
    assert "declares XML entities in its DTD (secret)" in str(response.json())
    assert CodingScheme.objects.count() == 1


def test_only_administrators_import_codebooks(analyst_a, codebook):
    response = upload(client_for(analyst_a), ATLAS_SAMPLE.read_bytes(), "sample.qdpx")
    assert response.status_code == 403
    assert CodingScheme.objects.count() == 1


def test_an_upload_without_a_file_is_a_400(administrator, codebook):
    response = client_for(administrator).post("/api/import/codebook", {}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()


@pytest.fixture
def memos(coded, meeting, codebook, analyst_a, analyst_b, reviewer):
    from annotations.coding.memos.services import memo_create, memo_delete

    victim_centred = codebook.codes.get(slug="victim-centred")
    made = [
        memo_create(author=analyst_a, meeting=meeting, title="Reading", text="Survivors <absent>."),
        memo_create(author=analyst_b, meeting=meeting, text="Bruno's\x0b view."),
        memo_create(author=analyst_b, code=victim_centred, text="Read it narrowly."),
    ]
    memo_delete(memo=memo_create(author=analyst_a, meeting=meeting, text="Gone."), actor=analyst_a)
    return made


def notes_of(project) -> dict[str, etree._Element]:
    return {note.get("guid"): note for note in project.findall("q:Notes/q:Note", NS)}


def test_memos_are_notes_referred_to_by_the_meetings_sources_and_by_the_code(
    reviewer, memos, meeting, published_schema
):
    archive = qdpx(client_for(reviewer), f"?meeting={meeting.pk}")
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log
    notes = notes_of(project)
    texts = sorted(n.find("q:PlainTextContent", NS).text for n in notes.values())
    assert texts == ["Bruno's\ufffd view.", "Read it narrowly.", "Survivors <absent>."]
    names = sorted(n.get("name") for n in notes.values())
    assert names == ["Memo on GA/TEST-1", "Memo on Victim-centred approach", "Reading"]
    meeting_notes = {
        g for g, n in notes.items() if "Survivors" in n[0].text or "Bruno" in n[0].text
    }
    for source in project.findall("q:Sources/q:TextSource", NS):
        refs = {ref.get("targetGUID") for ref in source.findall("q:NoteRef", NS)}
        assert refs == meeting_notes
    (code,) = project.findall(".//q:Code[@name='Victim-centred approach']", NS)
    [ref] = code.findall("q:NoteRef", NS)
    assert "narrowly" in notes[ref.get("targetGUID")][0].text
    assert code.find("q:Description", NS).text.startswith("Responses framed")  # the definition
    users = {u.get("guid"): u.get("name") for u in project.findall("q:Users/q:User", NS)}
    assert {users[n.get("creatingUser")] for n in notes.values()} == {"amina", "bruno"}


def test_one_analysts_project_holds_only_their_memos(analyst_b, memos, published_schema):
    archive = qdpx(client_for(analyst_b), "?analyst=amina")
    project = etree.fromstring(archive.read("project.qde"))
    assert published_schema.validate(project), published_schema.error_log
    assert [n.get("name") for n in notes_of(project).values()] == ["Reading"]
    assert [u.get("name") for u in project.findall("q:Users/q:User", NS)] == ["amina"]


def test_the_codebook_file_carries_no_memo(analyst_a, memos, codebook_schema):
    response = client_for(analyst_a).get("/api/export/codebook.qdc")
    codebook = etree.fromstring(response.content)
    assert codebook_schema.validate(codebook), codebook_schema.error_log
    assert codebook.findall(".//c:NoteRef", NS) == []
