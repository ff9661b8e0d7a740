"""Every Chinese string a user can see goes through a translation call.

Strings are found by what they are — a string literal with Chinese characters anywhere in
desktop/hongtu — not by the name of the function around them. A literal passes when it is a
docstring, or an argument of a translating call (``tr(…)``, ``translate(…)``, or any function of
the module whose body calls ``….translate(…)``, such as ``tr_cmd``). Everything else must be in
ALLOWED below, which names the module, the literal and why it is not user-interface text.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "desktop" / "hongtu"
CJK = re.compile(r"[\u4e00-\u9fff]")

DOCUMENTS = "printed Party documents are Chinese by design, in either UI language (DOMAIN.md)"
DISTRICTS = "district names are data keys matched against the catalogue and the outlines"
PARSER = "words people type in coordinates; the parser recognises them, they are never shown"
FONTS = "font family names the document formats need"
CREDIT = "the providers' own legal credit, shown as given"

# module (relative to desktop/hongtu) → reason; every Chinese literal in it is data, not UI text
ALLOWED_MODULES: dict[str, str] = {
    "core/document.py": DOCUMENTS,
    "core/exports/svgmap.py": DOCUMENTS,
    "core/exports/docx.py": FONTS,
    "core/exports/xlsx.py": FONTS,
    "core/catalogue.py": DISTRICTS,
    "core/districts.py": DISTRICTS,
    "core/coords.py": PARSER,
    "core/exports/ledger_labels.py": DOCUMENTS + "; the caller passes translated labels",
    "core/members.py": "roster headings and status words recognised in imported files (data)",
    "core/roster.py": "column headings recognised in the organiser's roster files; never shown",
    "cli/argparse_zh.py": (
        "argparse's own messages in Chinese, used only for a Chinese command line (in English"
        " argparse keeps its own)"
    ),
}
# (module, literal) → reason, for single literals in modules that otherwise hold UI text
ALLOWED: dict[tuple[str, str], str] = {
    (
        "core/basemaps.py",
        "天地图",
    ): "core's provider name; the UI shows map_controller.basemap_name",
    ("core/basemaps.py", "高德地图"): "core's provider name; the UI shows basemap_name",
    ("core/basemaps.py", "© 天地图 国家地理信息公共服务平台"): CREDIT,
    ("core/basemaps.py", "© 高德地图 AutoNavi"): CREDIT,
    ("core/plan_edits.py", "主题党日活动"): DOCUMENTS + " (a new plan's title is printed there)",
    ("core/plan_edits.py", "（副本）"): DOCUMENTS + " (a copy's title is printed there)",
    ("corrections_files.py", "组织者本人核实"): (
        "the source written into corrections files, Chinese as the site data other branches read"
    ),
    ("qt/fonts.py", "红途党支部"): "characters a font must draw to be usable; never shown",
    ("qt/mainwindow.py", "八路军驻晋办事处"): "a site name's characters, a column's measure",
    **{
        ("qt/plan_list_model.py", word): PARSER.replace("coordinates", "the plans search")
        for word in ("草稿", "已定", "已完成", "待记录", "年", "月", "日")
    },
    ("qt/plan_models.py", "分钟"): PARSER + " (a typed “25分钟”)",
    ("qt/plan_models.py", "分"): PARSER + " (a typed “25分”)",
    ("qt/plan_models.py", "半"): PARSER + " (a typed time “9点半”)",
    ("qt/plan_models.py", "([0-9]{1,2})点"): PARSER + " (a typed time “9点30”)",
    ("cli/__init__.py", "不支持的语言 / unsupported language: "): (
        "said before any language is known, so in both languages at once"
    ),
    ("cli/__init__.py", "没有可用的图形显示（DISPLAY / WAYLAND_DISPLAY 未设置）"): (
        "said before Qt can load (no display), followed by the English text"
    ),
}
"""A literal is allowed when it starts with the allowed text (implicitly joined literals)."""


def allowed(module: str, text: str) -> bool:
    return any(m == module and text.startswith(start) for m, start in ALLOWED)


def translating_names(tree: ast.Module) -> set[str]:
    names = {"tr", "translate"}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "translate"
                ):
                    names.add(node.name)
    return names


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        if isinstance(node, kinds) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def imported_translating_names(tree: ast.Module) -> set[str]:
    """Names a module imports from another HongTu module that translates with them (the CLI's
    commands take ``tr_n`` from ``hongtu.cli.common``), as the catalogue's extraction does."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("hongtu."):
            source = SOURCES.joinpath(*node.module.split(".")[1:]).with_suffix(".py")
            if not source.is_file():
                continue
            theirs = translating_names(ast.parse(source.read_text("utf-8"), str(source)))
            names |= {alias.asname or alias.name for alias in node.names if alias.name in theirs}
    return names


def untranslated_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names = translating_names(tree) | imported_translating_names(tree)
    passed = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in names:
            passed.update(id(arg) for arg in node.args)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CJK.search(node.value)
        and id(node) not in passed
    ]


def test_no_chinese_literal_reaches_the_user_untranslated() -> None:
    found = []
    for path in sorted(SOURCES.rglob("*.py")):
        module = path.relative_to(SOURCES).as_posix()
        if module in ALLOWED_MODULES:
            continue
        found += [
            f"{module}:{line}: {text!r}"
            for line, text in untranslated_literals(path)
            if not allowed(module, text)
        ]
    assert found == []


def test_the_allow_lists_name_real_literals() -> None:
    """A stale entry would hide the next string added in its place."""
    for module in ALLOWED_MODULES:
        assert untranslated_literals(SOURCES / module), module
    for module, start in ALLOWED:
        texts = [t for _, t in untranslated_literals(SOURCES / module)]
        assert any(t.startswith(start) for t in texts), (module, start)


def test_the_check_finds_a_label_outside_tr(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def tr(text):\n    return QCoreApplication.translate('X', text)\n"
        "def tr_cmd(text):\n    return QCoreApplication.translate('Y', text)\n"
        "TITLE = '主题党日活动'\n"
        "label = QLabel(tr('站点'))\n"
        "undo = tr_cmd('添加站点')\n"
        "button = QPushButton('删除')\n",
        "utf-8",
    )
    assert [text for _, text in untranslated_literals(sample)] == ["主题党日活动", "删除"]


def cli_help(tmp_path: Path, *words: str) -> str:
    import os
    import subprocess
    import sys

    env = {**os.environ, "HONGTU_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "hongtu", *words, "--help"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_help_is_in_english_with_lang_en_and_chinese_by_default(tmp_path: Path) -> None:
    for words in (
        [],
        ["plans", "export"],
        ["sites", "add"],
        ["members", "add"],
        ["ledger", "export"],
        ["tiles", "download"],
    ):
        english = cli_help(tmp_path, "--lang", "en", *words)
        assert not CJK.search(english), english
    assert "sign-in sheet" in cli_help(tmp_path, "--lang", "en", "plans", "export")
    assert "签到表" in cli_help(tmp_path, "plans", "export")
