"""A schematic map of the day (示意图) as inline SVG: numbered stops, the route, a north arrow.

No base map and no scale bar: the stops' WGS-84 points are drawn with an equirectangular
projection (x = lon·cos φ₀, y = lat) scaled to fit, which keeps directions and relative distances
right at city scale. Used by the HTML export and, rasterised by Qt, by the printed schedule.
The SVG is built with ElementTree, so every name is escaped; only SVG Tiny features are used
(no markers, no CSS), because Qt's renderer supports nothing more.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
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


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: _Box) -> bool:
        return not (
            self.x + self.w <= other.x
            or other.x + other.w <= self.x
            or self.y + self.h <= other.y
            or other.y + other.h <= self.y
        )


def schematic_svg(doc: PlanDocument, width: int = 560, height: int = 350) -> str:
    """The schematic map of ``doc`` as a standalone SVG string (UTF-8 text, no XML declaration)."""
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
    for marker in markers:
        _marker(root, marker)
    _labels(root, markers, width, height, doc.labels.map_gathering)
    _north_arrow(root, width, doc.labels.map_north)
    _caption(root, doc, height)
    return ET.tostring(root, encoding="unicode")


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
    _separate(markers)
    return markers


def _separate(markers: list[_Marker]) -> None:
    """Nudges markers that would cover each other (same building, same street)."""
    placed: list[_Marker] = []
    for marker in markers:
        turn = 0
        while turn < 24 and any(
            math.hypot(marker.x - o.x, marker.y - o.y) < 2.2 * RADIUS for o in placed
        ):
            angle = turn * math.pi / 3
            marker.x += 2.3 * RADIUS * math.cos(angle)
            marker.y += 2.3 * RADIUS * math.sin(angle)
            turn += 1
        placed.append(marker)


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
    root: ET.Element, markers: list[_Marker], width: int, height: int, gathering_word: str
) -> None:
    frame = _Box(4, 4, width - 8, height - 50)
    taken = [_Box(m.x - RADIUS, m.y - RADIUS, 2 * RADIUS, 2 * RADIUS) for m in markers]
    taken.append(_Box(width - 46, 6, 40, 56))  # the north arrow
    for marker in markers:
        text = _short(marker.name)
        if marker.number is None:
            text = f"{gathering_word}：{text}" if marker.name else gathering_word
        w, h = _text_width(text, LABEL_SIZE) + 6, LABEL_SIZE + 6
        box = _place_label(marker, w, h, taken, frame)
        taken.append(box)
        _rect(root, box.x, box.y, box.w, box.h, fill="#ffffff", fill_opacity="0.85", rx="3")
        _text(
            root,
            box.x + 3,
            box.y + h - 5.5,
            text,
            fill="#222222",
            font_size=_n(LABEL_SIZE),
        )


def _place_label(marker: _Marker, w: float, h: float, taken: list[_Box], frame: _Box) -> _Box:
    gap = RADIUS + 4
    candidates = [
        (marker.x + gap, marker.y - h / 2),  # right
        (marker.x - gap - w, marker.y - h / 2),  # left
        (marker.x - w / 2, marker.y - gap - h),  # above
        (marker.x - w / 2, marker.y + gap),  # below
        (marker.x + gap, marker.y - gap - h + 4),  # upper right
        (marker.x + gap, marker.y + gap - 4),  # lower right
        (marker.x - gap - w, marker.y - gap - h + 4),  # upper left
        (marker.x - gap - w, marker.y + gap - 4),  # lower left
    ]
    boxes = [_Box(x, y, w, h) for x, y in candidates]
    reach = _Box(
        min(b.x for b in boxes),
        min(b.y for b in boxes),
        max(b.x for b in boxes) + w - min(b.x for b in boxes),
        max(b.y for b in boxes) + h - min(b.y for b in boxes),
    )
    taken = [t for t in taken if reach.overlaps(t)]  # only these can touch a candidate

    def cost(box: _Box) -> float:
        outside = not (
            box.x >= frame.x
            and box.y >= frame.y
            and box.x + box.w <= frame.x + frame.w
            and box.y + box.h <= frame.y + frame.h
        )
        return 10.0 * outside + sum(box.overlaps(t) for t in taken)

    best = min(boxes, key=cost)  # min keeps the first (preferred) of equal candidates
    x = min(max(best.x, frame.x), frame.x + frame.w - w)
    y = min(max(best.y, frame.y), frame.y + frame.h - h)
    return _Box(x, y, w, h)


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
