"""The catalogue reflects the second research pass (SITES.md, "Evidence added later").

Positions moved on the evidence, 八路军驻晋办事处旧址 treated as an exterior visit (and a warning
when a plan schedules indoor activities there), the sites added with their sources, and nothing
from the fabricated "Shanxi red spots" list.
"""

from __future__ import annotations

import copy
import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factories import make_plan, site_stop
from hongtu.core.catalogue import Catalogue, CatalogueEntry, CatalogueError, load_catalogue
from hongtu.core.districts import contains, district_by_adcode
from hongtu.core.geo import LatLon
from hongtu.core.paths import resource_path
from hongtu.core.plans import Activity, ActivityKind
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Confidence, PositionOrigin, Site, VisitorAccess
from hongtu.core.storage.quick_read import read_sites_quickly
from hongtu.core.warnings import PlanWarning, WarningCode, plan_warnings
from hongtu.core.workspace import open_workspace

EVIDENCE = Path(__file__).parent / "data" / "sites-evidence-2.json"  # the second pass, as given
# The third national cultural-relics survey's GPS point at the centre of 太原工程队旧址 (WGS-84).
SURVEY_ANCHOR = LatLon(37.886861, 112.570972)
OLD_GUOMIN_ESTIMATE = LatLon(37.879, 112.5665)
BALUJUN = "balujun-zhujin-banshichu-jiuzhi"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def entry(catalogue: Catalogue, key: str) -> CatalogueEntry:
    found = catalogue.get(key)
    assert found is not None, key
    return found


def metres(a: LatLon, b: LatLon) -> float:
    north = (a.lat - b.lat) * 111_320.0
    east = (a.lon - b.lon) * 111_320.0 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(north, east)


def source_urls(e: CatalogueEntry) -> set[str]:
    return {source.url for source in e.sources}


# ---- positions ---------------------------------------------------------------------------------


def test_guomin_shifan_moves_next_to_the_surveyed_camp(catalogue: Catalogue) -> None:
    guomin = entry(catalogue, "shanxi-guomin-shifan-jiuzhi")
    assert guomin.position is not None
    point = guomin.position.point
    # just south-west of the anchor, within a few hundred metres
    assert point.lat < SURVEY_ANCHOR.lat and point.lon < SURVEY_ANCHOR.lon
    assert metres(point, SURVEY_ANCHOR) < 300
    # the old estimate was ~0.9 km too far south
    assert metres(OLD_GUOMIN_ESTIMATE, SURVEY_ANCHOR) > 900
    assert point.lat - OLD_GUOMIN_ESTIMATE.lat > 0.005
    assert contains(district_by_adcode("140107"), point)
    # low-medium confidence (the format maps it to low), and the basis cites the survey
    assert guomin.position.confidence is Confidence.LOW and not guomin.position.verified
    assert "第三次全国文物普查" in guomin.position.basis and "西南" in guomin.position.basis
    assert "https://m.fx361.cc/news/2016/1101/16513966.html" in source_urls(guomin)


def test_zhibu_keeps_its_reading_but_says_the_datum_is_unconfirmed(catalogue: Catalogue) -> None:
    zhibu = entry(catalogue, "zhonggong-taiyuan-zhibu-jiuzhi")
    assert zhibu.position is not None
    assert zhibu.position.point == LatLon(37.8644, 112.5642)
    assert zhibu.position.confidence in (Confidence.MEDIUM, Confidence.LOW)
    assert "未注明坐标系" in zhibu.position.basis and "556" in zhibu.position.basis


def test_positions_agree_with_the_evidence_file(catalogue: Catalogue) -> None:
    evidence = json.loads(EVIDENCE.read_text(encoding="utf-8"))
    camp = next(s for s in evidence["additional_sites"] if s["name"].startswith("太原工程队旧址"))
    gongchengdui = entry(catalogue, "taiyuan-gongchengdui-jiuzhi")
    assert gongchengdui.position is not None
    assert gongchengdui.position.point == LatLon(camp["lat_wgs84"], camp["lon_wgs84"])
    guomin = next(s for s in evidence["sites"] if s["name"].startswith("山西国民师范"))
    assert LatLon(guomin["lat_wgs84"], guomin["lon_wgs84"]) == SURVEY_ANCHOR


# ---- 八路军驻晋办事处旧址: an exterior visit --------------------------------------------------


def test_balujun_office_is_not_confirmed_open(catalogue: Catalogue) -> None:
    office = entry(catalogue, BALUJUN)
    assert office.access.status is VisitorAccess.EXTERIOR_ONLY
    assert office.access.source_ids
    cited = {office.sources[i].url for i in office.access.source_ids}
    assert any("baogaosu" in url for url in cited)  # the 2015 Xinhua-sourced report
    assert "未确认对外开放" in office.notes and "外观" in office.notes
    site = office.to_site(3)
    assert site.access.exterior_only
    for name in ("opening_hours", "closed_days", "reservation", "admission", "phone"):
        assert getattr(site, name).value is None


def balujun_plan(site: Site, *kinds: ActivityKind) -> list[PlanWarning]:
    activities = [Activity(kind, 20) for kind in kinds]
    plan = make_plan([site_stop(site.id, *activities)], on=date(2026, 12, 16))
    sites = {site.id: site}
    schedule = compute_schedule(plan, sites, DEFAULT_SETTINGS)
    return plan_warnings(plan, schedule, sites, DEFAULT_SETTINGS, date(2026, 12, 1))


def indoor(warnings: list[PlanWarning]) -> list[PlanWarning]:
    return [w for w in warnings if w.code is WarningCode.INDOOR_NOT_CONFIRMED_OPEN]


def test_indoor_activities_at_the_office_are_warned(catalogue: Catalogue) -> None:
    office = entry(catalogue, BALUJUN).to_site(3)
    kinds = (ActivityKind.WREATH, ActivityKind.TOUR, ActivityKind.LESSON)
    found = indoor(balujun_plan(office, *kinds))
    assert len(found) == 1
    assert found[0].site_name == "八路军驻晋办事处旧址" and found[0].stop_id is not None
    assert found[0].details == {"activities": "tour,lesson"}
    discussion = indoor(balujun_plan(office, ActivityKind.DISCUSSION))
    assert discussion[0].details == {"activities": "discussion"}


def test_an_exterior_ceremony_at_the_office_is_not_warned(catalogue: Catalogue) -> None:
    office = entry(catalogue, BALUJUN).to_site(3)
    assert indoor(balujun_plan(office, ActivityKind.WREATH, ActivityKind.OATH)) == []
    assert indoor(balujun_plan(office)) == []  # no activities planned: nothing indoor asked


def test_the_same_activities_elsewhere_are_not_warned(catalogue: Catalogue) -> None:
    for key in ("taiyuan-jiefang-jinianguan", "shanxi-guomin-shifan-jiuzhi"):
        site = entry(catalogue, key).to_site(5)
        assert indoor(balujun_plan(site, ActivityKind.TOUR, ActivityKind.LESSON)) == [], key


# ---- stored, re-seeded, and confirmed by the organiser -----------------------------------------


def test_access_is_stored_and_the_organisers_confirmation_wins(tmp_path: Path) -> None:
    file = str(tmp_path / "h.sqlite3")
    ws = open_workspace(file)
    try:
        office = next(s for s in ws.sites.list_sites() if s.key == BALUJUN)
        assert office.access.exterior_only
        assert office.access.origin is PositionOrigin.CATALOGUE
        confirmed = ws.sites.set_visitor_access(office.id, VisitorAccess.OPEN)
        assert confirmed.access.status is VisitorAccess.OPEN
        assert confirmed.access.origin is PositionOrigin.USER
        assert not indoor(balujun_plan(confirmed, ActivityKind.TOUR))
    finally:
        ws.close()
    quick = read_sites_quickly(file)
    assert quick is not None
    assert next(s for s in quick if s.key == BALUJUN).access.status is VisitorAccess.OPEN
    ws = open_workspace(file)
    try:
        catalogue = load_catalogue()
        ws.sites.seed(catalogue.entries, catalogue.version + 1)  # a newer catalogue
        kept = next(s for s in ws.sites.list_sites() if s.key == BALUJUN)
        assert kept.access.status is VisitorAccess.OPEN  # the organiser's word is kept
        unknown = ws.sites.set_visitor_access(kept.id, VisitorAccess.UNKNOWN)
        assert unknown.access.status is VisitorAccess.UNKNOWN  # "I could not find out" is kept
        assert unknown.access.origin is PositionOrigin.USER
        back = ws.sites.clear_edit(kept.id, "visitor_access")
        assert back.access.exterior_only and back.access.origin is PositionOrigin.CATALOGUE
    finally:
        ws.close()


# ---- sites added by the second pass ------------------------------------------------------------


NEW_SITES = {
    "taiyuan-gongchengdui-jiuzhi": ("太原工程队旧址", "杏花岭区"),
    "wenyinghu-xinhai-geming-jiuzhi": ("太原文瀛湖辛亥革命活动旧址", "迎泽区"),
    "shanxi-dujunfu-jiuzhi": ("山西督军府旧址", "杏花岭区"),
}


@pytest.mark.parametrize("key", sorted(NEW_SITES))
def test_new_sites_are_present_with_sources_and_unknowns(catalogue: Catalogue, key: str) -> None:
    added = entry(catalogue, key)
    assert (added.name, added.district) == NEW_SITES[key]
    assert added.sources and all(s.url.startswith("http") for s in added.sources)
    assert added.address.known and added.address.source_ids
    assert added.protection_level.known and added.protection_level.source_ids
    for name in ("opening_hours", "closed_days", "reservation", "admission", "phone"):
        fact = getattr(added, name)
        assert fact.value is None and fact.confidence is Confidence.UNKNOWN, name
    assert added.visit_minutes is None
    assert added.significance and added.notes


def test_only_the_surveyed_new_site_has_a_position(catalogue: Catalogue) -> None:
    camp = entry(catalogue, "taiyuan-gongchengdui-jiuzhi")
    assert camp.position is not None and camp.position.confidence is Confidence.HIGH
    assert "第三次全国文物普查" in camp.position.basis
    assert entry(catalogue, "wenyinghu-xinhai-geming-jiuzhi").position is None
    assert entry(catalogue, "shanxi-dujunfu-jiuzhi").position is None


def test_weakly_evidenced_sites_are_not_added(catalogue: Catalogue) -> None:
    names = " ".join(e.name + " ".join(e.aliases) for e in catalogue)
    for name in ("田家英", "牺盟会太原市委员会", "风格梁"):
        assert name not in names


def test_dujunfu_hours_from_a_visitor_post_are_a_note_not_a_fact(catalogue: Catalogue) -> None:
    dujunfu = entry(catalogue, "shanxi-dujunfu-jiuzhi")
    assert "晋商博物院" in dujunfu.aliases
    assert dujunfu.opening_hours.value is None and dujunfu.closed_days.value is None
    assert "未经核实" in dujunfu.notes


def test_findable_by_their_other_names(catalogue: Catalogue) -> None:
    from hongtu.core.search import matches

    def find(query: str) -> set[str]:
        return {e.name for e in catalogue if matches(e.to_site(0).search_keys, query)}

    assert "太原工程队旧址" in find("日军太原集中营")
    assert "山西督军府旧址" in find("晋商博物院")
    assert "太原文瀛湖辛亥革命活动旧址" in find("烈士纪念塔")


def test_gao_junyu_free_admission_is_low_confidence_and_sourced(catalogue: Catalogue) -> None:
    gao = entry(catalogue, "gao-junyu-guju")
    assert gao.admission.value == "免费" and gao.admission.confidence is Confidence.LOW
    assert "kmscits.cn" in gao.sources[gao.admission.source_ids[0]].url


def test_liu_hulan_hours_from_machine_written_pages_are_left_unknown(
    catalogue: Catalogue,
) -> None:
    """SITES.md: "周二至周日 9:00–17:00, free" appears only on pages that look machine-written:
    unverified, do not use. The phone (one low-confidence page) stays, marked low."""
    liu = entry(catalogue, "liu-hulan-jinianguan")
    for fact in (liu.opening_hours, liu.closed_days, liu.admission):
        assert fact.value is None and fact.confidence is Confidence.UNKNOWN
    assert liu.phone.value == "0358-3081102" and liu.phone.confidence is Confidence.LOW
    assert "ke263.com" in liu.sources[liu.phone.source_ids[0]].url
    assert not any("compilation" in source.title for e in catalogue for source in e.sources)
    assert "未采用" in liu.notes


# ---- nothing from the fabricated list ------------------------------------------------------------


FABRICATED_POINTS = (
    LatLon(37.953, 112.283),  # "高君宇故居"
    LatLon(37.878, 112.569),  # "双塔革命烈士陵园"
    LatLon(37.157, 111.642),  # "刘胡兰纪念馆"
    LatLon(38.403, 112.745),  # "徐向前故居"
)


def test_nothing_from_the_fabricated_data_set(catalogue: Catalogue) -> None:
    text = resource_path("data", "sites.json").read_text(encoding="utf-8")
    for phone in ("8888888", "0351-4223887"):
        assert phone not in text
    for e in catalogue:
        if e.position is not None:
            for fake in FABRICATED_POINTS:
                assert metres(e.position.point, fake) > 200, e.key
        if e.in_taiyuan:
            assert e.opening_hours.value is None, e.key


# ---- the loader refuses a bad access value --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"value": "maybe", "confidence": "low", "sources": [0]}, "visitor_access.value"),
        ({"value": "open", "confidence": "unknown", "sources": []}, "visitor_access.confidence"),
        ({"value": "open", "confidence": "low", "sources": []}, "visitor_access"),
        ({"value": None, "confidence": "low", "sources": []}, "visitor_access"),
    ],
)
def test_bad_visitor_access_is_refused(tmp_path: Path, value: Any, field: str) -> None:
    doc = json.loads(resource_path("data", "sites.json").read_text(encoding="utf-8"))
    bad = copy.deepcopy(doc)
    bad["sites"][0]["visitor_access"] = value
    path = tmp_path / "sites.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert (caught.value.key, caught.value.field) == ("gao-junyu-guju", field)
