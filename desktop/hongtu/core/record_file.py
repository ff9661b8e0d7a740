"""The optional ``record`` of a plan file (``hongtu-plan`` version 2): the day as it happened.

See docs/plan-format.md. Attendance travels by name (member ids are local to one database),
a done item names its stop by position in ``plan.stops`` (stop ids are new on every import),
and a photo by its SHA-256 content hash and suffix (the file itself does not travel; the
receiver's photo folder may have it). Every problem raises ``RecordFileError`` with a plan-file
error code and the path of the value (``record.attendance[3].reason``); nothing is read in part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from hongtu.core import limits
from hongtu.core.members import MAX_MEMBERS
from hongtu.core.plans import Plan
from hongtu.core.records import (
    MAX_PERSON_CHARS,
    MAX_REASON_CHARS,
    MAX_SUMMARY_CHARS,
    ActivityRecord,
    DoneItem,
    DoneState,
    Guest,
    Presence,
)
from hongtu.core.roster import MAX_NAME_CHARS
from hongtu.core.text import clean_line, clean_text, person_name

MAX_ITEMS = 200  # guests, done items
MAX_PHOTOS = 500
MAX_TEXT_CHARS = 200  # a guest's note, a done item's text or note, a caption
PHOTO_SUFFIXES = ("jpg", "png", "heic")
_HASH = re.compile(r"[0-9a-f]{64}")


class RecordFileError(ValueError):
    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"{code} at {path}")
        self.code = code  # a PlanFileErrorCode value
        self.path = path


@dataclass(frozen=True, slots=True)
class SharedAttendance:
    name: str
    presence: Presence
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SharedPhoto:
    content_hash: str  # SHA-256, 64 lower-case hex digits
    suffix: str  # jpg | png | heic
    caption: str = ""

    @property
    def path(self) -> str:
        """Where the photo store keeps it (relative to the data folder)."""
        return f"photos/{self.content_hash[:2]}/{self.content_hash}.{self.suffix}"

    @property
    def thumbnail_path(self) -> str:
        return f"photos/thumbs/{self.content_hash}.jpg"


@dataclass(frozen=True)
class SharedRecord:
    """A record read from a file, with names instead of member ids (not stored yet)."""

    day: date
    attendance: tuple[SharedAttendance, ...]
    summary: str = ""
    host: str = ""
    recorder: str = ""
    guests: tuple[Guest, ...] = ()
    done: tuple[DoneItem, ...] = ()  # stop_uid: the imported plan's stop at the given position
    photos: tuple[SharedPhoto, ...] = ()

    def count(self, presence: Presence) -> int:
        return sum(1 for a in self.attendance if a.presence is presence)


# ---- writing -----------------------------------------------------------------------------------


def record_json(record: ActivityRecord, plan: Plan) -> dict[str, Any]:
    positions = {stop.id: index for index, stop in enumerate(plan.stops)}
    data: dict[str, Any] = {
        "day": record.day.isoformat(),
        "host": record.host,
        "recorder": record.recorder,
        "summary": record.summary,
        "attendance": [_attendance_json(a.name, a.presence, a.reason) for a in record.attendance],
        "guests": [_guest_json(g) for g in record.guests],
        "done": [_done_json(d, positions) for d in record.done],
        "photos": [
            _photo_json(p.content_hash, p.path, p.caption)
            for p in record.photos
            if _HASH.fullmatch(p.content_hash)
        ],
    }
    return data


def _attendance_json(name: str, presence: Presence, reason: str) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "presence": presence.value}
    if reason:
        data["reason"] = reason
    return data


def _guest_json(guest: Guest) -> dict[str, Any]:
    return {"name": guest.name, "note": guest.note} if guest.note else {"name": guest.name}


def _done_json(item: DoneItem, positions: dict[str, int]) -> dict[str, Any]:
    data: dict[str, Any] = {"text": item.text, "state": item.state.value}
    if item.stop_uid is not None and item.stop_uid in positions:
        data["stop"] = positions[item.stop_uid]
    if item.note:
        data["note"] = item.note
    return data


def _photo_json(content_hash: str, path: str, caption: str) -> dict[str, Any]:
    suffix = path.rpartition(".")[2].lower()
    data: dict[str, Any] = {
        "sha256": content_hash,
        "suffix": suffix if suffix in PHOTO_SUFFIXES else "jpg",
    }
    if caption:
        data["caption"] = caption
    return data


# ---- reading -----------------------------------------------------------------------------------


def read_record(value: Any, plan: Plan) -> SharedRecord:
    """The ``record`` object of a version 2 file, for ``plan`` (already read)."""
    data = _object(value, "record")
    # the day as it was recorded: a recorded plan may have been moved to another date since
    # (the window asks first), and the record keeps its own day; a day still to come is left
    # out on import with the other checks against this computer's roster (``match_record``)
    day = _day(_required(data, "day", "record"), "record.day")
    attendance = _items(data, "attendance", MAX_MEMBERS, required=True)
    if not attendance:
        raise RecordFileError("missing", "record.attendance")
    entries = tuple(
        _read_attendance(item, f"record.attendance[{i}]") for i, item in enumerate(attendance)
    )
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.name in seen:  # one entry per person: the counts would not add up
            raise RecordFileError("invalid_value", f"record.attendance[{index}].name")
        seen.add(entry.name)
    return SharedRecord(
        day=day,
        attendance=entries,
        summary=_text(data, "summary", "record", MAX_SUMMARY_CHARS, multiline=True),
        host=_text(data, "host", "record", MAX_PERSON_CHARS),
        recorder=_text(data, "recorder", "record", MAX_PERSON_CHARS),
        guests=tuple(
            _read_guest(item, f"record.guests[{i}]")
            for i, item in enumerate(_items(data, "guests", MAX_ITEMS))
        ),
        done=tuple(
            _read_done(item, f"record.done[{i}]", plan)
            for i, item in enumerate(_items(data, "done", MAX_ITEMS))
        ),
        photos=tuple(
            _read_photo(item, f"record.photos[{i}]")
            for i, item in enumerate(_items(data, "photos", MAX_PHOTOS))
        ),
    )


def _read_attendance(value: Any, path: str) -> SharedAttendance:
    data = _object(value, path)
    name = _name(data, path)
    presence = _enum(Presence, _required(data, "presence", path), f"{path}.presence")
    reason = _text(data, "reason", path, MAX_REASON_CHARS)
    if presence is Presence.LEAVE and not reason.strip():
        raise RecordFileError("missing", f"{path}.reason")  # 请假 needs its reason
    return SharedAttendance(name, presence, reason.strip())


def _read_guest(value: Any, path: str) -> Guest:
    data = _object(value, path)
    return Guest(_name(data, path), _text(data, "note", path, MAX_TEXT_CHARS))


def _read_done(value: Any, path: str, plan: Plan) -> DoneItem:
    data = _object(value, path)
    text = _text(data, "text", path, MAX_TEXT_CHARS, required=True)
    if not text.strip():
        raise RecordFileError("invalid_value", f"{path}.text")
    state = _enum(DoneState, _given(data, "state", "done"), f"{path}.state")
    stop = data.get("stop")
    stop_uid: str | None = None
    if stop is not None:
        if type(stop) is not int:
            raise RecordFileError("wrong_type", f"{path}.stop")
        if not 0 <= stop < len(plan.stops):
            raise RecordFileError("invalid_value", f"{path}.stop")
        stop_uid = plan.stops[stop].id
    return DoneItem(text, state, stop_uid, _text(data, "note", path, MAX_TEXT_CHARS))



def _given(data: dict[str, Any], key: str, default: Any) -> Any:
    """An optional key's value; ``default`` when it is absent or null (the format's "null
    means absent")."""
    value = data.get(key)
    return default if value is None else value


def _read_photo(value: Any, path: str) -> SharedPhoto:
    data = _object(value, path)
    digest = _required(data, "sha256", path)
    if not isinstance(digest, str):
        raise RecordFileError("wrong_type", f"{path}.sha256")
    if not _HASH.fullmatch(digest):
        raise RecordFileError("invalid_value", f"{path}.sha256")
    suffix = _given(data, "suffix", "jpg")
    if not isinstance(suffix, str):
        raise RecordFileError("wrong_type", f"{path}.suffix")
    if suffix not in PHOTO_SUFFIXES:
        raise RecordFileError("invalid_value", f"{path}.suffix")
    return SharedPhoto(digest, suffix, _text(data, "caption", path, MAX_TEXT_CHARS))


# ---- value readers -----------------------------------------------------------------------------


def _required(data: dict[str, Any], key: str, path: str) -> Any:
    if data.get(key) is None:
        raise RecordFileError("missing", f"{path}.{key}")
    return data[key]


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordFileError("wrong_type", path)
    return value


def _items(data: dict[str, Any], key: str, maximum: int, *, required: bool = False) -> list[Any]:
    value = _required(data, key, "record") if required else data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordFileError("wrong_type", f"record.{key}")
    if len(value) > maximum:
        raise RecordFileError("over_limit", f"record.{key}")
    return value


def _text(
    data: dict[str, Any],
    key: str,
    path: str,
    maximum: int,
    *,
    multiline: bool = False,
    required: bool = False,
) -> str:
    value = _required(data, key, path) if required else data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordFileError("wrong_type", f"{path}.{key}")
    cleaned = clean_text(value) if multiline else clean_line(value)
    if len(cleaned) > maximum:
        raise RecordFileError("over_limit", f"{path}.{key}")
    return cleaned


def _name(data: dict[str, Any], path: str) -> str:
    name = person_name(_text(data, "name", path, MAX_NAME_CHARS * 4, required=True))
    if not name:
        raise RecordFileError("invalid_value", f"{path}.name")
    if len(name) > MAX_NAME_CHARS:
        raise RecordFileError("over_limit", f"{path}.name")
    return name


def _enum(kind: type[Presence] | type[DoneState], value: Any, path: str) -> Any:
    if not isinstance(value, str):
        raise RecordFileError("wrong_type", path)
    try:
        return kind(value)
    except ValueError as error:
        raise RecordFileError("invalid_value", path) from error


def _day(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise RecordFileError("wrong_type", path)
    try:
        return limits.parse_date(value)
    except ValueError as error:
        raise RecordFileError("invalid_value", path) from error


__all__ = [
    "RecordFileError",
    "SharedAttendance",
    "SharedPhoto",
    "SharedRecord",
    "read_record",
    "record_json",
]
