"""Review: where analysts disagree, a reviewer decides; nothing goes without a trace.

`disputes` is the one definition of a disputed annotation, which the review
board, the analysts' side-by-side view and the report's agreement all use;
`board` reads the review board, `services` records a decision, `history` reads
who changed what, `side_by_side` shows the analysts' annotations next to each
other. Restoring a deleted annotation is coding.services.annotation_restore;
its page and the list of deleted annotations are here.
"""
