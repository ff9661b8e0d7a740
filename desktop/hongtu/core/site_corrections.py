"""The site-corrections file: positions and facts that organisers (or the district office)
confirmed, shared as one JSON file (docs/site-corrections.md). Writing it, and reading it.

Reading is strict and complete: the whole file is checked before anything is compared or stored.
Any problem raises ``CorrectionsError`` with a code, the entry's number (1-based) and the site,
so a malformed file changes nothing and the person is told where the problem is.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hongtu.core.coords import out_of_china
from hongtu.core.geo import Crs, LatLon
from hongtu.core.shared_sites import (
    ACCESS,
    POSITION,
    RULES,
    SHARED_FACTS,
    SharedSitesError,
    read_point,
    read_rules,
    rules_json,
)
from hongtu.core.site_info import MAX_FACT_LENGTH, validate_rules
from hongtu.core.sites import (
    MAX_PLACE_NAME,
    Confidence,
    PositionOrigin,
    Provenance,
    Site,
    VisitorAccess,
    VisitRules,
)
from hongtu.core.strict_json import DuplicateKeyError, loads
from hongtu.core.text import clean_line

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import EditInfo

FORMAT = "hongtu-site-corrections"
VERSION = 1
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_KEY = 64
MAX_NAME = MAX_PLACE_NAME  # a place's name: what 添加地点 accepts
MAX_DISTRICT = 32
MAX_PERSON = 100
MAX_SOURCE = 500

CORRECTION_FACTS = ("address", *SHARED_FACTS)
"""The text facts a corrections file may carry, in the order they are listed."""
FIELDS = (POSITION, *CORRECTION_FACTS, RULES, ACCESS)
"""Every field an entry may correct, in the order differences are listed."""
CONFIDENCES = (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)
ACCESS_VALUES = (VisitorAccess.OPEN, VisitorAccess.EXTERIOR_ONLY)

_TOP_KEYS = frozenset({"format", "version", "exported_at", "exported_by", "corrections"})
_ENTRY_KEYS = frozenset(
    {"site", "confirmed_by", "confirmed_on", "source", "confidence", "facts", *FIELDS}
) - frozenset(CORRECTION_FACTS)
_SITE_KEYS = frozenset({"key", "name", "district"})
_POSITION_KEYS = frozenset({"lat", "lon", "crs"})
_RULE_KEYS = frozenset(
    {
        "opens",
        "closes",
        "last_entry",
        "closed_weekdays",
        "open_on_public_holidays",
        "reservation_lead_days",
        "max_group_size",
    }
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CorrectionsErrorCode(StrEnum):
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    NOT_JSON = "not_json"
    DUPLICATE_KEY = "duplicate_key"  # the same name twice in one JSON object
    NOT_CORRECTIONS_FILE = "not_corrections_file"
    UNSUPPORTED_VERSION = "unsupported_version"
    NEWER_VERSION = "newer_version"  # written by a later HongTu: upgrading reads it
    TOO_MANY_ENTRIES = "too_many_entries"
    MISSING = "missing"
    WRONG_TYPE = "wrong_type"
    UNKNOWN_FIELD = "unknown_field"
    INVALID_VALUE = "invalid_value"
    TEXT_TOO_LONG = "text_too_long"
    CONTROL_CHARACTER = "control_character"
    LONE_SURROGATE = "lone_surrogate"
    COORDINATE_OUT_OF_RANGE = "coordinate_out_of_range"
    FUTURE_DATE = "future_date"
    EMPTY_ENTRY = "empty_entry"  # an entry that corrects nothing
    DUPLICATE_ENTRY = "duplicate_entry"  # the same field of the same site twice
    UNKNOWN_SITE_WITHOUT_POSITION = "unknown_site_without_position"


class CorrectionsError(ValueError):
    """The file cannot be imported. ``entry`` is 1-based (None: the file as a whole), ``site``
    the site's name or key as the file gives it (cleaned for display), ``path`` the value."""

    def __init__(
        self, code: CorrectionsErrorCode, entry: int | None = None, site: str = "", path: str = ""
    ) -> None:
        super().__init__(f"{code.value} at entry {entry} ({site}) {path}".strip())
        self.code = code
        self.entry = entry
        self.site = site
        self.path = path


@dataclass(frozen=True, slots=True)
class SiteRef:
    """How an entry names its site: a catalogue key, or (a place someone added) its name."""

    key: str | None
    name: str
    district: str | None = None

    @property
    def identity(self) -> tuple[str, str]:
        return ("key", self.key) if self.key else ("name", self.name)


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """One entry: what one person confirmed about one site, on one day, from one source."""

    number: int  # 1-based, as the error messages and the dialog count
    site: SiteRef
    provenance: Provenance
    position: LatLon | None = None  # WGS-84
    given_in: Crs = Crs.WGS84  # the system the file gave the position in
    facts: Mapping[str, str] = field(default_factory=dict)
    rules: VisitRules | None = None
    access: VisitorAccess | None = None

    def fields(self) -> list[str]:
        """The fields this entry corrects, in ``FIELDS`` order."""
        values = {POSITION: self.position, RULES: self.rules, ACCESS: self.access}
        return [
            name
            for name in FIELDS
            if (self.facts.get(name) if name in CORRECTION_FACTS else values[name]) is not None
        ]


@dataclass(frozen=True, slots=True)
class CorrectionsFile:
    entries: tuple[CorrectionEntry, ...]
    exported_by: str | None = None
    exported_at: str | None = None


# ---- writing -----------------------------------------------------------------------------------


def corrections_json(
    sites: Iterable[Site],
    edits: Mapping[int, list[EditInfo]],
    confirmed_by: str,
    own_source: str,
    now: datetime,
) -> dict[str, Any]:
    """The file for what the organiser confirmed or corrected (never untouched catalogue data).

    ``edits`` is ``SiteStore.list_edits()``. A value taken from another file keeps its own
    provenance; the organiser's own edits are stamped ``confirmed_by`` (the name they gave), the
    day of the edit, ``own_source`` and high confidence. One entry per site and provenance; a
    place the organiser added is one entry with its position, so it can be added elsewhere.
    """
    entries: list[dict[str, Any]] = []
    for site in sites:
        site_edits = {info.field: info for info in edits.get(site.id, [])}
        groups: dict[Provenance, dict[str, Any]] = {}
        custom = site.key is None
        for name in FIELDS:
            value = _export_value(site, name, name in site_edits, custom)
            if value is None:
                continue
            info = site_edits.get(name)
            if info is not None and info.provenance is not None:
                provenance = info.provenance
            else:
                day = info.edited_on if info is not None else _place_day(site, now)
                provenance = Provenance(confirmed_by, day, own_source, Confidence.HIGH)
            groups.setdefault(provenance, {})[name] = value
        if custom and groups:  # one entry, so the place travels with its position
            first = next(iter(groups))
            merged = {name: value for values in groups.values() for name, value in values.items()}
            groups = {first: merged}
        for provenance, values in groups.items():
            entries.append(_entry_json(site, provenance, values))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "exported_by": confirmed_by,
        "corrections": entries,
    }


def unshareable_places(sites: Iterable[Site]) -> list[Site]:
    """Places the organiser added that a corrections file cannot carry, so that the file is
    never refused as a whole when imported: a name over ``MAX_NAME`` or a position outside China
    (stored before HongTu refused them), or a name an earlier place already has (a file names
    an added place by its name alone)."""
    seen: set[str] = set()
    left_out = []
    for site in sites:
        if site.key is not None:
            continue
        name = clean_line(site.name).strip()
        position = site.position
        outside = position is not None and out_of_china(position.point)
        if len(name) > MAX_NAME or outside or name in seen:
            left_out.append(site)
        seen.add(name)
    return left_out


def dump_corrections(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _place_day(site: Site, now: datetime) -> date:
    position = site.position
    return position.edited_on if position and position.edited_on else now.date()


def _export_value(site: Site, name: str, edited: bool, custom: bool) -> Any:
    """The value to write for ``name`` (None: nothing to share)."""
    if name == POSITION:
        position = site.position
        if position is None or not (edited or (custom and position.origin is PositionOrigin.USER)):
            return None
        return {
            "lat": round(position.point.lat, 7),
            "lon": round(position.point.lon, 7),
            "crs": Crs.WGS84.value,
        }
    if name == RULES:
        return rules_json(site.rules) if edited and site.rules != VisitRules() else None
    if name == ACCESS:
        status = site.access.status
        return status.value if edited and status is not VisitorAccess.UNKNOWN else None
    fact = getattr(site, name)
    shared = edited or (custom and name == "address")
    return clean_line(fact.value).strip() or None if shared and fact.value else None


def _entry_json(site: Site, provenance: Provenance, values: Mapping[str, Any]) -> dict[str, Any]:
    reference: dict[str, Any] = {"key": site.key, "name": clean_line(site.name)}
    if site.district:
        reference["district"] = site.district
    entry: dict[str, Any] = {
        "site": reference,
        "confirmed_by": provenance.confirmed_by,
        "confirmed_on": provenance.confirmed_on.isoformat(),
        "source": provenance.source,
        "confidence": provenance.confidence.value,
    }
    if POSITION in values:
        entry[POSITION] = values[POSITION]
    facts = {name: values[name] for name in CORRECTION_FACTS if name in values}
    if facts:
        entry["facts"] = facts
    for name in (RULES, ACCESS):
        if name in values:
            entry[name] = values[name]
    return entry


# ---- reading -----------------------------------------------------------------------------------


def names_itself_corrections_file(path: Path) -> bool:
    """Whether the file's beginning names this format (a file dropped on the window is taken
    as a site-corrections file, not a plan); it is read strictly only when imported."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return f'"{FORMAT}"'.encode() in head


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")  # NaN, Infinity: not JSON


def read_corrections(data: bytes | str, today: date | None = None) -> CorrectionsFile:
    """The whole file, checked; raises ``CorrectionsError`` on the first problem found."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise CorrectionsError(CorrectionsErrorCode.TOO_LARGE)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CorrectionsError(CorrectionsErrorCode.NOT_UTF8) from exc
    else:
        text = data
        if len(text) > MAX_FILE_BYTES:
            raise CorrectionsError(CorrectionsErrorCode.TOO_LARGE)
    try:
        raw = loads(text, parse_constant=_no_constant)
    except DuplicateKeyError as exc:
        raise CorrectionsError(CorrectionsErrorCode.DUPLICATE_KEY, path=_shown(exc.key)) from exc
    except (ValueError, RecursionError) as exc:
        raise CorrectionsError(CorrectionsErrorCode.NOT_JSON) from exc
    return _read_document(raw, today or date.today())


def _read_document(raw: Any, today: date) -> CorrectionsFile:
    code = CorrectionsErrorCode
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise CorrectionsError(code.NOT_CORRECTIONS_FILE, path="format")
    version = raw.get("version")
    if type(version) is int and version > VERSION:
        raise CorrectionsError(code.NEWER_VERSION, path="version")
    if type(version) is not int or version != VERSION:
        raise CorrectionsError(code.UNSUPPORTED_VERSION, path="version")
    _known_keys(raw, _TOP_KEYS, None, "", "")
    exported_by = _optional_text(raw, "exported_by", MAX_PERSON, None, "")
    exported_at = _optional_text(raw, "exported_at", 40, None, "")
    entries_raw = raw.get("corrections")
    if entries_raw is None:
        raise CorrectionsError(code.MISSING, path="corrections")
    if not isinstance(entries_raw, list):
        raise CorrectionsError(code.WRONG_TYPE, path="corrections")
    if len(entries_raw) > MAX_ENTRIES:
        raise CorrectionsError(code.TOO_MANY_ENTRIES, path="corrections")
    entries = tuple(
        _read_entry(value, number, today) for number, value in enumerate(entries_raw, start=1)
    )
    seen: set[tuple[tuple[str, str], str]] = set()
    for entry in entries:
        for name in entry.fields():
            if (entry.site.identity, name) in seen:
                raise CorrectionsError(
                    code.DUPLICATE_ENTRY, entry.number, _site_label(entry.site), name
                )
            seen.add((entry.site.identity, name))
    return CorrectionsFile(entries, exported_by, exported_at)


def _read_entry(raw: Any, number: int, today: date) -> CorrectionEntry:
    code = CorrectionsErrorCode
    if not isinstance(raw, dict):
        raise CorrectionsError(code.WRONG_TYPE, number)
    site = _read_site_ref(raw.get("site"), number)
    label = _site_label(site)
    _known_keys(raw, _ENTRY_KEYS, number, label, "")
    confirmed_on = _read_date(raw.get("confirmed_on"), number, label, today)
    confidence = raw.get("confidence")
    if confidence is None:
        raise CorrectionsError(code.MISSING, number, label, "confidence")
    if confidence not in [c.value for c in CONFIDENCES]:
        raise CorrectionsError(code.INVALID_VALUE, number, label, "confidence")
    provenance = Provenance(
        confirmed_by=_text(raw.get("confirmed_by"), MAX_PERSON, number, label, "confirmed_by"),
        confirmed_on=confirmed_on,
        source=_text(raw.get("source"), MAX_SOURCE, number, label, "source"),
        confidence=Confidence(confidence),
    )
    position, given_in = None, Crs.WGS84
    if raw.get(POSITION) is not None:
        position, given_in = _read_position(raw[POSITION], number, label)
    facts = _read_facts(raw.get("facts"), number, label)
    rules = None
    if raw.get(RULES) is not None:
        rules = _read_rules(raw[RULES], number, label)
    access = None
    if raw.get(ACCESS) is not None:
        if raw[ACCESS] not in [a.value for a in ACCESS_VALUES]:
            raise CorrectionsError(code.INVALID_VALUE, number, label, ACCESS)
        access = VisitorAccess(raw[ACCESS])
    entry = CorrectionEntry(number, site, provenance, position, given_in, facts, rules, access)
    if not entry.fields():
        raise CorrectionsError(code.EMPTY_ENTRY, number, label)
    return entry


def _read_site_ref(raw: Any, number: int) -> SiteRef:
    code = CorrectionsErrorCode
    if raw is None:
        raise CorrectionsError(code.MISSING, number, "", "site")
    if not isinstance(raw, dict):
        raise CorrectionsError(code.WRONG_TYPE, number, "", "site")
    name = _text(raw.get("name"), MAX_NAME, number, "", "site.name")
    _known_keys(raw, _SITE_KEYS, number, name, "site.")
    key = _optional_text(raw, "key", MAX_KEY, number, name, "site.")
    district = _optional_text(raw, "district", MAX_DISTRICT, number, name, "site.")
    return SiteRef(key, name, district)


def _read_date(raw: Any, number: int, label: str, today: date) -> date:
    code = CorrectionsErrorCode
    if raw is None:
        raise CorrectionsError(code.MISSING, number, label, "confirmed_on")
    if not isinstance(raw, str):
        raise CorrectionsError(code.WRONG_TYPE, number, label, "confirmed_on")
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError(raw)
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise CorrectionsError(code.INVALID_VALUE, number, label, "confirmed_on") from exc
    if day > today:
        raise CorrectionsError(code.FUTURE_DATE, number, label, "confirmed_on")
    return day


def _read_position(raw: Any, number: int, label: str) -> tuple[LatLon, Crs]:
    if not isinstance(raw, dict):
        raise CorrectionsError(CorrectionsErrorCode.WRONG_TYPE, number, label, POSITION)
    _known_keys(raw, _POSITION_KEYS, number, label, "position.")
    if raw.get("crs") is None:
        raise CorrectionsError(CorrectionsErrorCode.MISSING, number, label, "position.crs")
    try:
        point, crs = read_point(raw, POSITION)
    except SharedSitesError as exc:
        raise CorrectionsError(CorrectionsErrorCode(exc.code), number, label, exc.path) from exc
    if out_of_china(point):  # a valid coordinate, but no place a Party-day group could visit
        raise CorrectionsError(
            CorrectionsErrorCode.COORDINATE_OUT_OF_RANGE, number, label, POSITION
        )
    return point, crs


def _read_rules(raw: Any, number: int, label: str) -> VisitRules:
    code = CorrectionsErrorCode
    if not isinstance(raw, dict):
        raise CorrectionsError(code.WRONG_TYPE, number, label, RULES)
    _known_keys(raw, _RULE_KEYS, number, label, "rules.")
    try:
        rules = read_rules(raw, RULES)
    except SharedSitesError as exc:
        raise CorrectionsError(CorrectionsErrorCode(exc.code), number, label, exc.path) from exc
    if rules == VisitRules() or validate_rules(rules):
        raise CorrectionsError(code.INVALID_VALUE, number, label, RULES)
    return rules


def _read_facts(raw: Any, number: int, label: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CorrectionsError(CorrectionsErrorCode.WRONG_TYPE, number, label, "facts")
    _known_keys(raw, frozenset(CORRECTION_FACTS), number, label, "facts.")
    return {
        name: _text(raw[name], MAX_FACT_LENGTH, number, label, f"facts.{name}")
        for name in CORRECTION_FACTS
        if name in raw
    }


def _known_keys(
    raw: dict[str, Any], known: frozenset[str], number: int | None, label: str, prefix: str
) -> None:
    for key in raw:
        if key not in known:
            raise CorrectionsError(
                CorrectionsErrorCode.UNKNOWN_FIELD, number, label, prefix + _shown(key)
            )


def _optional_text(
    raw: dict[str, Any], name: str, limit: int, number: int | None, label: str, prefix: str = ""
) -> str | None:
    if raw.get(name) is None:
        return None
    return _text(raw[name], limit, number, label, prefix + name)


def _text(raw: Any, limit: int, number: int | None, label: str, path: str) -> str:
    """A required one-line text: no control characters, no lone surrogates, not too long."""
    code = CorrectionsErrorCode
    if raw is None:
        raise CorrectionsError(code.MISSING, number, label, path)
    if not isinstance(raw, str):
        raise CorrectionsError(code.WRONG_TYPE, number, label, path)
    if any("\ud800" <= ch <= "\udfff" for ch in raw):
        raise CorrectionsError(code.LONE_SURROGATE, number, label, path)
    if any(unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029" for ch in raw):
        raise CorrectionsError(code.CONTROL_CHARACTER, number, label, path)
    text = raw.strip()
    if not text:
        raise CorrectionsError(code.MISSING, number, label, path)
    if len(text) > limit:
        raise CorrectionsError(code.TEXT_TOO_LONG, number, label, path)
    return text


def _shown(text: str) -> str:
    """A name from the file as it may be shown: one clean line, not too long."""
    return clean_line(text)[:40]


def _site_label(site: SiteRef) -> str:
    return site.name or site.key or ""
