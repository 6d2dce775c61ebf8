"""Analysis drafts: from a coded meeting to the written analysis the analyst publishes.

`draft` turns the report's dataclasses into a document model (sections,
paragraphs, claims built from the figures, quotes with citations, charts,
tables) in the structure of PeaceWomen's analysis of the 2017 meeting; the
wording comes from the plain-text files in `wording/`. `docx`, `markdown`,
`pdf` and the HTML page render that one model. `demo` loads the demo coding.
"""
