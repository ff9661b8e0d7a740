"""Write HongTu's pinyin files: resources/data/pinyin-readings.json and search-keys.json.

``pinyin-readings.json`` is the reading table ``hongtu.core.search`` spells names with, made from
pypinyin's dictionaries (pypinyin is needed here only, not by the app): each character's usual
toneless reading (ü written v, as pypinyin writes it), and the words that pypinyin reads
otherwise than character by character (银行 yin hang, 重庆 chong qing).
``search-keys.json`` holds every site of ``resources/data/sites.json`` with its aliases and the
keys made from that table, so that a first start seeds the catalogue without reading it.
Run after changing a site's name or aliases, or after upgrading pypinyin (``tests/test_search.py``
fails until then):

    .venv/bin/python scripts/build_search_keys.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from hongtu.core import search  # noqa: E402
from hongtu.core.catalogue import load_catalogue  # noqa: E402
from hongtu.core.paths import resource_path  # noqa: E402

_DIAERESIS = "\u0308"


def toneless(reading: str) -> str:
    """``lǚ`` → ``lv``: the tone marks dropped, ü written v."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKD", reading):
        if char == _DIAERESIS and out:
            out[-1] = "v"
        elif not unicodedata.combining(char):
            out.append(char)
    return "".join(out)


def reading_table() -> dict[str, object]:
    """The reading table for the installed pypinyin."""
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    usual = {chr(code): toneless(text.split(",")[0]) for code, text in pinyin_dict.items()}
    by_syllable: dict[str, list[str]] = {}
    for char, syllable in sorted(usual.items()):
        by_syllable.setdefault(syllable, []).append(char)
    words = {}
    for word, readings in sorted(phrases_dict.items()):
        syllables = [toneless(r[0]) for r in readings]
        if len(syllables) == len(word) and syllables != [usual.get(c, c) for c in word]:
            words[word] = " ".join(syllables)
    return {
        "made_by": "scripts/build_search_keys.py",
        "pypinyin": version("pypinyin"),
        "readings": {s: "".join(chars) for s, chars in sorted(by_syllable.items())},
        "words": words,
    }


def search_key_table() -> dict[str, object]:
    """The bundled catalogue's keys, from the reading table in use."""
    return {
        "made_by": "scripts/build_search_keys.py",
        "sites": [
            {
                "name": entry.name,
                "aliases": list(entry.aliases),
                "keys": search.pinyin_search_keys(entry.name, entry.aliases),
            }
            for entry in load_catalogue()
        ],
    }


def main() -> None:
    readings = resource_path(*search.READINGS)
    text = json.dumps(reading_table(), ensure_ascii=False, separators=(",", ":"), indent=0)
    readings.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {readings}")
    search.pinyin_readings.cache_clear()
    keys = resource_path(*search.PRECOMPUTED_KEYS)
    keys.write_text(
        json.dumps(search_key_table(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {keys}")


if __name__ == "__main__":
    main()
