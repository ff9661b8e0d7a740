"""Sharing verified site data: `hongtu sites export-corrections` / `import-corrections`.

One organiser (or the district office) exports what they confirmed; another imports it, sees
each difference and takes it or leaves it. A malformed file changes nothing and says where the
problem is. Files are built from docs/site-corrections.md.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hongtu.cli import main
from hongtu.core.corrections_review import apply_review, review_corrections
from hongtu.core.geo import Crs, LatLon
from hongtu.core.settings import load_settings
from hongtu.core.site_corrections import (
    FORMAT,
    CorrectionsError,
    CorrectionsErrorCode,
    read_corrections,
)
from hongtu.core.sites import Confidence, PositionOrigin, VisitorAccess, VisitRules
from hongtu.core.workspace import open_workspace

MOVED = LatLon(37.8853, 112.5697)
RULES = VisitRules(opens=time(9), closes=time(17), closed_weekdays=frozenset({0}))


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make_sender(db: Path) -> dict[str, Any]:
    """A data folder where the organiser corrected a position, confirmed rules and a phone
    number, found a site open to groups and added a place of their own."""
    sender = open_workspace(str(db))
    try:
        sites = [s for s in sender.sites.list_sites() if s.key and s.position][:2]
        sender.sites.set_position(sites[0].id, MOVED, Crs.GCJ02)
        sender.sites.set_rules(sites[1].id, RULES)
        sender.sites.set_fact(sites[1].id, "phone", "0351-4040123")
        sender.sites.set_visitor_access(sites[1].id, VisitorAccess.OPEN)
        from hongtu.core.places import add_place

        add_place(sender.sites, "太原工程队旧址北门", LatLon(37.8869, 112.5710), Crs.WGS84)
        return {"moved": sites[0].key, "confirmed": sites[1].key}
    finally:
        sender.close()


def snapshot(db: Path) -> tuple[list[Any], list[Any], bytes]:
    """The rows of the site tables and the database file's bytes (after a checkpoint)."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sites = con.execute("SELECT * FROM sites ORDER BY id").fetchall()
        edits = con.execute("SELECT * FROM site_edits ORDER BY id").fetchall()
    finally:
        con.close()
    return sites, edits, db.read_bytes()


def valid_document(key: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": 1,
        "exported_by": "杏花岭区委组织部",
        "corrections": [
            {
                "site": {"key": key, "name": "某站点"},
                "confirmed_by": "王芳",
                "confirmed_on": "2026-10-20",
                "source": "电话核实：馆方接待处",
                "confidence": "high",
                "position": {"lat": 37.88, "lon": 112.57, "crs": "gcj02"},
                "facts": {"phone": "0351-1234567"},
            }
        ],
    }


# ---- round trip ---------------------------------------------------------------------------------


def test_export_on_one_data_folder_and_import_into_another_keeps_values_and_provenance(
    capsys, tmp_path
) -> None:
    keys = make_sender(tmp_path / "office.sqlite3")
    out = tmp_path / "核实信息.json"
    code, said, err = run_cli(
        capsys, "--db", str(tmp_path / "office.sqlite3"), "sites", "export-corrections",
        "--output", str(out), "--by", "区委组织部 王芳",
    )  # fmt: skip
    assert code == 0 and err == "" and "3" in said
    assert load_settings().confirmer_name == "区委组织部 王芳"  # remembered for next time
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == FORMAT and document["version"] == 1
    assert {e["site"]["name"] for e in document["corrections"]} >= {"太原工程队旧址北门"}
    exported_keys = {e["site"]["key"] for e in document["corrections"]}
    assert exported_keys == {keys["moved"], keys["confirmed"], None}  # nothing untouched

    receiver = tmp_path / "branch.sqlite3"
    code, listing, _ = run_cli(
        capsys, "--db", str(receiver), "sites", "import-corrections", str(out)
    )
    assert code == 0
    assert "区委组织部 王芳" in listing and "新地点：太原工程队旧址北门" in listing
    assert "未做任何更改" in listing
    workspace = open_workspace(str(receiver))
    try:
        assert all(s.position is None or s.position.origin is not PositionOrigin.USER
                   for s in workspace.sites.list_sites() if s.key)  # fmt: skip
    finally:
        workspace.close()

    code, summary, _ = run_cli(
        capsys, "--db", str(receiver), "sites", "import-corrections", str(out), "--accept-all"
    )
    assert code == 0 and "已采用 4 处更正" in summary and "新增 1 个地点" in summary
    office = open_workspace(str(tmp_path / "office.sqlite3"))
    branch = open_workspace(str(receiver))
    try:
        for key in keys.values():
            mine = next(s for s in office.sites.list_sites() if s.key == key)
            theirs = next(s for s in branch.sites.list_sites() if s.key == key)
            assert theirs.position is not None and mine.position is not None
            assert theirs.position.point.lat == pytest.approx(mine.position.point.lat, abs=1e-6)
            assert theirs.position.point.lon == pytest.approx(mine.position.point.lon, abs=1e-6)
            assert (theirs.phone.value, theirs.rules, theirs.access.status) == (
                mine.phone.value, mine.rules, mine.access.status,
            )  # fmt: skip
        moved = next(s for s in branch.sites.list_sites() if s.key == keys["moved"])
        provenance = moved.provenance_of("position")
        assert provenance is not None and provenance.confirmed_by == "区委组织部 王芳"
        assert provenance.confirmed_on == date.today() and provenance.confidence is Confidence.HIGH
        assert moved.position is not None and moved.position.basis == provenance.source
        place = next(s for s in branch.sites.list_sites() if s.name == "太原工程队旧址北门")
        assert place.key is None and place.provenance_of("position") is not None
    finally:
        office.close()
        branch.close()

    again = tmp_path / "再导出.json"
    code, _, _ = run_cli(
        capsys, "--db", str(receiver), "sites", "export-corrections", "--output", str(again)
    )  # the name given last time is used
    assert code == 0
    assert json.loads(again.read_text("utf-8"))["corrections"] == document["corrections"]
    code, listing, _ = run_cli(
        capsys, "--db", str(receiver), "sites", "import-corrections", str(out)
    )
    assert code == 0 and listing.count("与本机相同") == 3


def test_export_needs_a_name_and_something_to_export(capsys, tmp_path) -> None:
    db = str(tmp_path / "new.sqlite3")
    out = tmp_path / "x.json"
    code, _, err = run_cli(capsys, "--db", db, "sites", "export-corrections", "--output", str(out))
    assert code != 0 and "--by" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(
        capsys, "--db", db, "sites", "export-corrections", "--output", str(out), "--by", "王芳"
    )
    assert code != 0 and "没有可导出的核实信息" in err and not out.exists()
    assert "Traceback" not in err
    keys = make_sender(tmp_path / "office.sqlite3")
    assert keys
    missing = tmp_path / "没有这个文件夹" / "x.json"
    code, _, err = run_cli(
        capsys, "--db", str(tmp_path / "office.sqlite3"), "sites", "export-corrections",
        "--output", str(missing), "--by", "王芳",
    )  # fmt: skip
    assert code == 2 and len(err.strip().splitlines()) == 1 and "文件夹不存在" in err
    assert not missing.parent.exists() and "Traceback" not in err


# ---- malformed files change nothing -------------------------------------------------------------


def _mutate(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        elif isinstance(target, list):
            index = int(last)
            target[index : index + 1] = [value]  # replace, or append after the last
        else:
            target[last] = value

    return change


_DELETE = object()
_SECOND = {
    "site": {"key": "no-such-site", "name": "无名旧址"},
    "confirmed_by": "李四",
    "confirmed_on": "2026-10-21",
    "source": "实地查看",
    "confidence": "medium",
    "facts": {"admission": "免费"},
}

MALFORMED: list[tuple[str, Any, str]] = [
    ("not json", b"{not json", "not_json"),
    ("not utf-8", b'{"format": "\xff\xfe"}', "not_utf8"),
    ("NaN", None, "not_json"),
    ("duplicate key", b'{"format": "hongtu-site-corrections", "format": "x"}', "duplicate_key"),
    ("wrong format", _mutate("format", "hongtu-plan"), "not_corrections_file"),
    ("newer version", _mutate("version", 2), "newer_version"),
    ("version 0", _mutate("version", 0), "unsupported_version"),
    ("version as text", _mutate("version", "1"), "unsupported_version"),
    ("no entries list", _mutate("corrections", _DELETE), "missing"),
    ("unknown top field", _mutate("extra", 1), "unknown_field"),
    ("unknown site, no position", _mutate("corrections/1", _SECOND),
     "unknown_site_without_position"),
    ("latitude 91", _mutate("corrections/0/position/lat", 91.0), "coordinate_out_of_range"),
    ("longitude 1e400", None, "coordinate_out_of_range"),
    ("huge integer", _mutate("corrections/0/position/lon", 10**400), "coordinate_out_of_range"),
    ("no crs", _mutate("corrections/0/position/crs", _DELETE), "missing"),
    ("unknown crs", _mutate("corrections/0/position/crs", "cgcs"), "invalid_value"),
    ("over-long fact", _mutate("corrections/0/facts/phone", "1" * 201), "text_too_long"),
    ("over-long source", _mutate("corrections/0/source", "据" * 501), "text_too_long"),
    ("control character", _mutate("corrections/0/facts/phone", "0351\x1b[31m"),
     "control_character"),
    ("line break in a name", _mutate("corrections/0/confirmed_by", "王\n芳"), "control_character"),
    ("lone surrogate", _mutate("corrections/0/source", "电话\ud800"), "lone_surrogate"),
    ("duplicate entry", None, "duplicate_entry"),
    ("no confirmer", _mutate("corrections/0/confirmed_by", "  "), "missing"),
    ("bad date", _mutate("corrections/0/confirmed_on", "2026-02-30"), "invalid_value"),
    ("future date", None, "future_date"),
    ("bad confidence", _mutate("corrections/0/confidence", "certain"), "invalid_value"),
    ("unknown fact", _mutate("corrections/0/facts/email", "a@b.c"), "unknown_field"),
    ("empty entry", None, "empty_entry"),
    ("impossible rules", _mutate("corrections/0/rules", {"opens": "17:00", "closes": "09:00"}),
     "invalid_value"),
    ("bad access", _mutate("corrections/0/visitor_access", "yes"), "invalid_value"),
    ("entry not an object", _mutate("corrections/0", "高君宇故居"), "wrong_type"),
]  # fmt: skip


def malformed_bytes(name: str, change: Any, key: str) -> bytes:
    if isinstance(change, bytes):
        return change
    document = valid_document(key)
    if change is not None:
        change(document)
        return json.dumps(document).encode("ascii")  # a lone surrogate as JSON writes it: \ud800
    text = json.dumps(document, ensure_ascii=False)
    if name == "NaN":
        return text.replace('"lat": 37.88', '"lat": NaN').encode()
    if name == "longitude 1e400":
        return text.replace('"lon": 112.57', '"lon": 1e400').encode()
    if name == "duplicate entry":
        document["corrections"].append(copy.deepcopy(document["corrections"][0]))
        document["corrections"][1].pop("position")
    elif name == "future date":
        document["corrections"][0]["confirmed_on"] = (date.today() + timedelta(2)).isoformat()
    elif name == "empty entry":
        for field in ("position", "facts"):
            document["corrections"][0].pop(field)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(("name", "change", "code"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_file_changes_nothing_and_names_the_problem(
    capsys, tmp_path, name, change, code
) -> None:
    db = tmp_path / "branch.sqlite3"
    workspace = open_workspace(str(db))
    key = next(s.key for s in workspace.sites.list_sites() if s.key)
    workspace.close()
    assert key is not None
    valid = malformed_bytes("valid", lambda _d: None, key)
    assert read_corrections(valid).entries  # the file is valid before the one change
    data = malformed_bytes(name, change, key)
    with pytest.raises(CorrectionsError) as raised:
        corrections = read_corrections(data)
        check = open_workspace(str(db))
        try:
            review_corrections(corrections, check.sites.list_sites())
        finally:
            check.close()
    assert raised.value.code is CorrectionsErrorCode(code)
    path = tmp_path / "坏文件.json"
    path.write_bytes(data)
    before = snapshot(db)
    for extra in ([], ["--accept-all"]):
        status, out, err = run_cli(
            capsys, "--db", str(db), "sites", "import-corrections", str(path), *extra
        )
        assert status == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "没有导入任何内容" in err
        if raised.value.entry is not None:
            assert f"第 {raised.value.entry} 条" in err
    assert snapshot(db) == before


# ---- files generated from the format's own definition -------------------------------------------

NASTY = st.sampled_from(
    ["", " ", "王芳", "a\ud800", "\x00\x1b[2J", "长" * 200, "长" * 201, "x" * 501, "\u2028",
     "2026-13-01", "20261001", "unknown", "WGS84", "25:61", "1e308", "181"]
)  # fmt: skip
text = st.one_of(st.text(max_size=12), NASTY)
maybe_wrong = st.one_of(st.none(), st.integers(-2, 2), st.booleans(), st.just([]), st.just({}))


def field_value(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly what the format allows (so many files import), sometimes anything at all."""
    return st.integers(0, 40).flatmap(lambda n: good if n < 40 else st.one_of(maybe_wrong, text))


def entries(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    site = st.fixed_dictionaries(
        {"name": field_value(st.sampled_from(["高君宇故居", "新地点甲", "新地点乙"]))},
        optional={
            "key": st.one_of(st.sampled_from([*keys, "no-such-site"]), st.none(), text),
            "district": field_value(st.sampled_from(["杏花岭区", "娄烦县", "不存在区"])),
        },
    )
    position = st.fixed_dictionaries(
        {
            "lat": field_value(st.floats(37.4, 38.4)),
            "lon": field_value(st.floats(111.5, 113.2)),
            "crs": field_value(st.sampled_from(["wgs84", "gcj02", "bd09"])),
        }
    )
    hhmm = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
    rules = st.fixed_dictionaries(
        {},
        optional={
            "opens": field_value(hhmm),
            "closes": field_value(hhmm),
            "closed_weekdays": field_value(st.lists(st.integers(0, 6), max_size=3)),
            "open_on_public_holidays": field_value(st.booleans()),
            "reservation_lead_days": field_value(st.integers(0, 90)),
            "max_group_size": field_value(st.integers(1, 2000)),
        },
    )
    facts = st.dictionaries(
        st.sampled_from(["address", "opening_hours", "phone", "admission"]),
        field_value(st.text("开放时间免费预约电话0351-1234 ", min_size=1, max_size=20)),
        max_size=3,
    )
    day = st.dates(date(2000, 1, 1), date.today()).map(date.isoformat)
    return st.fixed_dictionaries(
        {
            "site": field_value(site),
            "confirmed_by": field_value(st.sampled_from(["王芳", "区委组织部"])),
            "confirmed_on": field_value(day),
            "source": field_value(st.sampled_from(["电话核实", "实地查看"])),
            "confidence": field_value(st.sampled_from(["high", "medium", "low"])),
            "position": field_value(position),
        },
        optional={
            "facts": field_value(facts),
            "rules": field_value(rules),
            "visitor_access": field_value(st.sampled_from(["open", "exterior_only"])),
        },
    )


def documents(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "format": field_value(st.just(FORMAT)),
            "version": field_value(st.just(1)),
            "corrections": st.lists(entries(keys), max_size=4),
        },
        optional={"exported_by": field_value(st.just("王芳"))},
    )


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_generated_files_never_crash_and_are_either_imported_or_refused_with_a_code(
    workspace, data
) -> None:
    keys = [s.key for s in workspace.sites.list_sites() if s.key][:4]
    document = data.draw(documents(keys))
    as_ascii = data.draw(st.booleans())  # escaped (\ud800) or raw bytes (not UTF-8 at all)
    raw = json.dumps(document, ensure_ascii=as_ascii).encode("utf-8", "surrogatepass")
    before = (workspace.sites.list_sites(), workspace.sites.list_edits())
    try:
        corrections = read_corrections(raw)
        review = review_corrections(corrections, workspace.sites.list_sites())
    except CorrectionsError as exc:
        assert exc.code in CorrectionsErrorCode
        event(f"refused: {exc.code.value}")
        assert (workspace.sites.list_sites(), workspace.sites.list_edits()) == before
        return
    event("imported" if corrections.entries else "imported an empty file")
    applied = apply_review(workspace.sites, review.differences, review.new_places)
    assert len(applied.added) == len(review.new_places)
    again = review_corrections(corrections, workspace.sites.list_sites())
    assert again.differences == [] and again.new_places == []  # everything taken is now here


def test_a_position_confirmed_with_less_than_high_confidence_stays_unverified(workspace) -> None:
    site = next(s for s in workspace.sites.list_sites() if s.key and s.position)
    document = valid_document(site.key or "")
    entry = document["corrections"][0]
    entry.pop("facts")
    high = review_corrections(read_corrections(json.dumps(document)), workspace.sites.list_sites())
    entry["confidence"] = "medium"
    entry["source"] = "三普手持 GPS 读数，旧址东北约 100 米"
    medium = read_corrections(json.dumps(document))
    review = review_corrections(medium, workspace.sites.list_sites())
    assert [d.field for d in review.differences] == [d.field for d in high.differences]
    applied = apply_review(workspace.sites, review.differences, [])
    moved = applied.changed[0]
    assert moved.position is not None and moved.position.confidence is Confidence.MEDIUM
    assert moved.position_is_estimate  # still 位置待核实 on the map and in the list
    assert moved.position.basis == "三普手持 GPS 读数，旧址东北约 100 米"
    assert moved.position.crs_origin is Crs.GCJ02  # the system the file gave it in
    own = workspace.sites.set_position(moved.id, moved.position.point, Crs.WGS84)
    assert own.provenance_of("position") is None and not own.position_is_estimate


def test_the_start_up_fast_path_shows_the_same_provenance(tmp_path) -> None:
    from hongtu.core.storage.quick_read import read_sites_quickly

    db = tmp_path / "branch.sqlite3"
    workspace = open_workspace(str(db))
    try:
        site = next(s for s in workspace.sites.list_sites() if s.key and s.position)
        document = valid_document(site.key or "")
        corrections = read_corrections(json.dumps(document))
        review = review_corrections(corrections, workspace.sites.list_sites())
        apply_review(workspace.sites, review.differences, review.new_places)
        stored = workspace.sites.list_sites()
    finally:
        workspace.close()
    quick = read_sites_quickly(str(db))
    assert quick == stored
    shown = next(s for s in quick if s.id == site.id)
    provenance = shown.provenance_of("phone")
    assert provenance is not None and provenance.source == "电话核实：馆方接待处"


def test_a_file_exported_in_english_carries_its_source_in_chinese(capsys, tmp_path) -> None:
    """The file goes to another branch: its provenance is in Chinese, as the site data is,
    whatever the sender's window language; each reader sees HongTu's wording in their own."""
    sender = tmp_path / "sender.sqlite3"
    make_sender(sender)
    out = tmp_path / "corrections.json"
    code, _, err = run_cli(
        capsys, "--lang", "en", "--db", str(sender), "sites", "export-corrections",
        "--output", str(out), "--by", "Wang",
    )  # fmt: skip
    assert code == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))
    sources = {
        provenance["source"]
        for entry in document["corrections"]
        for provenance in _provenances(entry)
    }
    assert sources == {"组织者本人核实（电话或实地）"}


def test_hongtus_own_source_is_shown_in_the_readers_language(lang: str) -> None:
    from hongtu.core.sites import Provenance
    from hongtu.corrections_files import OWN_SOURCE, provenance_text

    own = Provenance("王芳", date(2026, 11, 20), OWN_SOURCE, Confidence.HIGH)
    other = Provenance("王芳", date(2026, 11, 20), "区委组织部名录", Confidence.HIGH)
    if lang == "en":
        assert "Confirmed by the organiser (phone or visit)" in provenance_text(own)
    else:
        assert "来源：组织者本人核实（电话或实地）" in provenance_text(own)
    assert "区委组织部名录" in provenance_text(other)  # another source, as written


def _provenances(value: Any) -> list[dict[str, Any]]:
    """Every provenance object (one with a "source") anywhere inside a correction entry."""
    if isinstance(value, dict):
        found = [value] if "source" in value and "confirmed_by" in value else []
        return found + [p for item in value.values() for p in _provenances(item)]
    if isinstance(value, list):
        return [p for item in value for p in _provenances(item)]
    return []
