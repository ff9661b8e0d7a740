"""A standalone, offline HTML page: facts, the schedule table and the schematic map.

The page is ``resources/templates/schedule.html`` (its ``${…}`` placeholders filled by
``string.Template``). Every value put into it is markup this module made, with all text
escaped (``escape_markup``); the only markup not made here is the SVG from
``svgmap.schematic_svg``, which ElementTree built (its text is escaped there). The page
references nothing outside itself: inline CSS, inline SVG, no scripts, no fonts, no images.

Not Jinja: its import and the template's compilation were ~40 ms of a command-line export
whose page has two loops.
"""

from __future__ import annotations

from functools import cache
from string import Template

from hongtu import __version__
from hongtu.core.document import DocumentRow, PlanDocument
from hongtu.core.exports.svgmap import schematic_map
from hongtu.core.paths import resource_path
from hongtu.core.text import escape_markup as escape


@cache
def _template() -> Template:
    return Template(resource_path("templates", "schedule.html").read_text(encoding="utf-8"))


def render_html(doc: PlanDocument) -> bytes:
    labels = doc.labels
    texts = {
        "version": __version__,
        "title": doc.title,
        "schedule_title": labels.schedule_title,
        "col_stop": labels.col_stop,
        "col_time": labels.col_time,
        "col_content": labels.col_content,
        "col_details": labels.col_details,
        "totals": doc.totals.text,
    }
    markup = {name: escape(text) for name, text in texts.items()}
    markup["facts"] = _facts(doc)
    markup["rows"] = "".join(_row(row) for row in doc.rows)
    markup["notes"] = _notes(doc)
    chart = schematic_map(doc)
    markup["svg"] = chart.svg  # built by ElementTree: its text is escaped there
    markup["map_legend"] = (
        f'<p class="legend">{escape(labels.map_unlabelled.format(names=names))}</p>'
        if (names := labels.list_separator.join(chart.unlabelled))
        else ""
    )
    return _template().substitute(markup).encode("utf-8")


def _facts(doc: PlanDocument) -> str:
    return "".join(f"  <dt>{escape(k)}</dt><dd>{escape(v)}</dd>\n" for k, v in doc.facts)


def _row(row: DocumentRow) -> str:
    kind = row.kind.value
    number = row.stop_number if row.stop_number is not None and kind == "visit" else ""
    return (
        f'<tr class="{escape(kind)}">\n'
        f'<td class="num">{escape(str(number))}</td>\n'
        f'<td class="time">{escape(row.time_range)}</td>\n'
        f'<td class="content">{escape(row.title)}</td>\n'
        f'<td class="details">{escape(row.details)}</td>\n'
        "</tr>\n"
    )


def _notes(doc: PlanDocument) -> str:
    if not doc.notes:
        return ""
    heading = f"<h3>{escape(doc.labels.notes)}</h3>\n"
    if not doc.notes_numbered:  # the organiser's own numbering, as typed
        return heading + f'<p class="notes">{"<br>".join(escape(n) for n in doc.notes)}</p>'
    items = "".join(f"<li>{escape(line)}</li>" for line in doc.notes)
    return heading + f'<ol class="notes">{items}</ol>'

