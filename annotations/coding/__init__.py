"""Coding: analysts annotate statements and record missed opportunities.

`services` holds every write (annotations, missed opportunities, done marks,
suggestion decisions), `selectors` the workspace's and meeting list's reads,
`spans` the span rule, `anchoring` and `statement_text` how annotations follow
a statement whose text changes, `suggestions` the keyword suggestions,
`fixture_checks` the same rules for fixture loads, `meetings` the links into
the workspace, `versions` the If-Match rules of the API; `api`, `serializers`,
`filters`, `views` and `urls` are the faces (the workspace page and its API).
Sub-packages: `assignments` (meetings assigned to analysts) and `memos` (memos on a
meeting or on a code).
"""
