"""The yearly ledger: a year of 12 recorded days for a 60-member branch exported in every ledger
format (goal < 2 s together), and the figures of 10 years × 12 days loaded (the 台账 view's work;
goal < 0.3 s). Prints a JSON line last.

    .venv/bin/python benchmarks/ledger.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "desktop"))

from hongtu.core import paths
from hongtu.core.exports.ledger_docx import render_ledger_docx
from hongtu.core.exports.ledger_xlsx import render_ledger_xlsx
from hongtu.core.ledger import load_ledger
from hongtu.core.members import Member, PartyStatus
from hongtu.core.plans import Plan
from hongtu.core.records import ActivityRecord, everyone_present
from hongtu.core.workspace import open_workspace

BRANCH = "机关第一党支部"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths.set_home(Path(folder) / "home")
        workspace = open_workspace(str(Path(folder) / "bench.sqlite3"))
        workspace.members.import_members(
            BRANCH, [Member(None, f"党员{i:02d}", "", PartyStatus.FULL) for i in range(60)]
        )
        members = workspace.members.members(BRANCH)
        for year in range(2016, 2026):
            for month in range(1, 13):
                day = date(year, month, 15)
                plan = workspace.plans.save(Plan(f"{year}年{month}月主题党日", day, branch=BRANCH))
                absent = [m.id for m in members[month : month + 3] if m.id is not None]
                leave = {members[40].id: "出差"} if members[40].id is not None else {}
                workspace.records.save(
                    ActivityRecord(
                        plan.id,  # type: ignore[arg-type]
                        day,
                        everyone_present(members, day, leave=leave, absent=absent),
                        summary="学习并重温入党誓词。" * 10,
                    ),
                    today=date(2025, 12, 31),
                )
        if "--profile" in sys.argv:
            import cProfile

            cProfile.runctx(
                "load_ledger(workspace, BRANCH, 2025)", globals(), locals(), sort="cumtime"
            )
        start = time.perf_counter()
        ledger = load_ledger(workspace, BRANCH, 2025)
        render_ledger_xlsx(ledger)
        render_ledger_docx(ledger)
        export_s = time.perf_counter() - start
        view = []
        for _ in range(3):
            start = time.perf_counter()
            for year in range(2016, 2026):
                load_ledger(workspace, BRANCH, year)
            view.append(time.perf_counter() - start)
        workspace.close()
    print(f"one year (12 days × 60 members) loaded and exported as XLSX and DOCX: {export_s:.2f} s")
    print(f"figures of 10 years × 12 days: {min(view):.3f} s (best of 3)")
    print(json.dumps({"export_s": round(export_s, 3), "ten_years_s": round(min(view), 3)}))


if __name__ == "__main__":
    main()
