"""REFI-QDA (QDA-XML 1.0) interchange with NVivo, ATLAS.ti, MAXQDA and QualCoder.

codebook.py / project.py write a codebook (.qdc) and a project (.qdpx: a zip
holding project.qde and the statement texts in Sources/); reading.py parses a
.qdc or the codebook inside a .qdpx into plain data that exchange.services
saves as a new scheme. Everything written is valid against Project-mrt2019.xsd,
the REFI schema shipped next to this file (MIT licence, header kept); a .qdc
is checked against Codebook-mrt2019.xsd, written from that schema's codebook
types (REFI's own Codebook.xsd was not at hand; see its header).
"""
