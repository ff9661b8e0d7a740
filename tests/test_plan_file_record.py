"""The plan file's optional ``record`` (version 2): a recorded day travels with its plan (by
names, stops by position, photos by hash), v1 files still import, a plan without a record is
still written as v1, a malformed record is refused by its path and nothing is imported."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import make_plan
from hongtu.cli import main
from hongtu.cli.plans import plan_file_message
from hongtu.core.members import Member, PartyStatus
from hongtu.core.planfile import (
    FORMAT_VERSION,
    PlanFileError,
    dump_plan,
    read_plan_document,
)
from hongtu.core.plans import PlanStatus, Stop
from hongtu.core.records import (
    ActivityRecord,
    DoneItem,
    DoneState,
    Guest,
    PhotoRef,
    Presence,
    everyone_present,
)
from hongtu.core.workspace import open_workspace
from plan_file_strategies import plan_file_text, plan_file_with_record_text

BRANCH = "第一党支部"  # make_plan's branch
DAY = date(2025, 10, 15)
NAMES = ["张三", "李四", "王五", "赵六"]
HASH = "ab" + "0" * 62
SITE_KEYS = ["balujun-zhujin-banshichu-jiuzhi", "shanxi-guomin-shifan-jiuzhi"]


def _roster(ws) -> list[Member]:  # type: ignore[no-untyped-def]
    ws.members.import_members(BRANCH, [Member(None, n, "", PartyStatus.FULL) for n in NAMES])
    return ws.members.members(BRANCH)


def _recorded(db: Path):  # type: ignore[no-untyped-def]
    """A workspace with a roster and a recorded plan: two absences, a guest, a photo."""
    ws = open_workspace(str(db))
    roster = _roster(ws)
    sites = ws.sites.list_sites()
    keyed = [s for s in sites if s.key][:2]
    plan = ws.plans.save(make_plan([Stop(site_id=s.id) for s in keyed], on=DAY))
    ids = {m.name: m.id for m in roster}
    record = ActivityRecord(
        plan_id=plan.id,
        day=DAY,
        attendance=everyone_present(roster, DAY, leave={ids["李四"]: "出差"}, absent=[ids["王五"]]),
        summary="参观了纪念馆，重温了入党誓词。",
        host="张三",
        recorder="赵六",
        guests=(Guest("刘老师", "讲解员"),),
        done=(
            DoneItem("参观学习", DoneState.DONE, plan.stops[0].id),
            DoneItem("现场党课", DoneState.CHANGED, plan.stops[1].id, "改为座谈"),
        ),
        photos=(PhotoRef(HASH, f"photos/ab/{HASH}.jpg", f"photos/thumbs/{HASH}.jpg", "合影"),),
    )
    saved = ws.records.save(record, today=date(2025, 11, 1))
    return ws, ws.plans.get(plan.id), saved


def test_a_recorded_plan_travels_with_its_record_and_is_taken_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender, plan, record = _recorded(tmp_path / "sender.sqlite3")
    try:
        out = tmp_path / "plan.hongtu.json"
        db = str(tmp_path / "sender.sqlite3")
        sender.close()
        args = ["--db", db, "plans", "export", str(plan.id), "--format", "json"]
        assert main([*args, "--output", str(out)]) == 0
    finally:
        sender.close()
    data = json.loads(out.read_text("utf-8"))
    assert data["version"] == FORMAT_VERSION == 2
    shared = data["record"]
    assert shared["day"] == "2025-10-15"
    assert {(a["name"], a["presence"], a.get("reason", "")) for a in shared["attendance"]} == {
        ("张三", "present", ""),
        ("李四", "leave", "出差"),
        ("王五", "absent", ""),
        ("赵六", "present", ""),
    }
    assert [d.get("stop") for d in shared["done"]] == [0, 1]
    assert shared["photos"] == [{"sha256": HASH, "suffix": "jpg", "caption": "合影"}]
    assert "member_id" not in json.dumps(shared) and "photos/" not in json.dumps(shared)

    # the receiver has the same branch roster: the plan comes in 已完成 with its record
    receiver_db = str(tmp_path / "receiver.sqlite3")
    receiver = open_workspace(receiver_db)
    _roster(receiver)
    receiver.close()
    capsys.readouterr()
    assert main(["--db", receiver_db, "plans", "import", str(out)]) == 0
    captured = capsys.readouterr()
    new_id = int(captured.out.strip())
    assert "活动记录已一并导入：应到 4，实到 2，请假 1，缺席 1" in captured.err
    receiver = open_workspace(receiver_db)
    try:
        got = receiver.records.for_plan(new_id)
        imported_plan = receiver.plans.get(new_id)
    finally:
        receiver.close()
    assert got is not None and imported_plan.status is PlanStatus.DONE
    assert sorted((a.name, a.presence, a.reason) for a in got.attendance) == sorted(
        (a.name, a.presence, a.reason) for a in record.attendance
    )
    assert (got.summary, got.host, got.recorder, got.guests) == (
        record.summary, record.host, record.recorder, record.guests,
    )  # fmt: skip
    assert [(d.text, d.state, d.note) for d in got.done] == [
        (d.text, d.state, d.note) for d in record.done
    ]
    assert [d.stop_uid for d in got.done] == [s.id for s in imported_plan.stops]
    assert [(p.content_hash, p.path, p.caption) for p in got.photos] == [
        (HASH, f"photos/ab/{HASH}.jpg", "合影")
    ]


def test_without_a_roster_here_the_plan_comes_in_and_the_record_is_named_as_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sender, plan, record = _recorded(tmp_path / "sender.sqlite3")
    text = dump_plan(plan, {s.id: s for s in sender.sites.list_sites()}, record)
    sender.close()
    path = tmp_path / "p.hongtu.json"
    path.write_text(text, "utf-8")
    db = str(tmp_path / "empty.sqlite3")
    assert main(["--db", db, "plans", "import", str(path)]) == 0
    captured = capsys.readouterr()
    assert "活动记录没有导入" in captured.err and "名册" in captured.err
    ws = open_workspace(db)
    try:
        new_id = int(captured.out.strip())
        assert ws.records.for_plan(new_id) is None
        assert ws.plans.get(new_id).title == plan.title  # the plan itself came in
    finally:
        ws.close()


def test_a_plan_without_a_record_is_still_version_1_and_v1_files_import(tmp_path: Path) -> None:
    ws = open_workspace(str(tmp_path / "w.sqlite3"))
    try:
        sites = {s.id: s for s in ws.sites.list_sites()}
        plan = ws.plans.save(make_plan(on=DAY))
        data = json.loads(dump_plan(plan, sites))
        assert data["version"] == 1 and "record" not in data
        # a version 1 file ignores keys it does not know, a "record" among them
        data["record"] = {"day": "not even a date"}
        contents = read_plan_document(json.dumps(data), lambda _key: None)
        assert contents.record is None and contents.plan.title == plan.title
    finally:
        ws.close()


def _file_with(record: object) -> str:
    body = {
        "title": "缅怀先烈",
        "date": "2025-10-15",
        "participants": 30,
        "transport": "coach",
        "gathering_time": "08:00",
        "stops": [{"custom": {"name": "纪念馆", "lat": 37.8, "lon": 112.5, "crs": "wgs84"}}],
    }
    return json.dumps({"format": "hongtu-plan", "version": 2, "plan": body, "record": record})


GOOD = {
    "day": "2025-10-15",
    "attendance": [{"name": "张三", "presence": "present"}],
}


def _with(**changes: object) -> dict[str, object]:
    record = copy.deepcopy(GOOD)
    record.update(changes)
    return record


@pytest.mark.parametrize(
    ("record", "path"),
    [
        ("yesterday", "record"),
        (_with(day="2025-02-30"), "record.day"),
        (_with(day="２０２５-１０-１５"), "record.day"),
        (_with(attendance=[]), "record.attendance"),
        (_with(attendance="张三"), "record.attendance"),
        (
            _with(attendance=[{"name": "张三", "presence": "present"}] * 2),
            "record.attendance[1].name",
        ),
        (_with(attendance=[{"name": "李四", "presence": "leave"}]), "record.attendance[0].reason"),
        (_with(attendance=[{"name": "李四", "presence": "late"}]), "record.attendance[0].presence"),
        (_with(attendance=[{"name": " ", "presence": "absent"}]), "record.attendance[0].name"),
        (_with(summary="长" * 2001), "record.summary"),
        (_with(done=[{"text": "参观", "stop": 1}]), "record.done[0].stop"),
        (_with(done=[{"text": "参观", "stop": True}]), "record.done[0].stop"),
        (_with(photos=[{"sha256": "AB" * 32}]), "record.photos[0].sha256"),
        (_with(photos=[{"sha256": "ab" * 32, "suffix": "../../x"}]), "record.photos[0].suffix"),
        (_with(guests=[{"note": "无名"}]), "record.guests[0].name"),
    ],
)
def test_a_malformed_record_is_refused_by_its_path_and_nothing_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record: object, path: str
) -> None:
    text = _file_with(record)
    with pytest.raises(PlanFileError) as caught:
        read_plan_document(text, lambda _key: None)
    assert caught.value.path == path
    assert path in plan_file_message(caught.value)
    file = tmp_path / "bad.hongtu.json"
    file.write_text(text, "utf-8")
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "plans", "import", str(file)]) == 2
    assert path in capsys.readouterr().err
    ws = open_workspace(db)
    try:
        assert ws.plans.list_plans() == []
    finally:
        ws.close()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.one_of(plan_file_text(SITE_KEYS), plan_file_with_record_text(SITE_KEYS)))
def test_every_generated_file_with_a_record_reads_whole_or_is_refused_by_path(
    workspace, text: str
) -> None:
    keys = {s.key: s.id for s in workspace.sites.list_sites() if s.key}
    try:
        contents = read_plan_document(text, keys.get)
    except PlanFileError as error:
        assert "方案文件有问题" in plan_file_message(error)
        return
    if contents.record is None:
        return
    shared = contents.record
    assert shared.attendance  # its day stands on its own (a recorded plan may have moved)
    names = [a.name for a in shared.attendance]
    assert len(names) == len(set(names)) and all(names)
    assert all(a.reason.strip() for a in shared.attendance if a.presence is Presence.LEAVE)
    stop_ids = {s.id for s in contents.plan.stops}
    assert all(d.stop_uid is None or d.stop_uid in stop_ids for d in shared.done)
    assert all(p.path.startswith(f"photos/{p.content_hash[:2]}/") for p in shared.photos)


def test_the_window_imports_the_record_with_a_dropped_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from journey_helpers import journey_window

    sender, plan, record = _recorded(tmp_path / "sender.sqlite3")
    text = dump_plan(plan, {s.id: s for s in sender.sites.list_sites()}, record)
    sender.close()
    path = tmp_path / "带记录.hongtu.json"
    path.write_text(text, "utf-8")
    db = str(tmp_path / "window.sqlite3")
    ws = open_workspace(db)
    _roster(ws)
    ws.close()
    with journey_window(qtbot, db) as (window, controller):
        window.plan_files_dropped.emit([path])  # as dropping the file on the window does
        opened = window.plan_ui.session.plan
        assert opened is not None and opened.status is PlanStatus.DONE
        assert "活动记录已一并导入：应到 4，实到 2，请假 1，缺席 1" in (
            window.statusBar().currentMessage()
        )
        got = controller.workspace.records.for_plan(opened.id)
        assert got is not None and got.count(Presence.LEAVE) == 1
        assert [p.content_hash for p in got.photos] == [HASH]
