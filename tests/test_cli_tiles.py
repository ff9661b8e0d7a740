"""`hongtu tiles …`: offline map packages from the command line, against a tile server the test
starts on 127.0.0.1 (nothing reaches the internet)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.tilepack.packages import list_packages
from tile_server import TileServer, allow_loopback, serve_tiles

AREA = ["--county", "杏花岭区", "--min-zoom", "11", "--max-zoom", "12"]


@pytest.fixture
def tile_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[TileServer]:
    allow_loopback(monkeypatch)
    with serve_tiles() as server:
        yield server


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def download_args(server: TileServer, name: str = "xhl") -> list[str]:
    return ["tiles", "download", name, *AREA, "--url", server.url, "--attribution", "© 测试"]


def test_estimate_prints_the_size_before_anything_is_fetched(capsys) -> None:
    code, out, _ = run(capsys, "tiles", "estimate", *AREA)
    assert code == 0 and "个瓦片" in out and "KB" in out
    code, out, _ = run(capsys, "tiles", "estimate", "--taiyuan", "--min-zoom", "8",
                       "--max-zoom", "18")
    assert code == 2 and "上限" in out


def test_download_list_export_delete_import(
    capsys, tile_server: TileServer, tmp_path: Path
) -> None:
    code, out, err = run(capsys, *download_args(tile_server))
    assert code == 0, err
    assert "约" in out.splitlines()[0] and "已完成" in out
    fetched = len(tile_server.requests)
    # the same command again continues (here: nothing left to fetch)
    code, out, _ = run(capsys, *download_args(tile_server))
    assert code == 0 and len(tile_server.requests) == fetched
    code, out, _ = run(capsys, "tiles", "list")
    assert "xhl" in out and "© 测试" in out and "完整" in out
    code, out, _ = run(capsys, "tiles", "export", "xhl", "--output", str(tmp_path))
    assert code == 0 and (tmp_path / "xhl.mbtiles").is_file()
    assert run(capsys, "tiles", "delete", "xhl")[0] == 0
    assert list_packages() == []
    code, out, _ = run(capsys, "tiles", "import", str(tmp_path / "xhl.mbtiles"), "--name", "内网")
    assert code == 0 and "内网" in out
    assert [p.name for p in list_packages()] == ["内网"]


def test_refusals_are_one_plain_line(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "map.mbtiles"
    bad.write_text("hello", encoding="utf-8")
    checks = [
        (["tiles", "import", str(bad)], "不是 MBTiles"),
        (["tiles", "delete", "absent"], "找不到"),
        (["tiles", "download", "x", *AREA, "--provider", "osm"], "不允许批量下载"),
        (["tiles", "download", "x", *AREA, "--provider", "tianditu"], "不允许批量下载"),
        (["tiles", "download", "../x", *AREA], "名称"),
        (["tiles", "estimate", "--county", "不存在县"], "区域"),
    ]
    for args, words in checks:
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert len(err.strip().splitlines()) == 1 and words in err, err
        assert "Traceback" not in err
    assert list_packages() == []


def test_refusals_are_translated(capsys, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    bad = tmp_path / "map.mbtiles"
    bad.write_text("hello", encoding="utf-8")
    try:
        code, _, err = run(capsys, "--lang", "en", "tiles", "import", str(bad))
    finally:
        app = QCoreApplication.instance()
        for translator in app.findChildren(QTranslator) if app else []:
            app.removeTranslator(translator)
    assert code == 2 and "MBTiles" in err and "不是" not in err


def empty_package(path: Path) -> Path:
    """A valid MBTiles file (metadata and tiles tables) with not a single tile."""
    import sqlite3

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data)")
    db.execute("INSERT INTO metadata VALUES ('name', 'empty'), ('format', 'png')")
    db.commit()
    db.close()
    return path


def test_an_empty_package_is_refused_on_import(capsys, tmp_path: Path) -> None:
    empty = empty_package(tmp_path / "空.mbtiles")
    code, out, err = run(capsys, "tiles", "import", str(empty))
    assert code == 2 and out == ""
    assert "没有任何瓦片" in err and "空.mbtiles" in err
    assert list_packages() == []


@pytest.mark.parametrize(
    ("kind", "status", "words"),
    [
        ("offline", None, "无法连接到瓦片服务器"),
        ("timeout", None, "超时"),
        ("refused", 403, "拒绝了下载（HTTP 403）"),
        ("http", 500, "返回错误（HTTP 500）"),
    ],
)
def test_a_failed_download_is_said_in_the_organisers_words(kind, status, words) -> None:
    from hongtu.cli.tiles import problem_text
    from hongtu.core.tilepack.download import DownloadError, FailureKind

    text = problem_text(DownloadError(12, 3340, 1550, "gaierror", FailureKind(kind), status))
    assert words in text and "再次运行同一命令可继续" in text
    assert "gaierror" not in text
