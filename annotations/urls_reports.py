"""urls_reports"""

urlpatterns: list = []
