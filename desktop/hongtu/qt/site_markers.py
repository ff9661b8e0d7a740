"""What the map page needs to draw a site; light, as start-up sends it before the window exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hongtu.core.geo import LatLon
    from hongtu.core.sites import Site, SiteCategory
    from hongtu.core.storage.quick_read import SitePin


def site_marker_data(site: Site) -> dict[str, object] | None:
    """What the map page needs to draw one site; None when its position is unknown."""
    if site.position is None:
        return None
    return _marker(
        site.id,
        site.name,
        site.district,
        site.category,
        site.position.point,
        site.position_is_estimate,
    )


def site_markers(sites: list[Site]) -> list[dict[str, object]]:
    """The markers of the sites with a position, in their order."""
    return [data for s in sites if (data := site_marker_data(s)) is not None]


def pin_markers(pins: list[SitePin]) -> list[dict[str, object]]:
    """The markers of sites read as pins (start-up), the same as ``site_markers`` of the sites."""
    return [_marker(*pin) for pin in pins]


def _marker(
    site_id: int, name: str, district: str, category: SiteCategory, point: LatLon, estimate: bool
) -> dict[str, object]:
    return {
        "id": site_id,
        "name": name,
        "district": district,
        "category": category.value,
        "lat": point.lat,
        "lon": point.lon,
        "estimate": estimate,
    }


#: A marker's fields, as ``marker_columns`` sends them (the page's ``setSites`` reads these).
MARKER_FIELDS = ("id", "name", "district", "category", "lat", "lon", "estimate")


def marker_columns(markers: list[dict[str, object]]) -> dict[str, list[object]]:
    """``markers`` as ``hongtuMap.setSites`` takes many of them: one list per field, not one
    object per marker (2,000 places: half the JSON to write, send and parse)."""
    return {field: [marker[field] for marker in markers] for field in MARKER_FIELDS}
