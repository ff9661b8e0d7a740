"""Travel estimates between places: distances, leg minutes and a cached matrix for the optimiser.

HongTu never asks a routing service (the app works offline). A leg is estimated from the geodesic
distance: road distance ≈ geodesic × a detour factor; the first kilometres of that road (leaving
one town, reaching the door in the other) are driven at the mode's urban average speed and the
rest at its intercity speed (expressways and national roads), plus a boarding buffer for the
group. Every number is a documented, editable default in ``TravelSettings``; the organiser can
also type the minutes of any leg by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from hongtu.core.geo import LatLon
from hongtu.core.plan_terms import TransportMode


@dataclass(frozen=True, slots=True)
class TravelSettings:
    """How legs are estimated. Frozen and hashable, so matrices can be cached per settings.

    Defaults:

    - road distance ≈ geodesic × 1.3 (``road_detour``); on foot × 1.2 (paths cut corners);
    - urban speeds (km/h, door to door, including lights and junctions) for the first
      ``urban_road_km`` = 15 road km of every leg: coach 35 (urban average of a full-size bus
      around Taiyuan), private cars 40, public transport 18 (bus incl. stops and a change);
    - intercity speeds for the road beyond those 15 km (expressways and national roads, ramps
      and county roads included): coach 70 (a coach may do 100 on the expressway), cars 80,
      public transport 45 (an intercity bus and its stops). 太原 → 娄烦 (~80 km geodesic,
      ~105 road km) is then about 1¾ hours by coach (1½–2 hours by expressway), not the
      3 hours an urban average all the way gives. Walking has one speed: 4 (a group walks
      slower than one person's ~5);
    - boarding buffer for the group at each departure (getting everyone on board, a head count):
      coach 10, cars 10, public 10, walking 0 minutes. DOMAIN.md gives ~10–15 min per stop for a
      coach; raise it for large groups. The gathering item (集合、乘车) lasts one buffer too;
    - minimum leg: 5 minutes, however close two places are.

    A leg within the city (up to 15 road km, ~11.5 km geodesic) is timed at the urban speed
    alone, as before intercity speeds existed.
    """

    coach_kmh: float = 35.0
    cars_kmh: float = 40.0
    walk_kmh: float = 4.0
    public_kmh: float = 18.0
    coach_intercity_kmh: float = 70.0
    cars_intercity_kmh: float = 80.0
    public_intercity_kmh: float = 45.0
    urban_road_km: float = 15.0
    road_detour: float = 1.3
    walk_detour: float = 1.2
    coach_boarding_minutes: int = 10
    cars_boarding_minutes: int = 10
    walk_boarding_minutes: int = 0
    public_boarding_minutes: int = 10
    min_leg_minutes: int = 5

    def __post_init__(self) -> None:
        speeds = (
            self.coach_kmh,
            self.cars_kmh,
            self.walk_kmh,
            self.public_kmh,
            self.coach_intercity_kmh,
            self.cars_intercity_kmh,
            self.public_intercity_kmh,
        )
        if any(not speed > 0 for speed in speeds):
            raise ValueError("speeds must be positive")
        if not self.urban_road_km >= 0:
            raise ValueError("the urban part of a leg cannot be negative")
        if self.road_detour < 1 or self.walk_detour < 1:
            raise ValueError("a detour factor is at least 1")
        buffers = (
            self.coach_boarding_minutes,
            self.cars_boarding_minutes,
            self.walk_boarding_minutes,
            self.public_boarding_minutes,
            self.min_leg_minutes,
        )
        if any(minutes < 0 for minutes in buffers):
            raise ValueError("minutes cannot be negative")

    def speed_kmh(self, mode: TransportMode) -> float:
        """The urban average speed (the first ``urban_road_km`` of a leg)."""
        return {
            TransportMode.COACH: self.coach_kmh,
            TransportMode.CARS: self.cars_kmh,
            TransportMode.WALK: self.walk_kmh,
            TransportMode.PUBLIC: self.public_kmh,
        }[mode]

    def intercity_kmh(self, mode: TransportMode) -> float:
        """The speed beyond the urban part of a leg; walking keeps its one speed."""
        return {
            TransportMode.COACH: self.coach_intercity_kmh,
            TransportMode.CARS: self.cars_intercity_kmh,
            TransportMode.WALK: self.walk_kmh,
            TransportMode.PUBLIC: self.public_intercity_kmh,
        }[mode]

    def detour_factor(self, mode: TransportMode) -> float:
        return self.walk_detour if mode is TransportMode.WALK else self.road_detour

    def boarding_minutes(self, mode: TransportMode) -> int:
        return {
            TransportMode.COACH: self.coach_boarding_minutes,
            TransportMode.CARS: self.cars_boarding_minutes,
            TransportMode.WALK: self.walk_boarding_minutes,
            TransportMode.PUBLIC: self.public_boarding_minutes,
        }[mode]


DEFAULT_SETTINGS = TravelSettings()


def distance_km(a: LatLon, b: LatLon) -> float:
    """Geodesic (WGS-84 ellipsoid) distance in km. Symmetric and cached."""
    if (a.lat, a.lon) > (b.lat, b.lon):
        a, b = b, a
    return _geodesic_km(a, b)


@lru_cache(maxsize=65536)
def _geodesic_km(a: LatLon, b: LatLon) -> float:
    if a == b:
        return 0.0
    km = _vincenty_km(a.lat, a.lon, b.lat, b.lon)
    if km is not None:
        return km
    from geopy.distance import geodesic  # nearly antipodal: Karney's method (slow import)

    return float(geodesic((a.lat, a.lon), (b.lat, b.lon)).km)


_WGS84_A = 6378137.0
_WGS84_F = 1 / 298.257223563
_WGS84_B = _WGS84_A * (1 - _WGS84_F)


def _vincenty_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float | None:
    """Vincenty's inverse formula on the WGS-84 ellipsoid (within a millimetre of Karney's).

    About 30 times faster than geopy's ``geodesic``: a 50-stop plan's matrix is 2,550 legs.
    None when it does not converge (nearly antipodal points, never within a city).
    """
    f = _WGS84_F
    u1 = math.atan((1 - f) * math.tan(math.radians(lat1)))
    u2 = math.atan((1 - f) * math.tan(math.radians(lat2)))
    big_l = math.radians(lon2 - lon1)
    sin_u1, cos_u1 = math.sin(u1), math.cos(u1)
    sin_u2, cos_u2 = math.sin(u2), math.cos(u2)
    lam = big_l
    for _ in range(200):
        sin_lam, cos_lam = math.sin(lam), math.cos(lam)
        sin_sigma = math.hypot(cos_u2 * sin_lam, cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_lam)
        if sin_sigma == 0.0:
            return 0.0
        cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_lam
        sigma = math.atan2(sin_sigma, cos_sigma)
        sin_alpha = cos_u1 * cos_u2 * sin_lam / sin_sigma
        cos2_alpha = 1 - sin_alpha * sin_alpha
        cos_2sm = cos_sigma - 2 * sin_u1 * sin_u2 / cos2_alpha if cos2_alpha else 0.0
        c = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
        previous = lam
        lam = big_l + (1 - c) * f * sin_alpha * (
            sigma + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1 + 2 * cos_2sm * cos_2sm))
        )
        if abs(lam - previous) < 1e-12:
            break
    else:
        return None
    u_sq = cos2_alpha * (_WGS84_A**2 - _WGS84_B**2) / _WGS84_B**2
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    delta_sigma = (
        big_b
        * sin_sigma
        * (
            cos_2sm
            + big_b
            / 4
            * (
                cos_sigma * (-1 + 2 * cos_2sm * cos_2sm)
                - big_b / 6 * cos_2sm * (-3 + 4 * sin_sigma**2) * (-3 + 4 * cos_2sm * cos_2sm)
            )
        )
    )
    return _WGS84_B * big_a * (sigma - delta_sigma) / 1000.0


def road_km(km: float, mode: TransportMode, settings: TravelSettings) -> float:
    """The estimated road (or path) length of a leg of ``km`` geodesic kilometres: the
    distance its minutes are timed over, and the one the documents print as an estimate."""
    return km * settings.detour_factor(mode)


def moving_minutes(road: float, mode: TransportMode, settings: TravelSettings) -> float:
    """Minutes on the road for ``road`` km: the first ``urban_road_km`` at the urban speed,
    the rest at the intercity speed."""
    urban = min(road, settings.urban_road_km)
    return (urban / settings.speed_kmh(mode) + (road - urban) / settings.intercity_kmh(mode)) * 60.0


def leg_minutes(
    km: float, mode: TransportMode, settings: TravelSettings, *, boarding: bool = True
) -> int:
    """Whole minutes (rounded up) for a leg of ``km`` geodesic kilometres.

    ``boarding`` adds the mode's boarding buffer; the leg leaving the gathering point has none,
    because the gathering item already covers boarding.
    """
    moving = math.ceil(round(moving_minutes(road_km(km, mode, settings), mode, settings), 6))
    buffer = settings.boarding_minutes(mode) if boarding else 0
    return max(settings.min_leg_minutes, moving + buffer)


@dataclass(frozen=True, slots=True)
class TravelMatrix:
    """Pairwise legs between places; index 0 is the gathering point (the start of the day).

    ``known[i][j]`` is False when either place has no position: ``km`` is then 0 and ``minutes``
    the minimum leg. Legs leaving index 0 carry no boarding buffer (see ``leg_minutes``).
    """

    km: tuple[tuple[float, ...], ...]
    minutes: tuple[tuple[int, ...], ...]
    known: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.minutes)


@lru_cache(maxsize=64)
def travel_matrix(
    points: tuple[LatLon | None, ...], mode: TransportMode, settings: TravelSettings
) -> TravelMatrix:
    """The matrix of legs between ``points`` (index 0 = gathering point). Cached."""
    km_rows: list[tuple[float, ...]] = []
    minute_rows: list[tuple[int, ...]] = []
    known_rows: list[tuple[bool, ...]] = []
    for i, a in enumerate(points):
        kms: list[float] = []
        minutes: list[int] = []
        known: list[bool] = []
        for b in points:
            is_known = a is not None and b is not None
            km = distance_km(a, b) if a is not None and b is not None else 0.0
            kms.append(km)
            minutes.append(leg_minutes(km, mode, settings, boarding=i != 0))
            known.append(is_known)
        km_rows.append(tuple(kms))
        minute_rows.append(tuple(minutes))
        known_rows.append(tuple(known))
    return TravelMatrix(tuple(km_rows), tuple(minute_rows), tuple(known_rows))


def km_text(km: float) -> str:
    """Estimated road km as every output prints them: whole km from 10 km on (an estimate is
    not good to 100 m), one decimal below (a 2.6 km walk is not "3")."""
    return f"{km:.0f}" if km >= 9.95 else f"{km:.1f}"
