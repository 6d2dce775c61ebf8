"""urls_api"""

urlpatterns: list = []
