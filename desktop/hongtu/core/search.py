"""Finding sites by what an organiser types: Chinese, full pinyin, or pinyin initials.

``search_keys`` builds one lower-case string per site once; ``matches`` filters against it on every
keystroke. The pinyin comes from HongTu's own reading table, ``resources/data/pinyin-readings.json``
(written from pypinyin's dictionaries by ``scripts/build_search_keys.py``): each character's usual
reading, and the ~3,400 words pypinyin reads otherwise (银行 yinhang, 重庆 chongqing, 朝阳
chaoyang). Reading it takes ~10 ms; pypinyin's own dictionaries held the interpreter for 0.2–0.3 s,
the first time an organiser saved a place of their own. The bundled catalogue's keys are also
kept ready in ``resources/data/search-keys.json``.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from hongtu.core.lazy_pattern import LazyPattern
from hongtu.core.paths import resource_path

_HANZI_RUN = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

#: Each character's usual toneless reading, and the words read otherwise (``build_search_keys``).
READINGS = ("data", "pinyin-readings.json")


def _normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True, slots=True)
class PinyinReadings:
    by_character: dict[str, str]  # 银 → yin
    words: dict[str, tuple[str, ...]]  # 银行 → (yin, hang): words not read character by character
    longest_word: int

    def syllables(self, hanzi: str) -> list[str]:
        """The readings of a run of Chinese characters: at each place the longest word the
        table reads otherwise, else the character's usual reading (an unknown character stays
        as it is)."""
        out: list[str] = []
        position = 0
        while position < len(hanzi):
            for length in range(min(self.longest_word, len(hanzi) - position), 1, -1):
                word = self.words.get(hanzi[position : position + length])
                if word is not None:
                    out.extend(word)
                    position += length
                    break
            else:
                character = hanzi[position]
                out.append(self.by_character.get(character, character))
                position += 1
        return out


def readings_from_table(raw: dict[str, object]) -> PinyinReadings:
    """The table as the file holds it: ``{"readings": {syllable: characters}, "words": {word:
    "syl syl"}}``."""
    readings = raw["readings"]
    words = raw["words"]
    if not isinstance(readings, dict) or not isinstance(words, dict):
        raise TypeError("not a reading table")
    by_character = {c: syllable for syllable, chars in readings.items() for c in chars}
    split = {word: tuple(text.split()) for word, text in words.items()}
    return PinyinReadings(by_character, split, max(map(len, split), default=1))


@cache
def pinyin_readings() -> PinyinReadings:
    """The bundled table; empty when it is missing or unreadable (names are then found by
    their characters only)."""
    try:
        raw = json.loads(resource_path(*READINGS).read_text(encoding="utf-8"))
        return readings_from_table(raw)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return PinyinReadings({}, {}, 1)


def _pinyin_forms(term: str) -> tuple[str, str]:
    """Full toneless pinyin and pinyin initials of ``term``; other characters are kept as-is."""
    readings = pinyin_readings()
    full: list[str] = []
    initials: list[str] = []
    position = 0
    for run in _HANZI_RUN.finditer(term):
        other = term[position : run.start()]
        full.append(other)
        initials.append(other)
        syllables = readings.syllables(run.group())
        full.extend(syllables)
        initials.extend(syllable[:1] for syllable in syllables)
        position = run.end()
    tail = term[position:]
    full.append(tail)
    initials.append(tail)
    return "".join(full), "".join(initials)


#: The bundled catalogue's keys, made by ``pinyin_search_keys`` (``scripts/build_search_keys.py``).
PRECOMPUTED_KEYS = ("data", "search-keys.json")

#: Joins a name and its aliases into one lookup key (a character no name contains).
_TERM_SEPARATOR = "\x1f"


def search_keys(name: str, aliases: Iterable[str]) -> str:
    """The text a site is found by: each name, its full pinyin and its pinyin initials.

    Pieces are separated by single spaces; a query token never contains whitespace, so it can only
    match inside one piece.
    """
    aliases = tuple(aliases)
    known = _precomputed_keys().get(lookup_term(name, aliases))
    return known if known is not None else pinyin_search_keys(name, aliases)


def lookup_term(name: str, aliases: Iterable[str]) -> str:
    """How ``search-keys.json`` files a name with its aliases."""
    return _TERM_SEPARATOR.join((name, *aliases))


@cache
def _precomputed_keys() -> dict[str, str]:
    """The bundled keys by ``lookup_term``; empty when the file is missing or unreadable (the
    keys are then made from the pinyin tables, as for any other name)."""
    try:
        raw = json.loads(resource_path(*PRECOMPUTED_KEYS).read_text(encoding="utf-8"))
        return {lookup_term(e["name"], e["aliases"]): e["keys"] for e in raw["sites"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def pinyin_search_keys(name: str, aliases: Iterable[str]) -> str:
    """``search_keys`` made from the pinyin reading table."""
    pieces: list[str] = []
    for raw in (name, *aliases):
        term = "".join(_normalise(raw).split())
        if not term:
            continue
        full, initials = _pinyin_forms(term)
        pieces.extend((term, full, initials))
    return " ".join(dict.fromkeys(pieces))


def matches(keys: str, query: str) -> bool:
    """True when every whitespace-separated token of ``query`` occurs in ``keys``.

    Case-insensitive. A blank query matches everything. Spaces typed between Chinese characters
    simply split tokens, so "高 君宇" still finds 高君宇故居.
    """
    return matcher(query)(keys)


@lru_cache(maxsize=8192)
def _normalised_keys(keys: str) -> str:
    """A site's keys as ``matches`` compares them: a keystroke re-checks thousands of sites."""
    return _normalise(keys)


def matcher(query: str) -> Callable[[str], bool]:
    """``matches(keys, query)`` as a function of ``keys``, the query normalised once."""
    tokens = _normalise(query).split()

    def match(keys: str) -> bool:
        haystack = _normalised_keys(keys)
        return all(token in haystack for token in tokens)

    return match


def match_rank(keys: str, query: str) -> int | None:
    """How well ``query`` fits a site's ``search_keys`` (lower is better); None: no match.

    0 the name itself, 1 an alias, the full pinyin or the pinyin initials exactly, 2 the start of
    one of these, 3 anywhere (every token, as ``matches``). The add-stop box adds the best match.
    """
    wanted = "".join(_normalise(query).split())
    if not wanted:
        return None
    pieces = _normalise(keys).split(" ")
    if pieces and pieces[0] == wanted:
        return 0
    if wanted in pieces:
        return 1
    if any(piece.startswith(wanted) for piece in pieces):
        return 2
    return 3 if matches(keys, query) else None


def best_match(candidates: Iterable[tuple[int, str, str]], query: str) -> int | None:
    """The id of the best match among ``(id, name, search_keys)``: lowest rank, then the
    shortest name, then the name; None when nothing matches."""
    ranked = [
        (rank, len(name), name, site_id)
        for site_id, name, keys in candidates
        if (rank := match_rank(keys, query)) is not None
    ]
    return min(ranked)[3] if ranked else None
