"""One Speaker per person: a name speaking for one delegation.

Verbatim records name delegates by surname ("Mr. Kim (Republic of Korea)"), so a name
alone is not a person: two delegations' Mr. Kim are two speakers. An existing speaker of
the name is reused when they spoke for the same delegation before (or either side states
none, or they have no statements yet); the oldest such speaker wins.

The rule reads the statements (a speaker row holds no delegation, and an unstated one
matches any), so no unique constraint on the speaker table can hold it. Two imports
naming the same new speaker at once would both find none and insert two: on PostgreSQL
each import first takes a transaction lock per name it names (pg_advisory_xact_lock, in
one sorted order, so two imports cannot deadlock), and the second then finds the
first's speaker once that one has committed. SQLite runs one writer at a time.
"""

from __future__ import annotations

import zlib
from collections import defaultdict

from django.db import connection

from tracker.models import Gender, Speaker, Statement

BATCH_SIZE = 500
# The first key of the two-key advisory locks this module takes: speakers' names.
_LOCK_NAMESPACE = 1_702_173  # arbitrary; other lock users pick another
SpeakerKey = tuple[str, str]  # (name, delegation)


def speaker_key(statement) -> SpeakerKey | None:
    return (statement.speaker.name, statement.delegation) if statement.speaker else None


def speakers_for(statements) -> tuple[dict[SpeakerKey, Speaker], int]:
    """The Speaker of every (name, delegation) of the parse, created where none exists;
    a stated gender is recorded on a reused speaker. Returns them and how many are new."""
    wanted: dict[SpeakerKey, str] = {}
    for statement in statements:
        if key := speaker_key(statement):
            wanted.setdefault(key, statement.speaker.gender)
    names = sorted({name for name, _ in wanted})
    _lock_names(names)
    existing = _existing(names)
    found: dict[SpeakerKey, Speaker] = {}
    for key in wanted:
        match = _reusable(existing.get(key[0], []), key[1])
        if match is not None:
            found[key] = match
    _record_genders(found, wanted)
    missing = [key for key in wanted if key not in found]
    created = Speaker.objects.bulk_create(
        [Speaker(name=name, gender=wanted[(name, d)]) for name, d in missing],
        batch_size=BATCH_SIZE,
    )  # PostgreSQL and SQLite (3.35+) return the new keys from a bulk insert
    found.update(zip(missing, created, strict=True))
    return found, len(created)


def _lock_names(names: list[str]) -> None:
    """Hold each name until the transaction ends, so two imports cannot both add it."""
    if connection.vendor != "postgresql" or not names:
        return
    keys = sorted({zlib.crc32(name.encode("utf-8")) - 2**31 for name in names})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::int[]) AS key ORDER BY key",
            [_LOCK_NAMESPACE, keys],
        )


def _existing(names: list[str]) -> dict[str, list[tuple[Speaker, set[str]]]]:
    """Speakers of these names, oldest first, with the delegations they spoke for."""
    speakers = list(Speaker.objects.filter(name__in=names).order_by("pk"))
    spoke_for: dict[int, set[str]] = defaultdict(set)
    # order_by(): Statement's default ordering would join the meetings and make the
    # DISTINCT one row per statement rather than per speaker and delegation.
    rows = Statement.objects.filter(speaker__in=speakers).order_by()
    for speaker_id, delegation in rows.values_list("speaker_id", "delegation").distinct():
        spoke_for[speaker_id].add(delegation)
    by_name: dict[str, list[tuple[Speaker, set[str]]]] = defaultdict(list)
    for speaker in speakers:
        by_name[speaker.name].append((speaker, spoke_for[speaker.pk]))
    return by_name


def _reusable(candidates: list[tuple[Speaker, set[str]]], delegation: str) -> Speaker | None:
    for speaker, delegations in candidates:
        if not delegations or not delegation or delegation in delegations or "" in delegations:
            return speaker
    return None


def _record_genders(found: dict[SpeakerKey, Speaker], wanted: dict[SpeakerKey, str]) -> None:
    changed = []
    for key, speaker in found.items():
        gender = wanted[key]
        if gender != Gender.UNKNOWN and speaker.gender != gender:
            speaker.gender = gender
            changed.append(speaker)
    if changed:
        Speaker.objects.bulk_update(changed, ["gender"], batch_size=BATCH_SIZE)
