"""An offline map package as a base map the page can show (through the app-local scheme)."""

from __future__ import annotations

from hongtu.core.basemaps import BASE_MAPS, BaseMap, BaseMapId, TileLayerSpec, parse_basemap_id
from hongtu.core.tilepack import HOST, SCHEME
from hongtu.core.tilepack.packages import PackageInfo, check_name

__all__ = ["HOST", "SCHEME", "package_basemap", "package_url_template"]


def package_url_template(name: str) -> str:
    return f"{SCHEME}://{HOST}/{check_name(name)}/{{z}}/{{x}}/{{y}}"


def package_basemap(info: PackageInfo) -> BaseMap:
    """The package's tiles as base map ``PACKAGE``: it knows the provider that drew them (or
    ``custom``), that provider's attribution and its 审图号 (as far as known)."""
    provider_id = parse_basemap_id(info.provider)
    provider = BASE_MAPS.get(provider_id) if provider_id is not None else None
    return BaseMap(
        id=BaseMapId.PACKAGE,
        name=f"{provider.name if provider and provider.name else info.attribution} · {info.name}",
        layers=(TileLayerSpec(package_url_template(info.name), max_zoom=info.max_zoom),),
        attribution=info.attribution or (provider.attribution if provider else ""),
        review_number=info.review_number or (provider.review_number if provider else None),
        review_published=(provider.review_published if provider else False)
        or bool(info.review_number),
        crs=info.crs,
        needs_key=False,
        provider=info.provider or "custom",
        package=info.name,
    )
