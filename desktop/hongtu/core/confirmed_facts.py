"""What the details panel and documents say about hours, closed days and booking (Qt-free).

The organiser enters these once, as ``VisitRules`` (the same rules the plan warnings use). The
text shown is derived from the rules; the stored text facts of the same name are only the
organiser's notes for what the rules cannot express. Older workspaces stored the organiser's
text without rules: that text still shows, marked as the organiser's note. A catalogue text with
sources shows as it is; nothing unknown is ever filled in. The Qt layer words the data
(``hongtu.qt.rules_text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hongtu.core.sites import Fact, PositionOrigin, Site, VisitRules

RULE_FACTS = ("opening_hours", "closed_days", "reservation")
"""The text facts the rules speak for, in the order they are shown."""


class Shown(StrEnum):
    RULES = "rules"  # worded from the rules (plus the organiser's note, if any)
    NOTE = "note"  # no rule for it, but the organiser wrote a note
    CATALOGUE = "catalogue"  # the catalogue's text, with its sources
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ShownFact:
    field: str  # a name in RULE_FACTS
    shown: Shown
    rules: VisitRules  # the rules to word when ``shown`` is RULES
    note: str | None = None  # the organiser's note (RULES / NOTE) or catalogue text
    fact: Fact | None = None


def rules_cover(field: str, rules: VisitRules) -> bool:
    """Whether the rules say anything about ``field``."""
    if field == "opening_hours":
        return rules.opens is not None or rules.closes is not None or rules.last_entry is not None
    if field == "closed_days":
        return rules.closed_weekdays is not None or rules.open_on_public_holidays is not None
    if field == "reservation":
        return rules.reservation_lead_days is not None or rules.max_group_size is not None
    raise ValueError(f"not a rule fact: {field}")


def shown_fact(site: Site, field: str) -> ShownFact:
    fact: Fact = getattr(site, field)
    organiser = fact.origin is PositionOrigin.USER
    note = fact.value if fact.known else None
    if rules_cover(field, site.rules):
        return ShownFact(field, Shown.RULES, site.rules, note if organiser else None, fact)
    if note is not None and organiser:
        return ShownFact(field, Shown.NOTE, site.rules, note, fact)
    if note is not None:
        return ShownFact(field, Shown.CATALOGUE, site.rules, note, fact)
    return ShownFact(field, Shown.UNKNOWN, site.rules, None, fact)
