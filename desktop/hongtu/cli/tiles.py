"""`hongtu tiles …`: offline map packages (estimate, download, list, delete, export, import).

A download names its area (``--taiyuan``, ``--county NAME`` or ``--plan ID``), a zoom range and
a source (``--provider amap``, or ``--url`` of the organisation's own tile server with its
``--attribution``). The size is printed before anything is fetched. Running the same download
again after an interruption continues it; with only the package name, the area, zoom range and
provider stored in the package are used.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hongtu.cli.common import (
    fail,
    find_plan,
    format_table,
    open_workspace,
    say,
    site_map,
    tr,
    tr_n,
)


def add_tile_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tiles = commands.add_parser("tiles", help=tr("离线地图包")).add_subparsers(
        dest="action", required=True
    )
    estimate = tiles.add_parser("estimate", help=tr("估算离线地图包的瓦片数和大小"))
    _area_arguments(estimate)
    estimate.set_defaults(handler=cmd_tiles_estimate)
    download = tiles.add_parser("download", help=tr("下载（或继续下载）离线地图包"))
    download.add_argument("name", help=tr("地图包名称（字母、数字、汉字、- 和 _）"))
    _area_arguments(download)
    download.add_argument("--provider", help=tr("底图服务商：amap（高德）"))
    download.add_argument("--url", help=tr("自有瓦片服务的地址模板，含 {z} {x} {y}"))
    download.add_argument("--attribution", help=tr("自有瓦片服务的版权说明（与 --url 一起使用）"))
    download.add_argument("--crs", default="wgs84", help=tr("自有瓦片服务的坐标系：wgs84 或 gcj02"))
    download.set_defaults(handler=cmd_tiles_download)
    listing = tiles.add_parser("list", help=tr("列出离线地图包"))
    listing.set_defaults(handler=cmd_tiles_list)
    delete = tiles.add_parser("delete", help=tr("删除离线地图包"))
    delete.add_argument("name")
    delete.set_defaults(handler=cmd_tiles_delete)
    export = tiles.add_parser("export", help=tr("把离线地图包导出为文件"))
    export.add_argument("name")
    export.add_argument("--output", required=True, help=tr("目标文件或文件夹"))
    export.set_defaults(handler=cmd_tiles_export)
    importing = tiles.add_parser("import", help=tr("导入离线地图包文件（.mbtiles）"))
    importing.add_argument("file", help=tr("离线地图包文件（.mbtiles）"))
    importing.add_argument("--name", help=tr("导入后的名称（默认取文件名）"))
    importing.add_argument("--replace", action="store_true", help=tr("替换同名地图包"))
    importing.set_defaults(handler=cmd_tiles_import)


def _area_arguments(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--taiyuan", action="store_true", help=tr("太原市全域"))
    where.add_argument("--county", help=tr("一个区县，例如 杏花岭区"))
    where.add_argument("--plan", type=int, help=tr("方案编号：方案各站点周围"))
    parser.add_argument("--min-zoom", type=int, default=None, help=tr("最小缩放级别（默认 10）"))
    parser.add_argument("--max-zoom", type=int, default=None, help=tr("最大缩放级别（默认 15）"))


# ---- messages ----------------------------------------------------------------------------------


def problem_text(exc: Exception) -> str:
    from hongtu.core.atomic import ExportError
    from hongtu.core.tilepack.area import AreaError
    from hongtu.core.tilepack.download import BulkNotAllowedError, DownloadError
    from hongtu.core.tilepack.mbtiles import PackageError, PackageProblem

    if isinstance(exc, PackageError):
        texts = {
            PackageProblem.MISSING: tr("找不到离线地图包或文件：{0}"),
            PackageProblem.NOT_SQLITE: tr("这个文件不是 MBTiles 地图包（不是 SQLite 数据库）：{0}"),
            PackageProblem.NOT_MBTILES: tr("这个数据库没有 MBTiles 的 metadata 和 tiles 表：{0}"),
            PackageProblem.NO_METADATA: tr("地图包缺少名称或图片格式（metadata）：{0}"),
            PackageProblem.BAD_FORMAT: tr("地图包的瓦片不是 png、jpg 或 webp 图片：{0}"),
            PackageProblem.NO_TILES: tr("地图包里没有任何瓦片（空的地图包），不能用作底图：{0}"),
            PackageProblem.CORRUPT: tr("地图包文件已损坏：{0}"),
            PackageProblem.BAD_NAME: tr("地图包名称只能含字母、数字、汉字、- 和 _：{0}"),
            PackageProblem.EXISTS: tr("已有同名的地图包（可用 --name 或 --replace）：{0}"),
        }
        return texts[exc.problem].format(exc.detail)
    if isinstance(exc, BulkNotAllowedError):
        return tr("{0} 的使用条款不允许批量下载瓦片用于离线使用").format(exc.provider)
    if isinstance(exc, DownloadError):
        return tr("{0}；已下载的瓦片已保存，再次运行同一命令可继续").format(_download_failure(exc))
    if isinstance(exc, AreaError):
        return tr("区域或缩放级别不可用：{0}").format(str(exc))
    if isinstance(exc, ExportError):
        return tr("无法写入文件：{0}（{1}）").format(str(exc.path), exc.code.value)
    raise exc


def _download_failure(exc: Any) -> str:
    """Why tiles could not be fetched, in the organiser's words (not a Python exception name)."""
    from hongtu.core.tilepack.download import FailureKind

    if exc.kind is FailureKind.OFFLINE:
        return tr("无法连接到瓦片服务器，请检查网络连接")
    if exc.kind is FailureKind.TIMEOUT:
        return tr("瓦片服务器长时间没有响应（超时），网络可能很慢")
    if exc.kind is FailureKind.REFUSED:
        return tr("服务商拒绝了下载（HTTP {0}），可能需要有效的密钥").format(exc.status)
    return tr("瓦片服务器返回错误（HTTP {0}），多次重试后仍失败").format(exc.status)


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"


# ---- areas -------------------------------------------------------------------------------------


def _area(args: argparse.Namespace) -> Any:
    from hongtu.core.tilepack import area

    if args.county:
        return area.county_bbox(args.county)
    if args.plan is not None:
        workspace = open_workspace(args)
        try:
            plan = find_plan(workspace, args.plan)
            if plan is None:
                raise area.AreaError(tr("没有编号为 {0} 的方案").format(args.plan))
            return area.points_bbox(area.plan_points(plan, site_map(workspace)))
        finally:
            workspace.close()
    return area.taiyuan_bbox()


def _zooms(args: argparse.Namespace, meta: dict[str, str] | None = None) -> tuple[int, int]:
    low = args.min_zoom if args.min_zoom is not None else int((meta or {}).get("minzoom", 10))
    high = args.max_zoom if args.max_zoom is not None else int((meta or {}).get("maxzoom", 15))
    return low, high


def cmd_tiles_estimate(args: argparse.Namespace) -> int:
    from hongtu.core.tilepack import area

    try:
        box = _area(args)
        low, high = _zooms(args)
        guess = area.estimate(area.tile_ranges(box, low, high))
    except area.AreaError as exc:
        return fail(problem_text(exc))
    say(tr_n("约 %n 个瓦片，约 {0}", guess.tiles).format(size_text(guess.bytes)))
    if guess.too_large:
        say(tr("超过单个地图包的上限 {0} 个瓦片：请缩小区域或缩放级别").format(area.MAX_TILES))
        return 2
    return 0


# ---- download ----------------------------------------------------------------------------------


def cmd_tiles_download(args: argparse.Namespace) -> int:
    from hongtu.core.basemaps import BaseMapId
    from hongtu.core.cancel import CancelledError
    from hongtu.core.tilepack import area
    from hongtu.core.tilepack.download import CUSTOM, download
    from hongtu.core.tilepack.packages import package_path

    try:
        path = package_path(args.name)
        meta = _existing_metadata(path)
        box = _resumed_box(args, meta)
        source = _source(args, meta)
        low, high = _zooms(args, meta)
        guess = area.estimate(area.tile_ranges(box.in_crs(source.crs), low, high))
        say(tr_n("约 %n 个瓦片，约 {0}", guess.tiles).format(size_text(guess.bytes)))
        if guess.too_large:
            return fail(
                tr("超过单个地图包的上限 {0} 个瓦片：请缩小区域或缩放级别").format(area.MAX_TILES)
            )
        key = "" if source.provider == CUSTOM else args.settings.key_for(BaseMapId(source.provider))
        result = download(path, args.name, source, key, box, low, high)
    except KeyboardInterrupt:
        say(tr("下载已中断；已下载的瓦片已保存，再次运行同一命令可继续"), error=True)
        return 130
    except CancelledError:
        return fail(tr("下载已取消"))
    except Exception as exc:
        return fail(_download_problem(exc))
    say(
        tr("已完成：{0}（{1}，已有 {2} 个，服务器没有的 {3} 个）").format(
            args.name, tr_n("新下载 %n 个瓦片", result.fetched), result.skipped, result.missing
        )
    )
    return 0


def _download_problem(exc: Exception) -> str:
    from hongtu.core.basemaps import KeyProblem, MissingKeyError

    if isinstance(exc, MissingKeyError):
        if exc.problem is KeyProblem.MALFORMED:
            return tr("这个底图的密钥格式不正确：请在设置中重新填写")
        return tr("这个底图需要密钥：请在设置中填写")
    return problem_text(exc)


def _existing_metadata(path: Path) -> dict[str, str] | None:
    from hongtu.core.tilepack.mbtiles import validate

    return validate(path) if path.is_file() else None


def _resumed_box(args: argparse.Namespace, meta: dict[str, str] | None) -> Any:
    from hongtu.core.tilepack import area

    if args.taiyuan or args.county or args.plan is not None or meta is None:
        return _area(args)
    try:
        west, south, east, north = (float(part) for part in meta["bounds"].split(","))
    except (KeyError, ValueError):
        raise area.AreaError(tr("地图包没有记录区域，请指定区域")) from None
    return area.BBox(west, south, east, north)


def _source(args: argparse.Namespace, meta: dict[str, str] | None) -> Any:
    from hongtu.core.basemaps import parse_basemap_id
    from hongtu.core.geo import Crs
    from hongtu.core.tilepack.area import AreaError
    from hongtu.core.tilepack.download import CUSTOM, TileSource, provider_source

    if args.url:
        if not args.attribution:
            raise AreaError(tr("使用 --url 时必须用 --attribution 写明瓦片的版权说明"))
        try:
            crs = Crs(args.crs)
        except ValueError:
            raise AreaError(tr("坐标系只能是 wgs84 或 gcj02")) from None
        return TileSource(CUSTOM, args.url, args.attribution, crs)
    provider = args.provider or (meta or {}).get("provider") or "amap"
    basemap_id = parse_basemap_id(provider)
    if basemap_id is None:
        raise AreaError(tr("未知的底图服务商：{0}").format(provider))
    return provider_source(basemap_id)


# ---- list, delete, export, import --------------------------------------------------------------


def cmd_tiles_list(_args: argparse.Namespace) -> int:
    from hongtu.core.tilepack.packages import list_packages

    packages = list_packages()
    if not packages:
        say(tr("还没有离线地图包"))
        return 0
    rows = [[tr("名称"), tr("来源"), tr("缩放级别"), tr("瓦片数"), tr("大小"), tr("状态")]]
    for info in packages:
        rows.append(
            [
                info.name,
                info.attribution,
                f"{info.min_zoom}–{info.max_zoom}",
                str(info.tiles),
                size_text(info.bytes),
                tr("完整") if info.complete else tr("未下载完（可继续）"),
            ]
        )
    say(format_table(rows))
    return 0


def cmd_tiles_delete(args: argparse.Namespace) -> int:
    from hongtu.core.tilepack.packages import delete_package

    try:
        delete_package(args.name)
    except Exception as exc:
        return fail(problem_text(exc))
    say(tr("已删除：{0}").format(args.name))
    return 0


def cmd_tiles_export(args: argparse.Namespace) -> int:
    from hongtu.core.tilepack.packages import export_package

    try:
        target = export_package(args.name, Path(args.output))
    except Exception as exc:
        return fail(problem_text(exc))
    say(tr("已导出：{0}").format(str(target)))
    return 0


def cmd_tiles_import(args: argparse.Namespace) -> int:
    from hongtu.core.tilepack.packages import import_package

    try:
        info = import_package(Path(args.file), args.name, replace=args.replace)
    except Exception as exc:
        return fail(problem_text(exc))
    say(tr_n("已导入：{0}（%n 个瓦片）", info.tiles).format(info.name))
    return 0
