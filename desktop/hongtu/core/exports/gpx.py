"""GPX 1.1: a waypoint per stop in order, and the day's route from the gathering point and back.

Only places with a known WGS-84 point appear (GPX is WGS-84 by definition). Built with
ElementTree, so every name is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hongtu import __version__
from hongtu.core.document import DocumentStop, PlanDocument
from hongtu.core.exports._text import coord, xml_text

GPX_NS = "http://www.topografix.com/GPX/1/1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{GPX_NS} http://www.topografix.com/GPX/1/1/gpx.xsd"


def render_gpx(doc: PlanDocument) -> bytes:
    ET.register_namespace("", GPX_NS)
    root = ET.Element(
        _q("gpx"),
        {
            "version": "1.1",
            "creator": f"HongTu {__version__}",
            f"{{{XSI_NS}}}schemaLocation": SCHEMA,
        },
    )
    metadata = ET.SubElement(root, _q("metadata"))
    _child(metadata, "name", doc.title)
    _child(metadata, "desc", f"{doc.time_text} {doc.totals.text}")
    for stop in doc.stops:
        if stop.point is not None:
            wpt = ET.SubElement(root, _q("wpt"), _latlon(stop.point.lat, stop.point.lon))
            _child(wpt, "name", f"{stop.number}. {stop.name}")
            _child(wpt, "desc", _stop_desc(doc, stop))
            _child(wpt, "type", "stop")
    if doc.route:
        rte = ET.SubElement(root, _q("rte"))
        _child(rte, "name", doc.title)
        for point in doc.route:
            rtept = ET.SubElement(rte, _q("rtept"), _latlon(point.point.lat, point.point.lon))
            label = point.name if point.number is None else f"{point.number}. {point.name}"
            _child(rtept, "name", label)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _stop_desc(doc: PlanDocument, stop: DocumentStop) -> str:
    parts = []
    rows = [r for r in doc.rows if r.stop_id == stop.stop_id and r.item_index is not None]
    parts += [f"{r.time_range} {r.title}" for r in rows]
    if stop.address:
        parts.append(stop.address)
    if stop.position_unverified:
        parts.append(doc.labels.position_unverified)
    return "；".join(parts)


def _q(tag: str) -> str:
    return f"{{{GPX_NS}}}{tag}"


def _latlon(lat: float, lon: float) -> dict[str, str]:
    return {"lat": coord(lat), "lon": coord(lon)}


def _child(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, _q(tag)).text = xml_text(text)
