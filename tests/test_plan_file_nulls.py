"""docs/plan-format.md: "Optional keys may also be given as null, meaning absent." A file that
writes null for an optional key with a default (a plan's status, a stop's activities, a done
item's state, a photo's suffix) reads as if the key were left out."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from hongtu.cli import main
from hongtu.core.planfile import read_plan_document

HASH = "ab" * 32
FILE = {
    "format": "hongtu-plan",
    "version": 2,
    "plan": {
        "title": "缅怀先烈",
        "date": "2025-10-15",
        "participants": 30,
        "transport": "coach",
        "gathering_time": "08:00",
        "status": "done",
        "stops": [
            {
                "custom": {"name": "纪念馆", "lat": 37.8, "lon": 112.5, "crs": "wgs84"},
                "activities": [{"kind": "tour", "minutes": 30}],
            }
        ],
    },
    "record": {
        "day": "2025-10-15",
        "attendance": [{"name": "张三", "presence": "present"}],
        "done": [{"text": "参观", "state": "done", "stop": 0}],
        "photos": [{"sha256": HASH, "suffix": "jpg"}],
    },
}
OPTIONAL = [
    ("plan", "status"),
    ("plan.stops.0", "activities"),
    ("record.done.0", "state"),
    ("record.photos.0", "suffix"),
]


def _at(document: dict, where: str) -> dict:  # type: ignore[type-arg]
    found = document
    for part in where.split("."):
        found = found[int(part)] if part.isdigit() else found[part]
    return found


def _read(document: dict) -> object:  # type: ignore[type-arg]
    contents = read_plan_document(json.dumps(document, ensure_ascii=False), lambda _key: None)
    plan = contents.plan
    for stop in plan.stops:
        stop.id = ""  # a new id per reading
    record = contents.record
    done = tuple((d.text, d.state) for d in record.done) if record else ()
    return plan.status, [(s.custom, s.activities) for s in plan.stops], done, record.photos


@pytest.mark.parametrize(("where", "key"), OPTIONAL)
def test_an_optional_key_given_as_null_reads_as_absent(where: str, key: str) -> None:
    absent, null = copy.deepcopy(FILE), copy.deepcopy(FILE)
    del _at(absent, where)[key]
    _at(null, where)[key] = None
    assert _read(null) == _read(absent)


def test_the_command_line_imports_a_file_with_null_activities_and_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = copy.deepcopy(FILE)
    del document["record"]
    document["plan"]["status"] = None
    document["plan"]["stops"][0]["activities"] = None
    path = tmp_path / "nulls.hongtu.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert main(["--db", str(tmp_path / "n.sqlite3"), "plans", "import", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "1"
