"""PySide6 is imported with shiboken's signature support compiled once and kept
(``hongtu.qt.signature_code``): the next start compiles none of it, and PySide6 describes its
functions exactly as it does without the cache; a changed, damaged or foreign cache is compiled
again, never an error."""

from __future__ import annotations
import __future__

import ast
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.qt.signature_code import (
    FILE_NAME,
    SignatureCode,
    cached_signature_code,
    python_build,
)

#: Counts shiboken's real compiles (the cache wraps whatever ``compile`` is when PySide6 is
#: imported), then prints how many there were and how PySide6 describes some of its functions.
START = """
import builtins, re, sys
if sys.argv[1] == "hongtu":
    import hongtu  # its own start (dataclasses' code) first: not PySide6's
compiled, patterns = [], []
standard, standard_pattern = builtins.compile, re._compiler.compile
def counting(source, filename, *args, **options):
    if isinstance(filename, str) and filename.startswith(("shibokensupport/", "signature_b")):
        compiled.append(filename)
    return standard(source, filename, *args, **options)
def counting_patterns(pattern, flags=0):
    patterns.append(pattern)
    return standard_pattern(pattern, flags)
builtins.compile, re._compiler.compile = counting, counting_patterns
if sys.argv[1] == "hongtu":
    import hongtu.qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from PySide6.QtWebEngineWidgets import QWebEngineView
builtins.compile, re._compiler.compile = standard, standard_pattern
from shibokensupport.signature import get_signature
described = [str(get_signature(f)) for f in (QWidget.resize, QTimer.singleShot)]
described += [str(get_signature(getattr(QWebEngineView, n))) for n in ("load", "setHtml")]
try:
    QTimer.singleShot("soon")
except TypeError as wrong:  # the message is made by the signature support
    described.append(" ".join(str(wrong).split()))
print(len(compiled), len(patterns))
print("\\n".join(described))
"""


def _start(
    prefix: Path, *, hongtu: bool = True, write: bool = True
) -> tuple[tuple[int, int], list[str]]:
    """(sources of shiboken's support compiled, regular expressions compiled), and how PySide6
    described its functions, in a new process."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    argument = "hongtu" if hongtu else "bare"
    done = subprocess.run(
        [sys.executable, "-c", START, argument], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    counts, *described = done.stdout.strip().splitlines()
    compiled, patterns = map(int, counts.split())
    return (compiled, patterns), described


def _cache_file(prefix: Path) -> Path:
    (file,) = prefix.rglob(f"shiboken-code.*/{FILE_NAME}")
    return file


def test_the_next_start_compiles_none_of_pysides_support_and_describes_the_same(
    tmp_path: Path,
) -> None:
    (sources_bare, patterns_bare), described_bare = _start(tmp_path / "bare", hongtu=False)
    (sources, patterns), described = _start(tmp_path)
    assert sources == sources_bare >= 10  # the first start compiles what a bare PySide6 does
    assert 3 <= patterns <= patterns_bare  # (some were compiled before, by HongTu's imports)
    assert _start(tmp_path) == ((0, 0), described_bare)  # the next compiles none, says the same
    assert described == described_bare
    assert "QUrl" in described[2]  # QWebEngineView.load: the signatures were really read
    assert "singleShot" in described[4]  # a wrong call's message lists the right ones


def test_a_damaged_cache_is_compiled_again_and_written_whole(tmp_path: Path) -> None:
    compiled, described = _start(tmp_path)
    file = _cache_file(tmp_path)
    file.write_bytes(b"\x00damaged")
    assert _start(tmp_path) == (compiled, described)
    assert isinstance(marshal.loads(file.read_bytes()), dict)
    assert _start(tmp_path) == ((0, 0), described)
    assert [p.name for p in file.parent.iterdir()] == [FILE_NAME]  # no partial file left


def test_nothing_is_written_where_python_writes_no_byte_code(tmp_path: Path) -> None:
    (sources, patterns), _ = _start(tmp_path, write=False)
    assert sources >= 10 and patterns >= 3
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
    assert cache.compiled == 1 and list(cache.used_code) == [(NAME, annotations, 2)]
    cache.save()
    assert cache.compiled == 1 and (tmp_path / FILE_NAME).is_file()


def test_compile_is_pythons_own_again_afterwards(tmp_path: Path) -> None:
    import builtins

    standard = builtins.compile
    with cached_signature_code(tmp_path) as cache:
        assert builtins.compile == cache.compile
    assert builtins.compile is standard
    assert not (tmp_path / FILE_NAME).exists()  # nothing compiled: nothing written


#: Patterns of the kinds shiboken's support compiles (verbose, named groups, character classes,
#: look-ahead), text and bytes, with and without flags.
PATTERNS: list[tuple[str | bytes, int]] = [  # flags as plain ints: re passes them so
    (
        r"""
        \b                      # edge of a word
        (?P<name> [A-Za-z_]\w* ) # a name
        \s* (?= [(=] )          # before a call or a default
        """,
        re.VERBOSE.value,
    ),
    (r"(?P<key>[^=,\s]+)\s*=\s*(?P<value>\"[^\"]*\"|[^,]+)", 0),
    (r"^(?:QtCore|QtGui)\.(\w+)(?:\[(.*)\])?$", (re.IGNORECASE | re.MULTILINE).value),
    (rb"\x00+(?P<tail>.{2,4})", re.DOTALL.value),
    (r"\w+", re.ASCII.value),  # 红途 is no word in ASCII mode
]
TEXTS = ["resize(self, w: int = 0)", 'a = "x, y", b=2', "QtCore.QSize[int]\nqtgui.QIcon", "红途 ok"]


def _behaviour(pattern: re.Pattern[Any]) -> list[object]:
    texts: list[Any] = list(TEXTS)
    if isinstance(pattern.pattern, bytes):
        texts = [text.encode() + b"\x00\x00tail!" for text in TEXTS]
    seen: list[object] = [pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)]
    for text in texts:
        seen += [pattern.findall(text), [m.span() for m in pattern.finditer(text)]]
        seen.append(pattern.sub(lambda m: m.group(0)[::-1], text))
    return seen


def test_a_pattern_from_the_cache_is_the_pattern_re_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    standard = re._compiler.compile  # type: ignore[attr-defined]
    first = SignatureCode(tmp_path / FILE_NAME)
    made = [first.compile_pattern(pattern, flags) for pattern, flags in PATTERNS]  # as re does
    assert first.compiled == len(PATTERNS)
    first.save()

    again = SignatureCode(tmp_path / FILE_NAME)
    cached = [again.compile_pattern(pattern, flags) for pattern, flags in PATTERNS]
    assert again.compiled == 0  # every one built from its recorded arguments
    for (pattern, flags), one, other in zip(PATTERNS, made, cached, strict=True):
        assert _behaviour(one) == _behaviour(other) == _behaviour(standard(pattern, flags))
    assert cached[4].match("红途") is None and cached[4].match("ok") is not None  # ASCII mode


def test_a_pattern_whose_kept_form_re_refuses_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    pattern, flags = PATTERNS[1]
    cache = SignatureCode(tmp_path / FILE_NAME)
    good = cache.compile_pattern(pattern, flags)
    key = (pattern, flags)
    arguments = cache.used_patterns[key]
    broken = list(arguments[2])
    broken[0] = 9999  # no opcode: _sre checks the code and refuses it
    cache.used_patterns[key] = (*arguments[:2], broken, *arguments[3:])
    cache.save()

    again = SignatureCode(tmp_path / FILE_NAME)
    assert key in again.known_patterns
    assert _behaviour(again.compile_pattern(pattern, flags)) == _behaviour(good)
    assert again.compiled == 1 and again.used_patterns[key] == arguments


def test_a_cache_changed_after_it_was_written_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .pyc changed on disk would run as it is; this cache is checked against its CRC-32."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = SignatureCode(tmp_path / FILE_NAME)
    cache.compile(SOURCE, NAME, "exec")
    cache.save()
    file = tmp_path / FILE_NAME
    kept = marshal.loads(file.read_bytes())
    assert b"return x" in kept["body"]
    kept["body"] = kept["body"].replace(b"return x", b"return y")  # still reads as marshal
    file.write_bytes(marshal.dumps(kept))

    again = SignatureCode(file)
    assert again.known_code == {}
    again.compile(SOURCE, NAME, "exec")
    assert again.compiled == 1


#: Anything marshal can keep, a few levels deep: what a foreign or half-right file may hold.
MARSHALLED = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.binary(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(st.text(max_size=4) | st.integers(), inner, max_size=4)
    ),
    max_leaves=12,
)


#: An entry shaped as a kept pattern, whose parts may be anything of their types, or anything
#: at all: ``_sre`` refuses what it cannot run, and the pattern is then compiled again.
SHAPED_PATTERN = st.tuples(
    st.sampled_from([p for p, _ in PATTERNS if isinstance(p, str)]),
    st.integers(0, 511) | MARSHALLED,
    st.lists(st.integers(0, 2**32 - 1), max_size=12) | MARSHALLED,
    st.integers(-1, 3) | MARSHALLED,
    st.dictionaries(st.text(max_size=3), st.integers(0, 3), max_size=2) | MARSHALLED,
    st.lists(st.none() | st.text(max_size=3), max_size=3).map(tuple) | MARSHALLED,
)


@settings(max_examples=150, deadline=None)
@given(
    raw=st.binary(max_size=64),
    data=st.dictionaries(st.sampled_from(["code", "patterns", "other"]), MARSHALLED, max_size=3),
    shaped=SHAPED_PATTERN,
    flags=st.sampled_from([0, re.VERBOSE.value]),
)
def test_whatever_the_file_holds_it_is_a_cache_or_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    raw: bytes,
    data: dict[str, Any],
    shaped: tuple[Any, ...],
    flags: int,
) -> None:
    file = tmp_path_factory.mktemp("kept") / FILE_NAME
    pattern = shaped[0]
    generated = data.get("patterns")
    patterns = dict(generated) if isinstance(generated, dict) else {}
    data = dict(data, patterns={**patterns, (pattern, flags): shaped})
    body = marshal.dumps(data)
    kept = {"python": python_build(), "crc": zlib.crc32(body), "body": body}
    for content in (raw, marshal.dumps(kept), marshal.dumps(dict(kept, python=(0, b"", 0)))):
        file.write_bytes(content)
        cache = SignatureCode(file)  # never raises
        for key, (source, code) in cache.known_code.items():
            assert isinstance(key[0], str) and isinstance(source, bytes | str) and code
        for kept_pattern, kept_flags in cache.known_patterns:
            assert isinstance(kept_pattern, str | bytes) and type(kept_flags) is int
        made = cache.compile_pattern(pattern, flags)  # from the kept form, or compiled again
        assert made.pattern == pattern


def test_a_frozen_app_keeps_the_code_in_the_users_cache_folder(
    hongtu_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyInstaller turns byte-code writing off and nothing writes into the bundle: the kept
    code goes to HongTu's cache folder instead, and is written there."""
    from hongtu import dataclass_code
    from hongtu.core import paths

    assert dataclass_code.cache_folder("shiboken-code") != paths.cache_dir() / "code"
    monkeypatch.setattr(dataclass_code, "__file__", str(hongtu_home / "bundle" / "x.pyc"))
    assert dataclass_code.cache_folder("shiboken-code") is None  # no file, not frozen: nowhere
    monkeypatch.undo()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    folder = dataclass_code.cache_folder("shiboken-code")
    assert folder == paths.cache_dir() / "code" / f"shiboken-code.{sys.implementation.cache_tag}"
    assert folder.is_relative_to(hongtu_home)

    with cached_signature_code() as cache:
        cache.compile(SOURCE, NAME, "exec")
    assert (folder / FILE_NAME).is_file()
    with cached_signature_code() as again:
        again.compile(SOURCE, NAME, "exec")
    assert again.compiled == 0
