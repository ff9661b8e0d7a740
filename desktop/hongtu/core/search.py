"""Finding sites by what an organiser types: Chinese, full pinyin, or pinyin initials.

``search_keys`` builds one lower-case string per site once; ``matches`` filters against it on every
keystroke. The bundled catalogue's keys are read from ``resources/data/search-keys.json`` (written
by ``scripts/build_search_keys.py``): pypinyin reads 3.3 MB of dictionaries in one call that holds
the interpreter for 0.2–0.3 s, which a first start would otherwise pay while its window is up. It
is imported only for a name that file does not hold (a place the organiser adds).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from hongtu.core.paths import resource_path

_HANZI_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def _pinyin_forms(term: str) -> tuple[str, str]:
    """Full toneless pinyin and pinyin initials of ``term``; other characters are kept as-is."""
    from pypinyin import Style, lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    position = 0
    for run in _HANZI_RUN.finditer(term):
        other = term[position : run.start()]
        full.append(other)
        initials.append(other)
        syllables = lazy_pinyin(run.group(), style=Style.NORMAL)
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
    """``search_keys`` made from the pinyin tables."""
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
