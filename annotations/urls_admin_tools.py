"""urls_admin_tools"""

urlpatterns: list = []
