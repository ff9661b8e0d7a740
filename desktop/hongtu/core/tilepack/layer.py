"""An offline map package as a base map the page can show (through the app-local scheme)."""

from __future__ import annotations

from hongtu.core.basemaps import BASE_MAPS, BaseMap, BaseMapId, TileLayerSpec, parse_basemap_id
from hongtu.core.tilepack.packages import PackageInfo, check_name

SCHEME = "hongtu-tiles"
HOST = "pack"


def package_url_template(name: str) -> str:
    return f"{SCHEME}://{HOST}/{check_name(name)}/{{z}}/{{x}}/{{y}}"


def package_basemap(info: PackageInfo) -> BaseMap:
    """The package's tiles with its provider's attribution and 审图号 (as far as known)."""
    provider_id = parse_basemap_id(info.provider) or BaseMapId.NONE
    provider = BASE_MAPS[provider_id]
    return BaseMap(
        id=provider_id,
        name=f"{provider.name or info.attribution} · {info.name}",
        layers=(TileLayerSpec(package_url_template(info.name), max_zoom=info.max_zoom),),
        attribution=info.attribution or provider.attribution,
        review_number=info.review_number or provider.review_number,
        review_published=provider.review_published or bool(info.review_number),
        crs=info.crs,
        needs_key=False,
    )
