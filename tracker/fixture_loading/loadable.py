"""Which models a fixture may hold: the workbench's own domain records, no others.

The loader works on any model through `django.core.serializers`, and the admin's
permissions alone used to decide what it wrote: a staff administrator who may add users
loaded `auth.user` records with `is_superuser: true`, an `authtoken.token` of a chosen
key, or history rows saying an analyst deleted what she never deleted (issue 17). So
the list is settings.FIXTURE_LOADABLE_MODELS — meetings, speakers, statements,
delegations, codebooks, and the analysis records whose rules the services' checks
enforce on a load — and anything else (users, groups, permissions, tokens, sessions,
the admin's log, every history table) is refused by name, whoever loads it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


def loadable_models() -> list[str]:
    """The labels a fixture may hold (app_label.model_name, lower case), sorted."""
    return sorted(label.lower() for label in settings.FIXTURE_LOADABLE_MODELS)


def model_problem(model: type[models.Model]) -> str:
    """Why records of `model` are not loaded, or "" when they are."""
    label = model._meta.label_lower
    if label in loadable_models():
        return ""
    return (
        f"{label} records are not loaded from fixtures; a fixture holds "
        f"{', '.join(loadable_models())} records only."
    )
