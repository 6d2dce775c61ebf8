"""URLs of the meeting record (import pages, meetings API)."""

urlpatterns: list = []
