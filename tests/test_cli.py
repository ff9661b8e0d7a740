"""The `hongtu` command: the same work as the window, headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hongtu.cli import format_table, main
from hongtu.core.text import display_width


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sites_list_prints_a_table_with_every_site(capsys, tmp_path) -> None:
    code, out, _ = run_cli(capsys, "--db", str(tmp_path / "a.sqlite3"), "sites", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["编号", "名称", "区县"]
    assert any("高君宇故居" in line and "娄烦县" in line for line in lines)
    assert any("徐向前故居" in line and "位置未知" in line for line in lines)
    assert len(lines) >= 12  # header, rule and at least ten sites


def test_sites_list_json_has_the_documented_fields(capsys, tmp_path) -> None:
    code, out, _ = run_cli(capsys, "--db", str(tmp_path / "a.sqlite3"), "sites", "list", "--json")
    assert code == 0
    sites = json.loads(out)
    assert len(sites) >= 10
    for site in sites:
        assert {"id", "name", "aliases", "district", "lat", "lon", "coord_confidence"} <= set(site)
    office = next(s for s in sites if s["name"] == "八路军驻晋办事处旧址")
    assert "八路军太原办事处旧址" in office["aliases"]
    assert office["coord_confidence"] == "low" and office["coord_verified"] is False
    unplaced = next(s for s in sites if s["name"] == "徐向前故居")
    assert unplaced["lat"] is None and unplaced["coord_confidence"] == "unknown"


def test_global_db_option_and_environment_choose_the_file(capsys, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "chosen.sqlite3"
    run_cli(capsys, "--db", str(chosen), "sites", "list")
    assert chosen.exists()
    via_env = tmp_path / "env.sqlite3"
    monkeypatch.setenv("HONGTU_DB", str(via_env))
    run_cli(capsys, "sites", "list", "--json")
    assert via_env.exists()


def test_unreadable_database_gets_a_chinese_message_not_a_traceback(capsys, tmp_path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"definitely not sqlite" * 100)
    code, out, err = run_cli(capsys, "--db", str(bad), "sites", "list")
    assert code == 2
    assert "不是数据库文件" in err or "已损坏" in err
    assert "Traceback" not in err and out == ""
    assert bad.read_bytes() == b"definitely not sqlite" * 100


def test_english_cli_messages_with_lang_en(tmp_path) -> None:
    env = {**os.environ, "HONGTU_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hongtu", "--lang", "en", "--db", str(tmp_path / "e.sqlite3"),
         "sites", "list"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:3] == ["ID", "Name", "District"]


def test_unknown_language_is_refused(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "fr", "sites", "list"])
    assert caught.value.code == 2
    assert "unsupported language" in capsys.readouterr().err


def test_table_columns_line_up_with_chinese_text() -> None:
    table = format_table([["名称", "x"], ["高君宇故居", "y"]]).splitlines()
    x_column = display_width(table[0][: table[0].index("x")])
    assert x_column == display_width(table[2][: table[2].index("y")]) == len("高君宇故居") * 2 + 2


def test_no_display_gets_a_clear_message_instead_of_a_qt_abort(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HONGTU_HOME"] = str(tmp_path / "home")
    result = subprocess.run([sys.executable, "-m", "hongtu"], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert "没有可用的图形显示" in result.stderr and "xvfb-run" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plans", "show"], "hongtu plans show：错误：缺少必需的参数：id"),
        (["plans", "show", "abc"], "参数 id：'abc' 不是有效的 int 值"),
        (["plans", "bogus"], "无效的选项 'bogus'（可选："),
        (["plans", "list", "--jsn"], "hongtu：错误：不认识的参数：--jsn"),
    ],
)
def test_argument_errors_read_in_chinese(capsys, args: list[str], expected: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "zh_CN", *args])
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert err.startswith("用法：hongtu")
    assert expected in err
    assert "error" not in err and "usage" not in err


def test_help_frame_reads_in_chinese_and_stays_english_in_english(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "plans", "show", "--help"])
    chinese = capsys.readouterr().out
    assert chinese.startswith("用法：hongtu plans show")
    assert "\n位置参数：\n" in chinese and "\n选项：\n" in chinese
    assert "显示这份帮助并退出" in chinese
    assert not any(word in chinese for word in ("usage", "options", "positional", "show this"))

    with pytest.raises(SystemExit):
        main(["--lang", "en", "plans", "show", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: hongtu plans show")
    assert "\noptions:\n" in english and "show this help message and exit" in english
    with pytest.raises(SystemExit):
        main(["--lang", "en", "plans", "show", "abc"])
    assert "error: argument id: invalid int value: 'abc'" in capsys.readouterr().err


def test_argparse_is_its_own_again_after_a_chinese_command(capsys) -> None:
    """A script (or test) that builds its own parser after ``main`` gets argparse's English."""
    import argparse

    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "plans", "show"])
    capsys.readouterr()
    parser = argparse.ArgumentParser(prog="other")
    parser.add_argument("n", type=int)
    with pytest.raises(SystemExit):
        parser.parse_args(["x"])
    assert "other: error: argument n: invalid int value: 'x'" in capsys.readouterr().err
    assert "options:" in parser.format_help()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_export_help_lists_every_format_without_pointing_to_missing_docs(capsys, lang) -> None:
    """The installed package has no docs/ folder: the help itself names the formats."""
    from hongtu.core.exports import ExportFormat

    with pytest.raises(SystemExit):
        main(["--lang", lang, "plans", "export", "--help"])
    help_text = capsys.readouterr().out
    assert "docs/" not in help_text
    listed = {line.split()[0] for line in help_text.splitlines() if line.startswith("  ")}
    assert {fmt.value for fmt in ExportFormat} <= listed
    id_line = next(line for line in help_text.splitlines() if line.strip().startswith("id "))
    assert "hongtu plans list" in id_line  # the positional says what it is


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh_CN", "台账可导出的格式：xlsx、docx、pdf"), ("en", "xlsx, docx, pdf")],
)
def test_ledger_formats_are_listed_with_the_languages_separator(
    capsys, tmp_path, lang, expected
) -> None:
    from hongtu.core.workspace import open_workspace

    db = tmp_path / "h.sqlite3"
    open_workspace(str(db)).close()
    code, _, err = run_cli(
        capsys, "--lang", lang, "--db", str(db), "ledger", "export", "--branch", "第一党支部",
        "--year", "2026", "--format", "odt", "--output", str(tmp_path / "x.odt"),
    )  # fmt: skip
    assert code == 2
    assert expected in err
    if lang == "en":
        assert "、" not in err
