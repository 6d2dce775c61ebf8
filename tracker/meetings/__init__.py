"""The meeting record's read API: meetings, their statements and speakers."""
