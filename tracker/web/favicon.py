"""/favicon.ico: browsers ask for it on a site's first page, signed in or not."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    # The static file under its hashed name (cached forever) in production.
    return HttpResponsePermanentRedirect(static("favicon.svg"))
