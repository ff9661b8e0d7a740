"""Importing a plan file, as ``hongtu plans import`` and the window (文件 → 导入方案…, a drop) do.

One reader (``core.planfile``) and one message table: the CLI and the window say the same thing
about the same file. Messages go through Qt's translator when Qt is loaded (the window always,
the CLI with ``--lang en``), so this module itself does not need Qt.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from hongtu.core.planfile import PlanFileError, load_plan_file
from hongtu.core.plans import Plan
from hongtu.core.shared_sites import SiteDifference, site_differences
from hongtu.core.sites import Site


def tr(text: str) -> str:
    if "PySide6.QtCore" not in sys.modules:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("PlanImport", text)


class PlanImportError(Exception):
    """The file cannot be imported; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ImportedPlan:
    """A plan read from a file (not saved yet) and how the sender's sites differ from ours."""

    plan: Plan
    differences: list[SiteDifference] = field(default_factory=list)


def plan_file_message(error: PlanFileError) -> str:
    reasons = {
        "too_large": tr("文件太大"),
        "not_json": tr("不是有效的 JSON 文件"),
        "not_a_plan_file": tr('不是红途方案文件（缺少 "format": "hongtu-plan"）'),
        "unsupported_version": tr("方案文件版本不受支持"),
        "missing": tr("缺少必填项"),
        "wrong_type": tr("数据类型不对"),
        "invalid_value": tr("数值无效"),
        "over_limit": tr("超出上限（文字太长，或站点、活动太多）"),
        "coordinate_out_of_range": tr("坐标超出范围"),
        "ambiguous_place": tr("同时给出了目录站点和自定义地点"),
        "unknown_site_key": tr("本机站点目录中没有这个站点"),
        "site_not_found": tr("站点不存在"),
        "site_not_shareable": tr("这个地点没有坐标，无法写入文件"),
    }
    reason = reasons.get(error.code.value, error.code.value)
    return tr("方案文件有问题：{0}（位置：{1}）。没有导入任何内容。").format(reason, error.path)


def read_plan_file(path: Path, sites: list[Site]) -> ImportedPlan:
    """Read and check ``path`` against the local catalogue ``sites``; raises PlanImportError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanImportError(tr("无法读取文件 {0}：{1}").format(path, exc)) from exc
    keys = {site.key: site.id for site in sites if site.key}
    try:
        plan, shared = load_plan_file(text, keys.get)
    except PlanFileError as exc:
        raise PlanImportError(plan_file_message(exc)) from exc
    return ImportedPlan(plan, site_differences(shared, sites))
