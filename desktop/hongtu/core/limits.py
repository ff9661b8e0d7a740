"""One set of rules for a valid plan, shared by the file reader, storage, the CLI and the window.

Whatever passes these rules can be saved, shown and exported. ``normalise_plan`` makes text fit
(on the way in: the file reader and every edit); ``plan_problems`` names what still does not fit
(storage refuses such a plan). docs/plan-format.md states the same limits.

Times and minute counts are read from ASCII digits only: "０９:３０" or "٠٩" are not times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    Stop,
    copy_plan,
)
from hongtu.core.text import clean_line, clean_text, has_uncarriable, is_clean_line

MIN_PARTICIPANTS = 1
MAX_PARTICIPANTS = 1000
MAX_MINUTES = 24 * 60  # visit, leg and activity minutes: 0 … one day
MAX_STOPS = 500
MAX_ACTIVITIES = 50  # per stop
BLANK_ROWS_RANGE = (0, 60)  # 签到表: rows left blank for guests (the window and the CLI alike)
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)

#: The longest text each field may hold, in characters.
TEXT_LIMITS: dict[str, int] = {
    "title": 200,
    "branch": 100,
    "organiser": 50,
    "phone": 50,
    "notes": 200_000,
    "place": 200,  # a custom place's name (a stop or the gathering point)
    "label": 200,  # an activity's label
}
MULTILINE_FIELDS = frozenset({"notes"})

_ASCII_HHMM = re.compile(r"([0-9]{2}):([0-9]{2})", re.ASCII)
_LOOSE_HHMM = re.compile(r"([0-9]{1,2}):?([0-9]{2})", re.ASCII)
_ASCII_NUMBER = re.compile(r"[0-9]{1,6}", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


# ---- reading times, minutes and dates ----------------------------------------------------------


def parse_time(text: str, *, loose: bool = False) -> time:
    """``HH:MM`` in ASCII digits; ``loose``: also ``9:30``, ``9：30``, ``0930``."""
    if loose:
        text = text.strip().replace("：", ":")
    match = (_LOOSE_HHMM if loose else _ASCII_HHMM).fullmatch(text)
    if match is None:
        raise ValueError(text)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return time(hour, minute)


def parse_minutes(text: str) -> int:
    """A count of minutes in ASCII digits within 0…``MAX_MINUTES``; else ValueError."""
    text = text.strip()
    if not _ASCII_NUMBER.fullmatch(text):
        raise ValueError(text)
    minutes = int(text)
    if minutes > MAX_MINUTES:
        raise ValueError(text)
    return minutes


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` in ASCII digits, a real day within ``FIRST_DATE``…``LAST_DATE``."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    day = date.fromisoformat(text)
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(text)
    return day


# ---- text on the way in ------------------------------------------------------------------------


def normalise_text(field: str, value: str) -> str:
    """Characters no file can carry become U+FFFD; one-line fields lose their line breaks."""
    if field in MULTILINE_FIELDS:
        return clean_text(value)
    cleaned = clean_line(value)
    return cleaned.strip() if field == "title" else cleaned


def normalise_plan(plan: Plan) -> Plan:
    """A copy of ``plan`` whose text fits (see ``normalise_text``); lengths are not cut."""
    plan = copy_plan(plan)
    for name in ("title", "branch", "organiser", "phone", "notes"):
        setattr(plan, name, normalise_text(name, getattr(plan, name)))
    plan.gathering = GatheringPoint(plan.gathering.site_id, _place(plan.gathering.custom))
    for stop in plan.stops:
        stop.custom = _place(stop.custom)
        for activity in stop.activities:
            activity.label = normalise_text("label", activity.label)
    return plan


def fit_text(field: str, value: str) -> str:
    """Typed, pasted or old text made to keep the rules: normalised, then cut at its limit (the
    window's fields stop at the same limit, so nothing is cut there unseen)."""
    return normalise_text(field, value)[: TEXT_LIMITS[field]]


def fit_plan(plan: Plan) -> Plan:
    """A plan saved before these rules made to keep them: text normalised and cut to its limit,
    the participants brought within bounds. Other values were already checked when saved.
    A plan that keeps them already (every plan saved since) comes back as it is, uncopied."""
    if _fits(plan):
        return plan
    plan = normalise_plan(plan)
    for name in ("title", "branch", "organiser", "phone", "notes"):
        setattr(plan, name, fit_text(name, getattr(plan, name)))
    plan.participants = min(max(plan.participants, MIN_PARTICIPANTS), MAX_PARTICIPANTS)
    places = [plan.gathering.custom] + [stop.custom for stop in plan.stops]
    for place in places:
        if place is not None:
            place.name = fit_text("place", place.name)
    for stop in plan.stops:
        for activity in stop.activities:
            activity.label = fit_text("label", activity.label)
    return plan


def _fits(plan: Plan) -> bool:
    """True when ``fit_plan`` would change nothing (a quick look, no copy: the one-line texts
    of a 500-stop plan are checked joined, in one search)."""
    texts = [(name, getattr(plan, name)) for name in ("title", "branch", "organiser", "phone")]
    places = [plan.gathering.custom, *(stop.custom for stop in plan.stops)]
    texts += [("place", place.name) for place in places if place is not None]
    texts += [("label", a.label) for stop in plan.stops for a in stop.activities]
    return (
        MIN_PARTICIPANTS <= plan.participants <= MAX_PARTICIPANTS
        and all(len(v) <= TEXT_LIMITS[f] for f, v in texts)
        and is_clean_line("".join(v for _f, v in texts))  # a character class: joining adds none
        and plan.title == plan.title.strip()
        and len(plan.notes) <= TEXT_LIMITS["notes"]
        and normalise_text("notes", plan.notes) == plan.notes
    )


def _place(place: CustomPlace | None) -> CustomPlace | None:
    if place is None:
        return None
    return CustomPlace(normalise_text("place", place.name), place.point)


# ---- checking ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """``path`` in the plan file's terms (``plan.stops[2].custom.name``); ``rule`` in short."""

    path: str
    rule: str
    over_limit: bool = False  # too long or too many, rather than an impossible value


def text_problem(field: str, value: str, path: str) -> Problem | None:
    if len(value) > TEXT_LIMITS[field]:
        return Problem(path, f"longer than {TEXT_LIMITS[field]} characters", over_limit=True)
    if has_uncarriable(value):
        return Problem(path, "holds characters no file can carry")
    if field in ("title", "place") and not value.strip():
        return Problem(path, "blank")
    return None


def plan_problems(plan: Plan) -> list[Problem]:
    """Everything about ``plan`` that breaks a rule; empty when it may be saved."""
    found: list[Problem | None] = [
        text_problem(name, getattr(plan, name), f"plan.{name}")
        for name in ("title", "branch", "organiser", "phone", "notes")
    ]
    if not MIN_PARTICIPANTS <= plan.participants <= MAX_PARTICIPANTS:
        found.append(
            Problem("plan.participants", f"not within {MIN_PARTICIPANTS}–{MAX_PARTICIPANTS}")
        )
    if not FIRST_DATE <= plan.date <= LAST_DATE:
        found.append(Problem("plan.date", f"not within {FIRST_DATE}–{LAST_DATE}"))
    found.append(_minutes_problem(plan.return_leg_override, "plan.return_leg_minutes_override"))
    if plan.gathering.custom is not None:
        found.append(
            text_problem("place", plan.gathering.custom.name, "plan.gathering.custom.name")
        )
    if len(plan.stops) > MAX_STOPS:
        found.append(Problem("plan.stops", f"more than {MAX_STOPS} stops", over_limit=True))
    for index, stop in enumerate(plan.stops):
        found += _stop_problems(stop, f"plan.stops[{index}]")
    return [problem for problem in found if problem is not None]


def _stop_problems(stop: Stop, path: str) -> list[Problem | None]:
    found: list[Problem | None] = []
    if stop.custom is not None:
        found.append(text_problem("place", stop.custom.name, f"{path}.custom.name"))
    found.append(_minutes_problem(stop.visit_minutes, f"{path}.visit_minutes"))
    found.append(_minutes_problem(stop.leg_minutes_override, f"{path}.leg_minutes_override"))
    if len(stop.activities) > MAX_ACTIVITIES:
        found.append(
            Problem(f"{path}.activities", f"more than {MAX_ACTIVITIES} activities", over_limit=True)
        )
    for index, activity in enumerate(stop.activities):
        found += _activity_problems(activity, f"{path}.activities[{index}]")
    return found


def _activity_problems(activity: Activity, path: str) -> list[Problem | None]:
    found = [
        _minutes_problem(activity.minutes, f"{path}.minutes"),
        text_problem("label", activity.label, f"{path}.label"),
    ]
    if activity.kind is ActivityKind.CUSTOM and not activity.label.strip():
        found.append(Problem(f"{path}.label", "blank"))
    return found


def _minutes_problem(value: int | None, path: str) -> Problem | None:
    if value is not None and not 0 <= value <= MAX_MINUTES:
        return Problem(path, f"not within 0–{MAX_MINUTES}")
    return None


class PlanRulesError(ValueError):
    """A plan that breaks the rules was about to be saved (a bug or a hand-made plan)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.rule}" for p in problems[:5]))
        self.problems = problems


def check_plan(plan: Plan) -> None:
    """Raises ``PlanRulesError`` naming every broken rule."""
    problems = plan_problems(plan)
    if problems:
        raise PlanRulesError(problems)
