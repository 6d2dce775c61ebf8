"""Login protection: a username at one address, an address over all usernames, each
client counted by its own address behind the trusted proxy; the API's throttles and
its limit on wrong tokens answer 429 with Retry-After."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _no_earlier_counts():
    """API throttle counts live in the cache: none from another test."""
    cache.clear()
    yield
    cache.clear()


def login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def throttle_rates(**rates):
    rest = settings.REST_FRAMEWORK
    return override_settings(
        REST_FRAMEWORK={
            **rest,
            "DEFAULT_THROTTLE_RATES": {**rest["DEFAULT_THROTTLE_RATES"], **rates},
        }
    )


@override_settings(WB_TRUSTED_PROXIES=[PROXY], AXES_FAILURE_LIMIT=2)
def test_wrong_passwords_from_one_client_behind_the_proxy_lock_nobody_else(analyst_a):
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    amina = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "192.0.2.1"}
    statuses = [login(Client(), "amina", "wrong", **attacker).status_code for _ in range(2)]
    assert statuses == [200, 429]
    assert login(Client(), "amina", PASSWORD, **attacker).status_code == 429
    assert login(Client(), "amina", PASSWORD, **amina).status_code == 302


@override_settings(WB_LOGIN_ADDRESS_FAILURE_LIMIT=3)
def test_one_address_trying_many_usernames_is_locked(analyst_a):
    client = Client(REMOTE_ADDR="203.0.113.50")
    statuses = [login(client, f"user{number}", "wrong").status_code for number in range(3)]
    assert statuses == [200, 200, 429]
    # Locked for every username, the right password too; another address is not.
    assert login(client, "amina", PASSWORD).status_code == 429
    assert login(Client(REMOTE_ADDR="203.0.113.51"), "amina", PASSWORD).status_code == 302


def test_the_default_limits_lock_a_username_before_an_address():
    assert 1 <= settings.AXES_FAILURE_LIMIT < settings.WB_LOGIN_ADDRESS_FAILURE_LIMIT
    assert settings.AXES_CLIENT_IP_CALLABLE == "tracker.web.proxies.client_address"


@throttle_rates(user="3/min")
def test_the_api_answers_429_with_retry_after_past_the_user_rate(client, analyst_a):
    client.force_login(analyst_a)
    statuses = [client.get("/api/meetings/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert int(client.get("/api/meetings/")["Retry-After"]) > 0
    other = Client()
    other.force_login(analyst_a.__class__.objects.create_user("bruno"))
    assert other.get("/api/meetings/").status_code == 200


@throttle_rates(wrong_token="3/min")
def test_wrong_tokens_from_one_address_get_a_429_even_with_the_right_one_then(analyst_a):
    right = Token.objects.create(user=analyst_a).key
    client = Client(REMOTE_ADDR="203.0.113.77")
    wrong = [
        client.get("/api/meetings/", HTTP_AUTHORIZATION=f"Token {n:040d}").status_code
        for n in range(4)
    ]
    # 403 rather than 401: the session is the API's first authentication.
    assert wrong == [403, 403, 403, 429]
    locked = client.get("/api/meetings/", HTTP_AUTHORIZATION=f"Token {right}")
    assert locked.status_code == 429 and int(locked["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="203.0.113.78")
    assert other.get("/api/meetings/", HTTP_AUTHORIZATION=f"Token {right}").status_code == 200


def test_the_suite_runs_with_relaxed_throttles_and_production_with_real_ones():
    from tracker import settings as production

    assert production.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] == {
        "anon": "60/min",
        "user": "1200/min",
        "wrong_token": "20/hour",
    }
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"] == "100000/min"


@throttle_rates(anon="1/min")
def test_an_anonymous_request_is_refused_before_it_is_counted():
    # Every endpoint needs a login: DRF refuses (403) before its throttles count.
    client = Client(REMOTE_ADDR="203.0.113.90")
    assert [client.get("/api/meetings/").status_code for _ in range(3)] == [403, 403, 403]
