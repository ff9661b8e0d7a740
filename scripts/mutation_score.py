"""Per-module mutation scores from ``mutmut results --all true`` (scripts/mutation.sh runs it).

    python scripts/mutation_score.py WORKDIR/mutmut-results.txt docs/mutation.md

A survivor named in backticks on a line of docs/mutation.md's "Survivors judged equivalent"
section counts as equivalent; the score is killed / (judged - equivalent), timeouts counting as
killed. Mutants no selected test reaches ("no tests") are listed apart, not scored.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

_NAME = re.compile(r"`(hongtu\.core\.[^`]+__mutmut_\d+)`")


def equivalent_names(doc: Path) -> set[str]:
    names: set[str] = set()
    inside = False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = "judged equivalent" in line
            continue
        if inside:
            names.update(_NAME.findall(line))
    return names


def module_of(name: str) -> str:
    """``hongtu.core.exports._text.x_cell_text__mutmut_3`` → ``exports/_text``."""
    parts = name.split(".")
    path = [p for p in parts[2:] if not re.match(r"xǁ|x_|.*__mutmut_\d+$", p)]
    return "/".join(path)


def main(results: Path, doc: Path) -> None:
    equivalent = equivalent_names(doc)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in results.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if ": " not in line:
            continue
        name, status = line.rsplit(": ", 1)
        module = module_of(name)
        if status == "survived" and name in equivalent:
            status = "equivalent"
        counts[module][status] += 1
    total: Counter[str] = Counter()
    print("| module | mutants | killed | survived | equivalent | no tests | not run | score |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for module in sorted(counts):
        c = counts[module]
        total.update(c)
        print(_row(module, c))
    print(_row("**all**", total))


def _row(module: str, c: Counter[str]) -> str:
    killed = c["killed"] + c["timeout"]
    non_equivalent = killed + c["survived"] + c["suspicious"]
    score = (
        f"{killed}/{non_equivalent} = {100 * killed / non_equivalent:.1f} %"
        if non_equivalent
        else "–"
    )
    judged = sum(c.values())
    return (
        f"| `{module}` | {judged} | {killed} | {c['survived'] + c['suspicious']}"
        f" | {c['equivalent']}"
        f" | {c['no tests']} | {c['not checked']} | {score} |"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
