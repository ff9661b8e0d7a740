"""PySide6 is imported with shiboken's signature support compiled once and kept
(``hongtu.qt.signature_code``): the next start compiles none of it, and PySide6 describes its
functions exactly as it does without the cache; a changed, damaged or foreign cache is compiled
again, never an error."""

from __future__ import annotations
import __future__

import ast
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hongtu.qt.signature_code import FILE_NAME, SignatureCode, cached_signature_code

#: Counts shiboken's real compiles (the cache wraps whatever ``compile`` is when PySide6 is
#: imported), then prints how many there were and how PySide6 describes some of its functions.
START = """
import builtins, inspect, sys
compiled = []
standard = builtins.compile
def counting(source, filename, *args, **options):
    if isinstance(filename, str) and filename.startswith(("shibokensupport/", "signature_b")):
        compiled.append(filename)
    return standard(source, filename, *args, **options)
builtins.compile = counting
if sys.argv[1] == "hongtu":
    import hongtu.qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from PySide6.QtWebEngineWidgets import QWebEngineView
builtins.compile = standard
from shibokensupport.signature import get_signature
described = [str(get_signature(f)) for f in (QWidget.resize, QTimer.singleShot)]
described += [str(get_signature(getattr(QWebEngineView, n))) for n in ("load", "setHtml")]
try:
    QTimer.singleShot("soon")
except TypeError as wrong:  # the message is made by the signature support
    described.append(" ".join(str(wrong).split()))
print(len(compiled))
print("\\n".join(described))
"""


def _start(prefix: Path, *, hongtu: bool = True, write: bool = True) -> tuple[int, list[str]]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    argument = "hongtu" if hongtu else "bare"
    done = subprocess.run(
        [sys.executable, "-c", START, argument], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    count, *described = done.stdout.strip().splitlines()
    return int(count), described


def _cache_file(prefix: Path) -> Path:
    (file,) = prefix.rglob(f"shiboken-code.*/{FILE_NAME}")
    return file


def test_the_next_start_compiles_none_of_pysides_support_and_describes_the_same(
    tmp_path: Path,
) -> None:
    compiled_bare, described_bare = _start(tmp_path / "bare", hongtu=False)
    compiled, described = _start(tmp_path)
    assert compiled == compiled_bare >= 10  # the first start compiles what a bare PySide6 does
    assert _start(tmp_path) == (0, described_bare)  # the next compiles nothing, says the same
    assert described == described_bare
    assert "QUrl" in described[2]  # QWebEngineView.load: the signatures were really read
    assert "singleShot" in described[4]  # a wrong call's message lists the right ones


def test_a_damaged_cache_is_compiled_again_and_written_whole(tmp_path: Path) -> None:
    compiled, described = _start(tmp_path)
    file = _cache_file(tmp_path)
    file.write_bytes(b"\x00damaged")
    assert _start(tmp_path) == (compiled, described)
    assert isinstance(marshal.loads(file.read_bytes()), dict)
    assert _start(tmp_path) == (0, described)
    assert [p.name for p in file.parent.iterdir()] == [FILE_NAME]  # no partial file left


def test_nothing_is_written_where_python_writes_no_byte_code(tmp_path: Path) -> None:
    compiled, _ = _start(tmp_path, write=False)
    assert compiled >= 10
    assert list(tmp_path.rglob(FILE_NAME)) == []


SOURCE = "def where(x: Unknown) -> Missing:\n    return x\n"
NAME = "shibokensupport/signature/example.py"


def test_the_cached_code_is_the_code_compile_makes_for_the_same_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = SignatureCode(tmp_path / FILE_NAME)
    # this module imports annotations from __future__: compile passes that on, and so must the cache
    code = cache.compile(SOURCE, NAME, "exec")
    expected = compile(SOURCE, NAME, "exec")
    assert code.co_flags & __future__.annotations.compiler_flag
    assert marshal.dumps(code) == marshal.dumps(expected)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace["where"].__annotations__ == {"x": "Unknown", "return": "Missing"}  # type: ignore[attr-defined]
    plain = cache.compile(SOURCE, NAME, "exec", dont_inherit=True)  # none passed on
    assert not plain.co_flags & __future__.annotations.compiler_flag
    assert cache.compiled == 2
    cache.save()

    again = SignatureCode(tmp_path / FILE_NAME)
    assert marshal.dumps(again.compile(SOURCE, NAME, "exec")) == marshal.dumps(expected)
    assert marshal.dumps(again.compile(SOURCE, NAME, "exec", 0, True)) == marshal.dumps(plain)
    assert again.compiled == 0
    changed = SOURCE.replace("return x", "return None")
    assert again.compile(changed, NAME, "exec").co_consts != code.co_consts
    assert again.compiled == 1


def test_only_shibokens_support_is_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = SignatureCode(tmp_path / FILE_NAME)
    for name, mode in (("elsewhere.py", "exec"), (NAME, "eval"), ("<string>", "exec")):
        source = "1 + 1" if mode == "eval" else SOURCE
        cache.compile(source, name, mode)
    assert isinstance(cache.compile(SOURCE, NAME, "exec", 0x400), ast.Module)  # PyCF_ONLY_AST
    cache.compile(SOURCE, NAME, "exec", optimize=2)  # cached, as the level it was made at
    annotations = __future__.annotations.compiler_flag
    assert cache.compiled == 1 and list(cache.used) == [(NAME, annotations, 2)]
    cache.save()
    assert cache.compiled == 1 and (tmp_path / FILE_NAME).is_file()


def test_compile_is_pythons_own_again_afterwards(tmp_path: Path) -> None:
    import builtins

    standard = builtins.compile
    with cached_signature_code(tmp_path) as cache:
        assert builtins.compile == cache.compile
    assert builtins.compile is standard
    assert not (tmp_path / FILE_NAME).exists()  # nothing compiled: nothing written
