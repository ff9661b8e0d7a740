"""Reading and changing sites: catalogue rows merged with the organiser's own corrections."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import (
    DEFAULT_VISIT_MINUTES,
    Confidence,
    Fact,
    Position,
    PositionOrigin,
    Site,
    SiteCategory,
    Source,
    VisitRules,
)
from hongtu.core.storage.models import SiteEditRow, SiteRow

FACT_FIELDS = (
    "address",
    "protection_level",
    "opening_hours",
    "closed_days",
    "reservation",
    "admission",
    "phone",
)
EDITABLE_FIELDS = (*FACT_FIELDS, "position", "visit_minutes", "rules")


class SiteNotFoundError(LookupError):
    def __init__(self, site_id: int) -> None:
        super().__init__(f"no site with id {site_id}")
        self.site_id = site_id


@dataclass(frozen=True)
class SeedReport:
    added: int
    refreshed: int


class SiteStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ---- reading -----------------------------------------------------------------------------

    def list_sites(self) -> list[Site]:
        with self._sessions() as session:
            rows = session.scalars(select(SiteRow).order_by(SiteRow.id)).all()
            return [row_to_site(row) for row in rows]

    def get(self, site_id: int) -> Site:
        with self._sessions() as session:
            row = session.get(SiteRow, site_id)
            if row is None:
                raise SiteNotFoundError(site_id)
            return row_to_site(row)

    def count(self) -> int:
        with self._sessions() as session:
            return len(session.scalars(select(SiteRow.id)).all())

    # ---- the organiser's corrections ---------------------------------------------------------

    def set_position(self, site_id: int, point: LatLon, crs_origin: Crs) -> Site:
        value = {"lat": point.lat, "lon": point.lon, "crs_origin": crs_origin.value}
        return self._set_edit(site_id, "position", value)

    def restore_catalogue_position(self, site_id: int) -> Site:
        return self.clear_edit(site_id, "position")

    def set_fact(self, site_id: int, field: str, value: str | None) -> Site:
        if field not in FACT_FIELDS:
            raise ValueError(f"not an editable fact: {field}")
        cleaned = value.strip() if value else None
        return self._set_edit(site_id, field, cleaned or None)

    def set_visit_minutes(self, site_id: int, minutes: int) -> Site:
        if not 1 <= minutes <= 12 * 60:
            raise ValueError("visit minutes must be between 1 and 720")
        return self._set_edit(site_id, "visit_minutes", minutes)

    def set_rules(self, site_id: int, rules: VisitRules) -> Site:
        return self._set_edit(site_id, "rules", rules_to_json(rules))

    def clear_edit(self, site_id: int, field: str) -> Site:
        with self._sessions.begin() as session:
            row = self._row(session, site_id)
            row.edits = [edit for edit in row.edits if edit.field != field]
        return self.get(site_id)

    def _set_edit(self, site_id: int, field: str, value: Any) -> Site:
        with self._sessions.begin() as session:
            row = self._row(session, site_id)
            existing = next((e for e in row.edits if e.field == field), None)
            if existing is None:
                row.edits.append(SiteEditRow(field=field, value=value, edited_at=datetime.now()))
            else:
                existing.value = value
                existing.edited_at = datetime.now()
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
        from hongtu.core.search import search_keys

        name = name.strip()
        if not name:
            raise ValueError("a place needs a name")
        row = SiteRow(
            key=None,
            origin="user",
            name=name,
            aliases=[],
            category=SiteCategory.CUSTOM.value,
            district=district,
            district_adcode=district_adcode,
            in_taiyuan=in_taiyuan,
            lat=point.lat,
            lon=point.lon,
            crs_origin=crs_origin.value,
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
        )
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            site_id = row.id
        return self.get(site_id)

    # ---- seeding from the bundled catalogue --------------------------------------------------

    def seed(self, entries: Iterable[Any], catalogue_version: int) -> SeedReport:
        """Insert new catalogue sites and refresh known ones. Organiser edits are untouched."""
        added = refreshed = 0
        with self._sessions.begin() as session:
            known = {row.key: row for row in session.scalars(select(SiteRow)) if row.key}
            for entry in entries:
                row = known.get(entry.key)
                if row is None:
                    row = SiteRow(key=entry.key, origin="catalogue")
                    session.add(row)
                    added += 1
                elif row.catalogue_version == catalogue_version:
                    continue
                else:
                    refreshed += 1
                _fill_from_catalogue(row, entry, catalogue_version)
        return SeedReport(added, refreshed)


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
    row.significance = entry.significance
    row.notes = entry.notes
    row.sources = [source_to_json(s) for s in entry.sources]
    row.last_verified = entry.last_verified
    row.visit_minutes = entry.visit_minutes
    row.search_keys = search_keys(entry.name, entry.aliases)
    row.catalogue_version = catalogue_version
    row.updated_at = datetime.now()


# ---- row ↔ domain ------------------------------------------------------------------------------


def fact_to_json(fact: Fact) -> dict[str, Any]:
    return {
        "value": fact.value,
        "confidence": fact.confidence.value,
        "sources": list(fact.source_ids),
    }


def source_to_json(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "url": source.url,
        "confidence": source.confidence.value,
        "supports": list(source.supports),
    }


def rules_to_json(rules: VisitRules) -> dict[str, Any]:
    def hhmm(value: time | None) -> str | None:
        return value.strftime("%H:%M") if value else None

    return {
        "opens": hhmm(rules.opens),
        "closes": hhmm(rules.closes),
        "last_entry": hhmm(rules.last_entry),
        "closed_weekdays": sorted(rules.closed_weekdays)
        if rules.closed_weekdays is not None
        else None,
        "open_on_public_holidays": rules.open_on_public_holidays,
        "reservation_lead_days": rules.reservation_lead_days,
        "max_group_size": rules.max_group_size,
    }


def rules_from_json(data: dict[str, Any] | None) -> VisitRules:
    if not data:
        return VisitRules()

    def parse(value: str | None) -> time | None:
        return time.fromisoformat(value) if value else None

    weekdays = data.get("closed_weekdays")
    return VisitRules(
        opens=parse(data.get("opens")),
        closes=parse(data.get("closes")),
        last_entry=parse(data.get("last_entry")),
        closed_weekdays=frozenset(weekdays) if weekdays is not None else None,
        open_on_public_holidays=data.get("open_on_public_holidays"),
        reservation_lead_days=data.get("reservation_lead_days"),
        max_group_size=data.get("max_group_size"),
    )


def _fact(data: dict[str, Any] | None) -> Fact:
    if not data:
        return Fact.unknown()
    return Fact(
        value=data.get("value"),
        confidence=Confidence(data.get("confidence", "unknown")),
        source_ids=tuple(data.get("sources", ())),
    )


def _position(row: SiteRow) -> Position | None:
    if row.lat is None or row.lon is None:
        return None
    origin = PositionOrigin.USER if row.origin == "user" else PositionOrigin.CATALOGUE
    return Position(
        point=LatLon(row.lat, row.lon),
        crs_origin=Crs(row.crs_origin or "wgs84"),
        confidence=Confidence(row.coord_confidence),
        basis=row.coord_basis,
        verified=row.coord_verified,
        origin=origin,
        edited_on=row.updated_at.date()
        if origin is PositionOrigin.USER and row.updated_at
        else None,
    )


def _user_position(value: dict[str, Any], edited_at: datetime) -> Position:
    return Position(
        point=LatLon(value["lat"], value["lon"]),
        crs_origin=Crs(value.get("crs_origin", "wgs84")),
        confidence=Confidence.HIGH,
        basis="user",
        verified=True,
        origin=PositionOrigin.USER,
        edited_on=edited_at.date(),
    )


def row_to_site(row: SiteRow) -> Site:
    edits = {edit.field: edit for edit in row.edits}
    facts = {name: _fact(row.facts.get(name)) for name in FACT_FIELDS}
    for name in FACT_FIELDS:
        if name in edits:
            facts[name] = Fact(edits[name].value, Confidence.HIGH, (), PositionOrigin.USER)
    position = _position(row)
    if "position" in edits:
        position = _user_position(edits["position"].value, edits["position"].edited_at)
    visit_minutes = row.visit_minutes
    if "visit_minutes" in edits:
        visit_minutes = edits["visit_minutes"].value
    rules = rules_from_json(edits["rules"].value if "rules" in edits else None)
    return Site(
        id=row.id,
        key=row.key,
        name=row.name,
        aliases=tuple(row.aliases),
        category=SiteCategory(row.category),
        district=row.district,
        district_adcode=row.district_adcode,
        in_taiyuan=row.in_taiyuan,
        address=facts["address"],
        position=position,
        protection_level=facts["protection_level"],
        opening_hours=facts["opening_hours"],
        closed_days=facts["closed_days"],
        reservation=facts["reservation"],
        admission=facts["admission"],
        phone=facts["phone"],
        significance=row.significance,
        notes=row.notes,
        sources=tuple(
            Source(s["title"], s["url"], Confidence(s["confidence"]), tuple(s.get("supports", ())))
            for s in row.sources
        ),
        last_verified=row.last_verified,
        visit_minutes=visit_minutes or DEFAULT_VISIT_MINUTES,
        visit_minutes_is_default=visit_minutes is None,
        rules=rules,
        search_keys=row.search_keys,
    )


def edited_fields(row: SiteRow) -> set[str]:
    return {edit.field for edit in row.edits}


__all__ = ["EDITABLE_FIELDS", "FACT_FIELDS", "SeedReport", "SiteNotFoundError", "SiteStore"]
