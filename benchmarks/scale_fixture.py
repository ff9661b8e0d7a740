"""Scale fixture: HongTu databases with many plans and many places, built through the storage API.

    .venv/bin/python benchmarks/scale_fixture.py OUT.sqlite --plans 10000 --places 2000 [--seed 11]

The database is opened exactly as the app opens it (``open_workspace``: migrations, the bundled
catalogue seeded), then ``PlanStore.save_many`` inserts the plans and ``SiteStore.add_places``
the custom places, each in one transaction. Everything is seeded random, so a run is repeatable:

* places: named 集合点/活动点 N, scattered over Taiyuan's urban districts (±0.2° around the
  centre), a few with an address;
* plans: 5–12 stops each, drawn from the catalogue sites with a position and (one stop in four)
  from the custom places; each stop has one to three activities (参观学习, 重温入党誓词, ...),
  some a fixed visit length, a pin or a custom note; dates spread over 2019–2026, statuses mixed,
  a gathering point that is a site, a custom place with a position, or one without.

10,000 plans and 2,000 places take a few seconds. ``build_scale_database`` is importable by the
other benchmarks; they build their databases in a temporary folder in the same run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from hongtu.core.geo import Crs, LatLon
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
from hongtu.core.storage.site_store import NewPlace
from hongtu.core.workspace import open_workspace

CENTRE = LatLon(37.8706, 112.5489)
BATCH = 2_000  # plans per transaction

_ACTIVITIES = (
    (ActivityKind.TOUR, 40, ""),
    (ActivityKind.OATH, 15, ""),
    (ActivityKind.LESSON, 45, "党史专题党课"),
    (ActivityKind.WREATH, 20, ""),
    (ActivityKind.DISCUSSION, 30, ""),
    (ActivityKind.CUSTOM, 20, "观看红色影片"),
)
_TITLES = ("学习红色历史 传承红色基因", "重温入党誓词", "缅怀革命先烈", "追寻红色足迹", "主题党日")


def random_point(rng: random.Random, spread: float = 0.2) -> LatLon:
    return LatLon(
        round(CENTRE.lat + rng.uniform(-spread, spread), 6),
        round(CENTRE.lon + rng.uniform(-spread, spread), 6),
    )


def make_places(count: int, rng: random.Random) -> list[NewPlace]:
    places = []
    for number in range(1, count + 1):
        kind = "集合点" if number % 3 == 0 else "活动点"
        address = f"太原市小店区示例路{number}号" if number % 5 == 0 else None
        places.append(NewPlace(f"{kind}{number}", random_point(rng), Crs.WGS84, address=address))
    return places


def _activities(rng: random.Random) -> list[Activity]:
    chosen = rng.sample(_ACTIVITIES, rng.randint(1, 3))
    return [Activity(kind, minutes, label) for kind, minutes, label in chosen]


def make_plan(number: int, rng: random.Random, site_ids: list[int], place_ids: list[int]) -> Plan:
    stops = []
    for _ in range(rng.randint(5, 12)):
        use_place = place_ids and rng.random() < 0.25
        stops.append(
            Stop(
                site_id=rng.choice(place_ids) if use_place else rng.choice(site_ids),
                visit_minutes=rng.choice((None, None, 60, 90)),
                activities=_activities(rng),
                pinned=rng.random() < 0.1,
            )
        )
    gathering_kind = rng.random()
    if gathering_kind < 0.5:
        gathering = GatheringPoint(site_id=rng.choice(site_ids))
    elif gathering_kind < 0.9:
        gathering = GatheringPoint(custom=CustomPlace("单位大门", random_point(rng, 0.1)))
    else:
        gathering = GatheringPoint(custom=CustomPlace("单位大门"))
    return Plan(
        title=f"{rng.choice(_TITLES)} 第{number}期",
        date=date(2019, 1, 1) + timedelta(days=rng.randrange(8 * 365)),
        branch=f"第{rng.randint(1, 60)}党支部",
        participants=rng.randint(10, 120),
        organiser="王书记",
        phone="13800000000",
        transport=rng.choice(tuple(TransportMode)),
        gathering=gathering,
        notes="着装整齐\n携带身份证",
        status=rng.choice(tuple(PlanStatus)),
        stops=stops,
    )


def build_scale_database(path: Path, plans: int, places: int, seed: int = 11) -> dict[str, float]:
    """Create (or add to) the database at ``path``; returns what it did and how long it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    workspace = open_workspace(str(path))
    try:
        opened = time.perf_counter()
        place_ids = workspace.sites.add_places(make_places(places, rng))
        site_ids = [site.id for site in workspace.sites.list_sites() if site.position is not None]
        site_ids = [i for i in site_ids if i not in set(place_ids)]
        placed = time.perf_counter()
        for first in range(0, plans, BATCH):
            batch = [
                make_plan(number, rng, site_ids, place_ids)
                for number in range(first + 1, min(plans, first + BATCH) + 1)
            ]
            workspace.plans.save_many(batch)
        done = time.perf_counter()
    finally:
        workspace.close()
    return {
        "open_s": opened - started,
        "places_s": placed - opened,
        "plans_s": done - placed,
        "total_s": done - started,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path, help="SQLite file to create (or add to)")
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    timing = build_scale_database(args.database, args.plans, args.places, args.seed)
    print(
        f"{args.database}: {args.plans} plans, {args.places} places in "
        f"{timing['total_s']:.2f} s (open {timing['open_s']:.2f} s, places "
        f"{timing['places_s']:.2f} s, plans {timing['plans_s']:.2f} s)"
    )
    print(" ".join(f"{name}={value:.3f}" for name, value in timing.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
