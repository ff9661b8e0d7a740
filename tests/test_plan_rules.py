"""One set of rules: whatever the plan file reader lets in can be saved, shown and exported.

Plan files are generated from the format's own definition (tests/plan_file_strategies.py): each
is either refused with a ``PlanFileError`` (a code and the path of the value, which the CLI and
the window word in Chinese) or comes back as a plan that keeps ``hongtu.core.limits``.
"""

from __future__ import annotations

import copy
import json
from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings

from hongtu.cli.plans import plan_file_message
from hongtu.core import limits
from hongtu.core.document import build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.plan_edits import set_plan_field
from hongtu.core.planfile import PlanFileError, PlanFileErrorCode, dump_plan, load_plan
from hongtu.core.plans import Plan
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.text import REPLACEMENT, has_uncarriable
from hongtu.core.warnings import plan_warnings
from plan_file_strategies import plan_file_text, plan_file_with_a_key_twice

FAST_FORMATS = [
    ExportFormat.CSV,
    ExportFormat.ICS,
    ExportFormat.HTML,
    ExportFormat.GPX,
    ExportFormat.KML,
    ExportFormat.JSON,
]
FIXTURES = HealthCheck.function_scoped_fixture
# the keys of the catalogue sites the fuzzer may name (plus unknown ones)
SITE_KEYS = ["balujun-zhujin-banshichu-jiuzhi", "shanxi-guomin-shifan-jiuzhi"]


def _without_ids(plan: Plan) -> Plan:
    plan = copy.deepcopy(plan)
    plan.id = None
    for stop in plan.stops:
        stop.id = ""
    return plan


def _resolver(workspace):
    keys = {site.key: site.id for site in workspace.sites.list_sites() if site.key}
    return keys.get


def _check_accepted(plan: Plan, workspace) -> None:
    """The accepted plan keeps the rules and survives saving, timing, exporting, re-reading."""
    assert limits.plan_problems(plan) == []
    saved = workspace.plans.save(plan)
    assert _without_ids(workspace.plans.get(saved.id)) == _without_ids(plan)
    sites = {site.id: site for site in workspace.sites.list_sites()}
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    plan_warnings(plan, schedule, sites, DEFAULT_SETTINGS, date(2025, 1, 1))
    document = build_document(plan, schedule, sites)
    for fmt in FAST_FORMATS:
        assert render_bytes(document, fmt, plan=plan, sites=sites)
    again = load_plan(dump_plan(plan, sites), _resolver(workspace))
    assert _without_ids(again) == _without_ids(plan)


# 200 here for the suite's time; benchmarks/fuzz_plan_files.py runs thousands with counts.
@settings(max_examples=200, deadline=None, suppress_health_check=[FIXTURES, HealthCheck.too_slow])
@given(text=plan_file_text(SITE_KEYS))
def test_every_generated_plan_file_is_refused_clearly_or_kept_whole(workspace, text) -> None:
    before = len(workspace.plans.list_plans())
    try:
        plan = load_plan(text, _resolver(workspace))
    except PlanFileError as error:
        message = plan_file_message(error)
        assert "方案文件有问题" in message and error.path in message
        assert len(workspace.plans.list_plans()) == before  # nothing half-imported
        return
    _check_accepted(plan, workspace)


def _file(**plan_fields: object) -> str:
    body: dict[str, object] = {
        "title": "缅怀先烈",
        "date": "2025-10-15",
        "participants": 30,
        "transport": "coach",
        "gathering_time": "08:00",
        "stops": [],
    }
    body.update(plan_fields)
    return json.dumps({"format": "hongtu-plan", "version": 1, "plan": body})


def _refused(text: str) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        load_plan(text, lambda _key: None)
    return info.value


@pytest.mark.parametrize(
    ("fields", "code", "path"),
    [
        ({"participants": 0}, PlanFileErrorCode.INVALID_VALUE, "plan.participants"),
        ({"participants": 1001}, PlanFileErrorCode.INVALID_VALUE, "plan.participants"),
        ({"title": ""}, PlanFileErrorCode.INVALID_VALUE, "plan.title"),
        ({"title": " \u3000\n"}, PlanFileErrorCode.INVALID_VALUE, "plan.title"),
        ({"title": "长" * 201}, PlanFileErrorCode.OVER_LIMIT, "plan.title"),
        ({"gathering_time": "０９:３０"}, PlanFileErrorCode.INVALID_VALUE, "plan.gathering_time"),
        ({"gathering_time": "٠٩:٣٠"}, PlanFileErrorCode.INVALID_VALUE, "plan.gathering_time"),
        ({"date": "２０２５-１０-１５"}, PlanFileErrorCode.INVALID_VALUE, "plan.date"),
        ({"date": "9999-12-31"}, PlanFileErrorCode.INVALID_VALUE, "plan.date"),
        (
            {"stops": [{"custom": {"name": "x", "lat": 37.8, "lon": 112.5, "crs": "wgs84"}}] * 501},
            PlanFileErrorCode.OVER_LIMIT,
            "plan.stops",
        ),
    ],
)
def test_what_breaks_a_rule_is_refused_with_its_place(fields, code, path) -> None:
    error = _refused(_file(**fields))
    assert (error.code, error.path) == (code, path)


@settings(max_examples=100, deadline=None)
@given(drawn=plan_file_with_a_key_twice(SITE_KEYS))
def test_a_key_given_twice_is_refused_by_its_place_whatever_the_values(drawn) -> None:
    """``"title": "A", …, "title": "B"``: which did the sender mean? Not the last one silently
    (as the site-corrections reader, the plan-file reader refuses it), with the place named."""
    text, path = drawn
    error = _refused(text)
    assert (error.code, error.path) == (PlanFileErrorCode.DUPLICATE_KEY, path)
    assert plan_file_message(error) == (
        f"方案文件有问题：同一处出现了两个同名的项（位置：{path}）。没有导入任何内容。"
    )


def test_a_key_given_twice_names_where_even_in_a_hostile_file() -> None:
    """The key is text from the file: shown on one line, and a path nested absurdly deep shows
    its end (the key), not thousands of characters."""
    stop = '{"custom": {"name": "甲", "na\\nme": "x", "na\\u000ame": "y"}}'
    error = _refused(_file(stops=["STOP"]).replace('"STOP"', stop))
    assert error.code is PlanFileErrorCode.DUPLICATE_KEY
    assert error.path == "plan.stops[0].custom.na me"
    nested = "[" * 500 + '{"k": 1, "k": 2}' + "]" * 500
    deep = '{"format": "hongtu-plan", "plan": ' + nested + "}"
    error = _refused(deep)
    assert error.code is PlanFileErrorCode.DUPLICATE_KEY
    assert len(error.path) == 120 and error.path.startswith("…") and error.path.endswith("[0].k")


def test_characters_no_file_can_carry_are_replaced_visibly() -> None:
    text = _file(
        title="缅怀\ud800先烈\x07",
        notes="第一行\r\n第二行\x00",
        branch="第一\n支部",
        stops=[{"custom": {"name": "旧址\udfff", "lat": 37.8, "lon": 112.5, "crs": "wgs84"}}],
    )
    plan = load_plan(text, lambda _key: None)
    assert plan.title == f"缅怀{REPLACEMENT}先烈{REPLACEMENT}"
    assert plan.notes == f"第一行\n第二行{REPLACEMENT}"
    assert plan.branch == "第一 支部"
    assert plan.stops[0].custom is not None and plan.stops[0].custom.name == f"旧址{REPLACEMENT}"
    assert not has_uncarriable(dump_plan(plan, {}))


def test_text_reads_in_the_order_it_is_stored() -> None:
    """A right-to-left override (pasted by accident, or on purpose) would show "标题" as "题标"
    in the list, on paper and in a terminal: the bidirectional controls are replaced visibly."""
    text = _file(title="\u202e主题\u202c党日", notes="\u2067甲\u2069乙")
    plan = load_plan(text, lambda _key: None)
    assert plan.title == f"{REPLACEMENT}主题{REPLACEMENT}党日"
    assert plan.notes == f"{REPLACEMENT}甲{REPLACEMENT}乙"
    assert set_plan_field(plan, "title", "学习\u202d红色").title == f"学习{REPLACEMENT}红色"
    # the marks that only hint a direction (U+200E/U+200F) and a zero-width space are kept
    assert load_plan(_file(title="党\u200e日\u200b"), lambda _key: None).title == "党\u200e日\u200b"


def test_the_window_takes_no_look_alike_digits_as_a_time_or_minutes() -> None:
    """An input method's full-width digits are digits; other scripts' digits are not."""
    from hongtu.qt.plan_models import parse_hhmm, parse_minutes

    for typed in ("9：30", "0930", "０９：３０", "９:30", "9点30", "9点30分", "9点半"):
        assert parse_hhmm(typed) == time(9, 30), typed
    assert parse_hhmm("9点") == time(9, 0)
    for typed in ("٠٩:٣٠", "25:00", "9点61", "九点半"):
        with pytest.raises(ValueError):
            parse_hhmm(typed)
    assert parse_minutes("25分钟") == 25
    assert parse_minutes("２５") == 25
    for typed in ("٢٥", "1_0", "+5", "-5", "1441"):
        with pytest.raises(ValueError):
            parse_minutes(typed)


def test_typed_text_is_fitted_to_the_same_rules(sample_plan_in_store) -> None:
    plan = sample_plan_in_store
    edited = set_plan_field(plan, "title", "  主题\x1b[31m" + "长" * 300)
    assert len(edited.title) == limits.TEXT_LIMITS["title"] and REPLACEMENT in edited.title
    assert limits.plan_problems(edited) == []
    with pytest.raises(ValueError):
        set_plan_field(plan, "participants", 0)
    with pytest.raises(ValueError):
        set_plan_field(plan, "date", date(9999, 12, 31))


@pytest.fixture
def sample_plan_in_store(workspace) -> Plan:
    return workspace.plans.save(load_plan(_file(), lambda _key: None))


def test_a_plan_saved_before_the_limits_still_opens_and_saves(workspace) -> None:
    from hongtu.core.storage.models import PlanRow

    saved = workspace.plans.save(load_plan(_file(), lambda _key: None))
    with workspace.plans._sessions.begin() as session:  # an old HongTu wrote this
        row = session.get(PlanRow, saved.id)
        row.title = "旧" * 500 + "\x07"
        row.notes = "a\x00b"
    plan = workspace.plans.get(saved.id)
    assert len(plan.title) == limits.TEXT_LIMITS["title"] and limits.plan_problems(plan) == []
    workspace.plans.save(set_plan_field(plan, "branch", "第二支部"))


def test_a_plan_that_keeps_the_rules_is_opened_without_copying_it() -> None:
    plan = load_plan(_file(notes="注意安全。" * 20_000), lambda _key: None)
    assert limits.fit_plan(plan) is plan  # a 100,000-character note costs no copy on opening
