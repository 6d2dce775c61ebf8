"""Full-text search of statements: the typography folding both databases share and
the SQL that indexes statement text (PostgreSQL GIN, SQLite FTS5)."""
