"""The bundled site catalogue (``resources/data/sites.json``): loading and validation.

The format is described in ``resources/data/SITES-FORMAT.md``. Loading checks everything a later
step relies on and raises ``CatalogueError`` naming the site key and the field at fault; a
catalogue that loads is internally consistent (source indexes exist, districts match adcodes,
unknown facts carry no confidence, known facts carry a source).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hongtu.core.geo import Crs, LatLon
from hongtu.core.paths import resource_path
from hongtu.core.sites import (
    DEFAULT_VISIT_MINUTES,
    Access,
    Confidence,
    Fact,
    Position,
    PositionOrigin,
    Site,
    SiteCategory,
    Source,
    VisitorAccess,
)

FACT_FIELDS = (
    "address",
    "protection_level",
    "opening_hours",
    "closed_days",
    "reservation",
    "admission",
    "phone",
)

# The district outlines the app bundles: name → adcode. Prefix 1401 is 太原市.
DISTRICT_ADCODES: Mapping[str, str] = {
    "小店区": "140105",
    "迎泽区": "140106",
    "杏花岭区": "140107",
    "尖草坪区": "140108",
    "万柏林区": "140109",
    "晋源区": "140110",
    "清徐县": "140121",
    "阳曲县": "140122",
    "娄烦县": "140123",
    "古交市": "140181",
    "文水县": "141121",  # 吕梁市
    "五台县": "140922",  # 忻州市
}
TAIYUAN_ADCODE_PREFIX = "1401"

_KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SITE_FIELDS = frozenset(
    {
        "key",
        "name",
        "aliases",
        "category",
        "district",
        "district_adcode",
        "in_taiyuan",
        "position",
        "facts",
        "visitor_access",
        "significance",
        "notes",
        "sources",
        "last_verified",
        "visit_minutes",
    }
)
_POSITION_FIELDS = frozenset({"lat", "lon", "crs", "confidence", "verified", "basis"})
_FACT_KEYS = frozenset({"value", "confidence", "sources"})
_SOURCE_FIELDS = frozenset({"title", "url", "confidence", "supports"})
_KNOWN_CONFIDENCES = (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)


class CatalogueError(ValueError):
    """The catalogue file is malformed; ``key`` and ``field`` say where."""

    def __init__(self, problem: str, *, key: str | None = None, field: str | None = None) -> None:
        where = []
        if key is not None:
            where.append(f"site {key!r}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {problem}" if prefix else problem)
        self.key = key
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One site exactly as the bundled catalogue describes it."""

    key: str
    name: str
    aliases: tuple[str, ...]
    category: SiteCategory
    district: str
    district_adcode: str
    in_taiyuan: bool
    position: Position | None
    address: Fact
    protection_level: Fact
    opening_hours: Fact
    closed_days: Fact
    reservation: Fact
    admission: Fact
    phone: Fact
    access: Access
    significance: str
    notes: str
    sources: tuple[Source, ...]
    last_verified: date
    visit_minutes: int | None  # None: no published duration

    @property
    def facts(self) -> dict[str, Fact]:
        """Every fact by its field name, in catalogue order."""
        return {name: getattr(self, name) for name in FACT_FIELDS}

    def to_site(self, id: int) -> Site:
        """The domain object, with ``id`` from storage and the default visit length if unknown."""
        minutes = self.visit_minutes
        return Site(
            id=id,
            key=self.key,
            name=self.name,
            aliases=self.aliases,
            category=self.category,
            district=self.district,
            district_adcode=self.district_adcode,
            in_taiyuan=self.in_taiyuan,
            address=self.address,
            position=self.position,
            protection_level=self.protection_level,
            opening_hours=self.opening_hours,
            closed_days=self.closed_days,
            reservation=self.reservation,
            admission=self.admission,
            phone=self.phone,
            significance=self.significance,
            notes=self.notes,
            sources=self.sources,
            last_verified=self.last_verified,
            visit_minutes=DEFAULT_VISIT_MINUTES if minutes is None else minutes,
            visit_minutes_is_default=minutes is None,
            search_keys=_search_keys(self.name, self.aliases),
            access=self.access,
        )


@dataclass(frozen=True, slots=True)
class Catalogue:
    version: int
    compiled_on: date
    entries: tuple[CatalogueEntry, ...]

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> CatalogueEntry | None:
        return next((entry for entry in self.entries if entry.key == key), None)


def default_catalogue_path() -> Path:
    return resource_path("data", "sites.json")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate a catalogue file (the bundled one by default)."""
    path = default_catalogue_path() if path is None else path
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CatalogueError(f"{path.name} is not valid JSON: {error}") from error
    except UnicodeDecodeError as error:
        raise CatalogueError(f"{path.name} is not UTF-8 text") from error
    return parse_catalogue(raw)


def parse_catalogue(raw: object) -> Catalogue:
    """Validate an already-decoded catalogue document."""
    if not isinstance(raw, dict):
        raise CatalogueError("the document must be a JSON object")
    version = raw.get("catalogue_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CatalogueError(
            f"must be a positive whole number, got {version!r}", field="catalogue_version"
        )
    compiled_on = _parse_date(raw.get("compiled_on"), None, "compiled_on")
    sites = raw.get("sites")
    if not isinstance(sites, list) or not sites:
        raise CatalogueError("must be a non-empty list", field="sites")
    entries = tuple(_parse_entry(item, index) for index, item in enumerate(sites))
    _check_unique(entries)
    return Catalogue(version=version, compiled_on=compiled_on, entries=entries)


def _check_unique(entries: tuple[CatalogueEntry, ...]) -> None:
    keys: set[str] = set()
    names: set[str] = set()
    for entry in entries:
        if entry.key in keys:
            raise CatalogueError("duplicate key", key=entry.key, field="key")
        if entry.name in names:
            raise CatalogueError(f"duplicate name {entry.name!r}", key=entry.key, field="name")
        keys.add(entry.key)
        names.add(entry.name)


def _parse_entry(raw: object, index: int) -> CatalogueEntry:
    if not isinstance(raw, dict):
        raise CatalogueError(f"sites[{index}] must be an object", field="sites")
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY_PATTERN.fullmatch(key):
        raise CatalogueError(
            f"sites[{index}] needs a lower-case ASCII slug, got {key!r}", field="key"
        )
    _check_fields(raw, _SITE_FIELDS, key, None)
    sources = _parse_sources(raw["sources"], key)
    district, adcode, in_taiyuan = _parse_district(raw, key)
    facts_raw = raw["facts"]
    if not isinstance(facts_raw, dict):
        raise CatalogueError("must be an object", key=key, field="facts")
    _check_fields(facts_raw, frozenset(FACT_FIELDS), key, "facts")
    facts = {
        name: _parse_fact(facts_raw[name], key, f"facts.{name}", len(sources))
        for name in FACT_FIELDS
    }
    return CatalogueEntry(
        key=key,
        name=_text(raw["name"], key, "name"),
        aliases=_parse_aliases(raw["aliases"], key),
        category=_parse_category(raw["category"], key),
        district=district,
        district_adcode=adcode,
        in_taiyuan=in_taiyuan,
        position=_parse_position(raw["position"], key),
        access=_parse_access(raw["visitor_access"], key, len(sources)),
        significance=_text(raw["significance"], key, "significance"),
        notes=_text(raw["notes"], key, "notes", allow_empty=True),
        sources=sources,
        last_verified=_parse_date(raw["last_verified"], key, "last_verified"),
        visit_minutes=_parse_minutes(raw["visit_minutes"], key),
        **facts,
    )


def _check_fields(
    raw: dict[str, Any], expected: frozenset[str], key: str, where: str | None
) -> None:
    prefix = f"{where}." if where else ""
    missing = sorted(expected - raw.keys())
    if missing:
        raise CatalogueError("missing", key=key, field=prefix + missing[0])
    unknown = sorted(raw.keys() - expected)
    if unknown:
        raise CatalogueError("unknown field", key=key, field=prefix + unknown[0])


def _text(value: object, key: str | None, field: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise CatalogueError(f"must be text, got {type(value).__name__}", key=key, field=field)
    if not allow_empty and not value.strip():
        raise CatalogueError("must not be empty", key=key, field=field)
    return value


def _parse_date(value: object, key: str | None, field: str) -> date:
    text = _text(value, key, field)
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CatalogueError(f"not an ISO date: {text!r}", key=key, field=field) from error


def _parse_aliases(value: object, key: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CatalogueError("must be a list", key=key, field="aliases")
    aliases = tuple(_text(alias, key, f"aliases[{i}]") for i, alias in enumerate(value))
    if len(set(aliases)) != len(aliases):
        raise CatalogueError("contains a duplicate", key=key, field="aliases")
    return aliases


def _parse_category(value: object, key: str) -> SiteCategory:
    try:
        category = SiteCategory(str(value))
    except ValueError as error:
        raise CatalogueError(f"unknown category {value!r}", key=key, field="category") from error
    if category is SiteCategory.CUSTOM:
        raise CatalogueError("'custom' is for places the organiser adds", key=key, field="category")
    return category


def _parse_district(raw: dict[str, Any], key: str) -> tuple[str, str, bool]:
    district = _text(raw["district"], key, "district")
    expected = DISTRICT_ADCODES.get(district)
    if expected is None:
        raise CatalogueError(f"unknown district {district!r}", key=key, field="district")
    adcode = raw["district_adcode"]
    if adcode != expected:
        raise CatalogueError(
            f"{adcode!r} does not match {district} ({expected})", key=key, field="district_adcode"
        )
    in_taiyuan = raw["in_taiyuan"]
    if in_taiyuan is not expected.startswith(TAIYUAN_ADCODE_PREFIX):
        raise CatalogueError(
            f"{in_taiyuan!r} contradicts adcode {expected}", key=key, field="in_taiyuan"
        )
    return district, expected, in_taiyuan


def _parse_confidence(value: object, key: str, field: str, *, allow_unknown: bool) -> Confidence:
    allowed = (*_KNOWN_CONFIDENCES, Confidence.UNKNOWN) if allow_unknown else _KNOWN_CONFIDENCES
    if value not in allowed:
        choices = ", ".join(c.value for c in allowed)
        raise CatalogueError(f"{value!r} is not one of {choices}", key=key, field=field)
    return Confidence(str(value))


def _number(value: object, key: str, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CatalogueError(f"must be a number, got {value!r}", key=key, field=field)
    return float(value)


def _parse_position(value: object, key: str) -> Position | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CatalogueError("must be an object or null", key=key, field="position")
    _check_fields(value, _POSITION_FIELDS, key, "position")
    lat = _number(value["lat"], key, "position.lat")
    lon = _number(value["lon"], key, "position.lon")
    if not -90.0 <= lat <= 90.0:
        raise CatalogueError(f"latitude {lat} out of range", key=key, field="position.lat")
    if not -180.0 <= lon <= 180.0:
        raise CatalogueError(f"longitude {lon} out of range", key=key, field="position.lon")
    if value["crs"] != Crs.WGS84.value:
        raise CatalogueError("catalogue positions must be 'wgs84'", key=key, field="position.crs")
    verified = value["verified"]
    if not isinstance(verified, bool):
        raise CatalogueError("must be true or false", key=key, field="position.verified")
    return Position(
        point=LatLon(lat, lon),
        crs_origin=Crs.WGS84,
        confidence=_parse_confidence(
            value["confidence"], key, "position.confidence", allow_unknown=False
        ),
        basis=_text(value["basis"], key, "position.basis"),
        verified=verified,
        origin=PositionOrigin.CATALOGUE,
    )


def _parse_fact(value: object, key: str, field: str, source_count: int) -> Fact:
    if not isinstance(value, dict):
        raise CatalogueError("must be an object", key=key, field=field)
    _check_fields(value, _FACT_KEYS, key, field)
    text = value["value"]
    if text is not None:
        text = _text(text, key, f"{field}.value")
    confidence = _parse_confidence(
        value["confidence"], key, f"{field}.confidence", allow_unknown=text is None
    )
    if text is None and confidence is not Confidence.UNKNOWN:
        raise CatalogueError("an unknown value has confidence 'unknown'", key=key, field=field)
    ids = _parse_source_ids(value["sources"], key, f"{field}.sources", source_count)
    if text is not None and not ids:
        raise CatalogueError("a known value needs at least one source", key=key, field=field)
    return Fact(value=text, confidence=confidence, source_ids=ids, origin=PositionOrigin.CATALOGUE)


def _parse_access(value: object, key: str, source_count: int) -> Access:
    """``visitor_access``: like a fact, but its value is a ``VisitorAccess`` (null: unknown)."""
    fact = _parse_fact(value, key, "visitor_access", source_count)
    if fact.value is None:
        return Access(VisitorAccess.UNKNOWN, fact.confidence, fact.source_ids)
    known = {a.value: a for a in VisitorAccess if a is not VisitorAccess.UNKNOWN}
    if fact.value not in known:
        raise CatalogueError(
            f"{fact.value!r} is not one of {', '.join(known)} (or null)",
            key=key,
            field="visitor_access.value",
        )
    return Access(known[fact.value], fact.confidence, fact.source_ids)


def _parse_source_ids(value: object, key: str, field: str, source_count: int) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise CatalogueError("must be a list of source indexes", key=key, field=field)
    for index in value:
        if isinstance(index, bool) or not isinstance(index, int):
            raise CatalogueError(f"{index!r} is not a source index", key=key, field=field)
        if not 0 <= index < source_count:
            raise CatalogueError(
                f"source index {index} out of range (site has {source_count} sources)",
                key=key,
                field=field,
            )
    if len(set(value)) != len(value):
        raise CatalogueError("repeats a source index", key=key, field=field)
    return tuple(value)


def _parse_sources(value: object, key: str) -> tuple[Source, ...]:
    if not isinstance(value, list) or not value:
        raise CatalogueError("must be a non-empty list", key=key, field="sources")
    return tuple(_parse_source(item, key, f"sources[{i}]") for i, item in enumerate(value))


def _parse_source(value: object, key: str, field: str) -> Source:
    if not isinstance(value, dict):
        raise CatalogueError("must be an object", key=key, field=field)
    _check_fields(value, _SOURCE_FIELDS, key, field)
    url = _text(value["url"], key, f"{field}.url")
    if not url.startswith(("http://", "https://")):
        raise CatalogueError(f"not an http(s) address: {url!r}", key=key, field=f"{field}.url")
    supports = value["supports"]
    if not isinstance(supports, list):
        raise CatalogueError("must be a list", key=key, field=f"{field}.supports")
    return Source(
        title=_text(value["title"], key, f"{field}.title"),
        url=url,
        confidence=_parse_confidence(
            value["confidence"], key, f"{field}.confidence", allow_unknown=False
        ),
        supports=tuple(_text(s, key, f"{field}.supports") for s in supports),
    )


def _parse_minutes(value: object, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise CatalogueError(
            f"must be a positive whole number or null, got {value!r}",
            key=key,
            field="visit_minutes",
        )
    return value


def _search_keys(name: str, aliases: tuple[str, ...]) -> str:
    from hongtu.core.search import search_keys  # pinyin tables: only when a site is made

    return search_keys(name, aliases)


def newest_catalogue(versions: Iterable[int | None]) -> int | None:
    """The newest catalogue version among the stored sites' (None: no catalogue site yet)."""
    return max((version for version in versions if version is not None), default=None)


def catalogue_is_older(stored: int | None, bundled: int) -> bool:
    """Whether a site stored at ``stored`` is refreshed from the bundled catalogue."""
    return stored is None or stored < bundled
