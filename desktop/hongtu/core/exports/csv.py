"""CSV: UTF-8 with a BOM (so Excel on Chinese Windows opens it right), one row per schedule row.

Cells that start with ``= + - @``, a tab or a CR get a leading apostrophe, so a spreadsheet never
runs user text as a formula.
"""

from __future__ import annotations

import csv
import io

from hongtu.core.clocktime import hhmm
from hongtu.core.document import DocumentRow, PlanDocument
from hongtu.core.exports._text import cell_text, coord


def header(doc: PlanDocument) -> list[str]:
    labels = doc.labels
    return [
        labels.col_number,
        labels.col_stop,
        labels.col_time,
        labels.col_start,
        labels.col_end,
        labels.col_content,
        labels.col_place,
        labels.col_details,
        labels.col_lat,
        labels.col_lon,
    ]


def row_cells(index: int, row: DocumentRow) -> list[str]:
    return [
        str(index),
        str(row.stop_number) if row.stop_number is not None else "",
        row.time_range,
        hhmm(row.start),
        hhmm(row.end),
        cell_text(row.title),
        cell_text(row.place),
        cell_text(row.details),
        coord(row.point.lat) if row.point else "",
        coord(row.point.lon) if row.point else "",
    ]


def render_csv(doc: PlanDocument) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(doc))
    for index, row in enumerate(doc.rows, start=1):
        writer.writerow(row_cells(index, row))
    return buffer.getvalue().encode("utf-8-sig")
