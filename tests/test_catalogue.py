"""The bundled site catalogue: it loads, it is honest, and bad files are refused clearly."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hongtu.core.catalogue import (
    DISTRICT_ADCODES,
    FACT_FIELDS,
    Catalogue,
    CatalogueError,
    load_catalogue,
)
from hongtu.core.geo import Crs
from hongtu.core.paths import resource_path
from hongtu.core.search import matches
from hongtu.core.sites import DEFAULT_VISIT_MINUTES, Confidence, SiteCategory

# the project's site research (public reference material), as the catalogue was built from it
RESEARCH = Path(__file__).parent / "data" / "sites-research.json"
VISIT_RULE_FACTS = ("opening_hours", "closed_days", "reservation", "admission", "phone")


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return json.loads(resource_path("data", "sites.json").read_text(encoding="utf-8"))


def find(catalogue: Catalogue, query: str) -> set[str]:
    return {entry.name for entry in catalogue if matches(entry.to_site(0).search_keys, query)}


def test_bundled_catalogue_loads(catalogue: Catalogue) -> None:
    assert catalogue.version == 3  # raised when 刘胡兰纪念馆's unusable hours were left out
    assert catalogue.compiled_on == date(2026, 11, 30)
    assert len(catalogue) >= 10
    names = {entry.name for entry in catalogue}
    assert {"高君宇故居", "八路军驻晋办事处旧址", "太原解放纪念馆"} <= names


def test_named_sites_are_findable(catalogue: Catalogue) -> None:
    assert "八路军驻晋办事处旧址" in find(catalogue, "八路军太原办事处旧址")
    assert "太原解放纪念馆" in find(catalogue, "牛驼寨烈士陵园")
    assert find(catalogue, "gjy") == {"高君宇故居"}


def test_gao_junyu_is_in_loufan(catalogue: Catalogue) -> None:
    entry = catalogue.get("gao-junyu-guju")
    assert entry is not None
    assert entry.name == "高君宇故居"
    assert (entry.district, entry.district_adcode, entry.in_taiyuan) == ("娄烦县", "140123", True)
    assert entry.category is SiteCategory.FORMER_RESIDENCE


def test_every_fact_cites_existing_sources(catalogue: Catalogue) -> None:
    for entry in catalogue:
        for name, fact in entry.facts.items():
            assert all(0 <= i < len(entry.sources) for i in fact.source_ids), (entry.key, name)
            if fact.known:
                assert fact.source_ids, (entry.key, name)
                assert fact.confidence in (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)
            else:
                assert fact.confidence is Confidence.UNKNOWN


# the only visit-rule fact the research found for a Taiyuan site: free admission at 高君宇故居
# (a 2019 travel-agency guide, low confidence; SITES.md "Evidence added later")
SOURCED_TAIYUAN_VISIT_FACTS = {("gao-junyu-guju", "admission")}


def test_no_invented_visit_rules_for_taiyuan_sites(catalogue: Catalogue) -> None:
    taiyuan = [entry for entry in catalogue if entry.in_taiyuan]
    assert len(taiyuan) >= 10
    for entry in taiyuan:
        for name in VISIT_RULE_FACTS:
            fact = getattr(entry, name)
            if (entry.key, name) in SOURCED_TAIYUAN_VISIT_FACTS:
                assert fact.confidence is Confidence.LOW and fact.source_ids, (entry.key, name)
            else:
                assert fact.value is None, (entry.key, name)


def test_low_confidence_values_outside_taiyuan_stay_low(catalogue: Catalogue) -> None:
    entry = catalogue.get("liu-hulan-jinianguan")
    assert entry is not None and not entry.in_taiyuan
    for name in VISIT_RULE_FACTS:
        fact = getattr(entry, name)
        assert not fact.known or fact.confidence is Confidence.LOW, name


def test_no_rejected_sources(catalogue: Catalogue) -> None:
    for entry in catalogue:
        for source in entry.sources:
            assert source.confidence in (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)
            assert "REJECTED" not in " ".join(source.supports)
            assert "aippt" not in source.url


def test_positions_are_unverified_estimates(catalogue: Catalogue) -> None:
    for entry in catalogue:
        if entry.position is not None:
            assert entry.position.verified is False
            assert entry.position.crs_origin is Crs.WGS84
            assert entry.position.basis
        assert entry.to_site(1).position_is_estimate


# Positions the second research pass (sites-evidence-2.json) gives, instead of the first pass's.
SECOND_PASS_POSITIONS = {"山西国民师范旧址革命活动纪念馆", "太原工程队旧址"}


def test_positions_match_the_research_and_none_is_invented(catalogue: Catalogue) -> None:
    research = {r["name_zh"]: r for r in json.loads(RESEARCH.read_text(encoding="utf-8"))}
    for entry in catalogue:
        if entry.name in SECOND_PASS_POSITIONS:
            continue  # checked against the second pass in test_catalogue_evidence.py
        if entry.name not in research:  # added by the second pass, which has no position for it
            assert entry.position is None, entry.key
            continue
        estimate = research[entry.name]["estimate_wgs84"]
        if estimate is None:
            assert entry.position is None, entry.key
        else:
            assert entry.position is not None, entry.key
            assert (entry.position.point.lat, entry.position.point.lon) == (
                estimate["lat"],
                estimate["lon"],
            )


def test_sites_without_estimate_have_no_position(catalogue: Catalogue) -> None:
    for key in ("jinsui-bafenqu-jiuzhi", "xu-xiangqian-guju"):
        entry = catalogue.get(key)
        assert entry is not None and entry.position is None


def test_districts_and_keys(catalogue: Catalogue) -> None:
    for entry in catalogue:
        assert DISTRICT_ADCODES[entry.district] == entry.district_adcode
        assert entry.in_taiyuan == entry.district_adcode.startswith("1401")
        assert entry.key.isascii()
    assert len({entry.key for entry in catalogue}) == len(catalogue)


def test_to_site_uses_default_visit_minutes(catalogue: Catalogue) -> None:
    entry = catalogue.get("balujun-zhujin-banshichu-jiuzhi")
    assert entry is not None
    site = entry.to_site(7)
    assert site.id == 7 and site.key == entry.key and site.name == "八路军驻晋办事处旧址"
    assert site.visit_minutes == DEFAULT_VISIT_MINUTES and site.visit_minutes_is_default
    assert "八路军太原办事处旧址" in site.aliases
    assert site.last_verified == date(2026, 11, 27)
    assert site.address.value and "坝陵南街" in site.address.value
    assert matches(site.search_keys, "blj")


# ---- bad files ---------------------------------------------------------------------------------


def write_variant(
    tmp_path: Path, raw: dict[str, Any], change: Callable[[dict[str, Any]], None]
) -> Path:
    doc = copy.deepcopy(raw)
    change(doc)
    path = tmp_path / "sites.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def set_in(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change that sets ``sites[0].<path>`` (dot-separated) to ``value``."""

    def change(doc: dict[str, Any]) -> None:
        target: Any = doc["sites"][0]
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (set_in("category", "museum"), "category"),
        (set_in("category", "custom"), "category"),
        (set_in("facts.address.sources", [0, 99]), "facts.address.sources"),
        (set_in("facts.address.sources", [-1]), "facts.address.sources"),
        (set_in("facts.address.sources", []), "facts.address"),
        (set_in("facts.phone.value", "0351-0000000"), "facts.phone.confidence"),
        (set_in("facts.phone.confidence", "low"), "facts.phone"),
        (set_in("facts.address.confidence", "medium-high"), "facts.address.confidence"),
        (set_in("position.lat", 91.0), "position.lat"),
        (set_in("position.lon", -181), "position.lon"),
        (set_in("position.lat", "38.1"), "position.lat"),
        (set_in("position.crs", "gcj02"), "position.crs"),
        (set_in("position.verified", "no"), "position.verified"),
        (set_in("district", "太原市"), "district"),
        (set_in("district_adcode", "140107"), "district_adcode"),
        (set_in("in_taiyuan", False), "in_taiyuan"),
        (set_in("last_verified", "27/11/2026"), "last_verified"),
        (set_in("visit_minutes", 0), "visit_minutes"),
        (set_in("name", ""), "name"),
        (set_in("sources", []), "sources"),
        (set_in("sources.0.confidence", "reject"), "sources[0].confidence"),
        (set_in("sources.0.url", "ftp://example"), "sources[0].url"),
        (set_in("adress", "typo"), "adress"),
    ],
)
def test_bad_site_names_key_and_field(
    tmp_path: Path, raw: dict[str, Any], change: Callable[[dict[str, Any]], None], field: str
) -> None:
    path = write_variant(tmp_path, raw, change)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.key == "gao-junyu-guju"
    assert caught.value.field == field
    assert "gao-junyu-guju" in str(caught.value) and field in str(caught.value)


def test_missing_fact_is_named(tmp_path: Path, raw: dict[str, Any]) -> None:
    path = write_variant(tmp_path, raw, lambda doc: doc["sites"][0]["facts"].pop("phone"))
    with pytest.raises(CatalogueError, match=r"facts\.phone"):
        load_catalogue(path)


def test_duplicate_keys_are_refused(tmp_path: Path, raw: dict[str, Any]) -> None:
    path = write_variant(tmp_path, raw, lambda doc: doc["sites"][1].update(key="gao-junyu-guju"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert (caught.value.key, caught.value.field) == ("gao-junyu-guju", "key")
    assert "duplicate" in str(caught.value)


def test_bad_key_is_refused(tmp_path: Path, raw: dict[str, Any]) -> None:
    path = write_variant(tmp_path, raw, set_in("key", "高君宇故居"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.field == "key"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda doc: doc.update(catalogue_version=0), "catalogue_version"),
        (lambda doc: doc.update(catalogue_version="1"), "catalogue_version"),
        (lambda doc: doc.update(compiled_on="soon"), "compiled_on"),
        (lambda doc: doc.update(sites=[]), "sites"),
    ],
)
def test_bad_document_names_field(
    tmp_path: Path, raw: dict[str, Any], change: Callable[[dict[str, Any]], None], field: str
) -> None:
    path = write_variant(tmp_path, raw, change)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert caught.value.field == field


def test_invalid_json_is_a_catalogue_error(tmp_path: Path) -> None:
    path = tmp_path / "sites.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid JSON"):
        load_catalogue(path)


def test_fact_fields_are_complete(raw: dict[str, Any]) -> None:
    for site in raw["sites"]:
        assert tuple(site["facts"]) == FACT_FIELDS
