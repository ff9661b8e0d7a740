"""The site catalogue's domain objects: a red-heritage site and every fact known about it.

A fact whose value is ``None`` is *unknown* and must be shown as such; nothing here is ever
filled with a guess. Every fact names the sources that support it and a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from hongtu.core.geo import Crs, LatLon


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    UNKNOWN = "unknown"


class SiteCategory(StrEnum):
    """What kind of place a site is; drives the filter and the marker colour."""

    FORMER_RESIDENCE = "former_residence"  # 故居
    REVOLUTIONARY_SITE = "revolutionary_site"  # 革命旧址
    MEMORIAL_HALL = "memorial_hall"  # 纪念馆 / 展览馆
    MARTYRS_CEMETERY = "martyrs_cemetery"  # 烈士陵园
    CUSTOM = "custom"  # a place the organiser added


class PositionOrigin(StrEnum):
    CATALOGUE = "catalogue"
    USER = "user"


@dataclass(frozen=True, slots=True)
class Source:
    """A published source a fact rests on."""

    title: str
    url: str
    confidence: Confidence
    supports: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a correction came from: who confirmed it, on which day, on what evidence.

    Carried by values taken from a site-corrections file (docs/site-corrections.md); the
    organiser's own edits have none (the details panel says 组织者填写).
    """

    confirmed_by: str
    confirmed_on: date
    source: str
    confidence: Confidence


@dataclass(frozen=True, slots=True)
class Fact:
    """One textual fact about a site. ``value is None`` means unknown."""

    value: str | None
    confidence: Confidence = Confidence.UNKNOWN
    source_ids: tuple[int, ...] = ()  # indexes into ``Site.sources``
    origin: PositionOrigin = PositionOrigin.CATALOGUE

    @property
    def known(self) -> bool:
        return self.value is not None

    @classmethod
    def unknown(cls) -> Fact:
        return cls(None)


class VisitorAccess(StrEnum):
    """Whether a group can go inside, as far as the evidence shows."""

    UNKNOWN = "unknown"  # nothing published either way: no warning
    OPEN = "open"  # published reports of visitors or groups inside
    EXTERIOR_ONLY = "exterior_only"  # not confirmed open: plan a visit from outside


@dataclass(frozen=True, slots=True)
class Access:
    """``VisitorAccess`` with the evidence for it, like a ``Fact``."""

    status: VisitorAccess = VisitorAccess.UNKNOWN
    confidence: Confidence = Confidence.UNKNOWN
    source_ids: tuple[int, ...] = ()  # indexes into ``Site.sources``
    origin: PositionOrigin = PositionOrigin.CATALOGUE

    @property
    def exterior_only(self) -> bool:
        return self.status is VisitorAccess.EXTERIOR_ONLY


@dataclass(frozen=True, slots=True)
class Position:
    """Where a site is, in WGS-84, and how sure we are of it."""

    point: LatLon
    crs_origin: Crs  # the system the coordinate was given in before conversion
    confidence: Confidence
    basis: str  # why we believe it (a sentence, from the catalogue or "user")
    verified: bool  # False → shown as 位置待核实
    origin: PositionOrigin = PositionOrigin.CATALOGUE
    edited_on: date | None = None


@dataclass(frozen=True, slots=True)
class VisitRules:
    """Structured opening rules the planner's warnings use. ``None`` everywhere means unknown."""

    opens: time | None = None
    closes: time | None = None
    last_entry: time | None = None
    closed_weekdays: frozenset[int] | None = None  # 0 = Monday … 6 = Sunday
    open_on_public_holidays: bool | None = None  # the usual "周一闭馆(法定节假日除外)"
    reservation_lead_days: int | None = None
    max_group_size: int | None = None

    @property
    def hours_known(self) -> bool:
        return self.opens is not None and self.closes is not None


DEFAULT_VISIT_MINUTES = 60
#: The longest name a place added here may have: what a site-corrections file carries.
MAX_PLACE_NAME = 200


@dataclass(frozen=True, slots=True)
class Site:
    """A site as the app shows it: catalogue values merged with the organiser's edits."""

    id: int
    key: str | None  # stable catalogue key; None for places the organiser added
    name: str
    aliases: tuple[str, ...]
    category: SiteCategory
    district: str  # 区/县/市 name, e.g. "杏花岭区", "娄烦县"
    district_adcode: str | None  # e.g. "140107"; None when outside the bundled outlines
    in_taiyuan: bool
    address: Fact
    position: Position | None  # None: no position known at all
    protection_level: Fact
    opening_hours: Fact
    closed_days: Fact
    reservation: Fact
    admission: Fact
    phone: Fact
    significance: str
    notes: str
    sources: tuple[Source, ...]
    last_verified: date | None
    visit_minutes: int = DEFAULT_VISIT_MINUTES
    visit_minutes_is_default: bool = True
    rules: VisitRules = field(default_factory=VisitRules)
    search_keys: str = ""  # name + aliases + pinyin initials, lower-case, for the list filter
    access: Access = field(default_factory=Access)
    # (field, provenance) for each corrected field taken from a site-corrections file
    provenance: tuple[tuple[str, Provenance], ...] = ()

    def provenance_of(self, name: str) -> Provenance | None:
        """Who confirmed ``name`` (a field of ``EDITABLE_FIELDS``), if it came from a file."""
        return next((p for field_name, p in self.provenance if field_name == name), None)

    @property
    def position_is_estimate(self) -> bool:
        """True when the app must say 位置待核实 (or has no position at all)."""
        return self.position is None or not self.position.verified
