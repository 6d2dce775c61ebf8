"""/api/ resources of the meeting record: meetings, statements, speakers.

(/api/meetings/<id>/report/ is the report's, in annotations.)
"""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("api/meetings", api.MeetingViewSet, basename="api-meeting")
router.register("api/statements", api.StatementViewSet, basename="api-statement")
router.register("api/speakers", api.SpeakerViewSet, basename="api-speaker")

urlpatterns = router.urls
