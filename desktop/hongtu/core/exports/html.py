"""A standalone, offline HTML page: facts, the schedule table and the schematic map.

Jinja2 with autoescape: user text is always escaped. The only markup inserted as-is is the SVG
from ``svgmap.schematic_svg``, which ElementTree built (its text is escaped there). The page
references nothing outside itself: inline CSS, inline SVG, no scripts, no fonts, no images.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from hongtu import __version__
from hongtu.core.document import PlanDocument
from hongtu.core.exports.svgmap import schematic_svg

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="HongTu {{ version }}">
<title>{{ doc.title }} {{ L.schedule_title }}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
       sans-serif; color: #222; max-width: 780px; margin: 1.5em auto; padding: 0 1em;
       line-height: 1.5; }
h1 { font-size: 1.5em; text-align: center; margin: 0.2em 0; }
h2 { font-size: 1.15em; text-align: center; font-weight: normal; letter-spacing: 0.3em;
     margin: 0 0 1em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; border-left: 4px solid #b8322a;
     padding-left: 0.5em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr;
           gap: 0.2em 0.8em; margin: 0 0 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table.schedule { width: 100%; border-collapse: collapse; }
table.schedule th, table.schedule td { border: 1px solid #999; padding: 0.35em 0.5em;
           vertical-align: top; text-align: left; }
table.schedule th { background: #f3e3e1; }
table.schedule tr { page-break-inside: avoid; break-inside: avoid; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num { text-align: center; white-space: nowrap; }
tr.activity td.content { padding-left: 1.8em; color: #444; }
tr.travel td, tr.return td { color: #555; }
tr.visit td.content { font-weight: bold; }
td.details { font-size: 0.92em; }
.map { margin: 1em 0; text-align: center; }
.map svg { max-width: 100%; height: auto; }
ol.notes { margin: 0.2em 0; padding-left: 1.6em; }
.totals, footer { color: #555; font-size: 0.9em; }
footer { margin-top: 2em; border-top: 1px solid #ddd; padding-top: 0.4em; }
</style>
</head>
<body>
<h1>{{ doc.title }}</h1>
<h2>{{ L.schedule_title }}</h2>
<dl class="facts">
  <dt>{{ L.date }}</dt><dd>{{ doc.date_text }}（{{ doc.weekday }}）</dd>
  <dt>{{ L.gathering_time }}</dt><dd>{{ doc.gathering_time_text }}</dd>
  <dt>{{ L.gathering_place }}</dt><dd>{{ doc.gathering_place }}</dd>
  <dt>{{ L.transport }}</dt><dd>{{ doc.transport }}</dd>
  <dt>{{ L.attendees }}</dt><dd>{{ doc.participants_text }}</dd>
  <dt>{{ L.contact }}</dt><dd>{{ doc.contact }}{% if doc.phone %} {{ doc.phone }}{% endif %}</dd>
</dl>
<table class="schedule">
<thead><tr><th>{{ L.col_stop }}</th><th>{{ L.col_time }}</th><th>{{ L.col_content }}</th>
<th>{{ L.col_details }}</th></tr></thead>
<tbody>
{% for row in doc.rows %}<tr class="{{ row.kind.value }}">
<td class="num">{{ row.stop_number if row.stop_number is not none and row.kind.value == "visit"
 else "" }}</td>
<td class="time">{{ row.time_range }}</td>
<td class="content">{{ row.title }}</td>
<td class="details">{{ row.details }}</td>
</tr>
{% endfor %}</tbody>
</table>
<p class="totals">{{ doc.totals.text }}</p>
<div class="map">{{ svg }}</div>
{% if doc.notes %}<h3>{{ L.notes }}</h3>
<ol class="notes">{% for line in doc.notes %}<li>{{ line }}</li>{% endfor %}</ol>{% endif %}
<footer>HongTu {{ version }}</footer>
</body>
</html>
"""


@cache
def _template() -> Template:
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(PAGE)


def render_html(doc: PlanDocument) -> bytes:
    svg = Markup(schematic_svg(doc))  # built by ElementTree: its text is escaped there
    page = _template().render(doc=doc, L=doc.labels, svg=svg, version=__version__)
    return page.encode("utf-8")
