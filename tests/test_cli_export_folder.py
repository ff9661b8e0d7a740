"""`hongtu plans export ID --format F --output DIR`: an existing folder gets the default name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hongtu.cli import main

TITLE = ("学习贯彻党的二十大精神暨重温红色记忆主题党日活动" * 6)[:120]


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def imported(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, db: list[str], keys: tuple[str, ...] = ("taiyuan-jiefang-jinianguan",)
) -> str:
    document = {
        "format": "hongtu-plan",
        "version": 1,
        "plan": {
            "title": TITLE, "branch": "机关第二党支部", "date": "2026-12-18",
            "participants": 25, "transport": "coach",
            "gathering": {"custom": {"name": "单位大门", "lat": 37.8706, "lon": 112.5489,
                                     "crs": "wgs84"}},
            "gathering_time": "08:00", "returns_to_gathering": True,
            "stops": [{"site_key": key, "activities": []} for key in keys],
        },
    }  # fmt: skip
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    code, out, err = run(capsys, *db, "plans", "import", str(path))
    assert code == 0, err
    return out.strip()


@pytest.mark.parametrize(
    ("fmt", "kind"), [("docx", "活动方案"), ("csv", "行程"), ("pdf", "日程安排表")]
)
def test_a_folder_as_output_gets_the_default_file_name(capsys, tmp_path, fmt, kind) -> None:
    db = ["--db", str(tmp_path / "cli.sqlite3")]
    plan_id = imported(capsys, tmp_path, db)
    folder = tmp_path / "导出"
    folder.mkdir()
    code, out, err = run(capsys, *db, "plans", "export", plan_id, "--format", fmt,
                         "--output", str(folder))  # fmt: skip
    assert code == 0, err
    written = Path(out.strip())
    assert written.parent == folder and written.exists()
    assert written.name.startswith("20261218-学习") and written.name.endswith(f"-{kind}.{fmt}")
    assert len(written.name.encode("utf-8")) <= 255
    # a second time it is refused, not overwritten, as for a named file
    code, _, err = run(capsys, *db, "plans", "export", plan_id, "--format", fmt,
                       "--output", str(folder))  # fmt: skip
    assert code == 2 and "--overwrite" in err


def test_plans_show_says_tbc_for_a_leg_nobody_can_measure(capsys, tmp_path) -> None:
    db = ["--db", str(tmp_path / "show.sqlite3")]
    plan_id = imported(
        capsys, tmp_path, db, ("taiyuan-jiefang-jinianguan", "jinsui-bafenqu-jiuzhi")
    )
    code, out, err = run(capsys, *db, "plans", "show", plan_id)
    assert code == 0, err
    assert out.count("路程待定") == 2  # to the unplaced site and back from it
    assert "至少" in out and "不含 2 段待定路程" in out
    _, out, _ = run(capsys, *db, "plans", "show", plan_id, "--json")
    shown = json.loads(out)
    assert shown["complete"] is False
    assert [i["leg"]["pending"] for i in shown["items"] if i["leg"]] == [False, True, True]


@pytest.mark.parametrize(
    ("fmt", "asked", "written", "magic"),
    [
        ("pdf", "日程.docx", "日程.pdf", b"%PDF"),
        ("signin", "签到.csv", "签到.pdf", b"%PDF"),
        ("docx", "方案.pdf", "方案.docx", b"PK"),
        ("csv", "行程", "行程.csv", b""),  # a name without an extension gets one
    ],
)
def test_a_file_name_with_another_extension_gets_the_formats_own(
    capsys, tmp_path, fmt, asked, written, magic
) -> None:
    """`--format pdf --output x.docx` wrote a PDF named .docx (Word would not open it): the
    file gets the format's extension and the organiser is told, as in the window."""
    db = ["--db", str(tmp_path / "cli.sqlite3")]
    plan_id = imported(capsys, tmp_path, db)
    code, out, err = run(capsys, *db, "plans", "export", plan_id, "--format", fmt,
                         "--output", str(tmp_path / asked))  # fmt: skip
    assert code == 0, err
    assert Path(out.strip()) == tmp_path / written
    assert (tmp_path / written).read_bytes().startswith(magic)
    assert not (tmp_path / asked).exists()
    assert f"文件名已改为“{written}”" in err
