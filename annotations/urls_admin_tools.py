"""Admin tools of the analysis.

Fixture loading lives in tracker (tracker/urls_admin_tools.py, mounted at
/admin/fixtures/ ahead of the admin site, which would otherwise answer every /admin/
URL); the analysis's own rules for loaded records are in annotations/fixture_checks.py.
"""

urlpatterns: list = []
