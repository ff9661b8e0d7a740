"""PySide6 makes each of Qt's enums a Python enum as its class is first used; HongTu has them
made the standard library's quick way.

PySide6 calls the functional API (``Flag("AlignmentFlag", [(name, value), …], boundary=KEEP)``),
which checks every member as it would one written in a class body. On the way to the window
that is some 300 enums of 3,700 members, 80–115 ms of CPU (measured), against 17–30 ms for the
bare web view's few: the largest single cost of HongTu's start-up. The standard library makes
its own enums (``re.RegexFlag``, ``http.HTTPStatus``) through ``enum._simple_enum``, which builds
the same class without those checks, in about half the time.

``install_quick_enums`` answers PySide6's calls (a plain ``Enum``, ``IntEnum``, ``Flag`` or
``IntFlag`` base; ``(name, int)`` pairs; no module, qualified name or mixin) that way and leaves
every other call to the standard path. The classes are the same: ``tests/test_quick_enums.py``
builds every enum of every PySide6 module HongTu imports both ways and compares their members,
lookups, operators, texts and internals. Only on the Pythons where that was checked.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from typing import Any

#: Pythons whose ``enum`` was checked to make PySide6's enums identically both ways
#: (3.11.7, 3.12.1, 3.13.0: each of PySide6 6.11's 781 enums of the modules HongTu imports).
CHECKED_PYTHONS = frozenset({(3, 11), (3, 12), (3, 13)})

#: The bases PySide6 makes its enums from.
PYSIDE_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)

#: The standard ``_create_``'s keyword arguments.
_OPTIONS = frozenset({"module", "qualname", "type", "start", "boundary"})

Create = Callable[..., type[enum.Enum]]


def install_quick_enums(python: tuple[int, int] | None = None) -> bool:
    """PySide6's enums made the quick way from now on; False when this Python was not checked
    (``python``: its version, for tests) or they already are."""
    version = python or (sys.version_info.major, sys.version_info.minor)
    simple = getattr(enum, "_simple_enum", None)
    standard = enum.EnumType._create_  # type: ignore[attr-defined]
    if version not in CHECKED_PYTHONS or simple is None or hasattr(standard, "standard"):
        return False
    enum.EnumType._create_ = quick_create(standard, simple)  # type: ignore[attr-defined]
    return True


def quick_create(standard: Create, simple: Callable[..., Any]) -> Create:
    """``EnumType._create_`` that makes PySide6's enums through ``simple`` (``enum._simple_enum``)
    and hands every other call to ``standard``, the one it replaces (kept as ``.standard``)."""

    def create(
        cls: type[enum.Enum], class_name: str, names: Any, **options: Any
    ) -> type[enum.Enum]:
        caller = _caller_module()
        members = pyside_members(cls, names) if _is_plain(options) else None
        if members is None or caller is None:
            if caller is not None and options.get("module") is None:
                options["module"] = caller  # as the standard path would name it, called directly
            return standard(cls, class_name, names, **options)
        body: dict[str, Any] = dict(members, __module__=caller)
        made: type[enum.Enum] = simple(cls, boundary=options.get("boundary"))(
            type(class_name, (), body)
        )
        made.__doc__ = None  # the standard path leaves it unset; the quick one would write one
        return made

    create.standard = standard  # type: ignore[attr-defined]
    return create


def _is_plain(options: dict[str, Any]) -> bool:
    """No module, qualified name, mixin or start given (PySide6 names its enums afterwards)."""
    return (
        options.keys() <= _OPTIONS
        and all(options.get(name) is None for name in ("module", "qualname", "type"))
        and options.get("start", 1) == 1
    )


def pyside_members(cls: type, names: object) -> dict[str, int] | None:
    """The members of a call shaped as PySide6's are: one of its bases, a list of distinct
    ``(name, int)`` pairs whose names are neither private nor special; None for any other."""
    if cls not in PYSIDE_BASES or type(names) is not list:
        return None
    members: dict[str, int] = {}
    for item in names:
        if type(item) is not tuple or len(item) != 2:
            return None
        name, value = item
        if type(name) is not str or name[:1] == "_" or type(value) is not int:
            return None
        members[name] = value
    return members if len(members) == len(names) else None


def _caller_module() -> str | None:
    """The module that called the enum (the standard path names it the same way: two frames
    above ``_create_``, which is called from ``EnumType.__call__``)."""
    try:
        name = sys._getframe(3).f_globals["__name__"]
    except (AttributeError, ValueError, KeyError):
        return None
    return name if isinstance(name, str) else None
