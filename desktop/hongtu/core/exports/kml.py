"""KML 2.2: a Placemark per stop (and the gathering point) and the route as a LineString.

A ``<description>`` is HTML to every KML viewer (Google Earth, 奥维, maps apps): its text is
HTML-escaped before the XML escaping, so a label like ``<a href='x'>`` shows as typed instead of
becoming a link, and its line breaks are ``<br>`` (a viewer joins plain lines into one).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from hongtu.core.document import PlanDocument
from hongtu.core.exports._text import coord, xml_text
from hongtu.core.geo import LatLon

KML_NS = "http://www.opengis.net/kml/2.2"
ROUTE_STYLE = "route"
STOP_STYLE = "stop"


def render_kml(doc: PlanDocument) -> bytes:
    ET.register_namespace("", KML_NS)
    root = ET.Element(_q("kml"))
    document = ET.SubElement(root, _q("Document"))
    _child(document, "name", doc.title)
    _description(document, f"{doc.time_text}\n{doc.totals.text}")
    _styles(document)
    if doc.gathering_point is not None:
        description = f"{doc.labels.gathering_time} {doc.gathering_time_text}"
        _placemark(document, doc.gathering_place, description, doc.gathering_point)
    for stop in doc.stops:
        if stop.point is not None:
            lines = [
                f"{r.time_range} {r.title}"
                for r in doc.rows
                if r.stop_id == stop.stop_id and r.item_index is not None
            ]
            if stop.position_unverified:
                lines.append(doc.labels.position_unverified)
            _placemark(document, f"{stop.number}. {stop.name}", "\n".join(lines), stop.point)
    if len(doc.route) >= 2:
        placemark = ET.SubElement(document, _q("Placemark"))
        _child(placemark, "name", doc.title)
        _child(placemark, "styleUrl", f"#{ROUTE_STYLE}")
        line = ET.SubElement(placemark, _q("LineString"))
        _child(line, "tessellate", "1")
        _child(line, "coordinates", " ".join(_lonlat(p.point) for p in doc.route))
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _styles(document: ET.Element) -> None:
    route = ET.SubElement(document, _q("Style"), {"id": ROUTE_STYLE})
    line = ET.SubElement(route, _q("LineStyle"))
    _child(line, "color", "ff2b39c0")  # aabbggrr
    _child(line, "width", "4")
    stop = ET.SubElement(document, _q("Style"), {"id": STOP_STYLE})
    icon = ET.SubElement(stop, _q("IconStyle"))
    _child(icon, "color", "ff2a32b8")


def _placemark(document: ET.Element, name: str, description: str, point: LatLon) -> None:
    placemark = ET.SubElement(document, _q("Placemark"))
    _child(placemark, "name", name)
    _description(placemark, description)
    _child(placemark, "styleUrl", f"#{STOP_STYLE}")
    _child(ET.SubElement(placemark, _q("Point")), "coordinates", _lonlat(point))


def _lonlat(point: LatLon) -> str:
    return f"{coord(point.lon)},{coord(point.lat)},0"


def _q(tag: str) -> str:
    return f"{{{KML_NS}}}{tag}"


def _child(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, _q(tag)).text = xml_text(text)


def _description(parent: ET.Element, text: str) -> None:
    """A description as the HTML a viewer renders: the text shown as typed, line by line."""
    lines = xml_text(text).split("\n")
    ET.SubElement(parent, _q("description")).text = "<br>".join(html.escape(x) for x in lines)
