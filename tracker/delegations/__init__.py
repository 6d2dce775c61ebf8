"""Delegations as entities: their names and aliases, the country groups they belong
to by year, and the shipped data (data/delegations.json, data/groups.json)."""
