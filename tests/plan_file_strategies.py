"""Hypothesis strategies for plan files, written from docs/plan-format.md (``hongtu-plan`` v1 and
v2, whose optional ``record`` is the day as recorded).

Each key gets values the format allows, values at and beyond its limits, wrong types and the
text that breaks programs (lone surrogates, control characters, non-ASCII digits, very long
strings). Used by tests/test_plan_rules.py and benchmarks/fuzz_plan_files.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from hongtu.core import limits

NASTY_TEXT = [
    "",
    " ",
    "\u3000",  # ideographic space only
    "a\ud800b",
    "\udfff",
    "\x00\x07\x1b[31m\x7f\x85",
    "line1\nline2\r\nline3\rline4",
    "\u2028\u2029\ufeff\ufffe\uffff",
    '=HYPERLINK("x")',
    "<b>粗</b>&amp;",
    "BEGIN:VEVENT\nEND:VCALENDAR",
    "缅怀先烈",
    "长" * 200,
    "长" * 201,
    "x" * 3000,
]

text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(NASTY_TEXT),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=12),
)
maybe_wrong = st.one_of(st.none(), st.integers(-2, 2), st.booleans(), st.just([]), st.just({}))

# Times and dates: well-formed, at the edges, and in look-alike digits.
times = st.one_of(
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 25), st.integers(0, 61)),
    st.sampled_from(["8:00", "08:0", "０９:３０", "٠٩:٣٠", "09:30 ", " 09:30", "09：30", "0930"]),
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "2025-10-15",
            "9999-12-31",
            "0001-01-01",
            "1899-12-31",
            "1900-01-01",
            "2199-12-31",
            "2200-01-01",
            "2025-02-30",
            "２０２５-１０-１５",
            "2025-10-15T08:00",
            "20251015",
        ]
    ),
)
# Integers with more digits than Python converts (4,300): json.dumps cannot write them, so they
# travel as a marker that _dumps replaces with the digits themselves.
_LONG_NUMBER = re.compile(r'"@@number:(-?[0-9]+)@@"')
long_numbers = st.sampled_from(["1" + "0" * 5000, "-" + "9" * 4301, "7" * 4300, "3" * 20_000]).map(
    lambda digits: f"@@number:{digits}@@"
)


def _dumps(document: Any, *, ensure_ascii: bool = False) -> str:
    return _LONG_NUMBER.sub(r"\1", json.dumps(document, ensure_ascii=ensure_ascii))


minutes = st.one_of(
    st.integers(-2, 1442), st.sampled_from([0, 1440, 1441, 10**9]), long_numbers
)
participants = st.one_of(st.integers(-1, 1002), st.sampled_from([0, 1, 1000, 1001]), long_numbers)
coordinates = st.one_of(
    st.floats(-200, 200, allow_nan=False),
    st.sampled_from([37.87, 112.55, 90.0, -90.0, 180.0, 180.0001]),
    long_numbers,
)


# What the format allows: text with anything in it (normalised on reading), real values.
good_text = st.one_of(
    st.text(max_size=20),
    st.sampled_from([t for t in NASTY_TEXT if len(t) <= 200]),
)
good_title = good_text.filter(lambda t: bool(t.strip()))
good_time = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
good_date = st.dates(limits.FIRST_DATE, limits.LAST_DATE).map(lambda d: d.isoformat())
good_minutes = st.integers(0, limits.MAX_MINUTES)


def _good_custom(*, positioned: bool) -> st.SearchStrategy[dict[str, Any]]:
    named = st.fixed_dictionaries({"name": good_title})
    placed = st.fixed_dictionaries(
        {
            "name": good_title,
            "lat": st.floats(37.5, 38.2),
            "lon": st.floats(112.2, 112.9),
            "crs": st.sampled_from(["wgs84", "gcj02", "bd09"]),
        }
    )
    return placed if positioned else st.one_of(named, placed)


def _good_place(site_keys: list[str], *, gathering: bool) -> st.SearchStrategy[dict[str, Any]]:
    custom = st.fixed_dictionaries({"custom": _good_custom(positioned=not gathering)})
    return st.one_of(st.fixed_dictionaries({"site_key": st.sampled_from(site_keys)}), custom)


def _good_activity() -> st.SearchStrategy[dict[str, Any]]:
    plain = st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["tour", "oath", "wreath", "lesson", "discussion", "lunch"]),
            "minutes": good_minutes,
        },
        optional={"label": good_text},
    )
    custom = st.fixed_dictionaries(
        {"kind": st.just("custom"), "minutes": good_minutes, "label": good_title}
    )
    return st.one_of(plain, custom)


def _good_stop(site_keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda where, extra: {**where, **extra},
        _good_place(site_keys, gathering=False),
        st.fixed_dictionaries(
            {},
            optional={
                "visit_minutes": st.one_of(good_minutes, st.none()),
                "pinned": st.booleans(),
                "start_override": st.one_of(good_time, st.none()),
                "leg_minutes_override": st.one_of(good_minutes, st.none()),
                "activities": st.lists(_good_activity(), max_size=3),
            },
        ),
    )


def good_plan_body(site_keys: list[str], max_stops: int = 5) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "title": good_title,
            "date": good_date,
            "participants": st.integers(limits.MIN_PARTICIPANTS, limits.MAX_PARTICIPANTS),
            "transport": st.sampled_from(["coach", "cars", "walk", "public"]),
            "gathering_time": good_time,
            "stops": st.lists(_good_stop(site_keys), max_size=max_stops),
        },
        optional={
            "theme": good_text,
            "branch": good_text,
            "organiser": good_text,
            "phone": st.one_of(good_text, st.just("13800000000")),
            "gathering": st.one_of(st.none(), _good_place(site_keys, gathering=True)),
            "returns_to_gathering": st.booleans(),
            "return_leg_minutes_override": st.one_of(good_minutes, st.none()),
            "return_by": st.one_of(good_time, st.none()),
            "notes": st.one_of(good_text, st.just("注意事项。" * 20_000)),
            "status": st.sampled_from(["draft", "planned", "done"]),
        },
    )


def place(site_keys: list[str], *, gathering: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    custom = st.fixed_dictionaries(
        {"name": text},
        optional={
            "lat": st.one_of(coordinates, maybe_wrong),
            "lon": st.one_of(coordinates, maybe_wrong),
            "crs": st.sampled_from(["wgs84", "gcj02", "bd09", "WGS84", ""]),
        },
    )
    if not gathering:  # a stop's place usually has its coordinate
        custom = st.one_of(
            custom,
            st.fixed_dictionaries(
                {
                    "name": text,
                    "lat": st.floats(37.5, 38.2),
                    "lon": st.floats(112.2, 112.9),
                    "crs": st.sampled_from(["wgs84", "gcj02", "bd09"]),
                }
            ),
        )
    keys = st.sampled_from([*site_keys, "no-such-site", ""]) if site_keys else text
    return st.one_of(
        st.fixed_dictionaries({"site_key": keys}),
        st.fixed_dictionaries({"custom": custom}),
        st.fixed_dictionaries({"site_key": keys, "custom": custom}),  # ambiguous
        st.just({}),
    )


def activity() -> st.SearchStrategy[dict[str, Any]]:
    kinds = st.sampled_from(
        ["tour", "oath", "wreath", "lesson", "discussion", "lunch", "custom", "dance", ""]
    )
    return st.fixed_dictionaries(
        {"kind": kinds, "minutes": minutes}, optional={"label": st.one_of(text, maybe_wrong)}
    )


def stop(site_keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda where, extra: {**where, **extra},
        place(site_keys),
        st.fixed_dictionaries(
            {},
            optional={
                "visit_minutes": st.one_of(minutes, st.none()),
                "pinned": st.one_of(st.booleans(), maybe_wrong),
                "start_override": st.one_of(times, st.none()),
                "leg_minutes_override": st.one_of(minutes, st.none()),
                "activities": st.lists(activity(), max_size=4),
            },
        ),
    )


def plan_body(site_keys: list[str], max_stops: int = 5) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "title": st.one_of(text, text, maybe_wrong),
            "date": st.one_of(dates, dates, maybe_wrong),
            "participants": st.one_of(participants, participants, maybe_wrong),
            "transport": st.sampled_from(["coach", "cars", "walk", "public", "bus"]),
            "gathering_time": st.one_of(times, times, maybe_wrong),
            "stops": st.lists(stop(site_keys), max_size=max_stops),
        },
        optional={
            "theme": text,
            "branch": text,
            "organiser": text,
            "phone": st.one_of(text, st.sampled_from(["13800000000", "１３８"])),
            "gathering": st.one_of(st.none(), place(site_keys, gathering=True)),
            "returns_to_gathering": st.one_of(st.booleans(), maybe_wrong),
            "return_leg_minutes_override": st.one_of(minutes, st.none()),
            "return_by": st.one_of(times, st.none(), maybe_wrong),
            "notes": st.one_of(text, st.just("注意" * 60_000)),
            "status": st.sampled_from(["draft", "planned", "done", "cancelled"]),
        },
    )


# ---- the record (version 2) ---------------------------------------------------------------------

NAMES = ["张三", "李四", "王五", "赵六", "钱七"]
presences = st.sampled_from(["present", "leave", "absent"])
hashes = st.one_of(
    st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    st.sampled_from(["", "ABC", "0" * 63, "g" * 64, "0" * 65, "A" * 64]),
)


def _good_attendance() -> st.SearchStrategy[list[dict[str, Any]]]:
    def entry(name: str, presence: str, reason: str) -> dict[str, Any]:
        data: dict[str, Any] = {"name": name, "presence": presence}
        if presence == "leave" or reason:
            data["reason"] = reason if reason.strip() else "出差"
        return data

    return st.lists(st.sampled_from(NAMES), min_size=1, max_size=5, unique=True).flatmap(
        lambda names: st.tuples(
            *(st.builds(entry, st.just(n), presences, good_text.map(lambda t: t[:200]))
              for n in names)
        ).map(list)
    )  # fmt: skip


def good_record(day: str, stop_count: int) -> st.SearchStrategy[dict[str, Any]]:
    """A record the format allows for a plan on ``day`` with ``stop_count`` stops."""
    done_stop = st.integers(0, stop_count - 1) if stop_count else st.nothing()
    return st.fixed_dictionaries(
        {"day": st.just(day), "attendance": _good_attendance()},
        optional={
            "host": good_text.map(lambda t: t[:200]),
            "recorder": good_text.map(lambda t: t[:200]),
            "summary": st.one_of(good_text, st.just("小结。" * 600)),
            "guests": st.lists(
                st.fixed_dictionaries({"name": good_title.map(lambda t: t[:30])},
                                      optional={"note": good_text.map(lambda t: t[:200])}),
                max_size=3,
            ),
            "done": st.lists(
                st.fixed_dictionaries(
                    {"text": good_title.map(lambda t: t[:200])},
                    optional={
                        "state": st.sampled_from(["done", "changed", "skipped", "added"]),
                        "stop": done_stop,
                        "note": good_text.map(lambda t: t[:200]),
                    },
                ),
                max_size=3,
            ),
            "photos": st.lists(
                st.fixed_dictionaries(
                    {"sha256": st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)},
                    optional={"suffix": st.sampled_from(["jpg", "png", "heic"]),
                              "caption": good_text.map(lambda t: t[:200])},
                ),
                max_size=3,
            ),
        },
    )  # fmt: skip


def record(day: str) -> st.SearchStrategy[Any]:
    """A record with anything in it: other days, wrong types, names twice, 请假 without a
    reason, unknown presences and states, stops that are not there, hashes that are not."""
    attendance_entry = st.fixed_dictionaries(
        {"name": st.one_of(st.sampled_from(NAMES), text, maybe_wrong)},
        optional={
            "presence": st.one_of(presences, st.sampled_from(["late", "", "PRESENT"]), maybe_wrong),
            "reason": st.one_of(text, maybe_wrong),
        },
    )
    body = st.fixed_dictionaries(
        {},
        optional={
            "day": st.one_of(st.just(day), dates, maybe_wrong),
            "attendance": st.one_of(st.lists(attendance_entry, max_size=4), maybe_wrong),
            "host": st.one_of(text, maybe_wrong),
            "summary": st.one_of(text, st.just("长" * 2001), maybe_wrong),
            "guests": st.one_of(
                st.lists(st.fixed_dictionaries({"name": st.one_of(text, maybe_wrong)}), max_size=2),
                maybe_wrong,
            ),
            "done": st.one_of(
                st.lists(
                    st.fixed_dictionaries(
                        {"text": st.one_of(text, maybe_wrong)},
                        optional={
                            "state": st.sampled_from(["done", "changed", "skipped", "added", "x"]),
                            "stop": st.one_of(st.integers(-1, 6), maybe_wrong, long_numbers),
                        },
                    ),
                    max_size=2,
                ),
                maybe_wrong,
            ),
            "photos": st.one_of(
                st.lists(
                    st.fixed_dictionaries(
                        {"sha256": st.one_of(hashes, maybe_wrong)},
                        optional={"suffix": st.sampled_from(["jpg", "png", "heic", "gif", "../x"])},
                    ),
                    max_size=2,
                ),
                maybe_wrong,
            ),
        },
    )
    return st.one_of(body, maybe_wrong)


@st.composite
def record_for(draw: st.DrawFn, body: dict[str, Any]) -> Any:
    """A record for the (drawn) plan ``body``: usually one the format allows, else hostile."""
    day = body.get("date") if isinstance(body.get("date"), str) else "2025-10-15"
    stops = body.get("stops") if isinstance(body.get("stops"), list) else []
    if draw(st.integers(0, 3)) == 0:
        return draw(record(day))
    return draw(good_record(day, len(stops)))


@st.composite
def _mutated(draw: st.DrawFn, site_keys: list[str], max_stops: int) -> dict[str, Any]:
    """A plan the format allows, then (half the time) one key given a hostile value."""
    body = draw(good_plan_body(site_keys, max_stops))
    if draw(st.booleans()):
        hostile = draw(plan_body(site_keys, max_stops))
        key = draw(st.sampled_from(sorted(hostile)))
        body[key] = hostile[key]
    if draw(st.integers(0, 9)) == 0:
        del body[draw(st.sampled_from(sorted(body)))]
    return body


@st.composite
def _framed(draw: st.DrawFn, site_keys: list[str], max_stops: int) -> dict[str, Any]:
    """The whole file: version 1 (a ``record`` key there is ignored), version 2 with or
    without a ``record``, or a frame that is wrong (another format, a newer version)."""
    body = draw(_mutated(site_keys, max_stops))
    with_record = draw(st.integers(0, 2)) > 0
    versions = [2] * 12 + [1] * 3 if with_record else [1] * 12 + [2] * 3
    frame: dict[str, Any] = {
        "format": draw(st.sampled_from(["hongtu-plan"] * 15 + ["other"])),
        "version": draw(st.one_of(st.sampled_from([*versions, 3, "1", "2", True]), long_numbers)),
        "plan": body,
    }
    if with_record:
        frame["record"] = draw(record_for(body))
    return frame


def plan_file_text(site_keys: list[str], max_stops: int = 5) -> st.SearchStrategy[str]:
    """The text of a plan file: mostly one the format allows, else with one value or the frame
    broken (another format or version, a file cut off half-way, a key given twice)."""
    frame = _framed(site_keys, max_stops)
    whole = st.one_of(
        frame.map(lambda d: _dumps(d, ensure_ascii=False)),
        frame.map(lambda d: _dumps(d, ensure_ascii=True)),  # surrogates as \\ud800
    )
    cut_off = frame.map(lambda d: _dumps(d)[: len(_dumps(d)) // 2])
    twice = plan_file_with_a_key_twice(site_keys, max_stops).map(lambda drawn: drawn[0])
    return st.one_of(whole, whole, whole, cut_off, twice)


_TWICE = "@@twice@@"


def _objects(value: Any, path: str = "") -> Iterator[tuple[dict[str, Any], str]]:
    """Every non-empty object in ``value`` with its path (``plan.stops[0].custom``)."""
    if isinstance(value, dict):
        if value:
            yield value, path
        for key, child in value.items():
            yield from _objects(child, f"{path}.{key}".lstrip("."))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _objects(child, f"{path}[{index}]")


@st.composite
def plan_file_with_a_key_twice(
    draw: st.DrawFn, site_keys: list[str], max_stops: int = 5
) -> tuple[str, str]:
    """(text, path): a plan file (any of ``_framed``'s) in which one object names one of its
    keys a second time, before the first, with another drawn value or the same one; ``path`` is
    that key's, as ``plan.stops[1].activities[0].minutes``."""
    frame = draw(_framed(site_keys, max_stops))
    target, path = draw(st.sampled_from(list(_objects(frame))))
    key = draw(st.sampled_from(sorted(target)))
    value = draw(st.one_of(st.just(target[key]), text, maybe_wrong, minutes))
    original = dict(target)
    target.clear()
    target.update({_TWICE: None, **original})  # the marker first, then the object's own keys
    written = _dumps(frame, ensure_ascii=draw(st.booleans()))
    marker = f'"{_TWICE}": null'
    assert written.count(marker) == 1
    twice = f"{json.dumps(key)}: {_dumps(value)}"
    return written.replace(marker, twice), f"{path}.{key}".lstrip(".")


@st.composite
def _plan_with_record(draw: st.DrawFn, site_keys: list[str], max_stops: int) -> dict[str, Any]:
    body = draw(good_plan_body(site_keys, max_stops))
    return {
        "format": "hongtu-plan",
        "version": 2,
        "plan": body,
        "record": draw(record_for(body)),
    }


def plan_file_with_record_text(site_keys: list[str], max_stops: int = 3) -> st.SearchStrategy[str]:
    """A version 2 file whose plan the format allows and whose record is mostly one it allows,
    else hostile (the fuzz of the record itself)."""
    return _plan_with_record(site_keys, max_stops).map(_dumps)
