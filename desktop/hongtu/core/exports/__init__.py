"""Exports of a plan document: one writer per format, all fed the same ``PlanDocument``.

``export_plan`` writes the Qt-free formats atomically (see ``hongtu.core.atomic``). The two PDF
outputs (``pdf``, the 日程安排表, and ``signin``, the 签到表) need Qt's printer and are written by
``hongtu.qt.printing``, whose ``export_document`` accepts every format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from hongtu.core.atomic import ExportError, ExportErrorCode, write_atomic
from hongtu.core.cancel import ShouldStop, check
from hongtu.core.document import PlanDocument
from hongtu.core.plans import Plan
from hongtu.core.sites import Site

if TYPE_CHECKING:  # the plan file's record: imported by its writer, not by every export
    from hongtu.core.records import ActivityRecord

__all__ = [
    "QT_FORMATS",
    "ExportError",
    "ExportErrorCode",
    "ExportFormat",
    "check_target",
    "export_plan",
    "render_bytes",
]


class ExportFormat(StrEnum):
    PDF = "pdf"  # 日程安排表 (Qt)
    DOCX = "docx"  # 活动方案
    ICS = "ics"
    GPX = "gpx"
    KML = "kml"
    HTML = "html"
    XLSX = "xlsx"
    CSV = "csv"
    SIGNIN = "signin"  # 签到表 PDF (Qt)
    JSON = "json"  # the plan file (planfile.dump_plan)

    @property
    def suffix(self) -> str:
        return ".pdf" if self is ExportFormat.SIGNIN else f".{self.value}"


QT_FORMATS = frozenset({ExportFormat.PDF, ExportFormat.SIGNIN})


def check_target(path: Path, overwrite: bool) -> None:
    """Raises ``ExportError(EXISTS)`` when ``path`` exists and may not be replaced."""
    if not overwrite and path.exists():
        raise ExportError(ExportErrorCode.EXISTS, path)


def render_bytes(
    doc: PlanDocument,
    fmt: ExportFormat,
    *,
    plan: Plan | None = None,
    sites: Mapping[int, Site] | None = None,
    path: Path | None = None,
    record: ActivityRecord | None = None,
) -> bytes:
    """The file contents of a Qt-free format (``path`` only names errors). ``record``: the
    plan's activity record, carried by the plan file (JSON, version 2)."""
    fmt = ExportFormat(fmt)
    where = path or Path(f"plan{fmt.suffix}")
    if fmt in QT_FORMATS:
        raise ExportError(ExportErrorCode.UNSUPPORTED, where, "needs hongtu.qt.printing")
    if fmt is ExportFormat.JSON:
        if plan is None or sites is None:
            raise ExportError(ExportErrorCode.MISSING_INPUT, where, "JSON needs plan and sites")
        from hongtu.core.planfile import dump_plan

        return dump_plan(plan, sites, record).encode("utf-8")
    return _writer(fmt)(doc)


def export_plan(
    doc: PlanDocument,
    fmt: ExportFormat | str,
    path: Path,
    *,
    plan: Plan | None = None,
    sites: Mapping[int, Site] | None = None,
    signin_names: Sequence[str] | None = None,
    overwrite: bool = False,
    should_stop: ShouldStop | None = None,
    record: ActivityRecord | None = None,
) -> Path:
    """Writes ``doc`` as ``fmt`` to ``path`` atomically and returns ``path``.

    ``should_stop`` (the window's cancel button) is asked before the file is replaced.

    Raises ``ExportError``: EXISTS (target exists and ``overwrite`` is False), UNSUPPORTED (pdf
    and signin need ``hongtu.qt.printing``), MISSING_INPUT (json without ``plan``/``sites``), or
    a file-system code. ``signin_names`` is accepted for a uniform call but only the Qt sign-in
    sheet uses it.
    """
    del signin_names  # only the Qt-rendered 签到表 uses the names
    path = Path(path)
    fmt = ExportFormat(fmt)
    check_target(path, overwrite)
    data = render_bytes(doc, fmt, plan=plan, sites=sites, path=path, record=record)
    check(should_stop)
    write_atomic(path, data, should_stop)
    return path


def _writer(fmt: ExportFormat) -> Callable[[PlanDocument], bytes]:
    # imported lazily, one format at a time: a command-line export pays only for its own
    # format's modules
    if fmt is ExportFormat.DOCX:
        from hongtu.core.exports.docx import render_docx

        return render_docx
    if fmt is ExportFormat.XLSX:
        from hongtu.core.exports.xlsx import render_xlsx

        return render_xlsx
    if fmt is ExportFormat.ICS:
        from hongtu.core.exports.ics import render_ics

        return render_ics
    if fmt is ExportFormat.GPX:
        from hongtu.core.exports.gpx import render_gpx

        return render_gpx
    if fmt is ExportFormat.KML:
        from hongtu.core.exports.kml import render_kml

        return render_kml
    if fmt is ExportFormat.HTML:
        from hongtu.core.exports.html import render_html

        return render_html
    if fmt is ExportFormat.CSV:
        from hongtu.core.exports.csv import render_csv

        return render_csv
    raise ExportError(ExportErrorCode.UNSUPPORTED, Path(f"plan{fmt.suffix}"), fmt.value)
