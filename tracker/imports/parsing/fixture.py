"""A parse as a Django JSON fixture (fixtures/ga-11955.json), with explicit keys:
the meeting is pk 1, speakers and statements are numbered from 1."""

from __future__ import annotations

import datetime

from .records import PressRelease


def meeting_fixture(
    release: PressRelease, *, meeting_pk: int = 1, created: datetime.datetime | None = None
) -> list[dict]:
    """The records of the fixture. Without `created`, every record is stamped with the
    meeting's date at midnight UTC, so that writing a fixture again gives the same file."""
    if created is None:
        day = release.meeting.date or datetime.date(2000, 1, 1)
        created = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    stamp = created.isoformat().replace("+00:00", "Z")
    header = release.meeting
    records: list[dict] = [
        {
            "model": "tracker.meeting",
            "pk": meeting_pk,
            "fields": {
                "symbol": header.symbol,
                "body": header.body,
                "session": header.session,
                "meeting_number": header.meeting_number,
                "title": header.title,
                "subtitle": header.subtitle,
                "date": header.date.isoformat() if header.date else None,
                "source_url": header.source_url,
                "summary": "\n\n".join(header.summary),
                "notes": release.notes_text,
                "created": stamp,
                "updated": stamp,
            },
        }
    ]
    speaker_pks: dict[str, int] = {}
    for statement in release.statements:
        speaker = statement.speaker
        if speaker and speaker.name not in speaker_pks:
            speaker_pks[speaker.name] = len(speaker_pks) + 1
            records.append(
                {
                    "model": "tracker.speaker",
                    "pk": speaker_pks[speaker.name],
                    "fields": {"name": speaker.name, "gender": speaker.gender},
                }
            )
    for pk, statement in enumerate(release.statements, start=1):
        records.append(
            {
                "model": "tracker.statement",
                "pk": pk,
                "fields": {
                    "meeting": meeting_pk,
                    "order": statement.order,
                    "segment": statement.segment,
                    "speaker": speaker_pks[statement.speaker.name] if statement.speaker else None,
                    "delegation": statement.delegation,
                    "role": statement.role,
                    "on_behalf_of": statement.on_behalf_of,
                    "speaker_type": statement.speaker_type,
                    "text": statement.text,
                    "created": stamp,
                    "updated": stamp,
                },
            }
        )
    return records
