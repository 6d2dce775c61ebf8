"""Assignment: an administrator assigns a meeting to analysts for independent double
coding and follows each one's progress (their done marks; statements they coded).

`services` writes (assignment_create, assignment_delete), `selectors` reads
(assignment_progress: one query whatever the number of assignments); the page
(/meetings/assignments/) and the API (/api/assignments/) call them.
"""
