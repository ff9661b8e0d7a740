"""A schematic map of the day (示意图) as inline SVG: numbered stops, the route, a north arrow.

No base map and no scale bar: the stops' WGS-84 points are drawn with an equirectangular
projection (x = lon·cos φ₀, y = lat) scaled to fit, which keeps directions and relative distances
right at city scale. Used by the HTML export and, rasterised by Qt, by the printed schedule.
The SVG is built with ElementTree, so every name is escaped; only SVG Tiny features are used
(no markers, no CSS), because Qt's renderer supports nothing more.

A day that mixes city stops with a far one draws the city stops a few pixels apart: such a
cluster is drawn as a ring of numbered markers around its place, each name beside its marker or,
when there is no room, further out on a leader line. A name that fits nowhere is left out of
the map (never written over another) and listed under it (``SchematicMap.unlabelled``): paper
cannot be zoomed.
"""

from __future__ import annotations

import itertools
import math
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hongtu.core.document import PlanDocument
from hongtu.core.exports._text import xml_text
from hongtu.core.geo import LatLon
from hongtu.core.text import shortened

SVG_NS = "http://www.w3.org/2000/svg"
FONT_FAMILY = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif"
STOP_COLOUR = "#b8322a"
GATHER_COLOUR = "#1f4e79"
ROUTE_COLOUR = "#c0392b"
RADIUS = 12.0
LABEL_SIZE = 15.0
MAX_LABEL_CHARS = 16


@dataclass(slots=True)
class _Marker:
    x: float
    y: float
    number: int | None  # None: the gathering point
    name: str
    outward: float | None = None  # a ring marker: the direction away from its cluster (radians)


@dataclass(frozen=True, slots=True)
class SchematicMap:
    svg: str
    unlabelled: tuple[str, ...]  # "3. 某某旧址" for each stop whose name the map could not show


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    w: float
    h: float


class _Taken:
    """The boxes drawn so far (markers, names, the north arrow), filed by the grid cells they
    touch, so that a place for a name is checked against its neighbours only: checked against
    every box, a 200-stop day's names took 1.7 s of its HTML and PDF exports."""

    CELL = 48.0

    def __init__(self, boxes: Iterable[_Box]) -> None:
        self._cells: dict[tuple[int, int], list[_Box]] = {}
        for box in boxes:
            self.add(box)

    def _cells_of(self, box: _Box) -> Iterator[tuple[int, int]]:
        cell = self.CELL
        for col in range(math.floor(box.x / cell), math.floor((box.x + box.w) / cell) + 1):
            for row in range(math.floor(box.y / cell), math.floor((box.y + box.h) / cell) + 1):
                yield col, row

    def add(self, box: _Box) -> None:
        for key in self._cells_of(box):
            self._cells.setdefault(key, []).append(box)

    def overlaps(self, left: float, top: float, w: float, h: float) -> bool:
        """Whether the box at (left, top), ``w`` × ``h``, overlaps a box drawn (two that overlap
        share a cell; boxes that only touch do not overlap). Written out, with no box made per
        place tried: this is most of the time a crowded day's map takes."""
        cells, cell = self._cells, self.CELL
        right, bottom = left + w, top + h
        rows = range(math.floor(top / cell), math.floor(bottom / cell) + 1)
        for col in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for row in rows:
                for o in cells.get((col, row), ()):
                    if not (
                        right <= o.x or o.x + o.w <= left or bottom <= o.y or o.y + o.h <= top
                    ):
                        return True
        return False

    def covers(self, x: float, y: float, besides: _Box) -> bool:
        """Whether the point is inside a box drawn other than ``besides`` (and its equals)."""
        key = (math.floor(x / self.CELL), math.floor(y / self.CELL))
        return any(
            t != besides and t.x < x < t.x + t.w and t.y < y < t.y + t.h
            for t in self._cells.get(key, ())
        )


def schematic_svg(doc: PlanDocument, width: int = 560, height: int = 350) -> str:
    """The schematic map of ``doc`` as a standalone SVG string (UTF-8 text, no XML declaration)."""
    return schematic_map(doc, width, height).svg


#: The last maps drawn, for the next format of the same document (the same object: a
#: PlanDocument never changes): the HTML export and the printed schedule draw the same map, and
#: a crowded 200-stop day's names take ~0.2 s to place.
_KEEP = 2
_drawn: list[tuple[PlanDocument, int, int, SchematicMap]] = []
_drawn_lock = threading.Lock()


def schematic_map(doc: PlanDocument, width: int = 560, height: int = 350) -> SchematicMap:
    """The map and the stops whose names it could not show (to be listed under it)."""
    with _drawn_lock:
        for kept, kept_width, kept_height, drawn in _drawn:
            if kept is doc and (kept_width, kept_height) == (width, height):
                return drawn
    drawn = _draw(doc, width, height)
    with _drawn_lock:
        _drawn[:] = [(doc, width, height, drawn), *_drawn[: _KEEP - 1]]
    return drawn


def _draw(doc: PlanDocument, width: int, height: int) -> SchematicMap:
    markers = _markers(doc, width, height)
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "version": "1.2",
            "baseProfile": "tiny",
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "font-family": FONT_FAMILY,
        },
    )
    ET.SubElement(root, "title").text = xml_text(f"{doc.title} {doc.labels.map_caption}")
    _rect(root, 0.5, 0.5, width - 1, height - 1, fill="#fbf8f3", stroke="#b9b2a6")
    _route(root, doc, markers)
    labels = ET.Element("g")
    left_out = _labels(labels, markers, width, height, doc.labels.map_gathering)
    for marker in markers:
        _marker(root, marker)
    root.append(labels)
    _north_arrow(root, width, doc.labels.map_north)
    _caption(root, doc, height)
    unlabelled = tuple(
        doc.labels.stops_format.format(number=m.number, name=m.name)
        if m.number is not None
        else f"{doc.labels.map_gathering}：{m.name}"
        for m in left_out
    )
    return SchematicMap(ET.tostring(root, encoding="unicode"), unlabelled)


# ---- projection --------------------------------------------------------------------------


def _markers(doc: PlanDocument, width: int, height: int) -> list[_Marker]:
    places: list[tuple[LatLon, int | None, str]] = []
    if doc.gathering_point is not None:
        places.append((doc.gathering_point, None, doc.gathering_place))
    places += [(s.point, s.number, s.name) for s in doc.stops if s.point is not None]
    if not places:
        return []
    lat0 = math.radians(sum(p.lat for p, _, _ in places) / len(places))
    xs = [p.lon * math.cos(lat0) for p, _, _ in places]
    ys = [-p.lat for p, _, _ in places]
    left, top, right, bottom = 100.0, 50.0, width - 100.0, height - 60.0
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min(
        (right - left) / span_x if span_x > 1e-9 else math.inf,
        (bottom - top) / span_y if span_y > 1e-9 else math.inf,
    )
    if math.isinf(scale):
        scale = 0.0
    off_x = (left + right) / 2 - scale * (max(xs) + min(xs)) / 2
    off_y = (top + bottom) / 2 - scale * (max(ys) + min(ys)) / 2
    markers = [
        _Marker(off_x + scale * x, off_y + scale * y, number, name)
        for (_, number, name), x, y in zip(places, xs, ys, strict=True)
    ]
    _ring_clusters(markers)
    _separate(markers)
    return markers


def _ring_clusters(markers: list[_Marker]) -> None:
    """Markers heaped on each other (stops a few hundred metres apart on a map sized for a far
    one) are set on a ring around the heap's middle, in the order of their directions from it,
    as far apart as their size needs."""
    groups: list[list[_Marker]] = []
    for marker in markers:
        near = [g for g in groups if any(_close(marker, other, 2.3 * RADIUS) for other in g)]
        merged = [marker, *(m for g in near for m in g)]
        groups = [g for g in groups if g not in near] + [merged]
    for group in groups:
        count = len(group)
        if count < 2:
            continue
        cx = sum(m.x for m in group) / count
        cy = sum(m.y for m in group) / count
        if any(math.hypot(m.x - cx, m.y - cy) > 2 * RADIUS for m in group):
            continue  # a line of stops, not a heap: nudged apart where they touch (below)
        radius = max(1.3 * RADIUS, 1.2 * RADIUS / math.sin(math.pi / count))
        ordered = sorted(group, key=lambda m: (math.atan2(m.y - cy, m.x - cx), m.number or 0))
        start = math.atan2(ordered[0].y - cy, ordered[0].x - cx)
        if all(_close(m, ordered[0], 1.0) for m in ordered):  # one spot: from the top, by number
            ordered.sort(key=lambda m: m.number or 0)
            start = -math.pi / 2
        for index, marker in enumerate(ordered):
            angle = start + 2 * math.pi * index / count
            marker.x = cx + radius * math.cos(angle)
            marker.y = cy + radius * math.sin(angle)
            marker.outward = angle


def _close(one: _Marker, other: _Marker, distance: float) -> bool:
    return math.hypot(one.x - other.x, one.y - other.y) < distance


def _separate(markers: list[_Marker]) -> None:
    """Nudges markers that would cover each other (same building, same street). The markers
    placed are filed by cells as wide as the distance checked, so a marker is compared with
    those in its cell and the eight around it only."""
    near = 2.2 * RADIUS
    placed: dict[tuple[int, int], list[_Marker]] = {}

    def crowded(marker: _Marker) -> bool:
        col, row = math.floor(marker.x / near), math.floor(marker.y / near)
        return any(
            math.hypot(marker.x - o.x, marker.y - o.y) < near
            for key in itertools.product((col - 1, col, col + 1), (row - 1, row, row + 1))
            for o in placed.get(key, ())
        )

    for marker in markers:
        turn = 0
        while turn < 24 and crowded(marker):
            angle = turn * math.pi / 3
            marker.x += 2.3 * RADIUS * math.cos(angle)
            marker.y += 2.3 * RADIUS * math.sin(angle)
            turn += 1
        key = (math.floor(marker.x / near), math.floor(marker.y / near))
        placed.setdefault(key, []).append(marker)


# ---- drawing -----------------------------------------------------------------------------


def _rect(parent: ET.Element, x: float, y: float, w: float, h: float, **style: str) -> None:
    attrs = {"x": _n(x), "y": _n(y), "width": _n(w), "height": _n(h)}
    attrs.update({k.replace("_", "-"): v for k, v in style.items()})
    ET.SubElement(parent, "rect", attrs)


def _text(parent: ET.Element, x: float, y: float, text: str, **style: str) -> None:
    attrs = {"x": _n(x), "y": _n(y)}
    attrs.update({k.replace("_", "-"): v for k, v in style.items()})
    ET.SubElement(parent, "text", attrs).text = xml_text(text)


def _n(value: float) -> str:
    return f"{value:.1f}"


def _route(root: ET.Element, doc: PlanDocument, markers: list[_Marker]) -> None:
    by_number = {m.number: m for m in markers}
    points = [by_number[p.number] for p in doc.route if p.number in by_number]
    if len(points) < 2:
        return
    ET.SubElement(
        root,
        "polyline",
        {
            "points": " ".join(f"{_n(m.x)},{_n(m.y)}" for m in points),
            "fill": "none",
            "stroke": ROUTE_COLOUR,
            "stroke-width": "2.5",
            "stroke-linejoin": "round",
            "stroke-opacity": "0.75",
        },
    )


def _marker(root: ET.Element, marker: _Marker) -> None:
    if marker.number is None:
        size = 2 * RADIUS
        _rect(root, marker.x - RADIUS, marker.y - RADIUS, size, size, fill=GATHER_COLOUR)
        label, colour = "集", "#ffffff"
    else:
        ET.SubElement(
            root,
            "circle",
            {
                "cx": _n(marker.x),
                "cy": _n(marker.y),
                "r": _n(RADIUS),
                "fill": STOP_COLOUR,
                "stroke": "#ffffff",
                "stroke-width": "1.5",
            },
        )
        label, colour = str(marker.number), "#ffffff"
    size = 13.0 if len(label) < 3 else 10.0
    _text(
        root,
        marker.x,
        marker.y + size * 0.36,
        label,
        fill=colour,
        font_size=_n(size),
        font_weight="bold",
        text_anchor="middle",
    )


def _text_width(text: str, size: float) -> float:
    return sum(size if ord(ch) >= 0x2E80 else size * 0.58 for ch in text)


def _short(name: str) -> str:
    return shortened(name, MAX_LABEL_CHARS)


def _labels(
    parent: ET.Element, markers: list[_Marker], width: int, height: int, gathering_word: str
) -> list[_Marker]:
    """Each marker's name where it covers no other name and no marker (beside it, else further
    out on a leader line); the markers whose names fit nowhere, which are left out."""
    frame = _Box(4, 4, width - 8, height - 50)
    taken = _Taken(_Box(m.x - RADIUS, m.y - RADIUS, 2 * RADIUS, 2 * RADIUS) for m in markers)
    taken.add(_Box(width - 46, 6, 40, 56))  # the north arrow
    left_out = []
    # the stops first (the gathering point's marker says 集, its name is in the facts above)
    for marker in sorted(markers, key=lambda m: m.number is None):
        text = _short(marker.name)
        if marker.number is None:
            text = f"{gathering_word}：{text}" if marker.name else gathering_word
        w, h = _text_width(text, LABEL_SIZE) + 6, LABEL_SIZE + 6
        found = _place_label(marker, w, h, taken, frame)
        if found is None:
            left_out.append(marker)
            continue
        box, leader = found
        taken.add(box)
        if leader:
            _leader(parent, marker, box)
        _rect(parent, box.x, box.y, box.w, box.h, fill="#ffffff", fill_opacity="0.85", rx="3")
        _text(
            parent,
            box.x + 3,
            box.y + h - 5.5,
            text,
            fill="#222222",
            font_size=_n(LABEL_SIZE),
        )
    return left_out


_DIRECTIONS = tuple(i * math.pi / 8 for i in range(16))  # from the right, clockwise on paper


def _place_label(
    marker: _Marker, w: float, h: float, taken: _Taken, frame: _Box
) -> tuple[_Box, bool] | None:
    """A free box for the label and whether it needs a leader line: beside the marker (right,
    left, above, below, then the corners), else further out on a leader line; a ring marker's
    label always on a leader line, away from its cluster. None when every place covers
    something."""
    gap = RADIUS + 4
    candidates: list[tuple[float, float, bool]] = []  # where the box's top left corner would be
    if marker.outward is None:
        near = [
            (marker.x + gap, marker.y - h / 2),  # right
            (marker.x - gap - w, marker.y - h / 2),  # left
            (marker.x - w / 2, marker.y - gap - h),  # above
            (marker.x - w / 2, marker.y + gap),  # below
            (marker.x + gap, marker.y - gap - h + 4),  # upper right
            (marker.x + gap, marker.y + gap - 4),  # lower right
            (marker.x - gap - w, marker.y - gap - h + 4),  # upper left
            (marker.x - gap - w, marker.y + gap - 4),  # lower left
        ]
        candidates = [(x, y, False) for x, y in near]
        reaches: tuple[float, ...] = (2.5 * gap, 4 * gap, 6 * gap, 8 * gap)
    else:  # away from the cluster first
        reaches = (gap + 6, 2.5 * gap, 4 * gap, 6 * gap, 8 * gap)
    outward = marker.outward or 0.0
    directions = sorted(_DIRECTIONS, key=lambda a: _angle_gap(a, outward))
    for reach in reaches:
        for angle in directions:
            candidates.append((*_towards(marker, angle, reach, w, h), True))
    for wanted_x, wanted_y, leader in candidates:
        # a box past the map's edge is moved inside it (on a leader line if moved far)
        x = min(max(wanted_x, frame.x), frame.x + frame.w - w)
        y = min(max(wanted_y, frame.y), frame.y + frame.h - h)
        if taken.overlaps(x, y, w, h):
            continue
        box = _Box(x, y, w, h)
        leader = leader or abs(x - wanted_x) + abs(y - wanted_y) > gap
        if leader and _crosses(marker, box, taken):
            continue
        return box, leader
    return None


def _crosses(marker: _Marker, box: _Box, taken: _Taken) -> bool:
    """Whether the leader line from ``marker`` to ``box`` would run over another name or
    marker."""
    x, y = _nearest(marker, box)
    steps = max(1, int(math.hypot(x - marker.x, y - marker.y) / 2))
    own = _Box(marker.x - RADIUS, marker.y - RADIUS, 2 * RADIUS, 2 * RADIUS)
    for step in range(1, steps):
        px = marker.x + (x - marker.x) * step / steps
        py = marker.y + (y - marker.y) * step / steps
        if taken.covers(px, py, besides=own):
            return True
    return False


def _nearest(marker: _Marker, box: _Box) -> tuple[float, float]:
    """The point of ``box`` nearest the marker's centre."""
    return (
        min(max(marker.x, box.x), box.x + box.w),
        min(max(marker.y, box.y), box.y + box.h),
    )


def _towards(
    marker: _Marker, angle: float, reach: float, w: float, h: float
) -> tuple[float, float]:
    """The top left corner of a label box ``reach`` from the marker in the direction
    ``angle``, on that side of it."""
    cx, cy = marker.x + reach * math.cos(angle), marker.y + reach * math.sin(angle)
    dx, dy = math.cos(angle), math.sin(angle)
    x = cx if dx > 0.3 else cx - w if dx < -0.3 else cx - w / 2
    y = cy - h / 2 if abs(dy) < 0.5 else cy if dy > 0 else cy - h
    return x, y


def _angle_gap(one: float, other: float) -> float:
    return abs((one - other + math.pi) % (2 * math.pi) - math.pi)


def _leader(parent: ET.Element, marker: _Marker, box: _Box) -> None:
    """A thin line from the marker's edge to the nearest point of its label."""
    x, y = _nearest(marker, box)
    length = math.hypot(x - marker.x, y - marker.y)
    if length <= RADIUS:
        return
    sx = marker.x + (x - marker.x) * RADIUS / length
    sy = marker.y + (y - marker.y) * RADIUS / length
    ET.SubElement(
        parent,
        "line",
        {
            "x1": _n(sx),
            "y1": _n(sy),
            "x2": _n(x),
            "y2": _n(y),
            "stroke": "#555555",
            "stroke-width": "1",
        },
    )


def _north_arrow(root: ET.Element, width: int, word: str) -> None:
    cx = width - 26
    ET.SubElement(
        root,
        "polygon",
        {
            "points": f"{cx},14 {cx - 8},40 {cx},34 {cx + 8},40",
            "fill": "#333333",
        },
    )
    _text(root, cx, 56, word, fill="#333333", font_size="13", text_anchor="middle")


def _caption(root: ET.Element, doc: PlanDocument, height: int) -> None:
    labels = doc.labels
    _text(root, 10, height - 30, labels.map_caption, fill="#555555", font_size="13")
    unplaced = doc.unplaced_stops
    if unplaced:
        names = labels.list_separator.join(f"{s.number}. {s.name}" for s in unplaced)
        _text(
            root,
            10,
            height - 12,
            labels.map_unplaced.format(names=names),
            fill="#8a4b00",
            font_size="12",
        )
