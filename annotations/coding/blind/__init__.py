"""Blind double coding: an administrator sets a meeting blind, and its analysts then
see one another's coding only once each has marked every statement of it done.

The rule itself is `visible_to(user)` on the querysets of analysts' work
(annotations.models.unfinished_blind_meetings); every read path that can show
another analyst's coding chains it. Here: the switch (`services.blind_coding_set`),
what the workspace tells the analyst (`selectors.blind_status`), and the faces
(GET/PATCH /api/meetings/<id>/blind-coding/, the assignment page's switch).
"""
