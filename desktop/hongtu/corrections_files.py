"""Site-corrections files as the CLI and the window use them: one reader, one writer and one
message table, so both say the same thing about the same file.

Messages go through Qt's translator when Qt is loaded (the window always, the CLI with
``--lang en``), so this module itself does not need Qt.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hongtu.core.atomic import write_atomic
from hongtu.core.corrections_review import CorrectionsReview, review_corrections
from hongtu.core.geo import LatLon
from hongtu.core.shared_sites import ACCESS, POSITION, RULES, SiteDifference
from hongtu.core.site_corrections import (
    MAX_FILE_BYTES,
    MAX_PERSON,
    CorrectionsError,
    CorrectionsErrorCode,
    CorrectionsFile,
    corrections_json,
    dump_corrections,
    read_corrections,
    unshareable_places,
)
from hongtu.core.sites import Confidence, Provenance, Site, VisitorAccess, VisitRules
from hongtu.core.text import shortened

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


def tr(text: str) -> str:
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("SiteCorrections", text)


class CorrectionsFileError(Exception):
    """The file cannot be read or written; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ReadCorrections:
    corrections: CorrectionsFile
    review: CorrectionsReview


# ---- words -------------------------------------------------------------------------------------


def corrections_message(error: CorrectionsError) -> str:
    if error.code is CorrectionsErrorCode.NEWER_VERSION:
        return tr(
            "这个核实信息文件是用更新版本的红途导出的，本机的红途还读不了。"
            "请先把红途升级到最新版本，再导入。没有导入任何内容。"
        )
    reasons = {
        "too_large": tr("文件太大"),
        "not_utf8": tr("文件不是 UTF-8 编码的文字"),
        "not_json": tr("不是有效的 JSON 文件"),
        "duplicate_key": tr("同一处出现了两个同名的项"),
        "not_corrections_file": tr(
            '不是红途站点核实信息文件（缺少 "format": "hongtu-site-corrections"）'
        ),
        "unsupported_version": tr("文件版本不受支持"),
        "too_many_entries": tr("条目太多"),
        "missing": tr("缺少必填项"),
        "wrong_type": tr("数据类型不对"),
        "unknown_field": tr("有不认识的项"),
        "invalid_value": tr("数值无效"),
        "text_too_long": tr("文字太长"),
        "control_character": tr("文字中含有控制字符"),
        "lone_surrogate": tr("文字中含有无效的字符（孤立代理项）"),
        "coordinate_out_of_range": tr("坐标超出范围"),
        "future_date": tr("核实日期在今天之后"),
        "empty_entry": tr("这一条没有任何更正内容"),
        "duplicate_entry": tr("同一站点的同一项出现了两次"),
        "unknown_site_without_position": tr("本机没有这个站点，文件也没有给出它的位置"),
    }
    reason = reasons.get(error.code.value, error.code.value)
    where = []
    if error.entry is not None:
        where.append(tr("第 {0} 条").format(error.entry))
    if error.site:
        where.append(error.site)
    if error.path:
        where.append(error.path)
    if where:
        place = tr("，").join(where)
        return tr("核实信息文件有问题：{0}（{1}）。没有导入任何内容。").format(reason, place)
    return tr("核实信息文件有问题：{0}。没有导入任何内容。").format(reason)


def field_label(field: str) -> str:
    return {
        POSITION: tr("位置"),
        RULES: tr("开放规则"),
        ACCESS: tr("对外开放"),
        "address": tr("地址"),
        "opening_hours": tr("开放时间"),
        "closed_days": tr("闭馆日"),
        "reservation": tr("预约"),
        "admission": tr("门票"),
        "phone": tr("电话"),
    }.get(field, field)


def confidence_word(confidence: Confidence) -> str:
    return {
        Confidence.HIGH: tr("高"),
        Confidence.MEDIUM: tr("中"),
        Confidence.LOW: tr("低"),
        Confidence.UNKNOWN: tr("未知"),
    }[confidence]


def access_word(status: VisitorAccess) -> str:
    return {
        VisitorAccess.UNKNOWN: tr("未知"),
        VisitorAccess.OPEN: tr("接待参观"),
        VisitorAccess.EXTERIOR_ONLY: tr("只能在外观看"),
    }[status]


def value_text(value: LatLon | VisitRules | VisitorAccess | str | None) -> str:
    if value is None:
        return tr("未知")
    if isinstance(value, LatLon):
        return tr("{0:.6f}, {1:.6f}（WGS-84）").format(value.lat, value.lon)
    if isinstance(value, VisitRules):
        from hongtu.qt.rules_text import rules_summary  # QtCore only: words the rules

        return rules_summary(value)
    if isinstance(value, VisitorAccess):
        return access_word(value)
    return value


def theirs_text(difference: SiteDifference) -> str:
    """The file's value; for a position, how far it is from the local one."""
    text = value_text(difference.theirs)
    shift = difference.shift_metres
    if shift is not None:
        text = tr("{0}，相距约 {1} 米").format(text, round(shift))
    return text


def provenance_text(provenance: Provenance) -> str:
    """Who confirmed it, when, on what evidence: "王芳 2026-11-20 核实；来源：…；可信度高"."""
    return tr("{0} {1} 核实；来源：{2}；可信度{3}").format(
        provenance.confirmed_by,
        provenance.confirmed_on.isoformat(),
        source_text(provenance.source),
        confidence_word(provenance.confidence),
    )


#: The source written into a corrections file for the organiser's own edits. In Chinese, as
#: the site data it travels with, whatever the window's language: the file goes to other
#: branches, whose site details would otherwise show one English phrase among Chinese.
OWN_SOURCE = "组织者本人核实（电话或实地）"


def own_source() -> str:
    """The source written for the organiser's own edits (``OWN_SOURCE``)."""
    return OWN_SOURCE


def source_text(source: str) -> str:
    """A source as shown: HongTu's own wording in the reader's language, others as written."""
    return tr("组织者本人核实（电话或实地）") if source == OWN_SOURCE else source


# ---- reading and writing -----------------------------------------------------------------------


def read_corrections_file(path: Path, sites: list[Site]) -> ReadCorrections:
    """Read and check ``path`` completely, then compare it with ``sites``; nothing is stored."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CorrectionsFileError(
            tr("无法读取文件 {0}：{1}").format(path, read_problem_text(exc))
        ) from exc
    try:
        corrections = read_corrections(data)
        return ReadCorrections(corrections, review_corrections(corrections, sites))
    except CorrectionsError as exc:
        raise CorrectionsFileError(corrections_message(exc)) from exc


def read_problem_text(exc: OSError) -> str:
    """Why a file could not be read, in the user's language (never the system's English)."""
    if isinstance(exc, FileNotFoundError):
        return tr("文件不存在（可能已被移动、改名或删除）")
    if isinstance(exc, PermissionError):
        return tr("没有权限读取这个文件")
    if isinstance(exc, IsADirectoryError):
        return tr("这是一个文件夹，不是文件")
    return tr("读取时出错（{0}）").format(type(exc).__name__)


def clean_name(name: str) -> str | None:
    """The confirmer's name as the file will carry it; None when it cannot be used."""
    name = name.strip()
    if not name or len(name) > MAX_PERSON or not name.isprintable():
        return None
    return name


@dataclass(frozen=True)
class CorrectionsExported:
    count: int  # entries written
    left_out: tuple[str, ...]  # names of added places the file cannot carry (``left_out_text``)


def export_corrections_file(path: Path, store: SiteStore, confirmed_by: str) -> CorrectionsExported:
    """Write what the organiser confirmed or corrected.

    Places a file cannot carry (``unshareable_places``) are left out and named, so the file
    is never refused as a whole when imported. Raises ``CorrectionsFileError`` when there is
    nothing to export, and ``hongtu.core.atomic.ExportError`` when the file cannot be written
    (an existing file is then left as it was; the CLI and the window word it as for their other
    exports).
    """
    sites = store.list_sites()
    left_out = unshareable_places(sites)
    skipped = {site.id for site in left_out}
    data = corrections_json(
        [site for site in sites if site.id not in skipped],
        store.list_edits(),
        confirmed_by,
        own_source(),
        datetime.now(),
    )
    count = len(data["corrections"])
    if not count:
        raise CorrectionsFileError(
            tr("没有可导出的核实信息：还没有更正过任何站点的位置或信息。没有写入文件。")
        )
    write_atomic(path, dump_corrections(data).encode("utf-8"))
    return CorrectionsExported(count, tuple(site.name for site in left_out))


def left_out_text(names: tuple[str, ...]) -> str:
    """What an export left out, in one sentence ("" when nothing was)."""
    if not names:
        return ""
    shown = "、".join(f"“{shortened(name, 20)}”" for name in names[:5])
    more = tr("等 {0} 个").format(len(names)) if len(names) > 5 else ""
    return tr(
        "地点 {0}{1} 没有导出：名称太长、与另一个地点同名或位置不在中国境内，"
        "对方无法导入（位置可用“更正所选站点位置”更正后再导出）。"
    ).format(shown, more)

