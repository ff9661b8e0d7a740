"""A standalone, offline HTML page: facts, the schedule table and the schematic map.

Jinja2 with autoescape: user text is always escaped. The only markup inserted as-is is the SVG
from ``svgmap.schematic_svg``, which ElementTree built (its text is escaped there). The page
references nothing outside itself: inline CSS, inline SVG, no scripts, no fonts, no images.
The template is ``resources/templates/schedule.html.j2``.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from hongtu import __version__
from hongtu.core.document import PlanDocument
from hongtu.core.exports.svgmap import schematic_svg
from hongtu.core.paths import resource_path


@cache
def _template() -> Template:
    env = Environment(
        loader=FileSystemLoader(resource_path("templates")),
        autoescape=True,  # every value is escaped unless explicitly marked safe (the SVG)
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("schedule.html.j2")


def render_html(doc: PlanDocument) -> bytes:
    svg = Markup(schematic_svg(doc))  # built by ElementTree: its text is escaped there
    page = _template().render(doc=doc, L=doc.labels, svg=svg, version=__version__)
    return page.encode("utf-8")
