"""What the map page needs to draw a site; light, as start-up sends it before the window exists."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hongtu.core.sites import Site


def site_marker_data(site: Site) -> dict[str, object] | None:
    """What the map page needs to draw one site; None when its position is unknown."""
    if site.position is None:
        return None
    return {
        "id": site.id,
        "name": site.name,
        "district": site.district,
        "category": site.category.value,
        "lat": site.position.point.lat,
        "lon": site.position.point.lon,
        "estimate": site.position_is_estimate,
    }


def site_markers(sites: list[Site]) -> list[dict[str, object]]:
    """The markers of the sites with a position, in their order."""
    return [data for s in sites if (data := site_marker_data(s)) is not None]
