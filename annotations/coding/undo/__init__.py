"""Undo and redo that survive a reload: the workspace's steps, logged on the server.

Each write the workspace makes (a coding, an edit, a delete, a batch of hits, a done mark,
one or many suggestion decisions, a memo written, edited or deleted) logs one UndoStep
with what it changed, before and after (steps.py). Undo takes the analyst's latest step
in the meeting back, redo does the last undone one again (services.py); both refuse, and
drop the step, if anything it touched has changed since, so an undo never overwrites a
later edit.
"""
