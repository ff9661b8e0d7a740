"""Turning stored site rows into ``Site`` objects, and back into JSON columns.

Free of SQLAlchemy: the same mapping serves the ORM rows and the start-up fast path
(``quick_read``), which reads plain ``sqlite3`` rows with the same attribute names.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Any, Protocol, TypeVar

from hongtu.core import clocktime
from hongtu.core.geo import Crs, LatLon
from hongtu.core.sites import (
    DEFAULT_VISIT_MINUTES,
    Access,
    Confidence,
    Fact,
    Position,
    PositionOrigin,
    Provenance,
    Site,
    SiteCategory,
    Source,
    VisitorAccess,
    VisitRules,
)

FACT_FIELDS = (
    "address",
    "protection_level",
    "opening_hours",
    "closed_days",
    "reservation",
    "admission",
    "phone",
)
#: ``visitor_access`` is stored inside the ``facts`` JSON column (no schema change), as
#: ``{"value": "exterior_only" | "open" | null, "confidence": ..., "sources": [...]}``.
ACCESS_FIELD = "visitor_access"
EDITABLE_FIELDS = (*FACT_FIELDS, "position", "visit_minutes", "rules", ACCESS_FIELD)


class SiteRowLike(Protocol):
    """The columns of the ``sites`` table (see ``models.SiteRow``) plus its edits."""

    id: int
    key: str | None
    origin: str
    name: str
    aliases: list[str]
    category: str
    district: str
    district_adcode: str | None
    in_taiyuan: bool
    lat: float | None
    lon: float | None
    crs_origin: str | None
    coord_confidence: str
    coord_basis: str
    coord_verified: bool
    facts: dict[str, Any]
    significance: str
    notes: str
    sources: list[dict[str, Any]]
    last_verified: Any
    visit_minutes: int | None
    search_keys: str
    updated_at: datetime | None

    @property
    def edits(self) -> list[Any]: ...


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


def access_to_json(access: Access) -> dict[str, Any]:
    value = None if access.status is VisitorAccess.UNKNOWN else access.status.value
    return {
        "value": value,
        "confidence": access.confidence.value,
        "sources": list(access.source_ids),
    }


def _access(data: dict[str, Any] | None) -> Access:
    if not data or data.get("value") is None:
        return _NO_ACCESS
    try:
        status = VisitorAccess(data["value"])
    except ValueError:
        return Access()
    return Access(
        status, Confidence(data.get("confidence", "unknown")), tuple(data.get("sources", ()))
    )


def provenance_to_json(provenance: Provenance) -> dict[str, Any]:
    return {
        "confirmed_by": provenance.confirmed_by,
        "confirmed_on": provenance.confirmed_on.isoformat(),
        "source": provenance.source,
        "confidence": provenance.confidence.value,
    }


def provenance_from_json(data: dict[str, Any] | None) -> Provenance | None:
    """None for the organiser's own edit (and for anything unreadable: shown as their own)."""
    if not data:
        return None
    try:
        return Provenance(
            confirmed_by=str(data["confirmed_by"]),
            confirmed_on=date.fromisoformat(data["confirmed_on"]),
            source=str(data["source"]),
            confidence=Confidence(data["confidence"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def rules_to_json(rules: VisitRules) -> dict[str, Any]:
    def hhmm(value: time | None) -> str | None:
        return clocktime.hhmm(value) if value else None

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


E = TypeVar("E", bound=Enum)
_MEMBERS: dict[type[Enum], dict[Any, Enum]] = {
    kind: {member.value: member for member in kind}
    for kind in (Confidence, Crs, SiteCategory, VisitorAccess)
}


def _member(kind: type[E], value: Any) -> E:
    """``kind(value)`` looked up directly: start-up reads thousands of rows, and an enum call
    costs a few microseconds. Anything not found goes to ``kind(value)``, which refuses it."""
    try:
        return _MEMBERS[kind][value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        return kind(value)


def category_of(value: Any) -> SiteCategory:
    """``SiteCategory(value)``, looked up directly (``_member``)."""
    return _member(SiteCategory, value)


_NO_RULES = VisitRules()  # frozen: one shared value for the many sites without rules
_NO_ACCESS = Access()


def rules_from_json(data: dict[str, Any] | None) -> VisitRules:
    if not data:
        return _NO_RULES

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


_UNKNOWN_FACT = Fact.unknown()  # frozen: one shared value for the many facts nobody knows yet
_UNKNOWN_FACTS = dict.fromkeys(FACT_FIELDS, _UNKNOWN_FACT)


def _fact(data: dict[str, Any] | None) -> Fact:
    if not data:
        return _UNKNOWN_FACT
    return Fact(
        value=data.get("value"),
        confidence=_member(Confidence, data.get("confidence", "unknown")),
        source_ids=tuple(data.get("sources", ())),
    )


def _position(row: SiteRowLike) -> Position | None:
    if row.lat is None or row.lon is None:
        return None
    origin = PositionOrigin.USER if row.origin == "user" else PositionOrigin.CATALOGUE
    return Position(
        point=LatLon(row.lat, row.lon),
        crs_origin=_member(Crs, row.crs_origin or "wgs84"),
        confidence=_member(Confidence, row.coord_confidence),
        basis=row.coord_basis,
        verified=row.coord_verified,
        origin=origin,
        edited_on=row.updated_at.date()
        if origin is PositionOrigin.USER and row.updated_at
        else None,
    )


def _user_position(
    value: dict[str, Any], edited_at: datetime, provenance: Provenance | None
) -> Position:
    return Position(
        point=LatLon(value["lat"], value["lon"]),
        crs_origin=Crs(value.get("crs_origin", "wgs84")),
        confidence=provenance.confidence if provenance else Confidence.HIGH,
        basis=provenance.source if provenance else "user",
        # a position someone else confirmed with less than high confidence stays 位置待核实
        verified=provenance is None or provenance.confidence is Confidence.HIGH,
        origin=PositionOrigin.USER,
        edited_on=provenance.confirmed_on if provenance else edited_at.date(),
    )


_NO_EDITS: dict[str, Any] = {}  # read only: most rows (every place added) have no edits


def row_to_site(row: SiteRowLike, *, with_edits: bool = True) -> Site:
    """The site as shown; ``with_edits=False`` gives the catalogue's own values only."""
    edits = {edit.field: edit for edit in row.edits} if with_edits and row.edits else _NO_EDITS
    provenance = {
        name: found
        for name, edit in edits.items()
        if (found := provenance_from_json(getattr(edit, "provenance", None))) is not None
    }
    stored = row.facts
    if stored:
        facts = {name: _fact(stored.get(name)) for name in FACT_FIELDS}
    else:  # most places: nothing known yet
        facts = dict(_UNKNOWN_FACTS)
    if edits:
        for name in FACT_FIELDS:
            if name in edits:
                confidence = provenance[name].confidence if name in provenance else Confidence.HIGH
                facts[name] = Fact(edits[name].value, confidence, (), PositionOrigin.USER)
    position = _position(row)
    if "position" in edits:
        edit = edits["position"]
        position = _user_position(edit.value, edit.edited_at, provenance.get("position"))
    visit_minutes = row.visit_minutes
    if "visit_minutes" in edits:
        visit_minutes = edits["visit_minutes"].value
    rules = rules_from_json(edits["rules"].value if "rules" in edits else None)
    access = _access(stored.get(ACCESS_FIELD)) if stored else _NO_ACCESS
    if ACCESS_FIELD in edits:  # the organiser confirmed it (or that it is closed to visitors)
        status = VisitorAccess(edits[ACCESS_FIELD].value)
        known = status is not VisitorAccess.UNKNOWN
        confidence = Confidence.HIGH if known else Confidence.UNKNOWN
        if known and ACCESS_FIELD in provenance:
            confidence = provenance[ACCESS_FIELD].confidence
        access = Access(status, confidence, (), PositionOrigin.USER)
    return Site(
        id=row.id,
        key=row.key,
        name=row.name,
        aliases=tuple(row.aliases),
        category=_member(SiteCategory, row.category),
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
        )
        if row.sources
        else (),
        last_verified=row.last_verified,
        visit_minutes=visit_minutes or DEFAULT_VISIT_MINUTES,
        visit_minutes_is_default=visit_minutes is None,
        rules=rules,
        search_keys=row.search_keys,
        access=access,
        provenance=tuple(sorted(provenance.items())) if provenance else (),
    )
