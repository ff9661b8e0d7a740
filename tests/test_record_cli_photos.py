"""`hongtu record PLAN --photo FILE`: photos go through the photo store, once each."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from factories import make_plan
from hongtu.cli import main
from hongtu.core import paths

BRANCH = "第一党支部"


def _jpeg(path: Path, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return out.getvalue()


def test_photos_given_on_the_command_line_are_stored_once_with_thumbnails(
    tmp_path: Path, capsys
) -> None:
    db = str(tmp_path / "r.sqlite3")
    roster = tmp_path / "名册.csv"
    roster.write_text("姓名,政治面貌\n张三,正式党员\n李四,正式党员\n", encoding="utf-8")
    assert main(["--db", db, "members", "import", str(roster), "--branch", BRANCH]) == 0
    from hongtu.core.workspace import open_workspace

    workspace = open_workspace(db)
    plan_id = workspace.plans.save(make_plan(on=date.today() - timedelta(days=2))).id
    workspace.close()
    first, second = tmp_path / "合影.jpg", tmp_path / "纪念馆.jpg"
    first_bytes = _jpeg(first, (200, 0, 0))
    _jpeg(second, (0, 0, 200))
    capsys.readouterr()

    missing = tmp_path / "不存在.jpg"
    assert main(["--db", db, "record", str(plan_id), "--photo", str(missing)]) == 2
    assert "找不到照片文件" in capsys.readouterr().err
    text = tmp_path / "小结.jpg"
    text.write_text("不是照片", encoding="utf-8")
    assert main(["--db", db, "record", str(plan_id), "--photo", str(text)]) == 2
    assert "这不是照片文件" in capsys.readouterr().err

    args = ["--db", db, "record", str(plan_id), "--absent", "李四"]
    assert main([*args, "--photo", str(first), "--photo", str(second)]) == 0
    assert "照片 2 张" in capsys.readouterr().out
    assert main([*args, "--photo", str(first)]) == 0  # a correction: the same photo again
    assert "照片 2 张" in capsys.readouterr().out

    workspace = open_workspace(db)
    try:
        record = workspace.records.for_plan(plan_id)
    finally:
        workspace.close()
    assert record is not None and len(record.photos) == 2
    data = paths.data_dir()
    assert (data / record.photos[0].path).read_bytes() == first_bytes
    assert all((data / p.thumbnail_path).is_file() for p in record.photos)
    originals = [p for p in (data / "photos").rglob("*.jpg") if "thumbs" not in p.parts]
    assert len(originals) == 2
