"""The demo coding of GA/11955 (fixtures/demo/): loaded on request, once, checked.

DEMO DATA by two demo analysts (scripts/build_demo_coding.py), so a new workbench
shows a report, agreement and a draft before anyone has coded. Drafts say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from tracker.models import Meeting

from ..models import Annotation
from ..reports.data import DEMO_ANALYST_PREFIX

DEMO_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "ga-11955-demo-coding.json"
DEMO_MEETING = "GA/11955"


@dataclass(frozen=True)
class DemoLoad:
    loaded: bool
    message: str


def load_demo_coding() -> DemoLoad:
    """Load the demo coding unless it is there; all or nothing, every quote checked."""
    meeting = Meeting.objects.filter(symbol=DEMO_MEETING).first()
    if meeting is None:
        raise ValidationError(f"{DEMO_MEETING} is not loaded: the demo coding belongs to it.")
    demo = Annotation.objects.filter(analyst__username__startswith=DEMO_ANALYST_PREFIX)
    if demo.exists():
        return DemoLoad(False, "The demo coding is loaded already; left as it is.")
    with transaction.atomic():
        call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)
        loaded = list(demo.select_related("statement"))
        wrong = [
            a.pk
            for a in loaded
            if a.statement.meeting_id != meeting.pk
            or (a.start is not None and a.statement.text[a.start : a.end] != a.quote)
        ]
        if wrong:
            # The fixture names statements by id: another copy of GA/11955 has other ids.
            raise ValidationError(
                f"The demo coding does not fit this copy of {DEMO_MEETING} "
                f"({len(wrong)} passages are not where the fixture says); nothing was loaded."
            )
    return DemoLoad(
        True,
        f"Loaded the demo coding of {DEMO_MEETING}: {len(loaded)} annotations by "
        "demo-analyst-1 and demo-analyst-2 (demo data).",
    )
