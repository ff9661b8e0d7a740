"""Adding the organiser's own places: stored in WGS-84, with their district found or checked.

A place is refused unless it can travel in a site-corrections file (``site_corrections``): a name
of at most ``MAX_PLACE_NAME`` characters, a position in China, and a name no other place added
here has (a file names such a place by its name: two of one name could not be told apart, and
the file listing both was refused as a whole on import).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from hongtu.core.coords import out_of_china
from hongtu.core.districts import District, district_by_name, district_containing
from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import MAX_PLACE_NAME, Site

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


class PlaceProblem(StrEnum):
    NO_NAME = "no_name"
    NAME_TOO_LONG = "name_too_long"  # longer than MAX_PLACE_NAME
    DUPLICATE_NAME = "duplicate_name"  # another place added here has exactly this name
    OUTSIDE_CHINA = "outside_china"  # no place a Party-day group could visit
    UNKNOWN_DISTRICT = "unknown_district"  # a --district that is not a bundled unit


class PlaceError(ValueError):
    def __init__(self, problem: PlaceProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail


def resolve_district(point: LatLon, name: str | None) -> District | None:
    """The named unit (must exist), else the unit containing ``point`` (None outside all)."""
    if name is not None and name.strip():
        district = district_by_name(name)
        if district is None:
            raise PlaceError(PlaceProblem.UNKNOWN_DISTRICT, name)
        return district
    return district_containing(point)


def check_place_name(store: SiteStore, name: str) -> str:
    """The name as it will be stored; raises ``PlaceError`` for one that cannot be."""
    name = name.strip()
    if not name:
        raise PlaceError(PlaceProblem.NO_NAME)
    if len(name) > MAX_PLACE_NAME:
        raise PlaceError(PlaceProblem.NAME_TOO_LONG, str(len(name)))
    if store.has_place_named(name):
        raise PlaceError(PlaceProblem.DUPLICATE_NAME, name)
    return name


def check_place_point(point: LatLon) -> None:
    """Raises ``PlaceError`` for a position outside China (a drag or click far off the map)."""
    if out_of_china(point):
        raise PlaceError(PlaceProblem.OUTSIDE_CHINA, f"{point.lat:.4f},{point.lon:.4f}")


def add_place(
    store: SiteStore,
    name: str,
    point: LatLon,
    crs_origin: Crs,
    district_name: str | None = None,
    address: str | None = None,
) -> Site:
    """Store a place; ``point`` is already WGS-84, ``crs_origin`` the system it was given in.

    Checks everything before writing, so a refused place leaves the store untouched.
    """
    name = check_place_name(store, name)
    check_place_point(point)
    district = resolve_district(point, district_name)
    return store.add_place(
        name,
        point,
        crs_origin,
        district=district.name if district else "",
        district_adcode=district.adcode if district else None,
        in_taiyuan=district.in_taiyuan if district else False,
        address=(address or "").strip() or None,
    )
