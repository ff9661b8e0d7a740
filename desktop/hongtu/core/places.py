"""Adding the organiser's own places: stored in WGS-84, with their district found or checked."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from hongtu.core.districts import District, district_by_name, district_containing
from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import Site

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


class PlaceProblem(StrEnum):
    NO_NAME = "no_name"
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
    if not name.strip():
        raise PlaceError(PlaceProblem.NO_NAME)
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
