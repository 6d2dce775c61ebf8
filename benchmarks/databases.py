"""Copies of the benchmark database on the same throwaway server.

A figure that compares two sizes is measured turn about against both at the
same moment (a copy taken at the smaller size, and the benchmark database), so
a change in the shared machine's load hits both sides alike.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote, urlsplit, urlunsplit

from django.db import connection


def snapshot(suffix: str) -> str:
    """Copy the benchmark database as it is now; returns the copy's name.

    CREATE DATABASE … TEMPLATE needs no other session on the database, so take
    snapshots while no server is running.
    """
    source = connection.settings_dict["NAME"]
    name = f"{source}_{suffix}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return name


@contextmanager
def database(name: str) -> Iterator[None]:
    """Point the default connection at another database of the same server for a while."""
    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        connection.ensure_connection()
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = previous


def url(name: str) -> str:
    """DATABASE_URL of another database on the benchmark's server (same socket, same user)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{quote(name)}"))
