"""The outsider's side: HTTP sessions that sign in through the login form, as a
browser does, and send the CSRF token back on every unsafe request."""

from __future__ import annotations

from dataclasses import dataclass, field

import requests

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class Browser:
    """One person's cookies against the server (anonymous until `login`)."""

    def __init__(self, base: str, *, name: str = "anonymous"):
        self.base = base
        self.name = name
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "workbench-audit"

    def clone(self) -> Browser:
        """Another connection with the same cookies (one per thread)."""
        twin = Browser(self.base, name=self.name)
        twin.session.cookies.update(self.session.cookies)
        return twin

    def csrf(self) -> str:
        token = self.session.cookies.get("csrftoken")
        if not token:
            self.session.get(self.base + "/accounts/login/", timeout=60)
            token = self.session.cookies.get("csrftoken", "")
        return token

    def login(self, username: str, password: str, **headers) -> requests.Response:
        token = self.csrf()
        return self.session.post(
            self.base + "/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
            headers=headers,
            allow_redirects=False,
            timeout=60,
        )

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if method.upper() in UNSAFE:
            headers.setdefault("X-CSRFToken", self.csrf())
            headers.setdefault("Referer", self.base + "/")
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 300)
        return self.session.request(method, self.base + path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def form(self, path: str, data, **kwargs) -> requests.Response:
        """POST a form the way the page would, with its CSRF token in the body;
        `data` is a dict or a list of (name, value) pairs (a field may repeat)."""
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        pairs.append(("csrfmiddlewaretoken", self.csrf()))
        return self.request("POST", path, data=pairs, **kwargs)


@dataclass
class Target:
    """What the attacks aim at: the server, the personas signed in, the objects."""

    base: str
    password: str
    browsers: dict[str, Browser] = field(default_factory=dict)
    ids: dict[str, object] = field(default_factory=dict)

    def browser(self, persona: str) -> Browser:
        return self.browsers[persona]
