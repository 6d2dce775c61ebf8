"""A parse as a Django JSON fixture (fixtures/ga-11955.json, fixtures/ga-12387.json), with
explicit keys: meeting N numbers its speakers and statements from (N - 1) × 1000 + 1, so
the meetings' fixtures load side by side. Records added to the meeting (a speech) follow
its own statements, as record_save adds them."""

from __future__ import annotations

import datetime
from dataclasses import asdict

from .records import PressRelease, added_record_name

SpeakerKey = tuple[str, str]  # (name, delegation): one speaker per person


def meeting_fixture(
    release: PressRelease,
    *,
    meeting_pk: int = 1,
    created: datetime.datetime | None = None,
    added: tuple[PressRelease, ...] = (),
    known_speakers: dict[SpeakerKey, tuple[int, str]] | None = None,
) -> list[dict]:
    """The records of the fixture. Without `created`, every record is stamped with the
    meeting's date at midnight UTC, so that writing a fixture again gives the same file.
    `known_speakers` are speakers of other fixtures ((name, delegation) → (pk, gender)):
    the same person keeps their key."""
    if created is None:
        day = release.meeting.date or datetime.date(2000, 1, 1)
        created = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    stamp = created.isoformat().replace("+00:00", "Z")
    rows = [(statement, "") for statement in release.statements]
    last = len(release.statements)
    for record in added:
        rows += [(statement, added_record_name(record)) for statement in record.statements]
        last += len(record.statements)
    first_pk = (meeting_pk - 1) * 1000 + 1
    speakers = _speakers(rows, first_pk, dict(known_speakers or {}))
    records = [_meeting(release, meeting_pk, stamp)]
    records += [
        {"model": "tracker.speaker", "pk": pk, "fields": {"name": key[0], "gender": gender}}
        for key, (pk, gender) in speakers.items()
    ]
    for offset, (statement, added_from) in enumerate(rows):
        key = (statement.speaker.name, statement.delegation) if statement.speaker else None
        records.append(
            {
                "model": "tracker.statement",
                "pk": first_pk + offset,
                "fields": {
                    "meeting": meeting_pk,
                    "order": offset + 1,
                    "segment": statement.segment,
                    "speaker": speakers[key][0] if key else None,
                    "delegation": statement.delegation,
                    "role": statement.role,
                    "on_behalf_of": statement.on_behalf_of,
                    "speaker_type": statement.speaker_type,
                    "gender": statement.speaker.gender if statement.speaker else statement.gender,
                    "language": getattr(statement, "language", ""),
                    "from_summary": statement.from_summary,
                    "added_from": added_from,
                    "text": statement.text,
                    "created": stamp,
                    "updated": stamp,
                },
            }
        )
    return records


def _speakers(rows, first_pk: int, known: dict) -> dict[SpeakerKey, tuple[int, str]]:
    speakers: dict[SpeakerKey, tuple[int, str]] = {}
    for statement, _ in rows:
        if not statement.speaker:
            continue
        key = (statement.speaker.name, statement.delegation)
        if key in speakers:
            continue
        if key in known:
            speakers[key] = (known[key][0], statement.speaker.gender)
        else:
            new = sum(1 for k in speakers if k not in known)
            speakers[key] = (first_pk + new, statement.speaker.gender)
    return speakers


def _meeting(release: PressRelease, pk: int, stamp: str) -> dict:
    header = release.meeting
    president = getattr(header, "president", None)
    return {
        "model": "tracker.meeting",
        "pk": pk,
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
            "record_kind": release.kind,
            "time": getattr(header, "time", ""),
            "place": getattr(header, "place", ""),
            "provisional": getattr(header, "provisional", False),
            "president": president_text(president) if president else "",
            "members": [asdict(m) for m in getattr(header, "members", ())],
            "agenda": list(getattr(header, "agenda", ())),
            "created": stamp,
            "updated": stamp,
        },
    }


def president_text(member) -> str:
    """The President as a cover prints them: "Mr. Osman (Somalia)"."""
    honorific = f"{member.honorific}. " if member.honorific else ""
    country = f" ({member.country})" if member.country else ""
    return f"{honorific}{member.name}{country}".strip()
