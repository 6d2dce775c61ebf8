"""urls_workspace"""

urlpatterns: list = []
