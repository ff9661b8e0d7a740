"""Reading and changing sites: catalogue rows merged with the organiser's own corrections."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.catalogue import catalogue_is_older, newest_catalogue
from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import (
    MAX_PLACE_NAME,
    Confidence,
    Position,
    Provenance,
    Site,
    SiteCategory,
    VisitorAccess,
    VisitRules,
)
from hongtu.core.storage.models import SiteEditRow, SiteRow
from hongtu.core.storage.site_rows import (
    ACCESS_FIELD,
    EDITABLE_FIELDS,
    FACT_FIELDS,
    access_to_json,
    fact_to_json,
    provenance_from_json,
    provenance_to_json,
    row_to_site,
    rules_to_json,
    source_to_json,
)
from hongtu.core.storage.transactions import stored_rows, writing

log = logging.getLogger(__name__)


class SiteNotFoundError(LookupError):
    def __init__(self, site_id: int) -> None:
        super().__init__(f"no site with id {site_id}")
        self.site_id = site_id


@dataclass(frozen=True)
class SeedReport:
    added: int
    refreshed: int
    newer_kept: int | None = None
    """The stored catalogue's version when it is newer than the bundled one (left as it is)."""


@dataclass(frozen=True)
class NewPlace:
    """A place the organiser adds (添加地点), before it has an id."""

    name: str
    point: LatLon
    crs_origin: Crs
    district: str = ""
    district_adcode: str | None = None
    in_taiyuan: bool = True
    address: str | None = None


@dataclass(frozen=True)
class EditInfo:
    """One field the organiser corrected: when, and (taken from a file) who confirmed it."""

    field: str
    edited_on: date
    provenance: Provenance | None


class SiteStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._prefetched: list[Site] | None = None

    # ---- reading -----------------------------------------------------------------------------

    def prefetch(self) -> None:
        """Read the sites now (start-up does it on a helper thread); the next ``list_sites``
        answers from it, unless this store wrote in between."""
        self._prefetched = self._query_sites()

    def list_sites(self) -> list[Site]:
        prefetched, self._prefetched = self._prefetched, None
        return prefetched if prefetched is not None else self._query_sites()

    def _query_sites(self) -> list[Site]:
        with self._sessions() as session, stored_rows(self._sessions):
            rows = session.scalars(select(SiteRow).order_by(SiteRow.id)).all()
            return [row_to_site(row) for row in rows]

    def get(self, site_id: int) -> Site:
        with self._sessions() as session, stored_rows(self._sessions):
            row = session.get(SiteRow, site_id)
            if row is None:
                raise SiteNotFoundError(site_id)
            return row_to_site(row)

    def catalogue_site(self, site_id: int) -> Site:
        """The site as the catalogue (or the organiser's 添加地点) gave it, without edits."""
        with self._sessions() as session, stored_rows(self._sessions):
            return row_to_site(self._row(session, site_id), with_edits=False)

    def edited_fields(self, site_id: int) -> frozenset[str]:
        """The fields the organiser changed (names as in ``EDITABLE_FIELDS``)."""
        with self._sessions() as session:
            return frozenset(edited_fields(self._row(session, site_id)))

    def list_edits(self) -> dict[int, list[EditInfo]]:
        """Every site's corrected fields (site id → its edits), for exporting them."""
        with self._sessions() as session:
            edits: dict[int, list[EditInfo]] = {}
            for edit in session.scalars(select(SiteEditRow).order_by(SiteEditRow.id)):
                info = EditInfo(
                    edit.field, edit.edited_at.date(), provenance_from_json(edit.provenance)
                )
                edits.setdefault(edit.site_id, []).append(info)
            return edits

    def count(self) -> int:
        with self._sessions() as session:
            return len(session.scalars(select(SiteRow.id)).all())

    def stamp(self) -> tuple[object, ...]:
        """Changes whenever a site is added, refreshed or corrected (two small queries): a
        window notices another program's changes by comparing it."""
        with self._sessions() as session:
            sites = session.execute(select(func.count(SiteRow.id), func.max(SiteRow.updated_at)))
            edits = session.execute(
                select(func.count(SiteEditRow.id), func.max(SiteEditRow.edited_at))
            )
            return (*sites.one(), *edits.one())

    # ---- the organiser's corrections ---------------------------------------------------------

    def set_position(
        self,
        site_id: int,
        point: LatLon,
        crs_origin: Crs,
        provenance: Provenance | None = None,
    ) -> Site:
        value = {"lat": point.lat, "lon": point.lon, "crs_origin": crs_origin.value}
        return self._set_edit(site_id, "position", value, provenance)

    def restore_catalogue_position(self, site_id: int) -> Site:
        return self.clear_edit(site_id, "position")

    def set_fact(
        self, site_id: int, field: str, value: str | None, provenance: Provenance | None = None
    ) -> Site:
        if field not in FACT_FIELDS:
            raise ValueError(f"not an editable fact: {field}")
        cleaned = value.strip() if value else None
        return self._set_edit(site_id, field, cleaned or None, provenance)

    def set_visit_minutes(self, site_id: int, minutes: int) -> Site:
        if not 1 <= minutes <= 12 * 60:
            raise ValueError("visit minutes must be between 1 and 720")
        return self._set_edit(site_id, "visit_minutes", minutes)

    def set_rules(
        self, site_id: int, rules: VisitRules, provenance: Provenance | None = None
    ) -> Site:
        return self._set_edit(site_id, "rules", rules_to_json(rules), provenance)

    def set_visitor_access(
        self, site_id: int, status: VisitorAccess, provenance: Provenance | None = None
    ) -> Site:
        """What the organiser found out about going inside (``clear_edit`` hands it back)."""
        return self._set_edit(site_id, ACCESS_FIELD, status.value, provenance)

    def clear_edit(self, site_id: int, field: str) -> Site:
        self._prefetched = None
        with writing(self._sessions) as session:
            row = self._row(session, site_id)
            row.edits = [edit for edit in row.edits if edit.field != field]
        return self.get(site_id)

    def _set_edit(
        self, site_id: int, field: str, value: Any, provenance: Provenance | None = None
    ) -> Site:
        """Store the organiser's value; ``provenance`` when it was taken from a corrections
        file (an edit of their own replaces any provenance the field had)."""
        self._prefetched = None
        origin = provenance_to_json(provenance) if provenance is not None else None
        with writing(self._sessions) as session:
            row = self._row(session, site_id)
            existing = next((e for e in row.edits if e.field == field), None)
            if existing is None:
                row.edits.append(
                    SiteEditRow(
                        field=field, value=value, edited_at=datetime.now(), provenance=origin
                    )
                )
            else:
                existing.value = value
                existing.edited_at = datetime.now()
                existing.provenance = origin
        return self.get(site_id)

    @staticmethod
    def _row(session: Session, site_id: int) -> SiteRow:
        row = session.get(SiteRow, site_id)
        if row is None:
            raise SiteNotFoundError(site_id)
        return row

    # ---- places the organiser adds -----------------------------------------------------------

    def add_place(
        self,
        name: str,
        point: LatLon,
        crs_origin: Crs,
        district: str = "",
        district_adcode: str | None = None,
        in_taiyuan: bool = True,
        address: str | None = None,
    ) -> Site:
        place = NewPlace(name, point, crs_origin, district, district_adcode, in_taiyuan, address)
        return self.get(self.add_places([place])[0])

    def has_place_named(self, name: str) -> bool:
        """Whether a place added here (not a catalogue site) has exactly this name."""
        with self._sessions() as session:
            query = select(SiteRow.id).where(SiteRow.key.is_(None), SiteRow.name == name.strip())
            return session.scalars(query.limit(1)).first() is not None

    def add_places(self, places: Iterable[NewPlace]) -> list[int]:
        """Add many places in one transaction (imports, the scale fixture); their new ids."""
        self._prefetched = None
        rows = [_place_row(place) for place in places]
        with writing(self._sessions) as session:
            session.add_all(rows)
            session.flush()
            return [row.id for row in rows]

    # ---- seeding from the bundled catalogue --------------------------------------------------

    def seed(self, entries: Iterable[Any], catalogue_version: int) -> SeedReport:
        """Insert new catalogue sites and refresh those stored at an older catalogue version.
        Organiser edits are untouched.

        A database shared with a newer HongTu holds a newer catalogue: this release leaves it
        as it is (adding and refreshing nothing), so two releases never flip it back and forth.
        """
        self._prefetched = None
        with self._sessions() as session:
            query = select(SiteRow.catalogue_version).where(SiteRow.key.is_not(None))
            newest = newest_catalogue(session.scalars(query))
        if newest is not None and newest > catalogue_version:
            log.info(
                "the database holds catalogue %d, newer than this release's %d: left as it is",
                newest,
                catalogue_version,
            )
            return SeedReport(0, 0, newer_kept=newest)
        added = refreshed = 0
        with writing(self._sessions) as session:
            known = {row.key: row for row in session.scalars(select(SiteRow)) if row.key}
            for entry in entries:
                row = known.get(entry.key)
                if row is None:
                    row = SiteRow(key=entry.key, origin="catalogue")
                    session.add(row)
                    added += 1
                elif not catalogue_is_older(row.catalogue_version, catalogue_version):
                    continue
                else:
                    refreshed += 1
                _fill_from_catalogue(row, entry, catalogue_version)
        return SeedReport(added, refreshed)


def _place_row(place: NewPlace) -> SiteRow:
    from hongtu.core.search import search_keys

    name = place.name.strip()
    if not name:
        raise ValueError("a place needs a name")
    if len(name) > MAX_PLACE_NAME:  # a corrections file could not carry it
        raise ValueError(f"a place name has at most {MAX_PLACE_NAME} characters")
    address = place.address
    return SiteRow(
        key=None,
        origin="user",
        name=name,
        aliases=[],
        category=SiteCategory.CUSTOM.value,
        district=place.district,
        district_adcode=place.district_adcode,
        in_taiyuan=place.in_taiyuan,
        lat=place.point.lat,
        lon=place.point.lon,
        crs_origin=place.crs_origin.value,
        coord_confidence=Confidence.HIGH.value,
        coord_basis="user",
        coord_verified=True,
        facts={"address": {"value": address, "confidence": "high", "sources": []}}
        if address
        else {},
        significance="",
        notes="",
        sources=[],
        search_keys=search_keys(name, []),
        updated_at=datetime.now(),
        edits=[],
    )


def _fill_from_catalogue(row: SiteRow, entry: Any, catalogue_version: int) -> None:
    from hongtu.core.search import search_keys

    row.name = entry.name
    row.aliases = list(entry.aliases)
    row.category = SiteCategory(entry.category).value
    row.district = entry.district
    row.district_adcode = entry.district_adcode
    row.in_taiyuan = entry.in_taiyuan
    position: Position | None = entry.position
    row.lat = position.point.lat if position else None
    row.lon = position.point.lon if position else None
    row.crs_origin = position.crs_origin.value if position else None
    row.coord_confidence = position.confidence.value if position else Confidence.UNKNOWN.value
    row.coord_basis = position.basis if position else ""
    row.coord_verified = position.verified if position else False
    row.facts = {name: fact_to_json(fact) for name, fact in entry.facts.items()}
    row.facts[ACCESS_FIELD] = access_to_json(entry.access)
    row.significance = entry.significance
    row.notes = entry.notes
    row.sources = [source_to_json(s) for s in entry.sources]
    row.last_verified = entry.last_verified
    row.visit_minutes = entry.visit_minutes
    row.search_keys = search_keys(entry.name, entry.aliases)
    row.catalogue_version = catalogue_version
    row.updated_at = datetime.now()


def edited_fields(row: SiteRow) -> set[str]:
    return {edit.field for edit in row.edits}


__all__ = [
    "EDITABLE_FIELDS",
    "FACT_FIELDS",
    "EditInfo",
    "NewPlace",
    "SeedReport",

    "SiteNotFoundError",
    "SiteStore",
]
