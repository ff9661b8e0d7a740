"""`hongtu sites …`: list the catalogue, add places, and share verified site data headless."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from hongtu.cli.common import (
    fail,
    format_table,
    open_workspace,
    read_or_open,
    say,
    say_json,
    tr,
    tr_n,
)
from hongtu.heap import collector_paused


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
    exporting = sites.add_parser(
        "export-corrections",
        help=tr("导出核实信息：本机更正或确认过的站点位置和信息（附核实人、日期、来源）"),
    )
    exporting.add_argument("--output", required=True, type=Path, help=tr("输出文件路径"))
    exporting.add_argument("--by", help=tr("核实人姓名（记在设置中，下次可省略）"))
    exporting.set_defaults(handler=cmd_sites_export_corrections)
    importing = sites.add_parser(
        "import-corrections",
        help=tr("导入核实信息：列出与本机站点目录的不同之处；加 --accept-all 全部采用"),
    )
    importing.add_argument("file", type=Path, help=tr("核实信息文件"))
    importing.add_argument(
        "--accept-all", action="store_true", help=tr("采用文件中的全部更正并保存")
    )
    importing.set_defaults(handler=cmd_sites_import_corrections)


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


@collector_paused()  # all it reads lives until printed (hongtu.heap)
def cmd_sites_list(args: argparse.Namespace) -> int:
    from hongtu.core.storage.quick_read import list_sites_quickly

    sites = read_or_open(args, list_sites_quickly, lambda workspace: workspace.sites.list_sites())
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
    from hongtu.core.places import PlaceError, add_place

    workspace = open_workspace(args)
    try:
        site = add_place(workspace.sites, args.name, wgs84, crs, district_name=district)
    except PlaceError as exc:
        say(tr("错误：{0}（未保存）").format(_place_problem_text(exc)), error=True)
        return 2
    finally:
        workspace.close()
    say(site.id)
    return 0


def _place_problem_text(error: Any) -> str:
    from hongtu.core.places import PlaceProblem
    from hongtu.core.sites import MAX_PLACE_NAME

    return {
        PlaceProblem.NO_NAME: tr("名称不能为空"),
        PlaceProblem.NAME_TOO_LONG: tr("名称太长（最多 {0} 个字）").format(MAX_PLACE_NAME),
        PlaceProblem.DUPLICATE_NAME: tr("已有同名的地点“{0}”，请换个名称").format(error.detail),
        PlaceProblem.OUTSIDE_CHINA: tr("这个位置不在中国境内"),
        PlaceProblem.UNKNOWN_DISTRICT: tr("未知的区县“{0}”").format(error.detail),
    }[error.problem]


# ---- sharing verified site data ------------------------------------------------------------


def cmd_sites_export_corrections(args: argparse.Namespace) -> int:
    import dataclasses

    from hongtu.cli.export import export_error_message
    from hongtu.core.atomic import ExportError
    from hongtu.core.settings import save_settings
    from hongtu.corrections_files import (
        CorrectionsFileError,
        clean_name,
        export_corrections_file,
        left_out_text,
    )

    given = args.by if args.by is not None else args.settings.confirmer_name
    name = clean_name(given or "")
    if name is None:
        if args.by is None:
            return fail(tr("请用 --by 给出核实人姓名（之后会记住）。没有写入文件。"))
        return fail(tr("核实人姓名不能为空、不能超过 100 个字，也不能含控制字符。没有写入文件。"))
    workspace = open_workspace(args)
    try:
        exported = export_corrections_file(args.output, workspace.sites, name)
    except CorrectionsFileError as exc:
        return fail(exc.message)
    except ExportError as exc:
        say(export_error_message(exc), error=True)
        return 2
    finally:
        workspace.close()
    if name != args.settings.confirmer_name:
        try:
            save_settings(dataclasses.replace(args.settings, confirmer_name=name))
        except ExportError:
            say(tr("提示：核实人姓名未能记入设置。"), error=True)
    say(
        tr_n("已导出 %n 条核实信息（核实人：{0}）：{1}", exported.count).format(
            name, str(args.output)
        )
    )
    if exported.left_out:
        say(left_out_text(exported.left_out), error=True)
    return 0


def cmd_sites_import_corrections(args: argparse.Namespace) -> int:
    from hongtu.core.corrections_review import apply_review
    from hongtu.corrections_files import CorrectionsFileError, read_corrections_file

    workspace = open_workspace(args)
    try:
        try:
            read = read_corrections_file(args.file, workspace.sites.list_sites())
        except CorrectionsFileError as exc:
            return fail(exc.message)
        review = read.review
        _print_review(review)
        if not args.accept_all:
            if review.differences or review.new_places:
                say(tr("未做任何更改。要全部采用，请加 --accept-all 再运行。"))
            return 0
        applied = apply_review(workspace.sites, review.differences, review.new_places)
    finally:
        workspace.close()
    say(
        tr("已采用 {0}，涉及 {1}；新增 {2}；{3}与本机相同。").format(
            tr_n("%n 处更正", len(review.differences)),
            tr_n("%n 个站点", len(applied.changed)),
            tr_n("%n 个地点", len(applied.added)),
            tr_n("%n 条", len(review.unchanged)),
        )
    )
    return 0


def _print_review(review: Any) -> None:
    from hongtu.corrections_files import field_label, provenance_text, theirs_text, value_text

    if review.differences:
        say(tr_n("与本机不同的 %n 处：", len(review.differences)))
    for difference in review.differences:
        say(
            tr("- {0} · {1}：{2} → {3}").format(
                difference.site_name,
                field_label(difference.field),
                value_text(difference.local),
                theirs_text(difference),
            )
        )
        if difference.provenance is not None:
            say("  " + provenance_text(difference.provenance))
    for place in review.new_places:
        point = place.lead.position
        say(
            tr("- 新地点：{0}（{1}）").format(place.name, value_text(point))
            + "  "
            + provenance_text(place.lead.provenance)
        )
    for entry in review.unchanged:
        say(tr("- 与本机相同：第 {0} 条 {1}").format(entry.number, entry.site.name))
    if not (review.differences or review.new_places or review.unchanged):
        say(tr("文件中没有条目。"))
