"""The plan sharing format: round trips, coordinate systems and every broken file named by path."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from factories import (
    EAST,
    NORTH,
    TAIYUAN_CENTRE,
    WEST,
    custom_place,
    make_plan,
    make_site,
    resolver,
    site_map,
    site_stop,
)
from hongtu.core.coords import from_wgs84, to_wgs84
from hongtu.core.geo import Crs, LatLon
from hongtu.core.planfile import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_FILE_CHARS,
    PlanFileError,
    PlanFileErrorCode,
    dump_plan,
    load_plan,
)
from hongtu.core.plans import (
    Activity,
    ActivityKind,
    CustomPlace,
    GatheringPoint,
    Plan,
    PlanStatus,
    Stop,
    TransportMode,
)

SITES = site_map(
    [
        make_site(1, "八路军驻晋办事处旧址", key="bajunban", point=NORTH),
        make_site(2, "山西国民师范旧址", key="guoshi", point=EAST),
        make_site(3, "支部自己的活动室", key=None, point=WEST),  # an organiser's own place
        make_site(4, "无位置的自建地点", key=None, point=None),
    ]
)
RESOLVE = resolver(SITES)


def sample_plan() -> Plan:
    plan = make_plan(
        [
            site_stop(
                1,
                Activity(ActivityKind.TOUR, 60),
                Activity(ActivityKind.OATH, 15, "在党旗下重温入党誓词"),
                pinned=True,
                visit_minutes=90,
            ),
            site_stop(2, start_override=time(10, 45), leg_minutes_override=25),
            Stop(
                custom=custom_place("午餐：某饭店", LatLon(37.8655, 112.5601)),
                activities=[Activity(ActivityKind.CUSTOM, 50, "午餐")],
            ),
        ],
        gathering_time=time(7, 50),
    )
    plan.return_leg_override = 30
    plan.return_by = time(15, 0)  # 返回时间（最晚）
    plan.notes = "着正装，携带身份证；\n准时集合。"
    plan.status = PlanStatus.PLANNED
    return plan


def comparable(plan: Plan) -> Plan:
    """The plan without what a file does not carry (database id, stop ids)."""
    copied = copy.deepcopy(plan)
    copied.id = None
    for stop in copied.stops:
        stop.id = ""
    return copied


def document() -> dict[str, Any]:
    return json.loads(dump_plan(sample_plan(), SITES))


def load_document(data: Any) -> Plan:
    return load_plan(json.dumps(data, ensure_ascii=False), RESOLVE)


# ---- writing and reading back ------------------------------------------------------------------


def test_round_trip() -> None:
    plan = sample_plan()
    loaded = load_plan(dump_plan(plan, SITES), RESOLVE)
    assert comparable(loaded) == comparable(plan)
    assert [stop.id for stop in loaded.stops] != [stop.id for stop in plan.stops]  # new ids


def test_the_file_refers_to_catalogue_sites_by_key() -> None:
    data = document()
    assert (data["format"], data["version"]) == (FORMAT_NAME, 1)
    stops = data["plan"]["stops"]
    assert stops[0] == {
        "site_key": "bajunban",
        "visit_minutes": 90,
        "pinned": True,
        "activities": [
            {"kind": "tour", "minutes": 60},
            {"kind": "oath", "minutes": 15, "label": "在党旗下重温入党誓词"},
        ],
    }
    assert stops[1]["start_override"] == "10:45" and stops[1]["leg_minutes_override"] == 25
    assert stops[2]["custom"]["crs"] == "wgs84"
    assert data["plan"]["gathering"]["custom"]["name"] == "单位大门"
    assert data["plan"]["gathering_time"] == "07:50"
    assert data["plan"]["date"] == "2025-10-15"


def test_the_text_is_readable_chinese() -> None:
    text = dump_plan(sample_plan(), SITES)
    assert "八路军" not in text  # sites go by key, not name
    assert "午餐：某饭店" in text and "\\u" not in text


def test_gathering_at_a_catalogue_site_and_no_gathering_yet() -> None:
    plan = sample_plan()
    plan.gathering = GatheringPoint(site_id=2)
    data = json.loads(dump_plan(plan, SITES))
    assert data["plan"]["gathering"] == {"site_key": "guoshi"}
    assert load_plan(dump_plan(plan, SITES), RESOLVE).gathering == GatheringPoint(site_id=2)
    plan.gathering = GatheringPoint()
    assert json.loads(dump_plan(plan, SITES))["plan"]["gathering"] is None
    assert load_plan(dump_plan(plan, SITES), RESOLVE).gathering == GatheringPoint()


def test_an_own_place_travels_as_custom_coordinates() -> None:
    plan = make_plan([site_stop(3)])
    stop = json.loads(dump_plan(plan, SITES))["plan"]["stops"][0]
    assert stop["custom"] == {
        "name": "支部自己的活动室",
        "lat": WEST.lat,
        "lon": WEST.lon,
        "crs": "wgs84",
    }
    loaded = load_plan(dump_plan(plan, SITES), RESOLVE)
    assert loaded.stops[0].custom == custom_place("支部自己的活动室", WEST)


def test_places_that_cannot_be_shared() -> None:
    with pytest.raises(PlanFileError) as caught:
        dump_plan(make_plan([site_stop(1), site_stop(4)]), SITES)
    assert (caught.value.code, caught.value.path) == (
        PlanFileErrorCode.SITE_NOT_SHAREABLE,
        "plan.stops[1]",
    )
    with pytest.raises(PlanFileError) as caught:
        dump_plan(make_plan([site_stop(1)], gathering=GatheringPoint(site_id=77)), SITES)
    assert (caught.value.code, caught.value.path) == (
        PlanFileErrorCode.SITE_NOT_FOUND,
        "plan.gathering",
    )


UNPLACED_GATE = GatheringPoint(custom=CustomPlace("单位大门"))


def test_a_gathering_point_without_a_coordinate_travels_as_its_name() -> None:
    plan = sample_plan()
    plan.gathering = UNPLACED_GATE
    data = json.loads(dump_plan(plan, SITES))
    assert data["version"] == 1
    assert data["plan"]["gathering"] == {"custom": {"name": "单位大门"}}
    loaded = load_plan(dump_plan(plan, SITES), RESOLVE)
    assert loaded.gathering == UNPLACED_GATE
    assert comparable(loaded) == comparable(plan)


def test_a_gathering_point_may_give_its_position_keys_as_null() -> None:
    data = document()
    data["plan"]["gathering"]["custom"].update(lat=None, lon=None, crs=None)
    assert load_document(data).gathering == UNPLACED_GATE


@pytest.mark.parametrize("left", ["lat", "lon", "crs"])
def test_a_gathering_point_gives_all_position_keys_or_none(left: str) -> None:
    data = document()
    custom = data["plan"]["gathering"]["custom"]
    for key in ("lat", "lon", "crs"):
        if key != left:
            del custom[key]
    first_absent = next(key for key in ("lat", "lon", "crs") if key != left)
    with pytest.raises(PlanFileError) as caught:
        load_document(data)
    assert (caught.value.code, caught.value.path) == (
        PlanFileErrorCode.MISSING,
        f"plan.gathering.custom.{first_absent}",
    )


def test_a_stop_without_a_coordinate_is_neither_read_nor_written() -> None:
    data = document()
    custom = data["plan"]["stops"][2]["custom"]
    for key in ("lat", "lon", "crs"):
        del custom[key]
    with pytest.raises(PlanFileError) as caught:
        load_document(data)
    assert (caught.value.code, caught.value.path) == (
        PlanFileErrorCode.MISSING,
        "plan.stops[2].custom.lat",
    )
    plan = make_plan([Stop(custom=CustomPlace("某饭店"))])
    with pytest.raises(PlanFileError) as caught:
        dump_plan(plan, SITES)
    assert (caught.value.code, caught.value.path) == (
        PlanFileErrorCode.SITE_NOT_SHAREABLE,
        "plan.stops[0]",
    )


@pytest.mark.parametrize("crs", [Crs.GCJ02, Crs.BD09])
def test_custom_points_in_chinese_map_systems_are_converted(crs: Crs) -> None:
    data = document()
    shown = from_wgs84(TAIYUAN_CENTRE, crs)  # what Amap / Baidu show for the place
    data["plan"]["stops"][2]["custom"].update(lat=shown.lat, lon=shown.lon, crs=crs.value)
    point = load_document(data).stops[2].custom.point  # type: ignore[union-attr]
    assert point == to_wgs84(shown, crs)
    assert point.lat == pytest.approx(TAIYUAN_CENTRE.lat, abs=1e-5)
    assert point.lon == pytest.approx(TAIYUAN_CENTRE.lon, abs=1e-5)
    assert abs(shown.lon - TAIYUAN_CENTRE.lon) > 1e-3  # the offset was real


def test_optional_fields_may_be_left_out() -> None:
    data = document()
    plan_data = data["plan"]
    for key in (
        "branch", "organiser", "phone", "notes", "status", "returns_to_gathering", "return_by"
    ):  # fmt: skip
        del plan_data[key]
    del plan_data["stops"][1]["activities"]
    plan_data["theme"] = "传承红色基因"
    plan_data["something_newer"] = {"ignored": True}
    plan = load_document(data)
    assert (plan.branch, plan.notes, plan.status, plan.returns_to_gathering) == (
        "",
        "",
        PlanStatus.DRAFT,
        True,
    )
    assert plan.stops[1].activities == []
    assert plan.return_by is None  # a file from before 返回时间（最晚）: nothing said


def test_the_latest_return_travels_as_hh_mm_in_a_version_1_file() -> None:
    data = document()
    assert data["version"] == 1 and data["plan"]["return_by"] == "15:00"
    plan = sample_plan()
    plan.return_by = None
    assert "return_by" not in json.loads(dump_plan(plan, SITES))["plan"]


def test_a_byte_order_mark_is_accepted() -> None:
    plan = load_plan("\ufeff" + dump_plan(sample_plan(), SITES), RESOLVE)
    assert plan.date == date(2025, 10, 15)


def test_a_resolver_that_raises_key_error_means_unknown() -> None:
    def strict(key: str) -> int:
        return {"bajunban": 1}[key]

    with pytest.raises(PlanFileError) as caught:
        load_plan(dump_plan(sample_plan(), SITES), strict)
    assert caught.value.code is PlanFileErrorCode.UNKNOWN_SITE_KEY
    assert caught.value.path == "plan.stops[1].site_key"


def test_every_transport_and_status_round_trips() -> None:
    for transport in TransportMode:
        for status in PlanStatus:
            plan = sample_plan()
            plan.transport, plan.status = transport, status
            loaded = load_plan(dump_plan(plan, SITES), RESOLVE)
            assert (loaded.transport, loaded.status) == (transport, status)


# ---- broken files ------------------------------------------------------------------------------

Edit = Callable[[dict[str, Any]], None]


def _set(path: list[str | int], value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _delete(path: list[str | int]) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


C = PlanFileErrorCode
P = "plan"
S = "stops"
BROKEN: list[tuple[str, Edit, PlanFileErrorCode, str]] = [
    ("wrong format", _set(["format"], "other-app"), C.NOT_A_PLAN_FILE, "format"),
    ("no format", _delete(["format"]), C.NOT_A_PLAN_FILE, "format"),
    ("newer version", _set(["version"], FORMAT_VERSION + 1), C.UNSUPPORTED_VERSION, "version"),
    ("version as text", _set(["version"], "1"), C.UNSUPPORTED_VERSION, "version"),
    ("no version", _delete(["version"]), C.MISSING, "version"),
    ("no plan", _delete([P]), C.MISSING, "plan"),
    ("plan not an object", _set([P], []), C.WRONG_TYPE, "plan"),
    ("no title", _delete([P, "title"]), C.MISSING, "plan.title"),
    ("title a number", _set([P, "title"], 5), C.WRONG_TYPE, "plan.title"),
    ("theme a number", _set([P, "theme"], 5), C.WRONG_TYPE, "plan.theme"),
    ("impossible date", _set([P, "date"], "2025-02-30"), C.INVALID_VALUE, "plan.date"),
    ("compact date", _set([P, "date"], "20251015"), C.INVALID_VALUE, "plan.date"),
    ("date a number", _set([P, "date"], 20251015), C.WRONG_TYPE, "plan.date"),
    ("no date", _delete([P, "date"]), C.MISSING, "plan.date"),
    ("participants text", _set([P, "participants"], "30"), C.WRONG_TYPE, "plan.participants"),
    ("participants bool", _set([P, "participants"], True), C.WRONG_TYPE, "plan.participants"),
    ("participants < 0", _set([P, "participants"], -1), C.INVALID_VALUE, "plan.participants"),
    ("branch a list", _set([P, "branch"], ["a"]), C.WRONG_TYPE, "plan.branch"),
    ("unknown transport", _set([P, "transport"], "plane"), C.INVALID_VALUE, "plan.transport"),
    ("no transport", _delete([P, "transport"]), C.MISSING, "plan.transport"),
    ("gathering a list", _set([P, "gathering"], []), C.WRONG_TYPE, "plan.gathering"),
    (
        "gathering key unknown",
        _set([P, "gathering"], {"site_key": "nowhere"}),
        C.UNKNOWN_SITE_KEY,
        "plan.gathering.site_key",
    ),
    (
        "gathering lat out of range",
        _set([P, "gathering", "custom", "lat"], 123.0),
        C.COORDINATE_OUT_OF_RANGE,
        "plan.gathering.custom.lat",
    ),
    ("gathering empty", _set([P, "gathering"], {}), C.MISSING, "plan.gathering.site_key"),
    (
        "time without zero",
        _set([P, "gathering_time"], "8:00"),
        C.INVALID_VALUE,
        "plan.gathering_time",
    ),
    ("time 24:00", _set([P, "gathering_time"], "24:00"), C.INVALID_VALUE, "plan.gathering_time"),
    ("time a number", _set([P, "gathering_time"], 800), C.WRONG_TYPE, "plan.gathering_time"),
    ("back by 25:00", _set([P, "return_by"], "25:00"), C.INVALID_VALUE, "plan.return_by"),
    ("back by a number", _set([P, "return_by"], 1500), C.WRONG_TYPE, "plan.return_by"),
    (
        "returns text",
        _set([P, "returns_to_gathering"], "yes"),
        C.WRONG_TYPE,
        "plan.returns_to_gathering",
    ),
    (
        "return leg negative",
        _set([P, "return_leg_minutes_override"], -3),
        C.INVALID_VALUE,
        "plan.return_leg_minutes_override",
    ),
    ("unknown status", _set([P, "status"], "lost"), C.INVALID_VALUE, "plan.status"),
    ("no stops", _delete([P, S]), C.MISSING, "plan.stops"),
    ("stops an object", _set([P, S], {}), C.WRONG_TYPE, "plan.stops"),
    ("stop a string", _set([P, S, 1], "guoshi"), C.WRONG_TYPE, "plan.stops[1]"),
    ("stop without place", _delete([P, S, 0, "site_key"]), C.MISSING, "plan.stops[0].site_key"),
    (
        "stop with two places",
        _set([P, S, 0, "custom"], {"name": "x", "lat": 37.0, "lon": 112.0, "crs": "wgs84"}),
        C.AMBIGUOUS_PLACE,
        "plan.stops[0]",
    ),
    (
        "unknown key",
        _set([P, S, 1, "site_key"], "gone"),
        C.UNKNOWN_SITE_KEY,
        "plan.stops[1].site_key",
    ),
    ("key a number", _set([P, S, 1, "site_key"], 7), C.WRONG_TYPE, "plan.stops[1].site_key"),
    (
        "lat as text",
        _set([P, S, 2, "custom", "lat"], "37.8"),
        C.WRONG_TYPE,
        "plan.stops[2].custom.lat",
    ),
    (
        "lat a bool",
        _set([P, S, 2, "custom", "lat"], True),
        C.WRONG_TYPE,
        "plan.stops[2].custom.lat",
    ),
    (
        "lat beyond 90",
        _set([P, S, 2, "custom", "lat"], 95.0),
        C.COORDINATE_OUT_OF_RANGE,
        "plan.stops[2].custom.lat",
    ),
    (
        "lon beyond 180",
        _set([P, S, 2, "custom", "lon"], -181),
        C.COORDINATE_OUT_OF_RANGE,
        "plan.stops[2].custom.lon",
    ),
    ("no lon", _delete([P, S, 2, "custom", "lon"]), C.MISSING, "plan.stops[2].custom.lon"),
    ("lon null", _set([P, S, 2, "custom", "lon"], None), C.MISSING, "plan.stops[2].custom.lon"),
    (
        "unknown crs",
        _set([P, S, 2, "custom", "crs"], "wgs-84"),
        C.INVALID_VALUE,
        "plan.stops[2].custom.crs",
    ),
    ("no crs", _delete([P, S, 2, "custom", "crs"]), C.MISSING, "plan.stops[2].custom.crs"),
    (
        "blank name",
        _set([P, S, 2, "custom", "name"], "  "),
        C.INVALID_VALUE,
        "plan.stops[2].custom.name",
    ),
    ("custom a string", _set([P, S, 2, "custom"], "饭店"), C.WRONG_TYPE, "plan.stops[2].custom"),
    (
        "visit negative",
        _set([P, S, 0, "visit_minutes"], -5),
        C.INVALID_VALUE,
        "plan.stops[0].visit_minutes",
    ),
    (
        "visit > a day",
        _set([P, S, 0, "visit_minutes"], 2000),
        C.INVALID_VALUE,
        "plan.stops[0].visit_minutes",
    ),
    (
        "visit a float",
        _set([P, S, 0, "visit_minutes"], 60.5),
        C.WRONG_TYPE,
        "plan.stops[0].visit_minutes",
    ),
    ("pinned text", _set([P, S, 0, "pinned"], "true"), C.WRONG_TYPE, "plan.stops[0].pinned"),
    (
        "start 9am",
        _set([P, S, 1, "start_override"], "9am"),
        C.INVALID_VALUE,
        "plan.stops[1].start_override",
    ),
    (
        "leg minutes text",
        _set([P, S, 1, "leg_minutes_override"], "25"),
        C.WRONG_TYPE,
        "plan.stops[1].leg_minutes_override",
    ),
    (
        "activities object",
        _set([P, S, 0, "activities"], {}),
        C.WRONG_TYPE,
        "plan.stops[0].activities",
    ),
    (
        "activity a string",
        _set([P, S, 0, "activities", 1], "oath"),
        C.WRONG_TYPE,
        "plan.stops[0].activities[1]",
    ),
    (
        "unknown activity",
        _set([P, S, 0, "activities", 1, "kind"], "dance"),
        C.INVALID_VALUE,
        "plan.stops[0].activities[1].kind",
    ),
    (
        "activity without minutes",
        _delete([P, S, 0, "activities", 0, "minutes"]),
        C.MISSING,
        "plan.stops[0].activities[0].minutes",
    ),
    (
        "activity minutes negative",
        _set([P, S, 0, "activities", 0, "minutes"], -1),
        C.INVALID_VALUE,
        "plan.stops[0].activities[0].minutes",
    ),
    (
        "custom activity without label",
        _delete([P, S, 2, "activities", 0, "label"]),
        C.MISSING,
        "plan.stops[2].activities[0].label",
    ),
    (
        "label a number",
        _set([P, S, 0, "activities", 1, "label"], 3),
        C.WRONG_TYPE,
        "plan.stops[0].activities[1].label",
    ),
]


@pytest.mark.parametrize(
    ("edit", "code", "path"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_files_name_the_problem(edit: Edit, code: PlanFileErrorCode, path: str) -> None:
    data = document()
    edit(data)
    with pytest.raises(PlanFileError) as caught:
        load_document(data)
    assert (caught.value.code, caught.value.path) == (code, path)
    assert isinstance(caught.value, ValueError)
    assert path in str(caught.value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", C.NOT_JSON),
        ("{not json", C.NOT_JSON),
        ("[1, 2]", C.NOT_A_PLAN_FILE),
        ('"hongtu-plan"', C.NOT_A_PLAN_FILE),
        ("[" * 100_000 + "]" * 100_000, C.NOT_JSON),
        (" " * (MAX_FILE_CHARS + 1), C.TOO_LARGE),
    ],
    ids=["empty", "not json", "a list", "a string", "nested too deep", "too large"],
)
def test_files_that_are_not_plans(text: str, code: PlanFileErrorCode) -> None:
    with pytest.raises(PlanFileError) as caught:
        load_plan(text, RESOLVE)
    assert (caught.value.code, caught.value.path) == (code, "")


def test_the_documented_example_reads() -> None:
    text = (Path(__file__).parents[1] / "docs" / "plan-format.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    keys = {"balujun-zhujin-banshichu-jiuzhi": 1, "shanxi-guomin-shifan-jiuzhi": 2}
    plan = load_plan(example, keys.get)
    assert [stop.site_id for stop in plan.stops] == [1, 2, None]
    lunch = plan.stops[2].custom
    assert lunch is not None and lunch.point != LatLon(37.86317, 112.56621)  # GCJ-02 converted
