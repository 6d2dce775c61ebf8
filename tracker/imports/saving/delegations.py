"""Printed delegation names linked to the delegations they name, by the importer's
normalisation: "the United Kingdom of Great Britain and Northern Ireland" and "UK" are
United Kingdom, and a State the UN renamed is today's State ("Libyan Arab Jamahiriya",
2010, is Libya; current_delegation). The names' own keys are tried first.

A name that matches no delegation or alias (a UN entity, an NGO, a State that no longer
exists such as the Union of Soviet Socialist Republics) stays unlinked, for an
administrator's link button on the delegations page (/monitoring/delegations/).
"""

from __future__ import annotations

from tracker.delegations.services import delegations_link_names
from tracker.models import Meeting, Statement

from ..parsing.delegations import current_delegation


def meeting_delegations_link(meeting: Meeting) -> list[str]:
    """Link the meeting's printed names (saving a record); returns those that matched nothing."""
    printed = meeting.statements.exclude(delegation="").values_list("delegation", flat=True)
    return delegations_link_names(printed.distinct(), normalise=current_delegation)


def printed_names_link() -> list[str]:
    """Link every meeting's printed names (the link button, meetings loaded as fixtures)."""
    printed = Statement.objects.exclude(delegation="").values_list("delegation", flat=True)
    return delegations_link_names(printed.distinct(), normalise=current_delegation)
