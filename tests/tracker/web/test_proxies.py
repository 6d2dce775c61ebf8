"""The client's address and HTTPS are believed from the proxies in WB_TRUSTED_PROXIES
only: from anyone else X-Forwarded-For and X-Forwarded-Proto are dropped."""

from django.test import Client, override_settings
from django.test.client import RequestFactory

from tracker.web.proxies import TrustedProxyMiddleware, client_address

PROXY = "10.0.0.2"
PROXY_SSL = ("HTTP_X_FORWARDED_PROTO", "https")


def request_from(remote: str, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_trusted_proxy_the_address_is_the_connecting_one():
    request = request_from("203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_address(request) == "203.0.113.9"


@override_settings(WB_TRUSTED_PROXIES=[PROXY])
def test_behind_the_trusted_proxy_the_address_is_the_one_the_proxy_saw():
    # The proxy appends the address it saw; what the client sent before it is not believed.
    request = request_from(PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    assert client_address(request) == "198.51.100.7"


@override_settings(WB_TRUSTED_PROXIES=["10.0.0.0/24"])
def test_a_trusted_network_covers_a_chain_of_proxies():
    request = request_from("10.0.0.3", HTTP_X_FORWARDED_FOR="198.51.100.7, 10.0.0.9")
    assert client_address(request) == "198.51.100.7"
    assert client_address(request_from("10.0.1.3", HTTP_X_FORWARDED_FOR="1.2.3.4")) == ("10.0.1.3")


def is_secure_after_the_middleware(request) -> bool:
    return TrustedProxyMiddleware(lambda r: r.is_secure())(request)


@override_settings(WB_TRUSTED_PROXIES=[PROXY], SECURE_PROXY_SSL_HEADER=PROXY_SSL)
def test_https_is_believed_from_the_trusted_proxy_only():
    forged = request_from("203.0.113.9", HTTP_X_FORWARDED_PROTO="https")
    proxied = request_from(PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert not is_secure_after_the_middleware(forged)
    assert "HTTP_X_FORWARDED_PROTO" not in forged.META
    assert is_secure_after_the_middleware(proxied)


@override_settings(
    WB_TRUSTED_PROXIES=[PROXY], SECURE_PROXY_SSL_HEADER=PROXY_SSL, SECURE_SSL_REDIRECT=True
)
def test_a_client_claiming_https_itself_is_still_redirected_to_https():
    forged = Client(REMOTE_ADDR="203.0.113.9").get(
        "/accounts/login/", HTTP_X_FORWARDED_PROTO="https"
    )
    proxied = Client(REMOTE_ADDR=PROXY).get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301
    assert forged["Location"].startswith("https://")
    assert proxied.status_code == 200
