"""A saved meeting's printed delegation names linked to the delegations they name.

The importer's normalisation ("the United Kingdom of Great Britain and Northern Ireland",
"UK" → United Kingdom) is tried after the names' own keys; a name that matches no
delegation or alias stays unlinked, for an administrator's link button on the
delegations page (/monitoring/delegations/).
"""

from __future__ import annotations

from tracker.delegations.services import delegations_link_names
from tracker.models import Meeting

from ..parsing.delegations import normalise_delegation


def meeting_delegations_link(meeting: Meeting) -> list[str]:
    """Link the meeting's printed names; returns those that matched nothing."""
    printed = meeting.statements.exclude(delegation="").values_list("delegation", flat=True)
    return delegations_link_names(printed.distinct(), normalise=normalise_delegation)
