"""The switch of blind coding: only an administrator turns it on or off; history keeps
who did it and when."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction

from tracker.models import Meeting

from ...models import BlindCoding
from ...roles import can_set_blind_coding


@transaction.atomic
def blind_coding_set(*, meeting: Meeting, enabled: bool, actor: AbstractBaseUser) -> BlindCoding:
    """Switch blind double coding of `meeting` on or off (idempotent)."""
    if not can_set_blind_coding(actor):
        raise PermissionDenied("Only administrators switch blind coding.")
    setting = BlindCoding.objects.select_for_update().filter(meeting=meeting).first()
    if setting is None:
        setting = BlindCoding(meeting=meeting, enabled=enabled, changed_by=actor)
    elif setting.enabled == enabled:
        return setting
    setting.enabled, setting.changed_by = enabled, actor
    setting.full_clean()
    setting.save()
    return setting
