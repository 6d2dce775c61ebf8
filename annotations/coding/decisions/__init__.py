"""Bulk decisions on suggestions: accept or dismiss all of a code or keyword as one step."""
