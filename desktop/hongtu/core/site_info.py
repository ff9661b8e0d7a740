"""The organiser's own site facts: form values → ``VisitRules``, validation, and what to save.

The 编辑站点信息 dialog collects what the organiser confirmed (usually by phone): the text facts
shown in the details panel, the structured ``VisitRules`` the plan warnings use, and the visit
length. Everything that is not widget plumbing lives here so it can be tested without Qt:

* ``RulesForm`` mirrors the rule widgets (a value plus a 未知 state each) and turns into a
  ``VisitRules``; an unknown weekday state stays ``None``, distinct from "no closed days".
* ``validate_site_info`` returns ``Issue`` codes (the UI words them); nothing may be saved while
  there are any.
* ``site_info_changes`` compares the form with the site as stored and lists one ``FieldChange``
  per field that really changed, so untouched fields keep following the catalogue.
* ``apply_site_info`` makes one ``SiteStore`` call per change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from typing import TYPE_CHECKING

from hongtu.core.sites import Site, VisitorAccess, VisitRules

if TYPE_CHECKING:
    from hongtu.core.storage.site_store import SiteStore

TEXT_FACTS = ("opening_hours", "closed_days", "reservation", "admission", "phone")
"""The text facts the dialog edits, in the order it shows them."""

RULES_FIELD = "rules"
VISIT_MINUTES_FIELD = "visit_minutes"
ACCESS_FIELD = "visitor_access"  # whether groups can go inside (VisitorAccess)
INFO_FIELDS = (*TEXT_FACTS, RULES_FIELD, VISIT_MINUTES_FIELD, ACCESS_FIELD)

MAX_FACT_LENGTH = 200
LEAD_DAYS_RANGE = range(0, 91)  # 0 = can be booked the same day
GROUP_SIZE_RANGE = range(1, 2001)
VISIT_MINUTES_RANGE = range(1, 12 * 60 + 1)  # what SiteStore.set_visit_minutes accepts

# what the disabled widgets show while a value is unknown (never saved as a fact)
PLACEHOLDER_OPENS = time(9, 0)
PLACEHOLDER_CLOSES = time(17, 0)
PLACEHOLDER_LAST_ENTRY = time(16, 30)
PLACEHOLDER_LEAD_DAYS = 1
PLACEHOLDER_GROUP_SIZE = 50


@dataclass(frozen=True, slots=True)
class RulesForm:
    """The rule widgets' state: each value next to whether the organiser knows it.

    Values whose ``*_known`` is False are what the disabled widget happens to show and are
    ignored. ``open_on_public_holidays`` is already tri-state (None = 未知).
    """

    opens: time = PLACEHOLDER_OPENS
    opens_known: bool = False
    closes: time = PLACEHOLDER_CLOSES
    closes_known: bool = False
    last_entry: time = PLACEHOLDER_LAST_ENTRY
    last_entry_known: bool = False
    closed_weekdays: frozenset[int] = frozenset()
    weekdays_known: bool = False
    open_on_public_holidays: bool | None = None
    reservation_lead_days: int = PLACEHOLDER_LEAD_DAYS
    lead_days_known: bool = False
    max_group_size: int = PLACEHOLDER_GROUP_SIZE
    group_size_known: bool = False

    def to_rules(self) -> VisitRules:
        return VisitRules(
            opens=_minute(self.opens) if self.opens_known else None,
            closes=_minute(self.closes) if self.closes_known else None,
            last_entry=_minute(self.last_entry) if self.last_entry_known else None,
            closed_weekdays=frozenset(self.closed_weekdays) if self.weekdays_known else None,
            open_on_public_holidays=self.open_on_public_holidays,
            reservation_lead_days=self.reservation_lead_days if self.lead_days_known else None,
            max_group_size=self.max_group_size if self.group_size_known else None,
        )

    @classmethod
    def from_rules(cls, rules: VisitRules) -> RulesForm:
        lead, size = rules.reservation_lead_days, rules.max_group_size
        return cls(
            opens=rules.opens or PLACEHOLDER_OPENS,
            opens_known=rules.opens is not None,
            closes=rules.closes or PLACEHOLDER_CLOSES,
            closes_known=rules.closes is not None,
            last_entry=rules.last_entry or PLACEHOLDER_LAST_ENTRY,
            last_entry_known=rules.last_entry is not None,
            closed_weekdays=rules.closed_weekdays or frozenset(),
            weekdays_known=rules.closed_weekdays is not None,
            open_on_public_holidays=rules.open_on_public_holidays,
            reservation_lead_days=PLACEHOLDER_LEAD_DAYS if lead is None else lead,
            lead_days_known=lead is not None,
            max_group_size=PLACEHOLDER_GROUP_SIZE if size is None else size,
            group_size_known=size is not None,
        )


def _minute(moment: time) -> time:
    """Rules are stored as HH:MM: drop seconds so what is saved is what is compared."""
    return moment.replace(second=0, microsecond=0)


def clean_fact(text: str | None) -> str | None:
    """What a text box means: surrounding blanks dropped, empty = unknown (None)."""
    cleaned = text.strip() if text else ""
    return cleaned or None


@dataclass(frozen=True, slots=True)
class SiteInfoForm:
    """Everything the dialog would save."""

    facts: Mapping[str, str | None]  # TEXT_FACTS → text as typed (cleaned by clean_fact)
    rules: VisitRules
    visit_minutes: int
    restore: frozenset[str] = frozenset()  # fields the organiser asked to restore
    access: VisitorAccess | None = None  # None: this form leaves the visitor access alone


class Problem(StrEnum):
    CLOSES_NOT_AFTER_OPENS = "closes_not_after_opens"
    LAST_ENTRY_BEFORE_OPENING = "last_entry_before_opening"
    LAST_ENTRY_NOT_BEFORE_CLOSING = "last_entry_not_before_closing"
    BAD_WEEKDAY = "bad_weekday"
    LEAD_DAYS_OUT_OF_RANGE = "lead_days_out_of_range"
    GROUP_SIZE_OUT_OF_RANGE = "group_size_out_of_range"
    VISIT_MINUTES_OUT_OF_RANGE = "visit_minutes_out_of_range"
    FACT_TOO_LONG = "fact_too_long"


@dataclass(frozen=True, slots=True)
class Issue:
    problem: Problem
    field: str = ""  # the fact's name for FACT_TOO_LONG


def validate_rules(rules: VisitRules) -> list[Issue]:
    """Opening before closing, last entry within the hours, numbers in sane ranges.

    Only known values are checked against each other: a last entry with unknown hours is fine.
    """
    issues: list[Issue] = []
    opens, closes, last = rules.opens, rules.closes, rules.last_entry
    if opens is not None and closes is not None and closes <= opens:
        issues.append(Issue(Problem.CLOSES_NOT_AFTER_OPENS))
    if last is not None and opens is not None and last < opens:
        issues.append(Issue(Problem.LAST_ENTRY_BEFORE_OPENING))
    if last is not None and closes is not None and last >= closes:
        issues.append(Issue(Problem.LAST_ENTRY_NOT_BEFORE_CLOSING))
    if rules.closed_weekdays is not None and not rules.closed_weekdays <= set(range(7)):
        issues.append(Issue(Problem.BAD_WEEKDAY))
    lead = rules.reservation_lead_days
    if lead is not None and lead not in LEAD_DAYS_RANGE:
        issues.append(Issue(Problem.LEAD_DAYS_OUT_OF_RANGE))
    size = rules.max_group_size
    if size is not None and size not in GROUP_SIZE_RANGE:
        issues.append(Issue(Problem.GROUP_SIZE_OUT_OF_RANGE))
    return issues


def validate_site_info(form: SiteInfoForm) -> list[Issue]:
    issues = [
        Issue(Problem.FACT_TOO_LONG, name)
        for name in TEXT_FACTS
        if len(clean_fact(form.facts.get(name)) or "") > MAX_FACT_LENGTH
    ]
    issues.extend(validate_rules(form.rules))
    if form.visit_minutes not in VISIT_MINUTES_RANGE:
        issues.append(Issue(Problem.VISIT_MINUTES_OUT_OF_RANGE))
    return issues


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One store call: set ``field`` to ``value``, or (``restore``) drop the organiser's edit."""

    field: str  # a name in INFO_FIELDS
    value: str | VisitRules | int | VisitorAccess | None = None
    restore: bool = False


def site_info_values(site: Site) -> dict[str, object]:
    """The value of each field the dialog edits, keyed like ``FieldChange.field``."""
    values: dict[str, object] = {name: getattr(site, name).value for name in TEXT_FACTS}
    values[RULES_FIELD] = site.rules
    values[VISIT_MINUTES_FIELD] = site.visit_minutes
    values[ACCESS_FIELD] = site.access.status
    return values


def form_values(form: SiteInfoForm) -> dict[str, object]:
    """The same for what the form holds (text cleaned)."""
    values: dict[str, object] = {name: clean_fact(form.facts.get(name)) for name in TEXT_FACTS}
    values[RULES_FIELD] = form.rules
    values[VISIT_MINUTES_FIELD] = form.visit_minutes
    values[ACCESS_FIELD] = form.access
    return values


def site_info_changes(
    site: Site, catalogue: Site, edited: Set[str], form: SiteInfoForm
) -> list[FieldChange]:
    """What to store so that the site shows ``form``; unchanged fields are left alone.

    ``site`` is the site as stored now, ``catalogue`` the same site without the organiser's
    edits (``SiteStore.catalogue_site``), ``edited`` the fields that carry an edit
    (``SiteStore.edited_fields``). A field in ``form.restore`` whose value is still the
    catalogue's drops its edit (``clear_edit``); if the organiser typed something else after
    restoring, that is saved instead.
    """
    wanted, current = form_values(form), site_info_values(site)
    catalogue_values = site_info_values(catalogue)
    changes: list[FieldChange] = []
    for name in INFO_FIELDS:
        value = wanted[name]
        if name == ACCESS_FIELD and form.access is None:
            continue
        if name in form.restore and value == catalogue_values[name]:
            if name in edited:
                changes.append(FieldChange(name, restore=True))
        elif value != current[name]:
            changes.append(FieldChange(name, value))  # type: ignore[arg-type]
    return changes


def apply_site_info(store: SiteStore, site_id: int, changes: Iterable[FieldChange]) -> Site:
    """Save ``changes``, one store call each; returns the site as stored afterwards."""
    site = store.get(site_id)
    for change in changes:
        if change.restore:
            site = store.clear_edit(site_id, change.field)
        elif change.field == RULES_FIELD:
            assert isinstance(change.value, VisitRules)
            site = store.set_rules(site_id, change.value)
        elif change.field == VISIT_MINUTES_FIELD:
            assert isinstance(change.value, int)
            site = store.set_visit_minutes(site_id, change.value)
        elif change.field == ACCESS_FIELD:
            assert isinstance(change.value, VisitorAccess)
            site = store.set_visitor_access(site_id, change.value)
        elif change.field in TEXT_FACTS:
            assert change.value is None or isinstance(change.value, str)
            site = store.set_fact(site_id, change.field, change.value)
        else:
            raise ValueError(f"not a site info field: {change.field}")
    return site
