from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Meeting records"

    def ready(self) -> None:
        # The fixture loader's check that statement text has LF line breaks only.
        from .fixture_loading import line_breaks  # noqa: F401
