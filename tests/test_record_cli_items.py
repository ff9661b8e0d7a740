"""`hongtu record` fills 活动内容 from the plan's stops and activities, as the window's 记录活动
does (the same function): a day recorded headless no longer has a blank 活动内容 in the 台账."""

from __future__ import annotations

from pathlib import Path

from hongtu.cli import main
from hongtu.core.records import DoneState
from hongtu.core.workspace import open_workspace
from record_helpers import seed_branch


def test_hongtu_record_fills_the_done_items_from_the_plan(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "items.sqlite3")
    seeded = seed_branch(db, tmp_path)
    assert main(["--db", db, "record", str(seeded.past_plan)]) == 0
    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(seeded.past_plan)
        plan = workspace.plans.get(seeded.past_plan)
    finally:
        workspace.close()
    assert record is not None
    first, second = seeded.stops
    assert [(d.text, d.state, d.stop_uid) for d in record.done] == [
        (first, DoneState.DONE, plan.stops[0].id),
        (f"{first}：参观学习", DoneState.DONE, None),
        (f"{first}：重温入党誓词", DoneState.DONE, None),
        (second, DoneState.DONE, plan.stops[1].id),
        (f"{second}：敬献花篮", DoneState.DONE, None),
    ]
