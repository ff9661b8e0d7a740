"""Finding sites by Chinese, full pinyin and pinyin initials."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from hongtu.core.catalogue import load_catalogue
from hongtu.core.paths import resource_path
from hongtu.core.search import (
    PRECOMPUTED_KEYS,
    READINGS,
    lookup_term,
    matches,
    pinyin_search_keys,
    search_keys,
)


@pytest.fixture(scope="module")
def keys_by_name() -> dict[str, str]:
    return {entry.name: search_keys(entry.name, entry.aliases) for entry in load_catalogue()}


def found(keys_by_name: dict[str, str], query: str) -> set[str]:
    return {name for name, keys in keys_by_name.items() if matches(keys, query)}


def test_keys_hold_name_full_pinyin_and_initials() -> None:
    keys = search_keys("高君宇故居", ["婁煩高君宇紀念館"])
    assert keys == keys.lower()
    for piece in (
        "高君宇故居",
        "gaojunyuguju",
        "gjygj",
        "婁煩高君宇紀念館",
        "loufangaojunyujinianguan",
    ):
        assert piece in keys.split()


def test_non_chinese_characters_are_kept() -> None:
    keys = search_keys("西北野战军第7纵队司令部旧址", ["1948年中共阳曲县委旧址"])
    assert "xibeiyezhanjundi7zongduisilingbujiuzhi" in keys
    assert "1948nzgyqxwjz" in keys


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gjy", "高君宇故居"),
        ("gaojunyu", "高君宇故居"),
        ("GaoJunYu", "高君宇故居"),
        ("高君宇", "高君宇故居"),
        ("八路军太原办事处", "八路军驻晋办事处旧址"),
        ("blj", "八路军驻晋办事处旧址"),
        ("牛驼寨烈士陵园", "太原解放纪念馆"),
        ("ntz", "太原解放纪念馆"),
        ("tyjf", "太原解放纪念馆"),
        ("liuhulan", "刘胡兰纪念馆"),
        ("xxq", "徐向前故居"),
    ],
)
def test_query_finds_site(keys_by_name: dict[str, str], query: str, expected: str) -> None:
    assert expected in found(keys_by_name, query)


def test_initials_are_specific(keys_by_name: dict[str, str]) -> None:
    assert found(keys_by_name, "gjy") == {"高君宇故居"}
    assert found(keys_by_name, "blj") == {"八路军驻晋办事处旧址"}


def test_every_token_must_match(keys_by_name: dict[str, str]) -> None:
    assert found(keys_by_name, "gao junyu") == {"高君宇故居"}
    assert found(keys_by_name, "gao liuhulan") == set()


def test_spaces_in_chinese_queries_are_ignored(keys_by_name: dict[str, str]) -> None:
    assert found(keys_by_name, "高 君宇") == {"高君宇故居"}
    assert found(keys_by_name, "八路军\u3000太原办事处") == {"八路军驻晋办事处旧址"}


def test_full_width_letters_match() -> None:
    assert matches(search_keys("高君宇故居", []), "ＧＪＹ")


def test_blank_query_matches_everything() -> None:
    assert matches(search_keys("高君宇故居", []), "")
    assert matches(search_keys("高君宇故居", []), "   ")


def test_no_match() -> None:
    assert not matches(search_keys("高君宇故居", []), "xyz")


def test_spelling_a_new_name_does_not_import_pypinyin() -> None:
    """pypinyin's dictionaries held the interpreter 0.2–0.3 s the first time an organiser saved
    a place of their own (the window froze); HongTu's reading table takes ~10 ms."""
    code = (
        "import sys, hongtu.core.search as s, hongtu.core.catalogue; "
        "hongtu.core.catalogue.load_catalogue(); "
        "keys = s.search_keys('本单位门口', []); "
        "sys.exit(('pypinyin' in sys.modules) + 2 * ('bendanweimenkou' not in keys))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def _build_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "hongtu_build_search_keys", Path(__file__).parents[1] / "scripts" / "build_search_keys.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reading_table_is_the_one_pypinyin_makes() -> None:
    """resources/data/pinyin-readings.json is made from the pinned pypinyin (after upgrading it,
    run scripts/build_search_keys.py)."""
    table = json.loads(resource_path(*READINGS).read_text(encoding="utf-8"))
    assert table == _build_script().reading_table()


@pytest.mark.parametrize(
    ("name", "spelt"),
    [
        ("建设银行太原分行", "jiansheyinhangtaiyuanfenhang"),
        ("重庆饭店", "chongqingfandian"),
        ("的士站", "dishizhan"),
        ("静乐县城", "jingle"),
        ("中国银行", "zhongguoyinhang"),
        ("绿化广场", "lvhuaguangchang"),
    ],
)
def test_words_read_otherwise_than_character_by_character_are_found(name: str, spelt: str) -> None:
    """A place an organiser adds is found by its pinyin as people say it: 银行 is yinhang, not
    yinxing (the characters' usual readings), as pypinyin reads it."""
    from pypinyin import Style, lazy_pinyin

    keys = search_keys(name, [])
    assert spelt in keys.split()[1]
    assert keys.split()[1] == "".join(lazy_pinyin(name, style=Style.NORMAL))


def test_bundled_keys_are_those_the_pinyin_tables_make() -> None:
    """resources/data/search-keys.json holds every catalogue site with the keys pypinyin makes
    (after renaming a site or upgrading pypinyin, run scripts/build_search_keys.py)."""
    table = json.loads(resource_path(*PRECOMPUTED_KEYS).read_text(encoding="utf-8"))
    bundled = {lookup_term(e["name"], e["aliases"]): e["keys"] for e in table["sites"]}
    made = {
        lookup_term(e.name, e.aliases): pinyin_search_keys(e.name, e.aliases)
        for e in load_catalogue()
    }
    assert bundled == made


def test_a_name_the_bundled_keys_lack_is_spelt_out() -> None:
    assert search_keys("本单位门口", []) == "本单位门口 bendanweimenkou bdwmk"
    assert search_keys("高君宇故居", ["x"]) == pinyin_search_keys("高君宇故居", ["x"])


def test_a_first_start_seeds_the_catalogue_without_the_pinyin_tables(tmp_path: Path) -> None:
    """The tables hold the interpreter 0.2–0.3 s: a new database must not stall the first window."""
    db = tmp_path / "first.sqlite3"
    code = (
        "import sys; from hongtu.cli import main; code = main(['--db', sys.argv[1], 'sites', "
        "'list']); sys.exit(code or 3 * ('pypinyin' in sys.modules))"
    )
    env = {**os.environ, "HONGTU_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(db)) as connection, connection:
        (keys,) = connection.execute(
            "SELECT search_keys FROM sites WHERE name = '八路军驻晋办事处旧址'"
        ).fetchone()
    assert matches(keys, "blj") and matches(keys, "taiyuanbanshichu")
