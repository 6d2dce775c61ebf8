from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Analysis"

    def ready(self):
        # Registers the analysis rules with tracker's fixture loader (admin fixture loading).
        from . import fixture_checks  # noqa: F401
