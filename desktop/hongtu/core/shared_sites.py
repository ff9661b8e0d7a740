"""What a plan file may carry about the catalogue sites it uses: the sender's own corrections.

An organiser who corrected a site's position or confirmed its hours by phone shares that with the
plan (the ``sites`` section of a plan file, docs/plan-format.md). On import the receiver sees each
difference from the local catalogue (``site_differences``) and chooses which to take; the chosen
ones are stored as the receiver's own corrections (``apply_differences``). Nothing here is Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Any

from hongtu.core.coords import to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.plans import Plan
from hongtu.core.routing import distance_km
from hongtu.core.sites import PositionOrigin, Provenance, Site, VisitorAccess, VisitRules

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore

SHARED_FACTS = ("opening_hours", "closed_days", "reservation", "admission", "phone")
"""The text facts a plan file may carry, in the order the import dialog lists them."""

POSITION = "position"
RULES = "rules"
ACCESS = "visitor_access"
SAME_POSITION_METRES = 1.0  # closer than this is the same position (rounding in the file)


@dataclass(frozen=True, slots=True)
class SharedSite:
    """The sender's corrections of one catalogue site; None = the sender has none for it."""

    position: LatLon | None = None  # WGS-84
    facts: Mapping[str, str] | None = None
    rules: VisitRules | None = None


@dataclass(frozen=True, slots=True)
class SiteDifference:
    """One value the sender has that differs from this catalogue: a row of the import dialog."""

    site_id: int
    site_name: str
    field: str  # POSITION, RULES, ACCESS or a text fact (SHARED_FACTS, or "address")
    local: LatLon | VisitRules | VisitorAccess | str | None
    theirs: LatLon | VisitRules | VisitorAccess | str
    provenance: Provenance | None = None  # who confirmed it (a site-corrections file)
    given_in: Crs = Crs.WGS84  # for a position: the system the sender gave it in

    @property
    def shift_metres(self) -> float | None:
        """For a position: how far the sender's point is from the local one."""
        if isinstance(self.local, LatLon) and isinstance(self.theirs, LatLon):
            return distance_km(self.local, self.theirs) * 1000.0
        return None


# ---- writing -----------------------------------------------------------------------------------


def plan_site_ids(plan: Plan) -> list[int]:
    """The catalogue sites the plan uses (gathering point first, then the stops), once each."""
    ids = [plan.gathering.site_id] + [stop.site_id for stop in plan.stops]
    return list(dict.fromkeys(site_id for site_id in ids if site_id is not None))


def shared_sites_json(plan: Plan, sites: Mapping[int, Site]) -> dict[str, Any]:
    """The ``sites`` section: the organiser's own corrections of the catalogue sites in ``plan``.

    Only catalogue sites (with a key) and only values the organiser changed; empty when none.
    """
    shared: dict[str, Any] = {}
    for site_id in plan_site_ids(plan):
        site = sites.get(site_id)
        if site is None or site.key is None:
            continue
        entry: dict[str, Any] = {}
        position = site.position
        if position is not None and position.origin is PositionOrigin.USER:
            entry["position"] = {
                "lat": round(position.point.lat, 7),
                "lon": round(position.point.lon, 7),
                "crs": Crs.WGS84.value,
            }
        facts = {
            name: fact.value
            for name in SHARED_FACTS
            if (fact := getattr(site, name)).origin is PositionOrigin.USER
            and fact.value is not None
        }
        if facts:
            entry["facts"] = facts
        if site.rules != VisitRules():
            entry["rules"] = rules_json(site.rules)
        if entry:
            shared[site.key] = entry
    return shared


def rules_json(rules: VisitRules) -> dict[str, Any]:
    """Known values only (an absent key is unknown)."""
    data: dict[str, Any] = {}
    for name in ("opens", "closes", "last_entry"):
        value = getattr(rules, name)
        if value is not None:
            data[name] = f"{value.hour:02d}:{value.minute:02d}"
    if rules.closed_weekdays is not None:
        data["closed_weekdays"] = sorted(rules.closed_weekdays)
    for name in ("open_on_public_holidays", "reservation_lead_days", "max_group_size"):
        value = getattr(rules, name)
        if value is not None:
            data[name] = value
    return data


# ---- reading -----------------------------------------------------------------------------------


class SharedSitesError(ValueError):
    """The ``sites`` section is malformed; ``path`` names the value (``sites.KEY.rules.opens``)."""

    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"{code} at {path}")
        self.code = code  # a PlanFileErrorCode value
        self.path = path


def read_shared_sites(value: Any) -> dict[str, SharedSite]:
    """The ``sites`` section of a plan file (None or absent: no corrections)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SharedSitesError("wrong_type", "sites")
    return {str(key): _read_site(entry, f"sites.{key}") for key, entry in value.items()}


def _read_site(value: Any, path: str) -> SharedSite:
    if not isinstance(value, dict):
        raise SharedSitesError("wrong_type", path)
    position = None
    if value.get("position") is not None:
        position = read_point(value["position"], f"{path}.position")[0]
    facts = None
    if value.get("facts") is not None:
        facts = _read_facts(value["facts"], f"{path}.facts")
    rules = None
    if value.get("rules") is not None:
        rules = read_rules(value["rules"], f"{path}.rules")
    return SharedSite(position=position, facts=facts, rules=rules)


def read_point(value: Any, path: str) -> tuple[LatLon, Crs]:
    """``{"lat", "lon", "crs"}`` → the point in WGS-84 and the system it was given in."""
    if not isinstance(value, dict):
        raise SharedSitesError("wrong_type", path)
    numbers = []
    for name, limit in (("lat", 90.0), ("lon", 180.0)):
        number = value.get(name)
        if number is None:
            raise SharedSitesError("missing", f"{path}.{name}")
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise SharedSitesError("wrong_type", f"{path}.{name}")
        try:
            degrees = float(number)
        except OverflowError:  # an integer too large for a float
            degrees = float("inf")
        if not abs(degrees) <= limit:  # also refuses NaN
            raise SharedSitesError("coordinate_out_of_range", f"{path}.{name}")
        numbers.append(degrees)
    crs_value = _given(value, "crs", Crs.WGS84.value)
    try:
        crs = Crs(crs_value)
    except ValueError as error:
        raise SharedSitesError("invalid_value", f"{path}.crs") from error
    return to_wgs84(LatLon(numbers[0], numbers[1]), crs), crs


def _read_facts(value: Any, path: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise SharedSitesError("wrong_type", path)
    facts = {}
    for name in SHARED_FACTS:  # other names are ignored (a later version may add some)
        text = value.get(name)
        if text is None:
            continue
        if not isinstance(text, str):
            raise SharedSitesError("wrong_type", f"{path}.{name}")
        if text.strip():
            facts[name] = text.strip()
    return facts


def _read_time(value: Any, path: str) -> time | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SharedSitesError("wrong_type", path)
    parts = value.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        raise SharedSitesError("invalid_value", path)
    hour, minute = int(parts[0]), int(parts[1])
    if hour > 23 or minute > 59:
        raise SharedSitesError("invalid_value", path)
    return time(hour, minute)


def _read_count(value: Any, path: str, maximum: int) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise SharedSitesError("wrong_type", path)
    if not 0 <= value <= maximum:
        raise SharedSitesError("invalid_value", path)
    return value


def read_rules(value: Any, path: str) -> VisitRules:
    if not isinstance(value, dict):
        raise SharedSitesError("wrong_type", path)
    weekdays = value.get("closed_weekdays")
    closed: frozenset[int] | None = None
    if weekdays is not None:
        if not isinstance(weekdays, list) or any(type(d) is not int for d in weekdays):
            raise SharedSitesError("wrong_type", f"{path}.closed_weekdays")
        if any(not 0 <= d <= 6 for d in weekdays):
            raise SharedSitesError("invalid_value", f"{path}.closed_weekdays")
        closed = frozenset(weekdays)
    holidays = value.get("open_on_public_holidays")
    if holidays is not None and not isinstance(holidays, bool):
        raise SharedSitesError("wrong_type", f"{path}.open_on_public_holidays")
    return VisitRules(
        opens=_read_time(value.get("opens"), f"{path}.opens"),
        closes=_read_time(value.get("closes"), f"{path}.closes"),
        last_entry=_read_time(value.get("last_entry"), f"{path}.last_entry"),
        closed_weekdays=closed,
        open_on_public_holidays=holidays,
        reservation_lead_days=_read_count(
            value.get("reservation_lead_days"), f"{path}.reservation_lead_days", 90
        ),
        max_group_size=_read_count(value.get("max_group_size"), f"{path}.max_group_size", 2000),
    )


# ---- comparing and taking ----------------------------------------------------------------------


def position_moved(local: LatLon | None, theirs: LatLon) -> bool:
    """Whether ``theirs`` is a different position from ``local`` (None: no position here)."""
    return local is None or distance_km(local, theirs) * 1000 > SAME_POSITION_METRES


def site_differences(
    shared: Mapping[str, SharedSite], local_sites: Iterable[Site]
) -> list[SiteDifference]:
    """Every value the sender has that this catalogue shows differently, site by site.

    Keys this catalogue does not have are skipped (the plan reader reports them if the plan uses
    them); values equal to the local ones are not differences.
    """
    by_key = {site.key: site for site in local_sites if site.key is not None}
    differences: list[SiteDifference] = []
    for key, theirs in shared.items():
        site = by_key.get(key)
        if site is None:
            continue
        if theirs.position is not None:
            local = site.position.point if site.position is not None else None
            if position_moved(local, theirs.position):
                differences.append(
                    SiteDifference(site.id, site.name, POSITION, local, theirs.position)
                )
        for name in SHARED_FACTS:
            value = (theirs.facts or {}).get(name)
            if value is not None and value != getattr(site, name).value:
                differences.append(
                    SiteDifference(site.id, site.name, name, getattr(site, name).value, value)
                )
        if theirs.rules is not None and theirs.rules != VisitRules() and theirs.rules != site.rules:
            differences.append(SiteDifference(site.id, site.name, RULES, site.rules, theirs.rules))
    return differences


def apply_differences(store: SiteStore, chosen: Iterable[SiteDifference]) -> list[Site]:
    """Store each chosen value as a correction (with its provenance, when it has one); the
    sites as stored after."""
    changed: dict[int, Site] = {}
    for difference in chosen:
        theirs, site_id, origin = difference.theirs, difference.site_id, difference.provenance
        if difference.field == POSITION:
            assert isinstance(theirs, LatLon)
            site = store.set_position(site_id, theirs, difference.given_in, origin)
        elif difference.field == RULES:
            assert isinstance(theirs, VisitRules)
            site = store.set_rules(site_id, theirs, origin)
        elif difference.field == ACCESS:
            assert isinstance(theirs, VisitorAccess)
            site = store.set_visitor_access(site_id, theirs, origin)
        elif isinstance(theirs, str):  # the store refuses a name that is not a text fact
            site = store.set_fact(site_id, difference.field, theirs, origin)
        else:
            raise ValueError(f"not a shared field: {difference.field}")
        changed[site.id] = site
    return list(changed.values())


def _given(data: dict[str, Any], key: str, default: Any) -> Any:
    """An optional key's value; ``default`` when it is absent or null (the format's "null
    means absent")."""
    value = data.get(key)
    return default if value is None else value
