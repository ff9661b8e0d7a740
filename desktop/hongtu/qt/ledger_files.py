"""A branch's year ledger written as a file: DOCX, XLSX or the year summary's PDF (A4).

Run in the export process (``hongtu.qt.export_process``), never in the window's: only the core
and, for the PDF, ``hongtu.qt.printing`` are imported, when they are needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hongtu.core.cancel import ShouldStop
    from hongtu.core.ledger import YearLedger


def write_ledger(ledger: YearLedger, fmt: str, path: Path, should_stop: ShouldStop) -> Path:
    """Writes the ledger as ``fmt`` (docx, xlsx or pdf) atomically; safe on a worker thread.
    The documents are in Chinese whatever the window's language: they are filed records."""
    from hongtu.core.atomic import write_atomic

    if fmt == "pdf":
        from hongtu.core.exports.ledger_summary import build_ledger_summary
        from hongtu.qt.printing import render_ledger_pdf

        return render_ledger_pdf(build_ledger_summary(ledger), path, should_stop)
    if fmt == "xlsx":
        from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx

        data = render_ledger_xlsx(ledger)
    else:
        from hongtu.core.exports.ledger_docx import render_ledger_docx

        data = render_ledger_docx(ledger)
    write_atomic(path, data, should_stop)
    return path


__all__ = ["write_ledger"]
