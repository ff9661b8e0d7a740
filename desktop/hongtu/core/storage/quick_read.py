"""Start-up fast path: read the sites straight from an up-to-date SQLite file, read-only.

The window can then draw the list and every marker before SQLAlchemy has even been imported;
the full workspace (migrations, catalogue seeding) is opened right after and, if anything
differs, replaces what was shown. Any doubt (not SQLite, older schema, locked, unreadable)
returns None and start-up simply waits for the workspace.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from hongtu.core.sites import Site
from hongtu.core.storage.files import SCHEMA_HEAD, read_only_uri, resolve_url, sqlite_file
from hongtu.core.storage.site_rows import row_to_site

_JSON_COLUMNS = ("aliases", "facts", "sources")
_BOOL_COLUMNS = ("in_taiyuan", "coord_verified")


def read_sites_quickly(db: str | None) -> list[Site] | None:
    path = sqlite_file(resolve_url(db))
    if path is None or not path.is_file():
        return None
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        con.row_factory = sqlite3.Row
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None
        edits = _edits_by_site(con)
        rows = con.execute("SELECT * FROM sites ORDER BY id").fetchall()
        return [row_to_site(_site_row(row, edits.get(row["id"], []))) for row in rows]
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        con.close()


def _edits_by_site(con: sqlite3.Connection) -> dict[int, list[SimpleNamespace]]:
    edits: dict[int, list[SimpleNamespace]] = {}
    for row in con.execute("SELECT site_id, field, value, edited_at FROM site_edits ORDER BY id"):
        edit = SimpleNamespace(
            field=row["field"],
            value=json.loads(row["value"]) if row["value"] is not None else None,
            edited_at=datetime.fromisoformat(row["edited_at"]),
        )
        edits.setdefault(row["site_id"], []).append(edit)
    return edits


def _site_row(row: sqlite3.Row, edits: list[SimpleNamespace]) -> Any:
    values = dict(row)
    for column in _JSON_COLUMNS:
        values[column] = json.loads(values[column])
    for column in _BOOL_COLUMNS:
        values[column] = bool(values[column])
    if values["last_verified"]:
        values["last_verified"] = date.fromisoformat(values["last_verified"])
    if values["updated_at"]:
        values["updated_at"] = datetime.fromisoformat(values["updated_at"])
    return SimpleNamespace(**values, edits=edits)
