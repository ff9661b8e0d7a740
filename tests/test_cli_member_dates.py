"""`hongtu members add` takes 加入日期 and 离开日期 (ISO dates, a bad one refused in words and
nothing added), and `hongtu members list` shows both, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from hongtu.cli import main

BRANCH = "机关第一党支部"


def test_members_add_and_list_carry_the_roster_dates(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "m.sqlite3")
    add = ["--db", db, "members", "add", "--branch", BRANCH]
    assert main([*add, "--name", "赵敏", "--joined", "2026-04-01"]) == 0
    assert main([*add, "--name", "杨帆", "--left", "2026-06-15"]) == 0
    capsys.readouterr()
    assert main([*add, "--name", "吴刚", "--joined", "2026年9月10日"]) != 0
    assert "加入日期“2026年9月10日”不是日期" in capsys.readouterr().err
    assert main([*add, "--name", "孙丽", "--joined", "2026-11-01", "--left", "2026-10-01"]) != 0
    assert "离开日期不能早于加入日期" in capsys.readouterr().err

    assert main(["--db", db, "members", "list", "--branch", BRANCH]) == 0
    text = capsys.readouterr().out
    assert "加入日期" in text and "2026-04-01" in text and "2026-06-15" in text
    assert "吴刚" not in text and "孙丽" not in text  # refused: nothing added
    assert main(["--db", db, "members", "list", "--branch", BRANCH, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    listed = {m["name"]: (m["joined_on"], m["left_on"]) for m in rows}
    assert listed == {"赵敏": ("2026-04-01", None), "杨帆": (None, "2026-06-15")}
