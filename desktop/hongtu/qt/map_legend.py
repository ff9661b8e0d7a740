"""The map's legend and district names: words chosen here (translated), drawn by the page.

The page knows only swatch kinds (a category ring, the dashed 位置待核实 ring, a cluster of
places, the numbered stop, the gathering mark); every word reaches it from here through the map
controller, as text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hongtu.core.districts import district_labels
from hongtu.core.sites import Site, SiteCategory
from hongtu.qt.site_model import category_label

#: Catalogue categories always have a legend row; custom places only once there is one.
_ALWAYS_SHOWN = (
    SiteCategory.MEMORIAL_HALL,
    SiteCategory.REVOLUTIONARY_SITE,
    SiteCategory.FORMER_RESIDENCE,
    SiteCategory.MARTYRS_CEMETERY,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


def legend_spec(sites: list[Site]) -> dict[str, Any]:
    """What ``hongtuMap.setLegend`` draws for these sites."""
    categories = list(_ALWAYS_SHOWN)
    if any(site.category is SiteCategory.CUSTOM for site in sites):
        categories.append(SiteCategory.CUSTOM)
    items: list[dict[str, str]] = [
        {"kind": "category", "category": c.value, "text": category_label(c)} for c in categories
    ]
    items.append({"kind": "estimate", "text": tr("位置待核实（估计坐标）")})
    unplaced = sum(1 for site in sites if site.position is None)
    items.append({"kind": "unplaced", "text": tr("位置未知：{0} 个，未上图").format(unplaced)})
    # (the page shows this row only where it draws clusters: with many places)
    items.append({"kind": "cluster", "text": tr("几个地点聚在一起（数字是个数），点击放大")})
    items.append({"kind": "stop", "text": tr("方案站点（按顺序编号）")})
    items.append({"kind": "gathering", "text": tr("集合地点")})
    return {"title": tr("图例"), "items": items}


def district_label_payload() -> list[dict[str, Any]]:
    """Each district's and county's name at a point inside it (WGS-84; the controller projects)."""
    return [{"name": name, "lat": point.lat, "lon": point.lon} for name, point in district_labels()]
