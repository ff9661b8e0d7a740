"""PySide6's own Python code, compiled once and kept beside HongTu's byte-code.

Importing PySide6 loads shiboken's signature support: 14 Python modules (~130 KB of source)
that shiboken keeps as text inside its library and compiles with ``compile`` in every process
(``signature_bootstrap.EmbeddableZipImporter``), ~11–15 ms before the map page can start
loading, and whose code compiles three large regular expressions, ~8–10 ms more. A bare
``QWebEngineView`` script pays both.

``cached_signature_code`` wraps the import of PySide6. While it runs:

- a ``compile`` of one of those modules' sources is answered from the cache when the source,
  its name, the flags and the optimisation level are the same as when it was compiled (the code
  is then the code ``compile`` would return, as a ``.pyc`` is); every other ``compile`` goes to
  Python's own, with what the caller's ``__future__`` imports would have passed on;
- a regular expression compiled by ``re`` (a text pattern and its flags) is built from the
  arguments its compiler passed to ``_sre.compile`` for the same pattern and flags before, which
  ``_sre`` checks again as it builds it; anything else is compiled as before.

The cache is one file, ``signature.marshal`` in the folder ``shiboken-code.<tag>`` beside
HongTu's byte-code (a frozen app: in the user's cache folder), valid for one Python build (its
version, byte-code and ``_sre`` magic numbers) and checked against a CRC-32 of its contents. It
is written (whole or not at all) only when something was compiled and Python writes byte-code at
all (a frozen app always). A missing, damaged or foreign file is a cold cache, never an error.
"""

from __future__ import annotations
import __future__

import _sre  # type: ignore[import-not-found]  # re's engine: no stubs
import builtins
import importlib.util
import marshal
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import reduce
from operator import or_
from pathlib import Path
from types import CodeType
from typing import Any

from hongtu.dataclass_code import (
    cache_folder,
    remove_stale_partials,
    write_code_file,
    writes_code_files,
)

FILE_NAME = "signature.marshal"

#: The flags a caller's own ``__future__`` imports pass on to ``compile`` (``PyCF_MASK``).
FUTURE_FLAGS: int = reduce(
    or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)

#: (file name, flags, optimisation level) -> (source, code)
CodeEntries = dict[tuple[str, int, int], tuple[bytes | str, CodeType]]
#: (pattern, flags) -> the arguments ``re``'s compiler passed to ``_sre.compile``
PatternEntries = dict[tuple[str | bytes, int], tuple[Any, ...]]

_re_compiler: Any = getattr(re, "_compiler", None)  # Python 3.11+: re's own compiler


def python_build() -> tuple[int, bytes, int]:
    """What the cached forms are valid for: this Python, its byte-code and its ``_sre``."""
    return (sys.hexversion, importlib.util.MAGIC_NUMBER, _sre.MAGIC)


def is_signature_support(filename: object) -> bool:
    """A module of shiboken's signature support, as its importer names it."""
    return (
        isinstance(filename, str)
        and filename.endswith(".py")
        and (filename == "signature_bootstrap.py" or filename.startswith("shibokensupport/"))
    )


class SignatureCode:
    """The cached code and patterns; a ``compile`` and a pattern compiler that answer from it."""

    def __init__(
        self,
        file: Path | None,
        standard: Callable[..., Any] = compile,
        standard_pattern: Callable[..., Any] | None = None,
    ) -> None:
        self.file = file
        self.standard = standard
        self.standard_pattern = standard_pattern or getattr(_re_compiler, "compile", None)
        known = read_cache(file) if file is not None else {}
        self.known_code: CodeEntries = known.get("code", {})
        self.known_patterns: PatternEntries = known.get("patterns", {})
        self.used_code: CodeEntries = {}
        self.used_patterns: PatternEntries = {}
        self.compiled = 0  # sources and patterns compiled in this process (not from the cache)

    def compile(
        self,
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **options: Any,
    ) -> Any:
        """``compile``, the code of a known source from the cache."""
        if not dont_inherit:  # what Python's compile would take from the calling code
            flags |= _caller_flags()
            dont_inherit = True
        cacheable = (
            mode == "exec"
            and not options
            and flags & ~FUTURE_FLAGS == 0
            and isinstance(source, bytes | str)
            and is_signature_support(filename)
        )
        if not cacheable:
            return self.standard(source, filename, mode, flags, dont_inherit, optimize, **options)
        level = sys.flags.optimize if optimize == -1 else optimize
        key = (filename, flags, level)
        known = self.known_code.get(key)
        if known is not None and type(known[0]) is type(source) and known[0] == source:
            code = known[1]
        else:
            code = self.standard(source, filename, mode, flags, True, optimize)
            self.compiled += 1
        self.used_code[key] = (source, code)
        return code

    def compile_pattern(self, pattern: Any, flags: Any = 0) -> Any:
        """``re._compiler.compile``; a known pattern built from its recorded arguments."""
        standard = self.standard_pattern
        assert standard is not None
        if not isinstance(pattern, str | bytes) or not isinstance(flags, int) or flags & re.DEBUG:
            return standard(pattern, flags)
        flags = int(flags)  # Python 3.13's re.sub passes a 0 of its own int subclass
        key = (pattern, flags)
        arguments = self.known_patterns.get(key)
        made = _build_pattern(arguments) if arguments is not None else None
        if made is None:
            recording = _Recording()
            _re_compiler._sre = recording
            try:
                made = standard(pattern, flags)
            finally:
                _re_compiler._sre = _sre
            arguments = _plain(recording.arguments)
            self.compiled += 1
        if arguments is not None:
            self.used_patterns[key] = arguments
        return made

    def save(self) -> None:
        """What was used, written for the next process if any of it was compiled here."""
        if not self.compiled or self.file is None or not writes_code_files():
            return
        try:
            body = marshal.dumps({"code": self.used_code, "patterns": self.used_patterns})
        except ValueError:  # an object marshal cannot keep: the next process compiles again
            return
        kept = {"python": python_build(), "crc": zlib.crc32(body), "body": body}
        write_code_file(self.file, kept)
        remove_stale_partials(self.file.parent)


class _Recording:
    """Stands in for ``_sre`` in ``re``'s compiler while it compiles a pattern, keeping what it
    passes to ``_sre.compile`` (the last call: the pattern)."""

    def __init__(self) -> None:
        self.arguments: tuple[Any, ...] | None = None

    def compile(self, *arguments: Any) -> Any:
        self.arguments = arguments
        return _sre.compile(*arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)


def _plain(arguments: tuple[Any, ...] | None) -> tuple[Any, ...] | None:
    """The recorded arguments in plain types (``re``'s opcodes and flags are int subclasses,
    which ``_sre`` reads as the ints they are); None if they are not the expected six."""
    if arguments is None or len(arguments) != 6:
        return None
    pattern, flags, code, groups, groupindex, indexgroup = arguments
    plain = (pattern, int(flags), [int(c) for c in code], int(groups), dict(groupindex))
    return (*plain, tuple(indexgroup))


def _build_pattern(arguments: tuple[Any, ...]) -> Any:
    """The pattern ``_sre`` builds from the recorded arguments (it checks the code again);
    None if it refuses them."""
    try:
        return _sre.compile(*arguments)
    except (RuntimeError, TypeError, ValueError, OverflowError):
        return None


def _caller_flags() -> int:
    """The ``__future__`` flags of the code that called ``compile`` (two frames up: the
    caller of ``SignatureCode.compile``)."""
    try:
        return sys._getframe(2).f_code.co_flags & FUTURE_FLAGS
    except ValueError:  # called from C with no Python frame
        return 0


def read_cache(file: Path) -> dict[str, Any]:
    """``{"code": …, "patterns": …}`` as kept for this Python build; empty if there is none."""
    try:
        kept = marshal.loads(file.read_bytes())
        if not isinstance(kept, dict) or kept.get("python") != python_build():
            return {}
        body = kept.get("body")
        if type(body) is not bytes or zlib.crc32(body) != kept.get("crc"):
            return {}  # damaged since it was written (a .pyc would not notice; this does)
        data = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    code, patterns = data.get("code"), data.get("patterns")
    return {
        "code": {k: v for k, v in code.items() if _is_code(k, v)} if type(code) is dict else {},
        "patterns": (
            {k: v for k, v in patterns.items() if _is_pattern(k, v)}
            if type(patterns) is dict
            else {}
        ),
    }


def _is_code(key: object, value: object) -> bool:
    return (
        type(key) is tuple
        and len(key) == 3
        and isinstance(key[0], str)
        and type(key[1]) is int
        and type(key[2]) is int
        and type(value) is tuple
        and len(value) == 2
        and isinstance(value[0], bytes | str)
        and isinstance(value[1], CodeType)
    )


def _is_pattern(key: object, value: object) -> bool:
    """Shaped as a kept pattern; its parts are ``_sre``'s to check as it builds it (it refuses
    what it cannot run: ``_build_pattern``), not checked here a second time on every start."""
    return (
        type(key) is tuple
        and len(key) == 2
        and isinstance(key[0], str | bytes)
        and type(key[1]) is int
        and type(value) is tuple
        and len(value) == 6
        and value[0] == key[0]
    )


@contextmanager
def cached_signature_code(folder: Path | None = None) -> Iterator[SignatureCode]:
    """While it lasts, shiboken's support modules and the patterns compiled meanwhile come
    through the cache (``folder``: where it is kept; default beside HongTu's byte-code); saved
    when it ends."""
    if folder is None:
        folder = cache_folder("shiboken-code")
    standard = builtins.compile
    cache = SignatureCode(folder / FILE_NAME if folder is not None else None, standard)
    patterns = cache.standard_pattern is not None and hasattr(_re_compiler, "_sre")
    builtins.compile = cache.compile
    if patterns:
        _re_compiler.compile = cache.compile_pattern
    try:
        yield cache
    finally:
        builtins.compile = standard
        if patterns:
            _re_compiler.compile = cache.standard_pattern
    cache.save()
