"""The one entry point. No arguments opens the window; subcommands do the same work headless.

hongtu [--db PATH|URL] [--lang zh_CN|en]            open the desktop app
hongtu sites list [--json]                          the site catalogue
hongtu sites add --name N --lat LAT --lon LON --crs wgs84|gcj02|bd09 [--district D]
                                                    add a place (stored in WGS-84)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from hongtu import __version__

Handler = Callable[[argparse.Namespace], int]


def tr(text: str) -> str:
    """CLI text goes through Qt's translator too (installed only for ``--lang en``)."""
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Cli", text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hongtu", description="红途 HongTu — 太原红色教育主题党日规划"
    )
    parser.add_argument("--version", action="version", version=f"hongtu {__version__}")
    parser.add_argument("--db", help="数据库文件路径或 SQLAlchemy URL（默认在用户数据目录）")
    parser.add_argument(
        "--lang",
        default=None,
        help="界面语言：zh_CN（默认）或 en；不指定时用 HONGTU_LANG 或设置中的语言",
    )
    commands = parser.add_subparsers(dest="command")
    sites = commands.add_parser("sites", help="站点目录").add_subparsers(
        dest="action", required=True
    )
    listing = sites.add_parser("list", help="列出站点")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_sites_list)
    adding = sites.add_parser("add", help="添加地点（坐标换算为 WGS-84 保存）")
    adding.add_argument("--name", required=True, help="地点名称")
    adding.add_argument("--lat", required=True, help="纬度")
    adding.add_argument("--lon", required=True, help="经度")
    adding.add_argument("--crs", required=True, help="坐标系：wgs84、gcj02（高德）或 bd09（百度）")
    adding.add_argument("--district", help="区县名称；不填则按坐标查找")
    adding.set_defaults(handler=cmd_sites_add)
    from hongtu.cli_plans import add_plan_commands

    add_plan_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        lang = _language(args.lang or os.environ.get("HONGTU_LANG") or _settings_language())
    except ValueError:
        parser.error(f"不支持的语言 / unsupported language: {args.lang}")
    if args.command is None:
        if not _display_available():
            print(
                "没有可用的图形显示（DISPLAY / WAYLAND_DISPLAY 未设置）：无法打开窗口。"
                "可使用 hongtu sites list 等命令行功能，或用 xvfb-run 启动。\n"
                "No display available (DISPLAY / WAYLAND_DISPLAY unset): cannot open the window.",
                file=sys.stderr,
            )
            return 2
        from hongtu.qt.app import run_gui

        return run_gui(args.db, lang)
    if lang == "en":
        _install_cli_translator()
    handler: Handler = args.handler
    from hongtu.core.storage.problems import DatabaseError

    try:
        return handler(args)
    except DatabaseError as exc:
        print(_database_message(exc), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _display_available() -> bool:
    """On Linux, Qt aborts without a display; say so plainly instead."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main_gui() -> int:
    return main([])


def _language(lang: str) -> str:
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_CN"
    if low.startswith("en"):
        return "en"
    raise ValueError(lang)


def _settings_language() -> str:
    from hongtu.core.settings import load_settings

    return load_settings().language


def _install_cli_translator() -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from hongtu.core import paths
    from hongtu.export_command import ensure_offscreen_app

    ensure_offscreen_app()  # a QApplication, so a later PDF export can still render
    app = QCoreApplication.instance()
    translator = QTranslator(app)
    if translator.load(str(paths.resource_path("i18n", "hongtu_en.qm"))):
        app.installTranslator(translator)


def _database_message(exc: Any) -> str:
    from hongtu.core.storage.problems import DatabaseProblem

    reasons = {
        DatabaseProblem.LOCKED: tr("数据库正被另一个程序使用"),
        DatabaseProblem.CORRUPT: tr("数据库文件已损坏"),
        DatabaseProblem.NOT_A_DATABASE: tr("这个文件不是数据库文件"),
        DatabaseProblem.NOT_HONGTU: tr("这个数据库不是红途的数据库"),
        DatabaseProblem.TOO_NEW: tr("这个数据库由更新版本的红途创建"),
        DatabaseProblem.NO_PERMISSION: tr("没有读写权限"),
        DatabaseProblem.BAD_URL: tr("数据库地址格式不正确"),
        DatabaseProblem.MIGRATION_FAILED: tr("数据库升级失败（原文件已备份）"),
    }
    return tr("错误：{0}：{1}（文件未被修改）").format(reasons[exc.problem], exc.location)


# ---- sites ---------------------------------------------------------------------------------


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
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(args.db)
    try:
        sites = workspace.sites.list_sites()
    finally:
        workspace.close()
    if args.json:
        print(json.dumps([site_json(s) for s in sites], ensure_ascii=False, indent=2))
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
    print(format_table(rows))
    return 0


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(rows: list[list[str]]) -> str:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cmd_sites_add(args: argparse.Namespace) -> int:
    """Check everything first; on any problem say so in stderr, exit 2, write nothing."""
    from hongtu.core.coords import to_wgs84
    from hongtu.core.places import PlaceError, resolve_district

    try:
        point, crs = _point_argument(args.lat, args.lon, args.crs)
        wgs84 = to_wgs84(point, crs)
        district = resolve_district(wgs84, args.district)
    except _CliInputError as exc:
        print(tr("错误：{0}（未保存）").format(exc), file=sys.stderr)
        return 2
    except PlaceError:
        print(tr("错误：未知的区县“{0}”（未保存）").format(args.district), file=sys.stderr)
        return 2
    if not args.name.strip():
        print(tr("错误：名称不能为空（未保存）"), file=sys.stderr)
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
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(args.db)
    try:
        site = add_place(workspace.sites, args.name, wgs84, crs, district_name=district)
    finally:
        workspace.close()
    print(site.id)
    return 0
