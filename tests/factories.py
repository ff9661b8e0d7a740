"""Test builders for sites and plans (no fixtures, plain functions any test module can import).

``make_site`` fills every field a ``Site`` needs with honest "unknown" values unless told
otherwise; ``make_plan`` builds a plan around a gathering point in central Taiyuan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, time

from hongtu.core.geo import Crs, LatLon
from hongtu.core.plans import (
    Activity,
    CustomPlace,
    GatheringPoint,
    Plan,
    Stop,
    TransportMode,
)
from hongtu.core.sites import (
    DEFAULT_VISIT_MINUTES,
    Confidence,
    Fact,
    Position,
    Site,
    SiteCategory,
    VisitRules,
)

# A few real-ish places around Taiyuan (WGS-84), for readable tests.
TAIYUAN_CENTRE = LatLon(37.8706, 112.5489)  # near 五一广场
NORTH = LatLon(37.9500, 112.5600)
EAST = LatLon(37.8600, 112.6500)
WEST = LatLon(37.8650, 112.4700)
LOUFAN = LatLon(38.0670, 111.7930)  # 娄烦, ~80 km away

_UNSET = object()


def make_rules(**overrides: object) -> VisitRules:
    """A museum's usual rules: 9:00–17:00, last entry 16:30, closed Mondays except holidays."""
    values: dict[str, object] = {
        "opens": time(9, 0),
        "closes": time(17, 0),
        "last_entry": time(16, 30),
        "closed_weekdays": frozenset({0}),
        "open_on_public_holidays": True,
        "reservation_lead_days": None,
        "max_group_size": None,
    }
    values.update(overrides)
    return VisitRules(**values)  # type: ignore[arg-type]


def make_position(point: LatLon, *, verified: bool = True) -> Position:
    return Position(
        point=point,
        crs_origin=Crs.WGS84,
        confidence=Confidence.HIGH if verified else Confidence.LOW,
        basis="test",
        verified=verified,
    )


def make_site(
    site_id: int = 1,
    name: str = "测试纪念馆",
    *,
    key: str | object | None = _UNSET,
    point: LatLon | None = TAIYUAN_CENTRE,
    verified: bool = True,
    rules: VisitRules | None = None,
    visit_minutes: int = DEFAULT_VISIT_MINUTES,
    phone: str | None = None,
) -> Site:
    """A catalogue site; ``point=None`` gives a site without any position."""
    return Site(
        id=site_id,
        key=f"site-{site_id}" if key is _UNSET else key,  # type: ignore[arg-type]
        name=name,
        aliases=(),
        category=SiteCategory.MEMORIAL_HALL,
        district="杏花岭区",
        district_adcode="140107",
        in_taiyuan=True,
        address=Fact.unknown(),
        position=make_position(point, verified=verified) if point is not None else None,
        protection_level=Fact.unknown(),
        opening_hours=Fact.unknown(),
        closed_days=Fact.unknown(),
        reservation=Fact.unknown(),
        admission=Fact.unknown(),
        phone=Fact(phone, Confidence.HIGH) if phone is not None else Fact.unknown(),
        significance="",
        notes="",
        sources=(),
        last_verified=None,
        visit_minutes=visit_minutes,
        visit_minutes_is_default=visit_minutes == DEFAULT_VISIT_MINUTES,
        rules=rules if rules is not None else make_rules(),
    )


def site_map(sites: Iterable[Site]) -> dict[int, Site]:
    return {site.id: site for site in sites}


def listed_site(site_id: int, name: str, district: str = "杏花岭区") -> Site:
    """A site as the store lists it: searchable by its name and its pinyin initials."""
    from hongtu.core.search import search_keys

    return replace(make_site(site_id, name), district=district, search_keys=search_keys(name, []))


def custom_place(name: str, point: LatLon) -> CustomPlace:
    return CustomPlace(name=name, point=point)


def site_stop(site_id: int, *activities: Activity, **fields: object) -> Stop:
    return Stop(site_id=site_id, activities=list(activities), **fields)  # type: ignore[arg-type]


def make_plan(
    stops: Iterable[Stop] = (),
    *,
    on: date = date(2025, 10, 15),  # a Wednesday
    gathering: GatheringPoint | None = None,
    gathering_time: time = time(8, 0),
    transport: TransportMode = TransportMode.COACH,
    returns: bool = True,
    participants: int = 30,
) -> Plan:
    return Plan(
        title="学习红色历史 传承红色基因",
        date=on,
        branch="第一党支部",
        participants=participants,
        organiser="王书记",
        phone="13800000000",
        transport=transport,
        gathering=(
            gathering
            if gathering is not None
            else GatheringPoint(custom=custom_place("单位大门", TAIYUAN_CENTRE))
        ),
        gathering_time=gathering_time,
        returns_to_gathering=returns,
        stops=list(stops),
    )


def resolver(sites: Mapping[int, Site]) -> Callable[[str], int | None]:
    """A ``load_plan`` site-key resolver over ``sites``."""
    by_key = {site.key: site.id for site in sites.values() if site.key is not None}
    return by_key.get
