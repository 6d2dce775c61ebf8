"""Memos beyond a passage: an analyst's memo on a meeting or on a code (a passage's memo
is its annotation's, coding.services).

`services` writes (memo_create, memo_update, memo_delete, memo_restore: author only,
each change naming its version), `selectors` reads (the list, the report's and the
REFI-QDA export's memos, each one query); `api`, `serializers`, `filters` and `urls`
are the faces (/api/memos/). The workspace's panel and code dialog call the API.
"""
