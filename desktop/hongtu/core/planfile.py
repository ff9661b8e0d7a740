"""The plan sharing format (``.hongtu.json``): one plan as JSON another HongTu can open.

See docs/plan-format.md. Catalogue sites travel as their stable catalogue key; places that are
not in the catalogue travel as ``custom`` name + coordinates (GCJ-02 and BD-09 are converted to
WGS-84 on import); a custom gathering point whose position is not known yet travels as its name
alone (``lat``, ``lon`` and ``crs`` all or none). Every problem raises ``PlanFileError`` with a
``code`` and the ``path`` of the offending value (``plan.stops[2].custom.lat``), so the UI can
name it; messages are not for users.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any, TypeVar

from hongtu.core import limits
from hongtu.core.clocktime import hhmm
from hongtu.core.coords import to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    PlanStatus,
    Stop,
    TransportMode,
)
from hongtu.core.record_file import RecordFileError, SharedRecord, read_record, record_json
from hongtu.core.records import ActivityRecord
from hongtu.core.shared_sites import (
    SharedSite,
    SharedSitesError,
    read_shared_sites,
    shared_sites_json,
)
from hongtu.core.sites import Site
from hongtu.core.strict_json import DuplicateKeyError, loads
from hongtu.core.text import clean_line, clean_strings

FORMAT_NAME = "hongtu-plan"
FORMAT_VERSION = 2  # the newest version this HongTu reads and writes
PLAIN_VERSION = 1  # what a plan without a record is written as (older HongTu reads it)
READABLE_VERSIONS = (1, 2)
MAX_FILE_CHARS = 2_000_000
_SHOWN_PATH_CHARS = 120

SiteKeyResolver = Callable[[str], int | None]
"""Catalogue key → site id, or None when the key is not in this catalogue."""

_E = TypeVar("_E", bound=StrEnum)


class PlanFileErrorCode(StrEnum):
    TOO_LARGE = "too_large"  # longer than MAX_FILE_CHARS
    NOT_JSON = "not_json"
    DUPLICATE_KEY = "duplicate_key"  # an object names the same key twice: which one is meant?
    NOT_A_PLAN_FILE = "not_a_plan_file"  # "format" is not "hongtu-plan"
    UNSUPPORTED_VERSION = "unsupported_version"  # "version" is not one this HongTu reads
    MISSING = "missing"  # a required key is absent
    WRONG_TYPE = "wrong_type"  # e.g. text where a number belongs
    INVALID_VALUE = "invalid_value"  # right type, impossible value (a date "2025-02-30")
    OVER_LIMIT = "over_limit"  # text too long, too many stops or activities (core.limits)
    COORDINATE_OUT_OF_RANGE = "coordinate_out_of_range"
    AMBIGUOUS_PLACE = "ambiguous_place"  # both "site_key" and "custom"
    UNKNOWN_SITE_KEY = "unknown_site_key"  # not in this catalogue
    # while writing:
    SITE_NOT_FOUND = "site_not_found"  # a site id that is not in the given sites
    SITE_NOT_SHAREABLE = "site_not_shareable"  # an own place without key and without position


class PlanFileError(ValueError):
    """A plan file cannot be read (or a plan cannot be written); ``path`` names the value."""

    def __init__(self, code: PlanFileErrorCode, path: str) -> None:
        super().__init__(f"{code.value} at {path or '<file>'}")
        self.code = code
        self.path = path


# ---- writing -----------------------------------------------------------------------------------


def dump_plan(plan: Plan, sites: Mapping[int, Site], record: ActivityRecord | None = None) -> str:
    """``plan`` as plan-file text. ``sites`` maps the plan's site ids to sites (for their keys).

    Text a file cannot carry (a lone surrogate, a control character) is written as U+FFFD.
    The organiser's own corrections of the catalogue sites the plan uses travel along in a
    ``sites`` section (absent when there are none), for the receiver to take or leave.
    With ``record`` (the day as recorded) the file is version 2 with a ``record`` section;
    without one it stays version 1, which every HongTu reads.
    """
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION if record is not None else PLAIN_VERSION,
        "plan": clean_strings(_plan_json(plan, sites)),
    }
    shared = shared_sites_json(plan, sites)
    if shared:
        document["sites"] = clean_strings(shared)
    if record is not None:
        document["record"] = clean_strings(record_json(record, plan))
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _plan_json(plan: Plan, sites: Mapping[int, Site]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": plan.title,
        "branch": plan.branch,
        "date": plan.date.isoformat(),
        "participants": plan.participants,
        "organiser": plan.organiser,
        "phone": plan.phone,
        "transport": plan.transport.value,
        "gathering": _gathering_json(plan.gathering, sites),
        "gathering_time": hhmm(plan.gathering_time),
        "returns_to_gathering": plan.returns_to_gathering,
    }
    if plan.return_leg_override is not None:
        data["return_leg_minutes_override"] = plan.return_leg_override
    if plan.return_by is not None:
        data["return_by"] = hhmm(plan.return_by)
    data["notes"] = plan.notes
    data["status"] = plan.status.value
    data["stops"] = [
        _stop_json(stop, sites, f"plan.stops[{index}]") for index, stop in enumerate(plan.stops)
    ]
    return data


def _custom_json(name: str, point: LatLon | None) -> dict[str, Any]:
    if point is None:  # a gathering point whose position is not known yet
        return {"custom": {"name": name}}
    return {"custom": {"name": name, "lat": point.lat, "lon": point.lon, "crs": Crs.WGS84.value}}


def _place_json(
    site_id: int | None,
    custom: CustomPlace | None,
    sites: Mapping[int, Site],
    path: str,
    *,
    unplaced_ok: bool = False,
) -> dict[str, Any]:
    """``unplaced_ok``: a custom place may be written without a position (the gathering point)."""
    if custom is not None:
        if custom.point is None and not unplaced_ok:
            raise PlanFileError(PlanFileErrorCode.SITE_NOT_SHAREABLE, path)
        return _custom_json(custom.name, custom.point)
    site = sites.get(site_id) if site_id is not None else None
    if site is None:
        raise PlanFileError(PlanFileErrorCode.SITE_NOT_FOUND, path)
    if site.key is not None:
        return {"site_key": site.key}
    if site.position is None:  # an organiser's own place that has no position
        raise PlanFileError(PlanFileErrorCode.SITE_NOT_SHAREABLE, path)
    return _custom_json(site.name, site.position.point)


def _gathering_json(gathering: GatheringPoint, sites: Mapping[int, Site]) -> dict[str, Any] | None:
    if gathering.site_id is None and gathering.custom is None:
        return None
    return _place_json(
        gathering.site_id, gathering.custom, sites, "plan.gathering", unplaced_ok=True
    )


def _stop_json(stop: Stop, sites: Mapping[int, Site], path: str) -> dict[str, Any]:
    data = _place_json(stop.site_id, stop.custom, sites, path)
    if stop.visit_minutes is not None:
        data["visit_minutes"] = stop.visit_minutes
    if stop.pinned:
        data["pinned"] = True
    if stop.start_override is not None:
        data["start_override"] = hhmm(stop.start_override)
    if stop.leg_minutes_override is not None:
        data["leg_minutes_override"] = stop.leg_minutes_override
    data["activities"] = [_activity_json(activity) for activity in stop.activities]
    return data


def _activity_json(activity: Activity) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": activity.kind.value, "minutes": activity.minutes}
    if activity.label:
        data["label"] = activity.label
    return data


# ---- reading -----------------------------------------------------------------------------------


def load_plan(text: str, resolve_site_key: SiteKeyResolver) -> Plan:
    """The plan in plan-file ``text``; stops get new ids. Raises ``PlanFileError``.

    The plan that comes back keeps every rule of ``hongtu.core.limits``: its text is normalised
    (characters no file can carry become U+FFFD), anything else out of bounds is refused.
    """
    return load_plan_file(text, resolve_site_key)[0]


def load_plan_file(
    text: str, resolve_site_key: SiteKeyResolver
) -> tuple[Plan, dict[str, SharedSite]]:
    """The plan (as ``load_plan``) and the sender's site corrections by catalogue key."""
    contents = read_plan_document(text, resolve_site_key)
    return contents.plan, contents.sites


@dataclass(frozen=True)
class PlanFileContents:
    plan: Plan
    sites: dict[str, SharedSite]  # the sender's site corrections by catalogue key
    record: SharedRecord | None  # the day as recorded (version 2 files that carry one)


def read_plan_document(text: str, resolve_site_key: SiteKeyResolver) -> PlanFileContents:
    """Everything in a plan file, checked whole: any problem raises ``PlanFileError``."""
    document = _parse_json(text)
    version = _check_header(document)
    plan = _read_plan(_object(_required(document, "plan", ""), "plan"), resolve_site_key)
    plan = limits.normalise_plan(plan)
    for problem in limits.plan_problems(plan):
        code = (
            PlanFileErrorCode.OVER_LIMIT if problem.over_limit else PlanFileErrorCode.INVALID_VALUE
        )
        raise PlanFileError(code, problem.path)
    try:
        shared = read_shared_sites(document.get("sites"))
    except SharedSitesError as error:
        raise PlanFileError(PlanFileErrorCode(error.code), error.path) from error
    record = None
    if version >= 2 and document.get("record") is not None:  # version 1 ignores unknown keys
        try:
            record = read_record(document["record"], plan)
        except RecordFileError as error:
            raise PlanFileError(PlanFileErrorCode(error.code), error.path) from error
    return PlanFileContents(plan, shared, record)


def _parse_json(text: str) -> dict[str, Any]:
    if len(text) > MAX_FILE_CHARS:
        raise PlanFileError(PlanFileErrorCode.TOO_LARGE, "")
    try:
        document = loads(text.removeprefix("\ufeff"), parse_int=_whole_number)
    except DuplicateKeyError as error:
        raise PlanFileError(PlanFileErrorCode.DUPLICATE_KEY, _shown_path(error.path)) from error
    except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise PlanFileError(PlanFileErrorCode.NOT_JSON, "") from error
    if not isinstance(document, dict):
        raise PlanFileError(PlanFileErrorCode.NOT_A_PLAN_FILE, "")
    return document


def _shown_path(path: str) -> str:
    """A path that names keys from the file, as it may be shown: one clean line, at most
    ``_SHOWN_PATH_CHARS`` characters, its end (the key itself) kept."""
    path = clean_line(path)
    return path if len(path) <= _SHOWN_PATH_CHARS else "…" + path[1 - _SHOWN_PATH_CHARS :]


def _whole_number(digits: str) -> int | float:
    """A JSON integer; one longer than Python converts (4,300 digits) is read as the infinite
    number it is for every field here, so the value's own check refuses it with its path."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)  # "1000…0" → inf


def _check_header(document: dict[str, Any]) -> int:
    if document.get("format") != FORMAT_NAME:
        raise PlanFileError(PlanFileErrorCode.NOT_A_PLAN_FILE, "format")
    version = _required(document, "version", "")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise PlanFileError(PlanFileErrorCode.UNSUPPORTED_VERSION, "version")
    return version


def _read_plan(data: dict[str, Any], resolve: SiteKeyResolver) -> Plan:
    _optional_str(data, "theme", "plan")  # reserved: checked, not stored (Plan has no theme)
    gathering_value = data.get("gathering")
    gathering = (
        GatheringPoint()
        if gathering_value is None
        else _read_gathering(_object(gathering_value, "plan.gathering"), resolve)
    )
    stops = _list(_required(data, "stops", "plan"), "plan.stops")
    if len(stops) > limits.MAX_STOPS:  # refused before reading thousands of them
        raise PlanFileError(PlanFileErrorCode.OVER_LIMIT, "plan.stops")
    return Plan(
        title=_str(data, "title", "plan"),
        date=_date(_required(data, "date", "plan"), "plan.date"),
        branch=_optional_str(data, "branch", "plan"),
        participants=_participants(data),
        organiser=_optional_str(data, "organiser", "plan"),
        phone=_optional_str(data, "phone", "plan"),
        transport=_enum(TransportMode, _required(data, "transport", "plan"), "plan.transport"),
        gathering=gathering,
        gathering_time=_time(_required(data, "gathering_time", "plan"), "plan.gathering_time"),
        returns_to_gathering=_bool(data, "returns_to_gathering", "plan", default=True),
        return_leg_override=_optional_minutes(data, "return_leg_minutes_override", "plan"),
        return_by=_optional_time(data, "return_by", "plan"),
        notes=_optional_str(data, "notes", "plan"),
        status=_enum(PlanStatus, _given(data, "status", "draft"), "plan.status"),
        stops=[
            _read_stop(value, f"plan.stops[{index}]", resolve) for index, value in enumerate(stops)
        ],
    )



def _optional_time(data: dict[str, Any], key: str, path: str) -> time | None:
    value = data.get(key)
    return None if value is None else _time(value, _join(path, key))


def _given(data: dict[str, Any], key: str, default: Any) -> Any:
    """An optional key's value; ``default`` when it is absent or null (the format's "null
    means absent")."""
    value = data.get(key)
    return default if value is None else value


def _read_gathering(data: dict[str, Any], resolve: SiteKeyResolver) -> GatheringPoint:
    site_id, custom = _read_place(data, "plan.gathering", resolve, unplaced_ok=True)
    return GatheringPoint(site_id=site_id, custom=custom)


def _read_stop(value: Any, path: str, resolve: SiteKeyResolver) -> Stop:
    data = _object(value, path)
    site_id, custom = _read_place(data, path, resolve)
    start_override = data.get("start_override")
    activities = _list(_given(data, "activities", []), f"{path}.activities")
    return Stop(
        site_id=site_id,
        custom=custom,
        visit_minutes=_optional_minutes(data, "visit_minutes", path),
        activities=[
            _read_activity(value, f"{path}.activities[{index}]")
            for index, value in enumerate(activities)
        ],
        pinned=_bool(data, "pinned", path, default=False),
        start_override=(
            None if start_override is None else _time(start_override, f"{path}.start_override")
        ),
        leg_minutes_override=_optional_minutes(data, "leg_minutes_override", path),
    )


def _read_place(
    data: dict[str, Any], path: str, resolve: SiteKeyResolver, *, unplaced_ok: bool = False
) -> tuple[int | None, CustomPlace | None]:
    has_key, has_custom = "site_key" in data, "custom" in data
    if has_key and has_custom:
        raise PlanFileError(PlanFileErrorCode.AMBIGUOUS_PLACE, path)
    if has_key:
        return _resolve_key(_str(data, "site_key", path), f"{path}.site_key", resolve), None
    if has_custom:
        custom_path = f"{path}.custom"
        custom = _object(data["custom"], custom_path)
        return None, _read_custom(custom, custom_path, unplaced_ok=unplaced_ok)
    raise PlanFileError(PlanFileErrorCode.MISSING, f"{path}.site_key")


def _resolve_key(key: str, path: str, resolve: SiteKeyResolver) -> int:
    try:
        site_id = resolve(key)
    except KeyError:
        site_id = None
    if site_id is None:
        raise PlanFileError(PlanFileErrorCode.UNKNOWN_SITE_KEY, path)
    return site_id


_POSITION_KEYS = ("lat", "lon", "crs")


def _read_custom(data: dict[str, Any], path: str, *, unplaced_ok: bool = False) -> CustomPlace:
    """``unplaced_ok`` (the gathering point): ``lat``, ``lon``, ``crs`` may be absent, all three."""
    name = _str(data, "name", path)
    if not name.strip():
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, f"{path}.name")
    if unplaced_ok and all(data.get(key) is None for key in _POSITION_KEYS):
        return CustomPlace(name=name, point=None)
    lat = _coordinate(data, "lat", path, 90.0)
    lon = _coordinate(data, "lon", path, 180.0)
    crs = _enum(Crs, _required(data, "crs", path), f"{path}.crs")
    return CustomPlace(name=name, point=to_wgs84(LatLon(lat, lon), crs))


def _read_activity(value: Any, path: str) -> Activity:
    data = _object(value, path)
    kind = _enum(ActivityKind, _required(data, "kind", path), f"{path}.kind")
    minutes = _minutes_like(data, "minutes", path, maximum=limits.MAX_MINUTES, required=True)
    label = _optional_str(data, "label", path)
    if kind is ActivityKind.CUSTOM and not label.strip():
        raise PlanFileError(PlanFileErrorCode.MISSING, f"{path}.label")
    return Activity(kind=kind, minutes=minutes, label=label)


# ---- value readers -----------------------------------------------------------------------------


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _required(data: dict[str, Any], key: str, path: str) -> Any:
    if key not in data or data[key] is None:
        raise PlanFileError(PlanFileErrorCode.MISSING, _join(path, key))
    return data[key]


def _wrong_type(path: str) -> PlanFileError:
    return PlanFileError(PlanFileErrorCode.WRONG_TYPE, path)


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong_type(path)
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong_type(path)
    return value


def _str(data: dict[str, Any], key: str, path: str) -> str:
    value = _required(data, key, path)
    if not isinstance(value, str):
        raise _wrong_type(_join(path, key))
    return value


def _optional_str(data: dict[str, Any], key: str, path: str) -> str:
    if data.get(key) is None:
        return ""
    return _str(data, key, path)


def _bool(data: dict[str, Any], key: str, path: str, *, default: bool) -> bool:
    value = data.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise _wrong_type(_join(path, key))
    return value


def _minutes_like(
    data: dict[str, Any], key: str, path: str, *, maximum: int | None, required: bool
) -> int:
    value = _required(data, key, path) if required else data[key]
    if isinstance(value, float) and math.isinf(value):  # a number with thousands of digits
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, _join(path, key))
    if type(value) is not int:  # bool is an int subclass: refuse it too
        raise _wrong_type(_join(path, key))
    if value < 0 or (maximum is not None and value > maximum):
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, _join(path, key))
    return value


def _optional_minutes(data: dict[str, Any], key: str, path: str) -> int | None:
    if data.get(key) is None:
        return None
    return _minutes_like(data, key, path, maximum=limits.MAX_MINUTES, required=False)


def _participants(data: dict[str, Any]) -> int:
    count = _minutes_like(data, "participants", "plan", maximum=None, required=True)
    if not limits.MIN_PARTICIPANTS <= count <= limits.MAX_PARTICIPANTS:
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, "plan.participants")
    return count


def _coordinate(data: dict[str, Any], key: str, path: str, limit: float) -> float:
    value = _required(data, key, path)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(_join(path, key))
    number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        raise PlanFileError(PlanFileErrorCode.COORDINATE_OUT_OF_RANGE, _join(path, key))
    return number


def _enum(kind: type[_E], value: Any, path: str) -> _E:
    if not isinstance(value, str):
        raise _wrong_type(path)
    try:
        return kind(value)
    except ValueError as error:
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, path) from error


def _date(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise _wrong_type(path)
    try:
        return limits.parse_date(value)  # ASCII digits, within the limits' dates
    except ValueError as error:
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, path) from error


def _time(value: Any, path: str) -> time:
    if not isinstance(value, str):
        raise _wrong_type(path)
    try:
        return limits.parse_time(value)  # "HH:MM" in ASCII digits: "０９:３０" is not a time
    except ValueError as error:
        raise PlanFileError(PlanFileErrorCode.INVALID_VALUE, path) from error
