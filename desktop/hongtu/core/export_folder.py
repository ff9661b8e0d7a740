"""The folder the organiser last exported to, remembered between runs (a small JSON file)."""

from __future__ import annotations

import json
from pathlib import Path

from hongtu.core import paths

FILE_NAME = "export.json"


def last_export_folder() -> Path | None:
    """The last folder used, if it still exists."""
    try:
        data = json.loads((paths.config_dir() / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("folder") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder:
        return None
    path = Path(folder)
    return path if path.is_dir() else None


def remember_export_folder(folder: Path) -> None:
    target = paths.config_dir() / FILE_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"folder": str(folder)}, ensure_ascii=False), "utf-8")
    except OSError:
        pass  # remembering is a convenience; the export itself succeeded
