"""`hongtu sites …`: list the catalogue and add places headless."""

from __future__ import annotations

import argparse
import math
from typing import Any

from hongtu.cli.common import (
    format_table,
    open_workspace,
    say,
    say_json,
    tr,
)


def add_site_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sites = commands.add_parser("sites", help=tr("站点目录")).add_subparsers(
        dest="action", required=True
    )
    listing = sites.add_parser("list", help=tr("列出站点"))
    listing.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    listing.set_defaults(handler=cmd_sites_list)
    adding = sites.add_parser("add", help=tr("添加地点（坐标换算为 WGS-84 保存）"))
    adding.add_argument("--name", required=True, help=tr("地点名称"))
    adding.add_argument("--lat", required=True, help=tr("纬度"))
    adding.add_argument("--lon", required=True, help=tr("经度"))
    adding.add_argument(
        "--crs", required=True, help=tr("坐标系：wgs84、gcj02（高德）或 bd09（百度）")
    )
    adding.add_argument("--district", help=tr("区县名称；不填则按坐标查找"))
    adding.set_defaults(handler=cmd_sites_add)


def site_json(site: Any) -> dict[str, Any]:
    position = site.position
    return {
        "id": site.id,
        "key": site.key,
        "name": site.name,
        "aliases": list(site.aliases),
        "category": site.category.value,
        "district": site.district,
        "in_taiyuan": site.in_taiyuan,
        "lat": position.point.lat if position else None,
        "lon": position.point.lon if position else None,
        "coord_crs_origin": position.crs_origin.value if position else None,
        "coord_confidence": position.confidence.value if position else "unknown",
        "coord_verified": bool(position and position.verified),
        "coord_origin": position.origin.value if position else None,
    }


def cmd_sites_list(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    try:
        sites = workspace.sites.list_sites()
    finally:
        workspace.close()
    if args.json:
        say_json([site_json(s) for s in sites])
        return 0
    header = [tr("编号"), tr("名称"), tr("区县"), tr("纬度"), tr("经度"), tr("位置")]
    rows = [header]
    for site in sites:
        p = site.position
        status = (
            tr("位置未知") if p is None else (tr("位置待核实") if not p.verified else tr("已核实"))
        )
        rows.append(
            [
                str(site.id),
                site.name,
                site.district,
                f"{p.point.lat:.5f}" if p else "—",
                f"{p.point.lon:.5f}" if p else "—",
                status,
            ]
        )
    say(format_table(rows))
    return 0


def cmd_sites_add(args: argparse.Namespace) -> int:
    """Check everything first; on any problem say so in stderr, exit 2, write nothing."""
    from hongtu.core.coords import to_wgs84
    from hongtu.core.places import PlaceError, resolve_district

    try:
        point, crs = _point_argument(args.lat, args.lon, args.crs)
        wgs84 = to_wgs84(point, crs)
        district = resolve_district(wgs84, args.district)
    except _CliInputError as exc:
        say(tr("错误：{0}（未保存）").format(exc), error=True)
        return 2
    except PlaceError:
        say(tr("错误：未知的区县“{0}”（未保存）").format(args.district), error=True)
        return 2
    if not args.name.strip():
        say(tr("错误：名称不能为空（未保存）"), error=True)
        return 2
    return _store_place(args, wgs84, crs, district.name if district else None)


class _CliInputError(ValueError):
    pass


def _point_argument(lat: str, lon: str, crs_text: str) -> tuple[Any, Any]:
    from hongtu.core.geo import Crs, LatLon

    try:
        crs = Crs(crs_text.strip().lower())
    except ValueError:
        raise _CliInputError(tr("坐标系只能是 wgs84、gcj02 或 bd09")) from None
    try:
        values = (float(lat), float(lon))
    except ValueError:
        raise _CliInputError(tr("纬度或经度不是有效的数字")) from None
    if not all(map(math.isfinite, values)):
        raise _CliInputError(tr("纬度或经度不是有效的数字"))
    try:
        return LatLon(*values), crs
    except ValueError:
        raise _CliInputError(tr("纬度应在 -90～90、经度应在 -180～180 之间")) from None


def _store_place(args: argparse.Namespace, wgs84: Any, crs: Any, district: str | None) -> int:
    from hongtu.core.places import add_place

    workspace = open_workspace(args)
    try:
        site = add_place(workspace.sites, args.name, wgs84, crs, district_name=district)
    finally:
        workspace.close()
    say(site.id)
    return 0
