"""URLs of the analysis: workspace, reports, annotations API and exports."""

urlpatterns: list = []
