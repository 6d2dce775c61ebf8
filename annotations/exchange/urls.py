"""/api/export/<format>: one URL per entry of the format catalogue; and
/api/import/codebook."""

from django.urls import path

from . import api, catalog

urlpatterns = [
    *(
        path(f"api/export/{fmt.path}", api.DOWNLOADS[fmt.key].as_view(), name=fmt.url_name)
        for fmt in catalog.FORMATS
    ),
    path("api/import/codebook", api.CodebookImportView.as_view(), name="import-codebook"),
]
