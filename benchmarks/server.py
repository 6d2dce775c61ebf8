"""A real gunicorn server for the HTTP figures, and a small keep-alive client.

One sync worker, so the worker's resident memory (RSS) is the memory of the
requests being measured; the client logs in by creating a session in the
database and sending its cookie, as a browser would after signing in.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_bytes(pid: int) -> int:
    """Resident set size of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_ticks(pid: int | str) -> int:
    """utime + stime + cutime + cstime of a process (its own CPU time and its waited-for
    children's), in clock ticks (Linux /proc); os.sysconf("SC_CLK_TCK") a second."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return sum(int(field) for field in fields[11:15])


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text(encoding="ascii").split()
        found.extend(int(child) for child in text)
    return found


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path
    workers: int = 1

    @property
    def worker_pid(self) -> int:
        workers = children(self.process.pid)
        if len(workers) != 1:
            raise RuntimeError(f"expected one gunicorn worker, found {workers}")
        return workers[0]


@contextmanager
def gunicorn(
    *,
    log_dir: Path,
    database_url: str | None = None,
    workers: int = 1,
    threads: int = 1,
    environment: dict[str, str] | None = None,
    root: Path = ROOT,
) -> Iterator[Server]:
    """A gunicorn server of the app (on another database than DATABASE_URL if given).

    One sync worker unless told otherwise; `environment` adds settings variables
    (the audit's servers set throttle rates and the login lock-out that way); `root`
    serves another checkout of the app (benchmarks/export_http.py, old against new)."""
    port = free_port()
    log = log_dir / "gunicorn.log"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings"}
    env.update(environment or {})
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "tracker.wsgi:application",
        "--chdir",
        str(root),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "900",
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
    ]
    with open(log, "ab") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=out)
    server = Server(process=process, port=port, log=log, workers=workers)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(server: Server, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {server.log}")
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=1):
                pass
            if len(children(server.process.pid)) >= server.workers:
                return
        except (OSError, RuntimeError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start within {timeout:.0f} s; see {server.log}")


class Client:
    """Keep-alive HTTP client carrying a logged-in session cookie."""

    def __init__(self, port: int, session_key: str):
        self.port = port
        self.headers = {"Cookie": f"sessionid={session_key}", "Host": "127.0.0.1"}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)

    def get(self, path: str) -> tuple[int, bytes]:
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        return response.status, response.read()

    def stream(self, path: str, *, chunk: int = 1 << 16) -> tuple[int, int, int]:
        """GET and read the body in chunks: (status, bytes, newline count)."""
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        size = lines = 0
        while True:
            data = response.read(chunk)
            if not data:
                break
            size += len(data)
            lines += data.count(b"\n")
        return response.status, size, lines

    def close(self) -> None:
        self.connection.close()


class PeakRss:
    """Samples a process's RSS in a thread while a block runs; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.pid = pid
        self.interval = interval
        self.before = self.peak = self.after = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.before = self.peak = rss_bytes(self.pid)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.after = rss_bytes(self.pid)
        self.peak = max(self.peak, self.after)

    @property
    def growth(self) -> int:
        return self.peak - self.before
