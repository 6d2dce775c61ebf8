"""Exchange: every format coded data goes out in, and comes in from.

`catalog` lists the download formats (name, URL, content type, writer), which
the API and the URLs read. Writers stream: each takes a filtered Annotation
queryset and yields bytes, pulling rows through a server-side cursor in chunks
(PostgreSQL), so a download's memory does not grow with its rows — `rows` (the
columns), `line_cells`, `copy_lines` (PostgreSQL), `sqlite_lines` and `tabular`
(CSV, JSON Lines), `web_annotation` (W3C), and `refi_qda/` (.qdc and .qdpx out,
a codebook in; `services` saves it).
`synthetic_corpus` generates corpora of any size for benchmarks, in bulk.
A new format is one writer module and one catalogue entry.
"""
