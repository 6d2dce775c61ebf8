"""Login protection: lock-outs by username at an address and by address alone, API
throttles, and a limit on wrong API tokens — all counting the client's own address
(tracker.web.proxies.client_address).

django-axes locks a username at one address after WB_LOGIN_FAILURE_LIMIT failures;
one address could still try thirty usernames freely, so an address is also locked
once its failures over all usernames reach WB_LOGIN_ADDRESS_FAILURE_LIMIT. DRF checks
a token before any throttle, so wrong tokens were never throttled: an address that
sends too many gets 429 before its token is even looked up.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from rest_framework import authentication, exceptions, throttling
from rest_framework.settings import api_settings

from .proxies import client_address


class LoginAttemptHandler(AxesDatabaseHandler):
    """axes' database handler, also locking an address that fails too often in all."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None) or client_address(request)
        from_address = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
        ).aggregate(total=Sum("failures_since_start"))["total"]
        if (from_address or 0) >= settings.WB_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures


class _RateFromSettings:
    """DRF reads the rates once, at import; these read them per request, so a test
    (or a settings override) changes them."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]


class AnonRateThrottle(_RateFromSettings, throttling.AnonRateThrottle):
    def get_ident(self, request):
        # DRF's own believes X-Forwarded-For from anyone.
        return client_address(request)


class UserRateThrottle(_RateFromSettings, throttling.UserRateThrottle):
    def get_ident(self, request):
        return client_address(request)


class WrongTokenThrottle(_RateFromSettings, throttling.SimpleRateThrottle):
    """Wrong API tokens per client address: counted on failure, checked before each
    token is looked up."""

    scope = "wrong_token"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

    def exhausted(self, request) -> bool:
        self.key = self.get_cache_key(request, None)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]
        return len(self.history) >= self.num_requests

    def count_failure(self) -> None:
        self.throttle_success()  # records this moment in the address's history


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token check; an address past its wrong-token limit gets a 429."""

    def authenticate(self, request):
        if not authentication.get_authorization_header(request):
            return None
        throttle = WrongTokenThrottle()
        if throttle.exhausted(request):
            raise exceptions.Throttled(wait=throttle.wait())
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            throttle.count_failure()
            raise
