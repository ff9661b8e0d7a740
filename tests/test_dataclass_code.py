"""Dataclasses made with the cached generated code (``hongtu.dataclass_code``) are the classes
the standard library makes: the same methods, compiled from the same text, behaving the same;
the cache file is written beside the byte-code and a damaged one is a cold cache."""

from __future__ import annotations

import dataclasses
import marshal
import os
import subprocess
import sys
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest

from hongtu import dataclass_code

pytestmark = pytest.mark.skipif(
    dataclass_code.install() is None, reason="dataclasses' generator differs on this Python"
)

MADE_WITH = ["cached", "standard"]


def _classes() -> dict[str, type]:
    """A dataclass of each kind HongTu uses, and the options it does not."""

    @dataclass(frozen=True, slots=True)
    class Point:
        lat: float
        lon: float

    @dataclass
    class Plan:
        title: str
        stops: list[int] = field(default_factory=list)
        note: str = ""
        limit: ClassVar[int] = 3
        seed: InitVar[int | None] = None

        def __post_init__(self, seed: int | None) -> None:
            if seed is not None:
                self.stops.append(seed)

    @dataclass(order=True, kw_only=True)
    class Ranked:
        rank: int
        name: str = field(default="", compare=False)

    @dataclass(eq=False, repr=False)
    class Plain:
        value: Any

    @dataclass(frozen=True)
    class Labels:
        a: str = "甲"
        b: str = "{x}“{y}”"

    return {c.__name__: c for c in (Point, Plan, Ranked, Plain, Labels)}


def _made(kind: str) -> dict[str, type]:
    if kind == "cached":
        return _classes()
    cached = dataclasses._create_fn
    dataclasses._create_fn = cached.__hongtu_standard__
    try:
        return _classes()
    finally:
        dataclasses._create_fn = cached


@pytest.mark.parametrize("kind", MADE_WITH)
def test_the_classes_behave_as_the_standard_librarys(kind: str) -> None:
    c = _made(kind)
    point = c["Point"](37.87, 112.55)
    assert repr(point).endswith("Point(lat=37.87, lon=112.55)")
    assert point == c["Point"](37.87, 112.55) and hash(point) == hash(c["Point"](37.87, 112.55))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.lat = 1.0  # type: ignore[misc]
    plan = c["Plan"]("主题", seed=7)
    assert plan.stops == [7] and c["Plan"]("主题").stops == [] and c["Plan"].limit == 3
    assert dataclasses.replace(plan, note="x", seed=None).note == "x"
    ranked = sorted([c["Ranked"](rank=2, name="b"), c["Ranked"](rank=1, name="a")])
    assert [r.rank for r in ranked] == [1, 2]
    assert c["Ranked"](rank=1, name="x") == c["Ranked"](rank=1, name="y")
    with pytest.raises(TypeError):
        c["Ranked"](1)  # keyword-only
    plain = c["Plain"](1)
    assert plain != c["Plain"](1) and "object at" in repr(plain)
    assert c["Labels"]().b.format(x=1, y=2) == "1“2”"


def test_the_generated_methods_are_the_same_code() -> None:
    cached, standard = _made("cached"), _made("standard")
    for name, cls in cached.items():
        for method in ("__init__", "__repr__", "__eq__", "__setattr__", "__hash__", "__lt__"):
            ours, theirs = cls.__dict__.get(method), standard[name].__dict__.get(method)
            if ours is None or not hasattr(ours, "__code__"):
                assert theirs is None or not hasattr(theirs, "__code__")
                continue
            assert ours.__code__.co_code == theirs.__code__.co_code, (name, method)
            assert ours.__code__.co_names == theirs.__code__.co_names
            assert ours.__code__.co_consts == theirs.__code__.co_consts


def _run(code: str, prefix: Path, *, write: bool = True) -> str:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


READ = (
    "import dataclasses, hongtu.core.document, hongtu.core.sites, hongtu.core.plans\n"
    "from hongtu.dataclass_code import cache_folder\n"
    "cache = dataclasses._create_fn.__hongtu_cache__\n"
    "print(len(cache.compiled), cache_folder())\n"
)


def test_the_code_is_compiled_once_and_kept_beside_the_byte_code(tmp_path: Path) -> None:
    compiled, where = _run(READ, tmp_path).split(" ", 1)
    folder = Path(where)
    assert int(compiled) > 30 and folder.is_relative_to(tmp_path)
    assert {"hongtu.core.sites.marshal", "hongtu.core.plans.marshal"} <= _names(folder)
    assert _run(READ, tmp_path).split(" ")[0] == "0"  # the next process compiles nothing

    sites = folder / "hongtu.core.sites.marshal"
    sites.write_bytes(b"\x00damaged")
    assert 0 < int(_run(READ, tmp_path).split(" ")[0]) < int(compiled)  # that module's, no error
    assert isinstance(marshal.loads(sites.read_bytes()), dict)  # and written whole again
    assert [name for name in _names(folder) if name.endswith(".partial")] == []


def test_a_module_reads_only_its_own_file(tmp_path: Path) -> None:
    """A start reads the code of the modules it imports, not every module's."""
    folder = Path(_run(READ, tmp_path).split(" ", 1)[1])  # every module's file written
    geo_texts = marshal.loads((folder / "hongtu.core.geo.marshal").read_bytes())
    cache = dataclass_code._Cache(folder)
    for text in geo_texts:
        cache.code("hongtu.core.geo", text)
    assert cache.read_modules() == {"hongtu.core.geo"}
    assert not cache.compiled  # every one of them came from the file


def test_scripts_classes_are_compiled_not_kept(tmp_path: Path) -> None:
    """Every script runs as ``__main__``: one file for all of them would be rewritten by each."""
    cache = dataclass_code._Cache(tmp_path)
    text = "def __create_fn__():\n def f(self):\n  pass\n return f"
    cache.code("__main__", text)
    cache.save()
    assert cache.read_modules() == set() and list(tmp_path.iterdir()) == []


def test_code_an_upgrade_no_longer_uses_is_not_kept(tmp_path: Path) -> None:
    """A module whose classes changed (a new release) keeps only the code it uses now: the
    cache does not grow with every version's classes."""
    where = _run(READ, tmp_path).split(" ", 1)[1]
    sites = Path(where) / "hongtu.core.sites.marshal"
    current = marshal.loads(sites.read_bytes())
    old_release = dict(list(current.items())[1:])  # one class changed since…
    old_release["def __create_fn__():\n def gone(self):\n  pass\n return gone"] = compile(
        "pass", "<string>", "exec"
    )  # …and one class removed
    sites.write_bytes(marshal.dumps(old_release))

    assert _run(READ, tmp_path).split(" ")[0] == "1"  # the changed class's code
    assert marshal.loads(sites.read_bytes()).keys() == current.keys()
    assert _run(READ, tmp_path).split(" ")[0] == "0"


def test_nothing_is_written_where_python_writes_no_byte_code(tmp_path: Path) -> None:
    _run(READ, tmp_path, write=False)
    assert not list(tmp_path.rglob("dataclass-code.*"))


def test_a_write_a_killed_process_left_is_removed_by_the_next_one(tmp_path: Path) -> None:
    """A process killed while writing its file leaves a partial one: the next process that
    writes removes it, but not a partial file another process is writing now."""
    folder = Path(_run(READ, tmp_path).split(" ", 1)[1])
    left = folder / ".hongtu.core.sites.marshal.4242.partial"
    left.write_bytes(b"\x00half")
    hour_ago = left.stat().st_mtime - 3600
    os.utime(left, (hour_ago, hour_ago))
    writing = folder / ".hongtu.core.plans.marshal.4343.partial"
    writing.write_bytes(b"\x00now")
    (folder / "hongtu.core.sites.marshal").unlink()  # so that the next process writes

    _run(READ, tmp_path)
    assert not left.exists()
    assert writing.exists()
    assert "hongtu.core.sites.marshal" in _names(folder)


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}
