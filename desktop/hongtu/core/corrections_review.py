"""A site-corrections file against the local catalogue: what differs, what is new, what is the same.

``review_corrections`` compares every entry with the local site it names (a catalogue key, or a
place added by name) and lists one ``SiteDifference`` per differing value, with who confirmed
it; entries whose values all match are reported as unchanged. A site unknown here becomes a
``NewPlace`` offer when the file gives its position; an unknown site without one is refused
(``CorrectionsError``), before anything is stored. ``apply_review`` stores what the person took,
each value with its provenance. Nothing here is Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from hongtu.core.geo import LatLon
from hongtu.core.places import PlaceError, add_place, resolve_district
from hongtu.core.shared_sites import (
    ACCESS,
    POSITION,
    RULES,
    SiteDifference,
    apply_differences,
    position_moved,
)
from hongtu.core.site_corrections import (
    CORRECTION_FACTS,
    CorrectionEntry,
    CorrectionsError,
    CorrectionsErrorCode,
    CorrectionsFile,
)
from hongtu.core.sites import Site, VisitorAccess, VisitRules

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore


Value = LatLon | VisitRules | VisitorAccess | str


@dataclass(frozen=True, slots=True)
class NewPlace:
    """A site the file names that this catalogue does not have: added as the organiser's own
    place if taken. ``entries`` are every entry about it (the first with a position leads)."""

    entries: tuple[CorrectionEntry, ...]

    @property
    def lead(self) -> CorrectionEntry:
        return next(entry for entry in self.entries if entry.position is not None)

    @property
    def name(self) -> str:
        return self.lead.site.name


@dataclass
class CorrectionsReview:
    differences: list[SiteDifference] = field(default_factory=list)
    new_places: list[NewPlace] = field(default_factory=list)
    unchanged: list[CorrectionEntry] = field(default_factory=list)  # every value already here


@dataclass
class AppliedCorrections:
    changed: list[Site] = field(default_factory=list)  # the sites as stored afterwards
    added: list[Site] = field(default_factory=list)


class SiteIndex:
    """The local sites by catalogue key, and the places added here by name."""

    def __init__(self, sites: Iterable[Site]) -> None:
        self.by_key: dict[str, Site] = {}
        self.by_name: dict[str, Site] = {}
        for site in sites:
            if site.key is not None:
                self.by_key[site.key] = site
            else:
                self.by_name.setdefault(site.name, site)

    def site_for(self, entry: CorrectionEntry) -> Site | None:
        """The catalogue site with the entry's key, else a place added here with its name."""
        if entry.site.key and entry.site.key in self.by_key:
            return self.by_key[entry.site.key]
        return self.by_name.get(entry.site.name)


def entry_differences(entry: CorrectionEntry, site: Site) -> list[SiteDifference]:
    """Each value of ``entry`` that ``site`` shows differently, with the entry's provenance."""
    found: list[SiteDifference] = []

    def differs(name: str, local: Value | None, theirs: Value) -> None:
        found.append(
            SiteDifference(
                site.id, site.name, name, local, theirs, entry.provenance, entry.given_in
            )
        )

    if entry.position is not None:
        local = site.position.point if site.position is not None else None
        if position_moved(local, entry.position):
            differs(POSITION, local, entry.position)
    for name in CORRECTION_FACTS:
        value = entry.facts.get(name)
        if value is not None and value != getattr(site, name).value:
            differs(name, getattr(site, name).value, value)
    if entry.rules is not None and entry.rules != site.rules:
        differs(RULES, site.rules, entry.rules)
    if entry.access is not None and entry.access is not site.access.status:
        differs(ACCESS, site.access.status, entry.access)
    return found


def review_corrections(corrections: CorrectionsFile, local_sites: list[Site]) -> CorrectionsReview:
    """Compare the whole file first. Raises for an unknown site the file gives no position for,
    and for two entries that (by key or by name) set the same field of the same place."""
    review = CorrectionsReview()
    index = SiteIndex(local_sites)
    unknown: dict[str, list[CorrectionEntry]] = {}  # by name: how the place will be stored
    seen: set[tuple[object, str]] = set()
    for entry in corrections.entries:
        site = index.site_for(entry)
        target: object = site.id if site is not None else entry.site.name
        for name in entry.fields():
            if (target, name) in seen:
                raise CorrectionsError(
                    CorrectionsErrorCode.DUPLICATE_ENTRY, entry.number, entry.site.name, name
                )
            seen.add((target, name))
        if site is None:
            unknown.setdefault(entry.site.name, []).append(entry)
            continue
        differences = entry_differences(entry, site)
        if differences:
            review.differences.extend(differences)
        else:
            review.unchanged.append(entry)
    for entries in unknown.values():
        if all(entry.position is None for entry in entries):
            first = entries[0]
            raise CorrectionsError(
                CorrectionsErrorCode.UNKNOWN_SITE_WITHOUT_POSITION,
                first.number,
                first.site.name,
                "site",
            )
        review.new_places.append(NewPlace(tuple(entries)))
    return review


def apply_review(
    store: SiteStore, differences: Iterable[SiteDifference], new_places: Iterable[NewPlace]
) -> AppliedCorrections:
    """Store the differences taken and add the new places taken, each value with who confirmed
    it. Every value was checked when the file was read, so nothing here can be refused."""
    applied = AppliedCorrections(changed=apply_differences(store, differences))
    for place in new_places:
        lead = place.lead
        assert lead.position is not None
        try:
            district = resolve_district(lead.position, lead.site.district)
        except PlaceError:  # a district name not bundled here: found from the position instead
            district = resolve_district(lead.position, None)
        site = add_place(
            store,
            lead.site.name,
            lead.position,
            lead.given_in,
            district_name=district.name if district else None,
        )
        site = store.set_position(site.id, lead.position, lead.given_in, lead.provenance)
        rest = [d for entry in place.entries for d in entry_differences(entry, site)]
        changed = apply_differences(store, rest)
        applied.added.append(changed[-1] if changed else site)
    return applied
