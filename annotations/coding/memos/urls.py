"""The memo API: /api/memos/ and /api/memos/<id>/ (and …/restore/, to undo a delete)."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("api/memos", api.MemoViewSet, basename="api-memo")

urlpatterns = router.urls
