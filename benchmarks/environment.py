"""Where the benchmark runs: its own throwaway PostgreSQL, Django, the machine."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WITH_POSTGRES = ROOT / "scripts" / "with_postgres.sh"
# Set once the benchmark runs inside scripts/with_postgres.sh's server.
MARKER = "WB_BENCH_OWN_POSTGRES"


def run_inside_throwaway_postgres(argv: list[str], *, module: str | None = None) -> None:
    """Re-run this script under scripts/with_postgres.sh unless it already is.

    That script starts PostgreSQL from the machine's binaries in a temporary
    directory (Unix socket only), exports DATABASE_URL, and removes the server
    afterwards, even on failure; the benchmark never touches another database.
    `module` re-runs `python -m module` instead of benchmarks/run.py.
    """
    if os.environ.get(MARKER) == "1" and os.environ.get("WB_PG_SOCKET_DIR"):
        return
    env = {**os.environ, MARKER: "1", "PYTHONDONTWRITEBYTECODE": "1"}
    script = ["-m", module] if module else [str(ROOT / "benchmarks" / "run.py")]
    command = [str(WITH_POSTGRES), sys.executable, *script, *argv]
    os.chdir(ROOT)
    os.execve(str(WITH_POSTGRES), command, env)  # noqa: S606 (the script is ours)


def setup_django() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.bench_settings"
    import django

    django.setup()


def _command(*args: str) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def cpu_model() -> str:
    for line in _command("lscpu").splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_total() -> str:
    lines = _command("free", "-h").splitlines()
    return lines[1].split()[1] if len(lines) > 1 else "unknown"


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    load = os.getloadavg()
    return {
        "cpu": cpu_model(),
        "nproc": _command("nproc") or str(os.cpu_count()),
        "memory": memory_total(),
        "load at start (1/5/15 min)": " ".join(f"{x:.2f}" for x in load),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": f"{postgres} (shared_buffers {shared_buffers}, fsync off)",
        "kernel": platform.release(),
    }
