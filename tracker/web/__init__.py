"""Plumbing every face of the API shares: errors, pagination, strict filters, login."""
