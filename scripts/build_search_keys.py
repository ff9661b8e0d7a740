"""Write the bundled catalogue's search keys: resources/data/search-keys.json.

Each site of ``resources/data/sites.json`` with its aliases and the keys ``hongtu.core.search``
makes from the pinyin tables, so that a first start seeds the catalogue without loading them
(pypinyin's dictionaries hold the interpreter for 0.2–0.3 s). Run after changing a site's name or
aliases, or after upgrading pypinyin (``tests/test_search.py`` fails until then):

    .venv/bin/python scripts/build_search_keys.py
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from hongtu.core.catalogue import load_catalogue  # noqa: E402
from hongtu.core.paths import resource_path  # noqa: E402
from hongtu.core.search import PRECOMPUTED_KEYS, pinyin_search_keys  # noqa: E402


def search_key_table() -> dict[str, object]:
    """The file's content for the bundled catalogue and the installed pypinyin."""
    return {
        "made_by": "scripts/build_search_keys.py",
        "pypinyin": version("pypinyin"),
        "sites": [
            {
                "name": entry.name,
                "aliases": list(entry.aliases),
                "keys": pinyin_search_keys(entry.name, entry.aliases),
            }
            for entry in load_catalogue()
        ],
    }


def main() -> None:
    out = resource_path(*PRECOMPUTED_KEYS)
    text = json.dumps(search_key_table(), ensure_ascii=False, indent=1) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
