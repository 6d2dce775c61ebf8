"""Small record files for the bulk-import tests: real-shaped releases with their own
symbols, written into folders and zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.tracker.imports import press_release_samples as samples

RELEASES = {
    "sc-13553.txt": samples.SECURITY_COUNCIL,
    "wom-2138.txt": samples.COMMISSION_ON_THE_STATUS_OF_WOMEN,
    "sc-13554.html": samples.SAVED_PAGE,
    "ga-12555.txt": samples.CAPITALISED_HEADER,
}
SYMBOLS = {"SC/13553", "WOM/2138", "SC/13554", "GA/12555"}
NOT_A_RECORD = "Minutes of the staff picnic.\n\nEveryone brought a salad.\n"


def folder(tmp_path: Path, files: dict[str, str | bytes] | None = None) -> Path:
    root = tmp_path / "records"
    root.mkdir(exist_ok=True)
    for name, content in (files or RELEASES).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return root


def zip_bytes(files: dict[str, str | bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in (files or RELEASES).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_file(tmp_path: Path, files: dict[str, str | bytes] | None = None, name="records.zip"):
    path = tmp_path / name
    path.write_bytes(zip_bytes(files))
    return path
