"""gunicorn, configured by the repository's gunicorn.conf.py, leaves proxy headers to
the app (tracker/web/proxies.py): a request from 127.0.0.1 that claims HTTPS is still
plain HTTP when it reaches Django."""

from pathlib import Path

import pytest
from gunicorn.config import Config
from gunicorn.http.parser import RequestParser

CONFIG = Path(__file__).resolve().parents[3] / "gunicorn.conf.py"


def config(path: Path | None) -> Config:
    cfg = Config()
    if path is not None:
        namespace: dict = {}
        exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 (ours)
        for name, value in namespace.items():
            if name in cfg.settings:
                cfg.set(name, value)
    return cfg


def scheme_seen(cfg: Config, header: bytes) -> str:
    raw = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + b"\r\n\r\n"
    request = next(iter(RequestParser(cfg, [raw], ("127.0.0.1", 50000))))
    return request.scheme


HEADERS = [b"X-Forwarded-Proto: https", b"X-Forwarded-Protocol: ssl", b"X-Forwarded-SSL: on"]


@pytest.mark.parametrize("header", HEADERS)
def test_gunicorn_believes_no_proxy_header_from_a_local_client(header):
    assert scheme_seen(config(CONFIG), header) == "http"


@pytest.mark.parametrize("header", HEADERS)
def test_without_the_file_gunicorn_would_believe_it(header):
    # Guards the test above: gunicorn's defaults trust 127.0.0.1.
    assert scheme_seen(config(None), header) == "https"
