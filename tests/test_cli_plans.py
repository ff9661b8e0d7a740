"""`hongtu plans …`: import, list, show, optimise and export without a window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hongtu.cli import main

DOC_EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "plan-format.md"


def example_plan_text() -> str:
    text = DOC_EXAMPLE.read_text("utf-8")
    return text.split("```json", 1)[1].split("```", 1)[0]


def plan_file(tmp_path: Path, stops: list[str], title: str = "重温入党誓词主题党日") -> Path:
    document = {
        "format": "hongtu-plan",
        "version": 1,
        "plan": {
            "title": title,
            "branch": "机关第二党支部",
            "date": "2026-12-18",
            "participants": 25,
            "organiser": "李明",
            "phone": "0351-1234567",
            "transport": "coach",
            "gathering": {"custom": {"name": "单位大门", "lat": 37.8706, "lon": 112.5489,
                                     "crs": "wgs84"}},
            "gathering_time": "08:00",
            "returns_to_gathering": True,
            "notes": "",
            "status": "draft",
            "stops": [{"site_key": key, "activities": [{"kind": "tour", "minutes": 50}]}
                      for key in stops],
        },
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--db", str(tmp_path / "cli.sqlite3")]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_then_list_and_show_the_computed_schedule(capsys, tmp_path, db) -> None:
    path = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan", "shuangta-geming-lieshi-lingyuan"])
    code, out, _ = run(capsys, *db, "plans", "import", str(path))
    assert code == 0
    plan_id = int(out.strip())
    _, out, _ = run(capsys, *db, "plans", "list", "--json")
    assert [p["id"] for p in json.loads(out)] == [plan_id]
    _, out, _ = run(capsys, *db, "plans", "show", str(plan_id), "--json")
    shown = json.loads(out)
    kinds = [item["kind"] for item in shown["items"]]
    assert kinds[0] == "gather" and kinds[-1] == "return"
    visits = [item for item in shown["items"] if item["kind"] == "visit"]
    assert [v["title"] for v in visits] == ["太原解放纪念馆", "双塔革命烈士陵园"]
    legs = [item["leg"] for item in shown["items"] if item["leg"]]
    assert len(legs) == 3  # two stops and the way back
    assert all(leg["km"] > 0 and leg["minutes"] > 0 for leg in legs)
    starts = [item["start"] for item in shown["items"]]
    assert starts == sorted(starts) and starts[0] == "08:00"
    assert shown["end"] == shown["items"][-1]["end"]


def test_show_as_a_table_names_times_and_legs(capsys, tmp_path, db) -> None:
    path = plan_file(tmp_path, ["zhonggong-taiyuan-zhibu-jiuzhi"])
    _, out, _ = run(capsys, *db, "plans", "import", str(path))
    code, out, _ = run(capsys, *db, "plans", "show", out.strip())
    assert code == 0
    assert "08:00–08:10" in out and "中共太原支部旧址" in out and "km" in out
    assert "结束时间" in out


def test_show_a_plan_without_a_gathering_point_says_it_is_not_set(capsys, tmp_path, db) -> None:
    path = plan_file(tmp_path, ["zhonggong-taiyuan-zhibu-jiuzhi"])
    document = json.loads(path.read_text("utf-8"))
    del document["plan"]["gathering"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    _, out, _ = run(capsys, *db, "plans", "import", str(path))
    code, out, _ = run(capsys, *db, "plans", "show", out.strip())
    assert code == 0
    lines = out.splitlines()
    assert any("集合、乘车：（未设置）" in line for line in lines)
    back = next(line for line in lines if "返回" in line)
    assert "返回 （未设置）" in back and "–" not in back.split("返回")[0]
    assert not any(line.rstrip().endswith(("：", "前往")) for line in lines)


def test_optimize_reorders_to_a_shorter_day(capsys, tmp_path, db) -> None:
    # far, near, far: visiting the two eastern sites together is clearly shorter
    order = ["taiyuan-jiefang-jinianguan", "zhonggong-taiyuan-zhibu-jiuzhi",
             "xibei-yezhanjun-qizong-silingbu-jiuzhi", "shanxi-guomin-shifan-jiuzhi"]
    _, out, _ = run(capsys, *db, "plans", "import", str(plan_file(tmp_path, order)))
    plan_id = out.strip()
    _, before, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    code, out, _ = run(capsys, *db, "plans", "optimize", plan_id)
    assert code == 0 and "→" in out
    _, after, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    assert json.loads(after)["travel_minutes"] < json.loads(before)["travel_minutes"]


def test_optimize_says_when_the_order_is_already_the_shortest(capsys, tmp_path, db) -> None:
    order = ["taiyuan-jiefang-jinianguan", "zhonggong-taiyuan-zhibu-jiuzhi",
             "xibei-yezhanjun-qizong-silingbu-jiuzhi", "shanxi-guomin-shifan-jiuzhi"]
    _, out, _ = run(capsys, *db, "plans", "import", str(plan_file(tmp_path, order)))
    plan_id = out.strip()
    run(capsys, *db, "plans", "optimize", plan_id)
    code, out, _ = run(capsys, *db, "plans", "optimize", plan_id)
    assert code == 0
    assert "当前顺序已经是最短路程" in out and "没有改动" in out
    assert "新顺序" not in out


def test_optimize_leaves_a_stop_without_position_where_it_is_and_says_so(
    capsys, tmp_path, db
) -> None:
    order = ["taiyuan-jiefang-jinianguan", "shanxi-dujunfu-jiuzhi",
             "xibei-yezhanjun-qizong-silingbu-jiuzhi", "zhonggong-taiyuan-zhibu-jiuzhi"]
    _, out, _ = run(capsys, *db, "plans", "import", str(plan_file(tmp_path, order)))
    plan_id = out.strip()
    code, out, _ = run(capsys, *db, "plans", "optimize", plan_id)
    assert code == 0
    assert "1 个站点位置未知，留在原处，它们前后的路程没有算在内。" in out
    _, shown, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    visits = [item["title"] for item in json.loads(shown)["items"] if item["kind"] == "visit"]
    assert visits[1] == "山西督军府旧址"


def test_broken_plan_file_is_rejected_naming_the_problem(capsys, tmp_path, db) -> None:
    path = plan_file(tmp_path, ["no-such-site"])
    code, out, err = run(capsys, *db, "plans", "import", str(path))
    assert code == 2 and out == ""
    assert "本机站点目录中没有这个站点" in err and "plan.stops[0]" in err
    _, out, _ = run(capsys, *db, "plans", "list", "--json")
    assert json.loads(out) == []  # nothing was written


@pytest.mark.parametrize(
    ("number", "place", "reason"),
    [
        ("1" + "0" * 5000, "plan.stops[0].activities[0].minutes", "数值无效"),
        ("-" + "9" * 4301, "plan.participants", "数值无效"),
        ("3" * 20_000, "plan.gathering.custom.lat", "坐标超出范围"),
    ],
)
def test_a_number_with_thousands_of_digits_is_refused_by_its_place(
    capsys, tmp_path, db, number, place, reason
) -> None:
    """A hand-edited file whose number has more digits than Python converts (4,300) is refused
    like any other wrong value, not with a traceback."""
    path = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"])
    field = {"minutes": '"minutes": 50', "participants": '"participants": 25',
             "lat": '"lat": 37.8706'}[place.rsplit(".", 1)[-1].split("[")[0]]
    text = path.read_text("utf-8")
    path.write_text(text.replace(field, field.split(":")[0] + ": " + number), "utf-8")
    code, out, err = run(capsys, *db, "plans", "import", str(path))
    assert (code, out) == (2, "")
    assert f"方案文件有问题：{reason}（位置：{place}）。没有导入任何内容。" in err
    assert "Traceback" not in err
    _, out, _ = run(capsys, *db, "plans", "list", "--json")
    assert json.loads(out) == []


def test_a_plan_file_that_gives_a_key_twice_is_refused_naming_it(capsys, tmp_path, db) -> None:
    """A hand-edited file with "title" twice: the sender may have read the first and HongTu
    would have taken the last. Refused by its place, in either language; nothing imported."""
    path = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"], title="七一主题党日")
    text = path.read_text("utf-8")
    path.write_text(text.replace('"title":', '"title": "初稿", "title":', 1), "utf-8")
    code, out, err = run(capsys, *db, "plans", "import", str(path))
    assert (code, out) == (2, "")
    assert err.strip() == (
        "错误：方案文件有问题：同一处出现了两个同名的项（位置：plan.title）。没有导入任何内容。"
    )
    code, out, err = run(capsys, "--lang", "en", *db, "plans", "import", str(path))
    assert (code, out) == (2, "")
    assert "the same name appears twice in one object" in err and "plan.title" in err
    _, out, _ = run(capsys, *db, "plans", "list", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize("what", ["missing.json", "a folder"])
def test_a_plan_file_that_cannot_be_read_changes_nothing(capsys, tmp_path, what) -> None:
    """Importing a file that is not there (or is a folder) into a new database path says so
    and makes no database there."""
    folder = tmp_path / "支部资料"
    folder.mkdir()
    target = folder / "missing.json" if what == "missing.json" else folder
    database = tmp_path / "new.sqlite3"
    code, out, err = run(capsys, "--db", str(database), "plans", "import", str(target))
    assert code == 2 and out == ""
    assert f"无法读取文件 {target}" in err and "Traceback" not in err
    assert not database.exists() and list(folder.iterdir()) == []


def test_unknown_plan_id_is_a_clear_error(capsys, db) -> None:
    assert run(capsys, *db, "sites", "list")[0] == 0  # the database, with its catalogue
    code, _, err = run(capsys, *db, "plans", "show", "42")
    assert code == 2 and "没有编号为 42 的方案" in err


@pytest.mark.parametrize(
    "words",
    [
        ("plans", "list"),
        ("plans", "show", "1"),
        ("plans", "export", "1", "--format", "csv", "--output", "{folder}"),
        ("plans", "rename", "1", "新的主题"),
        ("ledger", "show", "--branch", "第一党支部", "--year", "2025"),
        ("members", "list", "--branch", "第一党支部"),
        ("backup", "create", "--output", "{folder}/备份.zip"),
    ],
)
def test_a_mistyped_database_path_is_named_and_no_database_is_made(
    capsys, tmp_path, words
) -> None:
    """A command that works on the plans, the roster or the records, given a --db (or
    HONGTU_DB) where there is no file, says so and makes nothing there: it does not answer
    "还没有方案" from a new, empty database, which would read as if every plan were lost."""
    folder = tmp_path / "支部资料"
    folder.mkdir()
    typo = folder / "hongtu.sqlite3"  # the real one would be beside it, spelt otherwise
    args = [word.format(folder=folder) for word in words]
    code, out, err = run(capsys, "--db", str(typo), *args)
    assert code == 2 and out == ""
    assert f"没有这个数据库文件：{typo}" in err and "--db" in err
    assert list(folder.iterdir()) == []
    code, _, err = run(capsys, "--lang", "en", "--db", str(typo), *args)
    assert code == 2 and f"No database file at {typo}" in err
    assert list(folder.iterdir()) == []


def test_json_export_round_trips_through_import(capsys, tmp_path, db) -> None:
    path = tmp_path / "example.json"
    path.write_text(example_plan_text(), "utf-8")
    _, out, _ = run(capsys, *db, "plans", "import", str(path))
    out_file = tmp_path / "out" / "shared.json"
    out_file.parent.mkdir()
    code, _, _ = run(capsys, *db, "plans", "export", out.strip(), "--format", "json",
                     "--output", str(out_file))
    assert code == 0
    # into the same database: the same plan, so imported as a second copy on purpose
    _, again, _ = run(capsys, *db, "plans", "import", "--again", str(out_file))
    _, first, _ = run(capsys, *db, "plans", "show", out.strip(), "--json")
    _, second, _ = run(capsys, *db, "plans", "show", again.strip(), "--json")
    strip = lambda d: [(i["kind"], i["start"], i["end"], i["title"]) for i in d["items"]]  # noqa: E731
    assert strip(json.loads(first)) == strip(json.loads(second))


def test_export_refuses_to_overwrite_without_permission(capsys, tmp_path, db) -> None:
    _, out, _ = run(capsys, *db, "plans", "import", str(plan_file(tmp_path, ["xu-xiangqian-guju"])))
    target = tmp_path / "schedule.csv"
    target.write_text("keep me", "utf-8")
    code, _, err = run(capsys, *db, "plans", "export", out.strip(), "--format", "csv",
                       "--output", str(target))
    assert code == 2 and "--overwrite" in err
    assert target.read_text("utf-8") == "keep me"


def test_a_plan_saved_before_the_limits_can_still_be_renamed(capsys, tmp_path, db) -> None:
    """An old plan (0 participants, a control character in its notes) is fitted when read; the
    CLI's rename fits it too instead of refusing with a message about the new title."""
    import contextlib
    import sqlite3

    path = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan"])
    assert run(capsys, *db, "plans", "import", str(path))[0] == 0
    with contextlib.closing(sqlite3.connect(db[1])) as con, con:
        con.execute("UPDATE plans SET participants = 0, notes = 'a\x07b' WHERE id = 1")
    code, out, err = run(capsys, *db, "plans", "rename", "1", "缅怀先烈")
    assert (code, err) == (0, "")
    assert "缅怀先烈" in out
    code, out, _ = run(capsys, *db, "plans", "show", "1", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["title"] == "缅怀先烈"


def test_show_says_next_day_after_midnight_as_the_documents_do(capsys, tmp_path, db) -> None:
    """`plans show` printed a day from 22:30 as "… 23:55–01:49 …" and ended it at "01:49", a
    short morning; its times are now the printed schedule's (次日01:49)."""
    path = plan_file(tmp_path, ["taiyuan-jiefang-jinianguan", "gao-junyu-guju"])
    text = path.read_text("utf-8").replace('"gathering_time": "08:00"', '"gathering_time": "22:30"')
    path.write_text(text, "utf-8")
    assert run(capsys, *db, "plans", "import", str(path))[0] == 0
    _, out, _ = run(capsys, *db, "--lang", "zh_CN", "plans", "show", "1")
    _, data, _ = run(capsys, *db, "plans", "show", "1", "--json")
    end = json.loads(data)["end"]
    rows = [row.split()[0] for row in out.splitlines()[3:-2]]  # each row's time
    assert rows[:4] == ["22:30–22:40", "22:40–22:55", "22:55–23:55", "22:55–23:45"]
    assert rows[4].startswith("23:55–次日")  # to 高君宇故居, across midnight
    assert all(row.startswith("次日") for row in rows[5:]) and rows[-1] == f"次日{end}"
    assert f"结束时间 次日{end}，" in out
    _, out, _ = run(capsys, *db, "--lang", "en", "plans", "show", "1")
    assert f"{end} (next day)" in out and "次日" not in out
