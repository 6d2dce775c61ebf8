"""urls_import"""

urlpatterns: list = []
