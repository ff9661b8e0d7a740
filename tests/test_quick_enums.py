"""PySide6's enums are made the standard library's quick way (``hongtu.qt.quick_enums``), and
they are the same classes: every enum of every PySide6 module HongTu imports, built both ways."""

from __future__ import annotations

import enum
import importlib.util
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import hongtu.qt  # noqa: F401  (installs the quick way)
from hongtu.qt.quick_enums import install_quick_enums, quick_create

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def enum_benchmark() -> Any:
    """``benchmarks/pyside_enums.py``: it records the enums PySide6 makes."""
    spec = importlib.util.spec_from_file_location(
        "pyside_enums", ROOT / "benchmarks" / "pyside_enums.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pyside_enum_calls(enum_benchmark: Any) -> list[Any]:
    """Every enum PySide6 makes for the modules HongTu imports, as the calls it makes."""
    return enum_benchmark.pyside_enum_calls()  # type: ignore[no-any-return]


@pytest.fixture
def standard(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    """The standard ``_create_``, in place for the test (put back afterwards)."""
    installed = enum.EnumType._create_  # type: ignore[attr-defined]
    original = getattr(installed, "standard", installed)
    monkeypatch.setattr(enum.EnumType, "_create_", original)
    yield original


def made_both_ways(
    monkeypatch: pytest.MonkeyPatch, standard: Callable[..., Any], make: Callable[[], Any]
) -> tuple[Any, Any]:
    """What ``make()`` gives (or raises) the standard way, and the quick way."""
    monkeypatch.setattr(enum.EnumType, "_create_", standard)
    slow = outcome(make)
    monkeypatch.setattr(enum.EnumType, "_create_", quick_create(standard, enum._simple_enum))  # type: ignore[attr-defined]
    quick = outcome(make)
    monkeypatch.setattr(enum.EnumType, "_create_", standard)
    return slow, quick


def outcome(make: Callable[[], Any]) -> Any:
    try:
        return make()
    except Exception as exc:  # the same error both ways is the same outcome
        return (type(exc).__name__, str(exc))


def described(value: Any) -> Any:
    """A value as a user of the enum meets it: its type, name, number and texts."""
    if isinstance(value, enum.Enum):
        texts = (repr(value), str(value), f"{value}")
        return (type(value).__name__, value.name, value._value_, texts)
    return value


def signature(cls: Any) -> dict[str, Any]:
    """Everything a program can ask of an enum class: its members and aliases, iteration, lookups
    by value (known, unknown, combined) and by name, operators, texts and internals."""
    if not isinstance(cls, enum.EnumType):
        return {"outcome": cls}
    members = cls.__members__
    values = {member._value_ for member in members.values()}
    numbers = [value for value in values if type(value) is int]
    probes = set(values) | {0, -1, 1, 2, 3, max(numbers, default=0) + 1, 2**40, "nope"}
    firsts = list(members.values())[:4]
    sig: dict[str, Any] = {
        "class": (type(cls).__name__, [base.__name__ for base in cls.__mro__], cls.__doc__),
        "names": (cls.__name__, cls.__qualname__, cls.__module__),
        "members": [
            (name, described(member), member is members[member._name_], hash(member), bool(member))
            for name, member in members.items()
        ],
        "iterated": [member.name for member in cls],
        "length": len(cls),
        "by_value": {value: described(outcome(lambda value=value: cls(value))) for value in probes},
        "by_name": [described(outcome(lambda n=n: cls[n])) for n in [*[*members][:5], "nope"]],
        "attributes": sorted(set(vars(cls)) - set(members)),
        "dir": sorted(dir(cls)),
        "member_attributes": sorted({key for member in members.values() for key in vars(member)}),
    }
    for name in ("_member_names_", "_boundary_", "_flag_mask_", "_all_bits_", "_singles_mask_"):
        sig[name] = repr(getattr(cls, name, None))
    for name in ("_iter_member_", "_missing_", "__new__", "__repr__", "__str__", "__format__"):
        sig[name] = getattr(getattr(cls, name, None), "__qualname__", None)
    pairs = list(itertools.product(firsts, firsts))
    if issubclass(cls, enum.Flag):
        sig["operators"] = [
            [described(outcome(lambda a=a, b=b, op=op: op(a, b))) for op in OPERATORS]
            for a, b in pairs
        ]
    if issubclass(cls, int):
        sig["numbers"] = [(int(a), a + 1, a < b, a == int(b)) for a, b in pairs]
    return sig


OPERATORS: tuple[Callable[[Any, Any], Any], ...] = (
    lambda a, b: a | b,
    lambda a, b: a & b,
    lambda a, b: a ^ b,
    lambda a, _: ~a,
    lambda a, b: a in (a | b),
)


def test_every_pyside_enum_hongtu_meets_is_the_same_made_the_quick_way(
    pyside_enum_calls: list[Any],
    enum_benchmark: Any,
    monkeypatch: pytest.MonkeyPatch,
    standard: Callable[..., Any],
) -> None:
    assert len(pyside_enum_calls) > 700  # Qt.Key, QLocale.Language, … (781 with PySide6 6.11)
    differing = []
    for call in pyside_enum_calls:
        slow, quick = made_both_ways(
            monkeypatch, standard, lambda call=call: enum_benchmark.make(call)
        )
        if signature(slow) != signature(quick):
            differing.append(call[1])
    assert differing == []


@pytest.mark.parametrize(
    "make",
    [
        lambda: enum.Enum("Colour", "RED GREEN BLUE"),
        lambda: enum.Flag("Shade", ["LIGHT", "DARK"]),
        lambda: enum.Enum("Named", [("RED", 1)], module="elsewhere", qualname="Outer.Named"),
        lambda: enum.IntEnum("Started", [("ONE", 1)], start=5),
        lambda: enum.Enum("Texts", [("RED", "red"), ("GREEN", "green")]),
        lambda: enum.IntEnum("Again", [("RED", 1), ("RED", 2)]),
        lambda: enum.Enum("Reserved", [("_sunder_", 1)]),
        lambda: enum.Enum("Mapping", {"RED": 1}),
        lambda: enum.StrEnum("Strings", [("RED", "red")]),
    ],
    ids=["words", "flag-words", "module", "start", "texts", "twice", "reserved", "dict", "str"],
)
def test_other_enums_are_made_the_standard_way(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch, standard: Callable[..., Any]
) -> None:
    slow, quick = made_both_ways(monkeypatch, standard, make)
    assert signature(slow) == signature(quick)


def test_the_qt_layer_makes_pysides_enums_the_quick_way() -> None:
    from PySide6.QtCore import Qt

    assert hasattr(enum.EnumType._create_, "standard")  # type: ignore[attr-defined]
    assert install_quick_enums() is False  # a second call changes nothing
    alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert Qt.AlignmentFlag.AlignLeft in alignment
    assert Qt.AlignmentFlag.__qualname__ == "Qt.AlignmentFlag"


def test_a_python_it_was_not_checked_on_keeps_the_standard_way(
    standard: Callable[..., Any],
) -> None:
    assert install_quick_enums(python=(3, 14)) is False
    assert enum.EnumType._create_ is standard  # type: ignore[attr-defined]
    assert install_quick_enums(python=(3, 11)) is True
    assert enum.EnumType._create_.standard is standard  # type: ignore[attr-defined]
