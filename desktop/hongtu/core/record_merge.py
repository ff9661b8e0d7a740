"""A record changed elsewhere while it was being corrected: the organiser's changes put on top
of the newer record, so nothing typed is lost (Qt-free).

Three copies: ``base`` (the record as the dialog opened it), ``mine`` (as the organiser has it
now) and ``theirs`` (as another window or ``hongtu record`` saved it meanwhile). What the
organiser changed wins; everything else follows the newer record. Attendance is merged member by
member and photos photo by photo (those added on either side are kept, those the organiser took
out stay out).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TypeVar

from hongtu.core.records import ActivityRecord, Attendance, PhotoRef

T = TypeVar("T")

#: The parts of a record compared as a whole, in the order they are named.
WHOLE_PARTS = ("title", "guests", "done", "host", "recorder", "summary")


@dataclass(frozen=True)
class RecordMerge:
    record: ActivityRecord  # mine on top of theirs, with theirs' version (saving it corrects it)
    changed_elsewhere: tuple[str, ...]  # the parts theirs changed: WHOLE_PARTS, "photos"…
    attendance_elsewhere: tuple[tuple[Attendance | None, Attendance], ...]  # (before, after)
    both: tuple[str, ...]  # parts (or members' names) changed on both sides, mine kept


def _pick(base: T, mine: T, theirs: T) -> T:
    return mine if mine != base else theirs


def merge_record(base: ActivityRecord, mine: ActivityRecord, theirs: ActivityRecord) -> RecordMerge:
    both: list[str] = []
    changed: list[str] = []
    parts: dict[str, object] = {}
    for name in WHOLE_PARTS:
        was, now, other = getattr(base, name), getattr(mine, name), getattr(theirs, name)
        parts[name] = _pick(was, now, other)
        if other != was:
            changed.append(name)
            if now != was and now != other:
                both.append(name)

    base_people = {a.member_id: a for a in base.attendance}
    my_people = {a.member_id: a for a in mine.attendance}
    their_people = {a.member_id: a for a in theirs.attendance}
    attendance: list[Attendance] = []
    elsewhere: list[tuple[Attendance | None, Attendance]] = []
    for entry in theirs.attendance:
        was = base_people.get(entry.member_id)
        if entry != was:
            elsewhere.append((was, entry))
        my_entry = my_people.get(entry.member_id)
        if was is not None and my_entry is None:
            continue  # taken out of the record here
        if my_entry is not None and my_entry != was:
            if entry != was and my_entry != entry:
                both.append(entry.name)
            attendance.append(my_entry)
        else:
            attendance.append(entry)
    known = their_people.keys() | base_people.keys()
    attendance += [a for a in mine.attendance if a.member_id not in known]

    photos = _merged_photos(base.photos, mine.photos, theirs.photos)
    if {p.content_hash for p in theirs.photos} != {p.content_hash for p in base.photos}:
        changed.append("photos")
    record = dataclasses.replace(
        theirs,
        attendance=tuple(attendance),
        photos=photos,
        title=str(parts["title"]),
        guests=parts["guests"],  # type: ignore[arg-type]
        done=parts["done"],  # type: ignore[arg-type]
        host=str(parts["host"]),
        recorder=str(parts["recorder"]),
        summary=str(parts["summary"]),
    )
    return RecordMerge(record, tuple(changed), tuple(elsewhere), tuple(both))


def _merged_photos(
    base: tuple[PhotoRef, ...], mine: tuple[PhotoRef, ...], theirs: tuple[PhotoRef, ...]
) -> tuple[PhotoRef, ...]:
    """The newer record's photos (a caption typed here wins, a photo taken out here stays out),
    then those added here."""
    was = {p.content_hash: p for p in base}
    mine_by = {p.content_hash: p for p in mine}
    kept: list[PhotoRef] = []
    for photo in theirs:
        my_photo = mine_by.get(photo.content_hash)
        if photo.content_hash in was and my_photo is None:
            continue
        mine_changed = my_photo is not None and my_photo != was.get(photo.content_hash)
        kept.append(my_photo if mine_changed and my_photo is not None else photo)
    shown = {p.content_hash for p in kept} | {p.content_hash for p in theirs}
    kept += [p for p in mine if p.content_hash not in was and p.content_hash not in shown]
    return tuple(kept)
