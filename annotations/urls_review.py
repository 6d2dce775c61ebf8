"""urls_review"""

urlpatterns: list = []
