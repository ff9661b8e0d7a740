"""PySide6's own Python code, compiled once and kept beside HongTu's byte-code.

Importing PySide6 loads shiboken's signature support: 14 Python modules (~130 KB of source)
that shiboken keeps as text inside its library and compiles with ``compile`` in every process
(``signature_bootstrap.EmbeddableZipImporter``), ~15 ms before the map page can start
loading; a bare ``QWebEngineView`` script pays it too.

``cached_signature_code`` wraps the import of PySide6: while it runs, a ``compile`` of one of
those modules' sources is answered from a cache when the source, its name and the flags are the
same as when it was compiled (the code is then the code ``compile`` would return, as a ``.pyc``
is), and compiled as before otherwise. Every other ``compile`` goes to Python's own, with what
the caller's ``__future__`` imports would have passed on. The cache is one file,
``signature.marshal`` in the folder ``shiboken-code.<tag>`` beside HongTu's byte-code; it is
written (whole or not at all) only when something was compiled and Python writes byte-code at
all. A missing, damaged or foreign file is a cold cache, never an error.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import reduce
from operator import or_
from pathlib import Path
from types import CodeType
from typing import Any

from hongtu.dataclass_code import cache_folder, remove_stale_partials, write_code_file

FILE_NAME = "signature.marshal"

#: The flags a caller's own ``__future__`` imports pass on to ``compile`` (``PyCF_MASK``).
FUTURE_FLAGS: int = reduce(
    or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)

#: (file name, flags, optimisation level) -> (source, code)
Entries = dict[tuple[str, int, int], tuple[bytes | str, CodeType]]


def is_signature_support(filename: object) -> bool:
    """A module of shiboken's signature support, as its importer names it."""
    return (
        isinstance(filename, str)
        and filename.endswith(".py")
        and (filename == "signature_bootstrap.py" or filename.startswith("shibokensupport/"))
    )


class SignatureCode:
    """The cached code, and a ``compile`` that answers from it."""

    def __init__(self, file: Path | None, standard: Callable[..., Any] = compile) -> None:
        self.file = file
        self.standard = standard
        self.known: Entries = read_entries(file) if file is not None else {}
        self.used: Entries = {}
        self.compiled = 0  # sources of shiboken's support compiled in this process

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
        known = self.known.get(key)
        if known is not None and type(known[0]) is type(source) and known[0] == source:
            code = known[1]
        else:
            code = self.standard(source, filename, mode, flags, True, optimize)
            self.compiled += 1
        self.used[key] = (source, code)
        return code

    def save(self) -> None:
        """The code used, written for the next process if any of it was compiled here."""
        if not self.compiled or self.file is None or sys.dont_write_bytecode:
            return
        write_code_file(self.file, dict(self.used))
        remove_stale_partials(self.file.parent)


def _caller_flags() -> int:
    """The ``__future__`` flags of the code that called ``compile`` (two frames up: the
    caller of ``SignatureCode.compile``)."""
    try:
        return sys._getframe(2).f_code.co_flags & FUTURE_FLAGS
    except ValueError:  # called from C with no Python frame
        return 0


def read_entries(file: Path) -> Entries:
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if _is_entry(key, value)}


def _is_entry(key: object, value: object) -> bool:
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


@contextmanager
def cached_signature_code(folder: Path | None = None) -> Iterator[SignatureCode]:
    """While it lasts, shiboken's support modules are compiled through the cache (``folder``:
    where it is kept; default beside HongTu's byte-code); saved when it ends."""
    if folder is None:
        folder = cache_folder("shiboken-code")
    standard = builtins.compile
    cache = SignatureCode(folder / FILE_NAME if folder is not None else None, standard)
    builtins.compile = cache.compile
    try:
        yield cache
    finally:
        builtins.compile = standard
    cache.save()
