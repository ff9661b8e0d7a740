"""`hongtu record PLAN` on a day already recorded corrects it: only what is named changes.

Run again to add a photo, or to put one member on leave, it keeps everyone else's attendance,
the summary, the host and the recorder, as correcting the record in the window does.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from factories import make_plan
from hongtu.cli import main
from hongtu.core.records import MAX_PERSON_CHARS, ActivityRecord, Presence
from hongtu.core.workspace import open_workspace

BRANCH = "第一党支部"
ADD = ["members", "add", "--branch", BRANCH]


@pytest.fixture
def recorded_day(tmp_path: Path, capsys) -> tuple[str, int]:
    """A database whose branch has four Party members, and a past plan of that branch."""
    db = str(tmp_path / "r.sqlite3")
    roster = tmp_path / "名册.csv"
    roster.write_text(
        "姓名,政治面貌\n张三,正式党员\n李四,正式党员\n王五,预备党员\n赵六,正式党员\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "members", "import", str(roster), "--branch", BRANCH]) == 0
    workspace = open_workspace(db)
    try:
        plan_id = workspace.plans.save(make_plan(on=date.today() - timedelta(days=3))).id
    finally:
        workspace.close()
    capsys.readouterr()
    assert plan_id is not None
    return db, plan_id


def recorded(db: str, plan_id: int) -> ActivityRecord:
    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(plan_id)
    finally:
        workspace.close()
    assert record is not None
    return record


def attendance(db: str, plan_id: int) -> dict[str, tuple[Presence, str]]:
    return {a.name: (a.presence, a.reason) for a in recorded(db, plan_id).attendance}


def stored(db: str, plan_id: int) -> tuple[str, str, str]:
    record = recorded(db, plan_id)
    return record.summary, record.host, record.recorder


def test_running_it_again_keeps_what_was_recorded(recorded_day, capsys) -> None:
    db, plan_id = recorded_day
    first = ["--db", db, "record", str(plan_id), "--leave", "李四=出差", "--absent", "王五"]
    texts = ["--summary", "参观了八路军办事处", "--host", "张三", "--recorder", "赵六"]
    assert main([*first, *texts]) == 0
    assert "实到 2，请假 1，缺席 1" in capsys.readouterr().out

    assert main(["--db", db, "record", str(plan_id)]) == 0  # e.g. only to add a photo
    assert "实到 2，请假 1，缺席 1" in capsys.readouterr().out
    assert attendance(db, plan_id)["李四"] == (Presence.LEAVE, "出差")
    assert stored(db, plan_id) == ("参观了八路军办事处", "张三", "赵六")


def test_a_correction_changes_only_the_people_and_texts_it_names(recorded_day, capsys) -> None:
    db, plan_id = recorded_day
    args = ["--db", db, "record", str(plan_id)]
    assert main([*args, "--leave", "李四=出差", "--absent", "王五", "--host", "张三"]) == 0
    assert main([*args, "--present", "王五", "--absent", "赵六", "--summary", "补记"]) == 0
    assert attendance(db, plan_id) == {
        "张三": (Presence.PRESENT, ""),
        "李四": (Presence.LEAVE, "出差"),
        "王五": (Presence.PRESENT, ""),
        "赵六": (Presence.ABSENT, ""),
    }
    assert stored(db, plan_id) == ("补记", "张三", "")
    assert main([*args, "--host", ""]) == 0  # an empty value clears it
    assert stored(db, plan_id)[1] == ""


@pytest.mark.parametrize(
    "twice",
    [
        ["--absent", "李四", "--leave", "李四=病"],
        ["--absent", "李四", "--present", "李四"],
        ["--absent", "李四", "--absent", " 李四 "],
    ],
)
def test_one_person_named_twice_is_refused_and_nothing_changes(
    recorded_day, capsys, twice: list[str]
) -> None:
    db, plan_id = recorded_day
    assert main(["--db", db, "record", str(plan_id), "--absent", "王五"]) == 0
    before = attendance(db, plan_id)
    capsys.readouterr()
    assert main(["--db", db, "record", str(plan_id), *twice]) == 2
    assert "李四 被列了两次" in capsys.readouterr().err
    assert attendance(db, plan_id) == before


def test_an_over_long_host_is_refused_in_words(recorded_day, capsys) -> None:
    db, plan_id = recorded_day
    host = "张" * (MAX_PERSON_CHARS + 1)
    assert main(["--db", db, "record", str(plan_id), "--host", host]) == 2
    assert "文字太长：主持人" in capsys.readouterr().err
    assert main(["--lang", "en", "--db", db, "record", str(plan_id), "--recorder", host]) == 2
    err = capsys.readouterr().err
    assert "recorder" in err.lower() and "记录人" not in err


def test_a_plan_moved_to_next_year_is_still_corrected_on_its_recorded_day(
    recorded_day, capsys
) -> None:
    db, plan_id = recorded_day
    assert main(["--db", db, "record", str(plan_id)]) == 0
    workspace = open_workspace(db)
    try:
        plan = workspace.plans.get(plan_id)
        day = plan.date
        plan.date = day + timedelta(days=365)  # reused for next year
        workspace.plans.save(plan)
    finally:
        workspace.close()
    capsys.readouterr()
    assert main(["--db", db, "record", str(plan_id), "--absent", "李四"]) == 0
    assert "缺席 1" in capsys.readouterr().out
    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(plan_id)
    finally:
        workspace.close()
    assert record is not None and record.day == day and record.version == 2


def test_a_correction_does_not_count_a_member_who_joined_later(recorded_day, capsys) -> None:
    """A record froze who was expected that day: 赵六, added to the roster after the day was
    recorded (no 加入日期, so "always a member"), is not added as present by a correction."""
    db, plan_id = recorded_day
    args = ["--db", db, "record", str(plan_id)]
    assert main([*args, "--leave", "李四=出差", "--absent", "王五"]) == 0
    assert main(["--db", db, *ADD, "--name", "孙七", "--status", "正式党员"]) == 0
    capsys.readouterr()

    assert main([*args, "--summary", "更正小结"]) == 0
    assert "应到 4，实到 2，请假 1，缺席 1" in capsys.readouterr().out
    assert set(attendance(db, plan_id)) == {"张三", "李四", "王五", "赵六"}
    assert stored(db, plan_id)[0] == "更正小结"


def test_a_correction_adds_a_later_member_only_when_named(recorded_day, capsys) -> None:
    db, plan_id = recorded_day
    args = ["--db", db, "record", str(plan_id)]
    assert main(args) == 0
    assert main(["--db", db, *ADD, "--name", "孙七", "--status", "正式党员"]) == 0
    capsys.readouterr()

    assert main([*args, "--absent", "孙七"]) == 0
    assert "应到 5，实到 4，请假 0，缺席 1" in capsys.readouterr().out
    assert attendance(db, plan_id)["孙七"] == (Presence.ABSENT, "")
