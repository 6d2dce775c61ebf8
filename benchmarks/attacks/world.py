"""The audit's database: the workbench as `make run` sets it up, plus the
personas of tests/test_permission_matrix.py and objects for them to aim at.

The administrator persona is staff and *not* a superuser (the role as shipped);
the demo `admin` of setup_workbench is the superuser the escalation attacks aim at.
"""

from __future__ import annotations

import itertools
import os

from django.contrib.auth import get_user_model
from django.core.management import call_command

PERSONA_USERS = {
    "analyst_a": "amina",
    "analyst_b": "bruno",
    "reviewer": "rosa",
    "administrator": "ada",
}
SUPERUSER = "admin"
MATRIX_MEETING = "GA/AUDIT-1"
MATRIX_TEXT = "Human trafficking was a serious crime and a victim-centred approach was needed."
_numbers = itertools.count(1)


def prepare(password: str) -> None:
    """migrate, setup_workbench --demo-coding, the four personas, a second codebook."""
    from annotations.models import Code, CodingScheme
    from annotations.roles import ADMINISTRATOR, ANALYST, REVIEWER, ensure_roles

    os.environ["WB_DEMO_PASSWORD"] = password
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_workbench", "--demo-coding", verbosity=0)
    groups = ensure_roles()
    User = get_user_model()
    for persona, username in PERSONA_USERS.items():
        user = User.objects.create_user(username=username, password=password)
        role = {"reviewer": REVIEWER, "administrator": ADMINISTRATOR}.get(persona, ANALYST)
        user.groups.add(groups[role])
        if persona == "administrator":
            user.is_staff = True
            user.save()
    # Another scheme whose codes must never show under the default scheme's filter.
    other = CodingScheme.objects.create(name="Audit's other codebook", slug="audit-other")
    Code.objects.create(scheme=other, slug="audit-other-code", name="Other", group="other")


def matrix_world():
    """A fresh World of tests/test_permission_matrix.py in a meeting of its own, so
    that what one probe did (a delete, a restore) cannot hide what the next one tries."""
    from annotations.coding.services import (
        annotation_create,
        annotation_delete,
        missed_opportunity_create,
    )
    from annotations.models import CodingScheme
    from tests.test_permission_matrix import World
    from tracker.delegations.services import country_group_save
    from tracker.models import Meeting, SpeakerType, Statement

    analyst = get_user_model().objects.get(username=PERSONA_USERS["analyst_a"])
    number = next(_numbers)
    meeting = Meeting.objects.create(
        symbol=f"{MATRIX_MEETING}/{number}",
        body="General Assembly",
        title="Audit meeting on trafficking",
    )
    statement = Statement.objects.create(
        meeting=meeting,
        order=1,
        segment="Statements",
        delegation="Luxembourg",
        speaker_type=SpeakerType.MEMBER_STATE,
        text=MATRIX_TEXT,
    )
    code = CodingScheme.objects.get(is_default=True).codes.get(slug="victim-centred")
    start = MATRIX_TEXT.index("victim-centred approach")
    mine = annotation_create(
        statement=statement, code=code, analyst=analyst, start=start, end=start + 23
    )
    gone = annotation_create(statement=statement, code=code, analyst=analyst, start=0, end=5)
    gone = annotation_delete(annotation=gone, actor=analyst)
    missed = missed_opportunity_create(
        meeting=meeting, analyst=analyst, title="Survivors", rationale="None spoke.", codes=[code]
    )
    group = country_group_save(name=f"Audit friends {number}", members=["Canada"], actor=analyst)
    return World(meeting, statement, code, mine, gone, missed, group)
