"""Fast paths: read sites, the plans list (and one plan) straight from an up-to-date SQLite file,
read-only.

Start-up: the window can draw the list and every marker before SQLAlchemy has even been
imported; the full workspace (migrations, catalogue seeding) is opened right after and, if
anything differs, replaces what was shown. Any doubt (not SQLite, older schema, locked,
unreadable) returns None and start-up simply waits for the workspace.

The command line (``read_plan_quickly``, ``list_plans_quickly``, ``list_sites_quickly``): a
command that only reads (``plans export``, ``plans show``, ``plans list``, ``sites list``) gets
its plans and sites without the ORM, migrations or a re-seed, but only when opening the
workspace would change nothing: the file passes the same ``quick_check``, its schema is the
newest and every catalogue site is already seeded at the bundled catalogue's version. Otherwise
it returns None and the command opens the workspace as before (a backup and the migration, the
re-seed, and every refusal with its message).
"""

from __future__ import annotations

import json
import sqlite3
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from hongtu.core.geo import LatLon
from hongtu.core.sites import Site, SiteCategory
from hongtu.core.storage.files import SCHEMA_HEAD, read_only_uri, resolve_url, sqlite_file
from hongtu.core.storage.read_ahead import SUMMARIES, ReadAhead
from hongtu.core.storage.site_rows import category_of, row_to_site

if TYPE_CHECKING:  # plans and the roster: read after the window is up, never before it
    from hongtu.core.members import Member
    from hongtu.core.plans import Plan
    from hongtu.core.storage.plan_summary import PlanSummary

T = TypeVar("T")
_JSON_COLUMNS = ("aliases", "facts", "sources")
_BOOL_COLUMNS = ("in_taiyuan", "coord_verified")


def read_sites_quickly(db: str | None) -> list[Site] | None:
    return _read_at_schema_head(db, _all_sites)


def _read_at_schema_head(db: str | None, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read(connection)`` on the file opened read-only; None when it is no SQLite file at the
    newest schema, or anything in it is not as expected."""
    opened = _open_read_only(db)
    if opened is None:
        return None
    _, _, con = opened
    try:
        con.row_factory = sqlite3.Row
        return read(con) if _at_schema_head(con) else None
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        con.close()


class SitePin(NamedTuple):
    """All the map draws of a placed site: where, named what, and whether 位置待核实."""

    id: int
    name: str
    district: str
    category: SiteCategory
    point: LatLon
    estimate: bool  # ``Site.position_is_estimate``


def site_pin(site: Site) -> SitePin | None:
    """The pin of ``site``; None when it has no position."""
    if site.position is None:
        return None
    return SitePin(
        site.id,
        site.name,
        site.district,
        site.category,
        site.position.point,
        site.position_is_estimate,
    )


_PIN_QUERY = "SELECT id, name, district, category, lat, lon, coord_verified FROM sites ORDER BY id"


def read_site_pins_quickly(db: str | None) -> list[SitePin] | None:
    """The pins of the placed sites, as ``read_sites_quickly`` would place them, without
    building the sites (start-up's first markers; 2,000 places: ~3 ms, not ~40): a site the
    organiser edited is read whole (``row_to_site``), every other from its own columns.
    None when ``read_sites_quickly`` would step aside."""
    return _read_at_schema_head(db, _all_pins)


def _all_pins(con: sqlite3.Connection) -> list[SitePin]:
    edits = _edits_by_site(con)
    cursor = con.cursor()
    cursor.row_factory = None
    pins = []
    for site_id, name, district, category, lat, lon, verified in cursor.execute(_PIN_QUERY):
        if site_id in edits:  # a corrected position, access, …: as the site shows it
            pin = site_pin(_one_site(con, site_id, edits[site_id]))
        elif lat is None or lon is None:
            pin = None
        else:
            pin = SitePin(
                site_id, name, district, category_of(category), LatLon(lat, lon), not verified
            )
        if pin is not None:
            pins.append(pin)
    return pins


def _one_site(con: sqlite3.Connection, site_id: int, edits: list[SimpleNamespace]) -> Site:
    (values,) = _rows_as_dicts(con, "SELECT * FROM sites WHERE id = ?", (site_id,))
    return row_to_site(_site_row(values, edits))


def _rows_as_dicts(
    con: sqlite3.Connection, query: str, parameters: tuple[object, ...] = ()
) -> list[dict[str, Any]]:
    """The rows as plain tuples zipped with the column names: half the cost of Row → dict."""
    cursor = con.cursor()
    cursor.row_factory = None
    rows = cursor.execute(query, parameters).fetchall()
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _open_read_only(db: str | None) -> tuple[Path, str, sqlite3.Connection] | None:
    """The database file, its read-only URI and a connection to it; None if it is no file."""
    path = sqlite_file(resolve_url(db))
    if path is None or not path.is_file():
        return None
    uri = read_only_uri(path)
    try:
        return path, uri, sqlite3.connect(uri, uri=True, timeout=0.2)
    except sqlite3.Error:
        return None


def _at_schema_head(con: sqlite3.Connection) -> bool:
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return revision is not None and revision[0] == SCHEMA_HEAD


def _all_sites(con: sqlite3.Connection) -> list[Site]:
    edits = _edits_by_site(con)
    no_edits: list[SimpleNamespace] = []
    return [
        row_to_site(_site_row(values, edits.get(values["id"], no_edits)))
        for values in _rows_as_dicts(con, "SELECT * FROM sites ORDER BY id")
    ]


@dataclass(frozen=True)
class PlanSnapshot:
    """One stored plan and every site, as the workspace would have returned them."""

    plan: Plan
    sites: list[Site]
    roster: tuple[Member, ...] = ()  # the plan's branch's members (the 签到表)


def read_plan_quickly(db: str | None, plan_id: int) -> PlanSnapshot | None:
    """Plan ``plan_id`` and the sites, read-only, when the workspace is already up to date.

    None whenever opening the workspace could change or refuse something (new, damaged, older
    or foreign file, a catalogue not yet seeded, locked) or the plan is not there: the caller
    then opens the workspace, which migrates, re-seeds or says what is wrong.
    """

    def read(con: sqlite3.Connection) -> PlanSnapshot | None:
        plan = _read_plan(con, plan_id)
        if plan is None:
            return None
        return PlanSnapshot(plan, _all_sites(con), _roster(con, plan.branch))

    return _read_checked(db, lambda con, _: read(con), seeded=True)


class PlanLine(NamedTuple):
    """One plan as ``hongtu plans list`` prints it: the stored text, not parsed into types
    (the columns of ``SUMMARIES``)."""

    id: int
    title: str
    day: str  # ISO date, as stored
    branch: str
    status: str  # a ``PlanStatus`` value
    stops: int
    updated_at: str  # as stored


def list_plans_quickly(db: str | ReadAhead | None) -> list[PlanLine] | None:
    """``PlanStore.list_plans`` as lines (``hongtu plans list``), under ``read_plan_quickly``'s
    conditions. Ten thousand plans are printed as they are stored, so each line is only checked
    (a status the app knows, a date and a time it can read), not built; the sites are read as
    the workspace's re-seed would read them. Anything the workspace would refuse leaves the
    listing to it."""
    return _read_checked(db, _plan_lines, seeded=True, first=SUMMARIES)


def _plan_lines(con: sqlite3.Connection, started: sqlite3.Cursor | None) -> list[PlanLine] | None:
    from hongtu.core.plan_terms import PlanStatus

    _all_sites(con)  # raises on a stored site the re-seed could not read either
    if started is None:  # a read-ahead of something else
        started = con.cursor()
        started.row_factory = None  # plain tuples
        started.execute(SUMMARIES)
    lines = list(map(PlanLine._make, started))
    if not set(map(itemgetter(4), lines)) <= {status.value for status in PlanStatus}:
        return None
    # ValueError: not a date or a time the workspace could read (each parsed, nothing kept)
    deque(map(date.fromisoformat, map(itemgetter(2), lines)), maxlen=0)
    deque(map(datetime.fromisoformat, map(itemgetter(6), lines)), maxlen=0)
    return lines


def list_sites_quickly(db: str | ReadAhead | None) -> list[Site] | None:
    """``SiteStore.list_sites`` (``hongtu sites list``) under ``read_plan_quickly``'s
    conditions."""
    return _read_checked(db, lambda con, _: _all_sites(con), seeded=True)


def _read_checked(
    db: str | ReadAhead | None,
    read: Callable[[sqlite3.Connection, sqlite3.Cursor | None], T | None],
    *,
    seeded: bool,
    first: str | None = None,
) -> T | None:
    """``read(connection, started)`` in one read transaction, when opening the workspace would
    change and refuse nothing: the file passes the workspace's ``quick_check``, is at the
    newest schema and (``seeded``) holds every catalogue site at the bundled version.

    ``db`` may be a ``ReadAhead`` already started for the file (``hongtu.cli.main``);
    otherwise one is started here for ``first`` (``started``: its cursor, its first step
    taken). The check runs on a connection of its own, on a thread, while ``read`` reads
    (SQLite works without the GIL): at 10,000 plans it takes ~45 ms, as long as reading the
    plans list. What was read is returned only if the check passed."""
    ahead = db if isinstance(db, ReadAhead) else ReadAhead(db, first)
    opened = ahead.opened()
    try:
        if opened is None:
            return None
        con = opened.con
        con.row_factory = sqlite3.Row
        if not _at_schema_head(con) or (seeded and not _catalogue_seeded(con)):
            return None
        result = read(con, opened.started)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        passed = ahead.close()  # waits for the check, whatever happened here
    if not passed:
        return None
    if "immutable=1" in opened.uri and _opened_by_another_program(opened.path):
        return None  # a writer opened the file while it was read as immutable: read it again
    return result


def _roster(con: sqlite3.Connection, branch: str) -> tuple[Member, ...]:
    """The branch's members as ``MemberStore.members`` lists them (roster order)."""
    rows = con.execute(
        "SELECT m.* FROM members m JOIN branches b ON b.id = m.branch_id"
        " WHERE b.name = ? ORDER BY m.id",
        (branch.strip(),),
    ).fetchall()
    if not rows:  # no roster: the member types are not even imported
        return ()
    from hongtu.core.members import Member, PartyStatus

    return tuple(
        Member(
            row["id"],
            row["name"],
            row["role"],
            PartyStatus(row["party_status"]),
            date.fromisoformat(row["joined_on"]) if row["joined_on"] else None,
            date.fromisoformat(row["left_on"]) if row["left_on"] else None,
            date.fromisoformat(row["full_since"]) if row["full_since"] else None,
            date.fromisoformat(row["admitted_on"]) if row["admitted_on"] else None,
        )
        for row in rows
    )


def _opened_by_another_program(path: Path) -> bool:
    return Path(f"{path}-wal").exists() or Path(f"{path}-journal").exists()


def _catalogue_seeded(con: sqlite3.Connection) -> bool:
    """True when ``SiteStore.seed`` would add or refresh nothing: every key at this version or
    newer, or a newer catalogue stored (which the seed leaves as it is)."""
    from hongtu.core.catalogue import catalogue_is_older, load_catalogue, newest_catalogue

    catalogue = load_catalogue()
    stored = dict(con.execute("SELECT key, catalogue_version FROM sites WHERE key IS NOT NULL"))
    newest = newest_catalogue(stored.values())
    if newest is not None and newest > catalogue.version:
        return True
    return not any(
        entry.key not in stored or catalogue_is_older(stored[entry.key], catalogue.version)
        for entry in catalogue.entries
    )


def _read_plan(con: sqlite3.Connection, plan_id: int) -> Plan | None:
    from hongtu.core.limits import fit_plan
    from hongtu.core.storage.plan_rows import row_to_plan

    row = con.execute(
        "SELECT * FROM plans WHERE id = ? AND deleted_at IS NULL", (plan_id,)
    ).fetchone()
    if row is None:
        return None
    values = dict(row)
    values["day"] = date.fromisoformat(values["day"])
    values["gathering"] = json.loads(values["gathering"])
    values["returns_to_gathering"] = bool(values["returns_to_gathering"])
    stops = []
    for stop in con.execute(
        "SELECT * FROM plan_stops WHERE plan_id = ? ORDER BY position", (plan_id,)
    ):
        stop_values = dict(stop)
        for column in ("custom", "activities"):
            if stop_values[column] is not None:
                stop_values[column] = json.loads(stop_values[column])
        stop_values["pinned"] = bool(stop_values["pinned"])
        stops.append(SimpleNamespace(**stop_values))
    return fit_plan(row_to_plan(SimpleNamespace(**values, stops=stops)))  # as PlanStore.get


def _edits_by_site(con: sqlite3.Connection) -> dict[int, list[SimpleNamespace]]:
    edits: dict[int, list[SimpleNamespace]] = {}
    query = "SELECT site_id, field, value, edited_at, provenance FROM site_edits ORDER BY id"
    for row in con.execute(query):
        edit = SimpleNamespace(
            field=row["field"],
            value=json.loads(row["value"]) if row["value"] is not None else None,
            edited_at=datetime.fromisoformat(row["edited_at"]),
            provenance=json.loads(row["provenance"]) if row["provenance"] is not None else None,
        )
        edits.setdefault(row["site_id"], []).append(edit)
    return edits


def _json(text: str) -> Any:
    """``json.loads``, without the parser for the empty lists and objects most rows hold."""
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return json.loads(text)


def _site_row(values: dict[str, Any], edits: list[SimpleNamespace]) -> Any:
    """The row's ``values`` (changed in place) as the attributes ``row_to_site`` reads."""
    for column in _JSON_COLUMNS:
        values[column] = _json(values[column])
    for column in _BOOL_COLUMNS:
        values[column] = bool(values[column])
    if values["last_verified"]:
        values["last_verified"] = date.fromisoformat(values["last_verified"])
    if values["updated_at"]:
        values["updated_at"] = datetime.fromisoformat(values["updated_at"])
    return SimpleNamespace(**values, edits=edits)


def read_plan_summaries_quickly(db: str | None) -> list[PlanSummary] | None:
    """The plans list at start-up (the workspace opens right after and checks the file)."""
    return _read_at_schema_head(db, _summaries)


def _summaries(con: sqlite3.Connection) -> list[PlanSummary]:
    from hongtu.core.plan_terms import PlanStatus
    from hongtu.core.storage.plan_summary import PlanSummary

    statuses = {status.value: status for status in PlanStatus}  # not an Enum call per row
    return [
        PlanSummary(
            plan_id,
            title,
            date.fromisoformat(day),
            branch,
            statuses[status],
            int(stops),
            datetime.fromisoformat(updated_at),
        )
        for plan_id, title, day, branch, status, stops, updated_at in con.execute(SUMMARIES)
    ]
