from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Analysis"

    def ready(self):
        # Registers the analysis rules with tracker's fixture loader (admin fixture loading).
        from .coding import fixture_checks  # noqa: F401

        # The role groups exist in every migrated database, not only after setup_workbench.
        post_migrate.connect(_ensure_roles, sender=self)


def _ensure_roles(using=None, **kwargs):
    from .roles import ensure_roles

    ensure_roles(using=using)
