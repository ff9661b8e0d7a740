"""The temporary file of an export killed in the organiser's own folder goes away too.

The start-up sweep knew the settings, cache and database folders and the home folder; an
export killed in the folder the organiser exports to (remembered by the window) or in the folder
given to `hongtu plans export --output` kept its ``.….hongtu-partial`` there for good.
"""

from __future__ import annotations

from pathlib import Path

from hongtu.cli import main
from hongtu.core.atomic import PARTIAL_SUFFIX, is_partial
from hongtu.core.export_folder import remember_export_folder
from hongtu.core.leftovers import sweep_partials
from test_cli_plans import plan_file


def leftover(folder: Path, name: str) -> Path:
    """What a killed export leaves: a temporary file nobody holds a lock on."""
    path = folder / f".{name}.k1llED{PARTIAL_SUFFIX}"
    path.write_bytes(b"half of an export")
    return path


def test_the_next_start_sweeps_the_folder_the_organiser_exports_to(tmp_path) -> None:
    exports = tmp_path / "党日材料"
    exports.mkdir()
    remember_export_folder(exports)  # the window exported here before
    dead = leftover(exports, "日程安排表.pdf")
    kept = exports / "日程安排表.pdf"
    kept.write_bytes(b"%PDF- an earlier export")

    sweep_partials(str(tmp_path / "hongtu.sqlite3"))  # what the window does when it starts

    assert not dead.exists()
    assert [p.name for p in exports.iterdir()] == ["日程安排表.pdf"]


def test_a_cli_export_clears_what_a_killed_one_left_in_its_folder(capsys, tmp_path) -> None:
    db = ["--db", str(tmp_path / "cli.sqlite3")]
    assert main([*db, "plans", "import", str(plan_file(tmp_path, []))]) == 0
    out = tmp_path / "out"
    out.mkdir()
    dead = leftover(out, "方案.csv")

    target = out / "方案.csv"
    assert main([*db, "plans", "export", "1", "--format", "csv", "--output", str(target)]) == 0

    capsys.readouterr()
    assert not dead.exists()
    assert not [p for p in out.iterdir() if is_partial(p)]
    assert (out / "方案.csv").exists()
