"""Imports of meeting records: parsing (pure) and saving."""
