"""Login protection, on a server of its own with the lock-out on: one address trying
30 usernames (locked after WB_LOGIN_ADDRESS_FAILURE_LIMIT, the right password then
refused too), 400 API requests in a burst (429 with Retry-After past the user rate),
200 wrong tokens (429 past WB_API_WRONG_TOKEN_RATE, the right token then refused too),
and proxy headers from an untrusted client, which must change nothing: a forged
X-Forwarded-For on every attempt, and X-Forwarded-Proto: https (believed, it would
make Django demand an HTTPS Referer of the login form)."""

from __future__ import annotations

import secrets

from .tally import Tally
from .web import Browser

USER_RATE = 300  # WB_API_USER_RATE of the protection server, per minute
BURST = 400
WRONG_TOKENS = 200
WRONG_TOKEN_LIMIT = 20  # WB_API_WRONG_TOKEN_RATE's default, per hour
USERNAMES = 30
ADDRESS_LIMIT = 20  # WB_LOGIN_ADDRESS_FAILURE_LIMIT's default
SERVER_ENVIRONMENT = {
    "WB_LOGIN_RATE_LIMIT": "1",
    "WB_API_USER_RATE": f"{USER_RATE}/min",
    "WB_TRUSTED_PROXIES": "",
}


def forged_address(i: int) -> str:
    return f"203.0.113.{i % 250 + 1}"


def proto(base: str, username: str, password: str, tally: Tally) -> Browser:
    browser = Browser(base)
    response = browser.login(username, password, **{"X-Forwarded-Proto": "https"})
    tally.check(
        response.status_code == 302,
        f"login with X-Forwarded-Proto: https answered {response.status_code} "
        "(the header was believed)",
    )
    return browser


def burst(browser: Browser, tally: Tally) -> None:
    statuses = []
    for i in range(BURST):
        response = browser.get(
            "/api/codes/?page_size=1", headers={"X-Forwarded-For": forged_address(i)}
        )
        statuses.append(response.status_code)
        if i < USER_RATE:
            tally.check(response.status_code == 200, f"API request {i + 1}: {response.status_code}")
        else:
            tally.check(
                response.status_code == 429 and "Retry-After" in response.headers,
                f"API request {i + 1} past the rate: {response.status_code}",
            )
    tally.note(f"API burst: {statuses.count(429)} of {BURST} answered 429")


def wrong_tokens(base: str, right_token: str, tally: Tally) -> None:
    client = Browser(base)
    for i in range(WRONG_TOKENS):
        response = client.get(
            "/api/codes/",
            headers={
                "Authorization": f"Token {secrets.token_hex(20)}",
                "X-Forwarded-For": forged_address(i),
            },
        )
        expected = (401, 403) if i < WRONG_TOKEN_LIMIT else (429,)
        tally.check(
            response.status_code in expected, f"wrong token {i + 1}: {response.status_code}"
        )
    response = client.get("/api/codes/", headers={"Authorization": f"Token {right_token}"})
    tally.check(
        response.status_code == 429, f"the right token after 200 wrong: {response.status_code}"
    )


def lockout(base: str, usernames: list[str], right: tuple[str, str], tally: Tally) -> None:
    browser = Browser(base)
    locked = 0
    for i, username in enumerate(usernames):
        response = browser.login(
            username, "wrong-password-" + str(i), **{"X-Forwarded-For": forged_address(i)}
        )
        is_locked = response.status_code in (403, 429)
        locked += is_locked
        # The failure that reaches the limit is answered with the lock-out already.
        if i < ADDRESS_LIMIT - 1:
            tally.check(
                response.status_code == 200, f"failed login {i + 1}: {response.status_code}"
            )
        else:
            tally.check(is_locked, f"login {i + 1} past the address limit: {response.status_code}")
    response = browser.login(*right)
    tally.check(
        response.status_code in (403, 429),
        f"the right password from the locked address: {response.status_code}",
    )
    from axes.models import AccessAttempt

    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    tally.check(addresses == {"127.0.0.1"}, f"lock-outs counted under {addresses}")
    tally.note(f"{USERNAMES} usernames: {locked} answered with the lock-out")


def attack(base: str, password: str, tally: Tally) -> None:
    from axes.models import AccessAttempt
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    from .world import PERSONA_USERS, SUPERUSER

    AccessAttempt.objects.all().delete()
    browser = proto(base, PERSONA_USERS["analyst_b"], password, tally)
    burst(browser, tally)
    analyst = get_user_model().objects.get(username=PERSONA_USERS["analyst_a"])
    token, _ = Token.objects.get_or_create(user=analyst)
    wrong_tokens(base, token.key, tally)
    names = [*PERSONA_USERS.values(), SUPERUSER, "analyst"]
    names += [f"nobody{i}" for i in range(USERNAMES - len(names))]
    lockout(base, names, (PERSONA_USERS["reviewer"], password), tally)
    AccessAttempt.objects.all().delete()
