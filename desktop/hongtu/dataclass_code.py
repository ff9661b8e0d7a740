"""The code of dataclasses' generated methods, compiled once and kept beside the byte-code.

For each dataclass, ``dataclasses`` writes the source of ``__init__``, ``__repr__``, ``__eq__``
(and, frozen, ``__setattr__``, ``__delattr__``, ``__hash__``) and compiles it with ``exec``:
about 0.8 ms a class on this project's machines, whatever its size. HongTu makes ~40 of them
before a command-line export can start and ~17 on the way to the window's first markers, so
compiling them again in every process was a fifth of a command's imports.

``install`` gives ``dataclasses`` a ``_create_fn`` that is the standard library's own (Python
3.11 and 3.12: the same text, ``exec``-ed with the same globals and locals, so the same
function) except that the compiled code comes from a cache keyed by that text. The cache is a
file per module that makes dataclasses, ``<module>.marshal`` in the folder
``dataclass-code.<tag>`` where Python keeps HongTu's byte-code (``__pycache__``, or
``PYTHONPYCACHEPREFIX``; a frozen app, whose bundle nothing writes into, in the user's cache
folder): a module's file is read when it makes its first class, so a start reads only the code
of the modules it imports. A module that compiled anything in a process has its file written
again at exit (when Python writes byte-code at all, or the app is frozen) with the code that
process used: a class changed by an upgrade leaves no old code behind (one file for everything
grew with every release: 544 texts, 8.6 ms to read, on a developer's machine); a partial file
that a process killed while writing left is removed by the next that writes. A missing,
unreadable or foreign file is a cold cache, never an error. On other Python versions nothing is
replaced.
"""

from __future__ import annotations

import atexit
import dataclasses
import importlib.util
import marshal
import os
import sys
import threading
import time
from pathlib import Path
from types import CodeType
from typing import Any

_KWONLY = ("globals", "locals", "return_type")


class _Cache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._known: dict[str, dict[str, CodeType]] = {}  # by module: as read from its file
        self._used: dict[str, dict[str, CodeType]] = {}  # by module: what this process used
        self.compiled: dict[str, CodeType] = {}  # compiled by this process (any module)

    def code(self, module: str | None, text: str) -> CodeType:
        if module is None or not _has_own_file(module):
            return self._compile(text)
        known = self._known.get(module)
        if known is None:
            known = self._load(module)
        code = known.get(text) or self.compiled.get(text) or self._compile(text)
        self._used.setdefault(module, {})[text] = code
        return code

    def _compile(self, text: str) -> CodeType:
        # as exec(text) in dataclasses compiles it: no __future__ flags of this module
        code = compile(text, "<string>", "exec", dont_inherit=True)
        self.compiled[text] = code
        return code

    def _load(self, module: str) -> dict[str, CodeType]:
        with self._lock:
            known = self._known.get(module)
            if known is None:
                known = _read(self.folder / f"{module}.marshal") if self.folder else {}
                self._known[module] = known
            return known

    def read_modules(self) -> set[str]:
        """The modules whose files this process read (or found missing)."""
        return set(self._known)

    def save(self) -> None:
        if not self.compiled or self.folder is None or not writes_code_files():
            return
        for module, in_use in list(self._used.items()):
            used = dict(in_use)  # a daemon thread may still be making classes at exit
            if any(text in self.compiled for text in used):
                write_code_file(self.folder / f"{module}.marshal", used)
        remove_stale_partials(self.folder)


def _has_own_file(module: str) -> bool:
    """Not ``__main__``: every script run is one, each with its own classes (they would keep
    replacing each other's code); nor a name that is not a module's."""
    return module != "__main__" and all(part.isidentifier() for part in module.split("."))


def _read(file: Path) -> dict[str, CodeType]:
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, CodeType)}


def write_code_file(file: Path, entries: dict[Any, Any]) -> None:
    """``entries`` marshalled into ``file``, replacing it whole (or nothing, if it cannot)."""
    partial = file.with_name(f".{file.name}.{os.getpid()}.partial")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps(entries))
        os.replace(partial, file)  # whole or not at all, whichever process writes last
    except (OSError, ValueError):  # a read-only install, a full disk, an object marshal cannot
        partial.unlink(missing_ok=True)  # keep: the next process compiles again


#: A partial file this old is no process's write in progress: one killed while writing left it.
STALE_PARTIAL_S = 600


def remove_stale_partials(folder: Path) -> None:
    """Partial files of writes a killed process never finished (a write takes milliseconds)."""
    now = time.time()
    try:
        partials = list(folder.glob(".*.partial"))
    except OSError:
        return
    for partial in partials:
        try:
            if now - partial.stat().st_mtime > STALE_PARTIAL_S:
                partial.unlink()
        except OSError:  # gone already, or not ours to remove: the next save tries again
            continue


def cache_folder(kind: str = "dataclass-code") -> Path | None:
    """The folder ``<kind>.<tag>`` where HongTu's byte-code goes; in a frozen app, whose bundle
    nothing writes into, in the user's cache folder (``code/``); None where there is neither."""
    if getattr(sys, "frozen", False):
        return _frozen_cache_folder(kind)
    here = Path(__file__)
    if not here.is_file():
        return None
    try:
        byte_code = Path(importlib.util.cache_from_source(str(here)))
    except (NotImplementedError, ValueError):
        return None
    return byte_code.with_name(f"{kind}.{sys.implementation.cache_tag}")


def _frozen_cache_folder(kind: str) -> Path:
    from hongtu.core.paths import cache_dir

    return cache_dir() / "code" / f"{kind}.{sys.implementation.cache_tag}"


def writes_code_files() -> bool:
    """Whether kept code is written: where Python writes byte-code, and in a frozen app (which
    never does, PyInstaller turns it off) into HongTu's own cache folder."""
    return bool(getattr(sys, "frozen", False)) or not sys.dont_write_bytecode


def _replaceable() -> bool:
    create = getattr(dataclasses, "_create_fn", None)
    code = getattr(create, "__code__", None)
    return (
        sys.version_info[:2] in ((3, 11), (3, 12))
        and code is not None
        and code.co_varnames[:3] == ("name", "args", "body")
        and code.co_kwonlyargcount == len(_KWONLY)
        and code.co_varnames[3:6] == _KWONLY
    )


def install(folder: Path | None = None) -> _Cache | None:
    """Replace ``dataclasses._create_fn`` (once); None where it is not the known one."""
    installed = getattr(getattr(dataclasses, "_create_fn", None), "__hongtu_cache__", None)
    if installed is not None:
        return installed  # type: ignore[no-any-return]
    if not _replaceable():  # Python 3.13 builds the methods another way: no _create_fn at all
        return None
    cache = _Cache(folder if folder is not None else cache_folder())
    missing = dataclasses.MISSING
    standard = dataclasses._create_fn  # type: ignore[attr-defined]

    def _create_fn(
        name: str,
        args: list[str],
        body: list[str],
        *,
        globals: dict[str, Any] | None = None,  # the standard library's names
        locals: dict[str, Any] | None = None,
        return_type: Any = missing,
    ) -> Any:
        if globals is None:  # never so in 3.11/3.12; the standard one knows whose globals
            return standard(name, args, body, locals=locals, return_type=return_type)
        # The text below is built exactly as Python 3.11/3.12's dataclasses._create_fn builds it.
        if locals is None:
            locals = {}
        return_annotation = ""
        if return_type is not missing:
            locals["_return_type"] = return_type
            return_annotation = "->_return_type"
        joined = ",".join(args)
        lines = "\n".join(f"  {b}" for b in body)
        text = f" def {name}({joined}){return_annotation}:\n{lines}"
        local_vars = ", ".join(locals.keys())
        text = f"def __create_fn__({local_vars}):\n{text}\n return {name}"
        ns: dict[str, Any] = {}
        exec(cache.code(globals.get("__name__"), text), globals, ns)  # dataclasses' own code
        return ns["__create_fn__"](**locals)

    _create_fn.__hongtu_cache__ = cache  # type: ignore[attr-defined]
    _create_fn.__hongtu_standard__ = standard  # type: ignore[attr-defined]  # (the tests)
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    atexit.register(cache.save)
    return cache
