"""No user text becomes a spreadsheet formula, whatever cell of the CSV or XLSX it lands in."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import EAST, NORTH, custom_place, make_plan, make_site, site_map, site_stop
from hongtu.core.document import PlanDocument, build_document
from hongtu.core.exports import ExportFormat, render_bytes
from hongtu.core.geo import LatLon
from hongtu.core.plans import Activity, ActivityKind, GatheringPoint, Stop
from hongtu.core.routing import DEFAULT_SETTINGS
from hongtu.core.schedule import compute_schedule
from hongtu.core.sites import Confidence, Fact

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAYLOAD = 'HYPERLINK("http://example.invalid","点我")'


def _document(start: str, tail: str = PAYLOAD) -> PlanDocument:
    """A plan whose every user-typed text starts with ``start``: titles, names, labels, notes."""

    def evil(what: str) -> str:
        return f"{start}{tail}{what}"

    sites = site_map(
        [
            replace(
                make_site(1, evil("站点一"), point=NORTH),
                address=Fact(evil("地址"), Confidence.HIGH),
            ),
            make_site(2, evil("站点二"), point=EAST),
        ]
    )
    plan = make_plan(
        [
            site_stop(1, Activity(ActivityKind.TOUR, 30, evil("讲解"))),
            Stop(
                custom=custom_place(evil("食堂"), LatLon(37.87, 112.53)),
                activities=[Activity(ActivityKind.CUSTOM, 20, evil("自定"))],
            ),
            site_stop(2, Activity(ActivityKind.LUNCH, 40)),
        ],
        gathering=GatheringPoint(custom=custom_place(evil("大门"), LatLon(37.86, 112.55))),
    )
    plan.title, plan.branch = evil("主题"), evil("支部")
    plan.organiser, plan.phone = evil("联系人"), evil("电话")
    plan.notes = f"{evil('要求一')}\n{evil('要求二')}"
    return build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)


def _csv_cells(data: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def _check_csv(data: bytes) -> None:
    cells = _csv_cells(data)
    assert any(PAYLOAD in cell for cell in cells)
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []


def _check_xlsx(data: bytes, start: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [cell for cell in cells if isinstance(cell.value, str)]
    assert any(PAYLOAD in cell.value for cell in texts)
    assert all(cell.data_type == "s" for cell in texts)  # no cell is a formula
    risky = [cell for cell in texts if cell.value.startswith(FORMULA_STARTS)]
    assert all(cell.quotePrefix for cell in risky)  # and stays text when edited in Excel
    assert not any(cell.quotePrefix for cell in texts if cell not in risky)
    if start != "\r":  # a CR is stored as a line feed (core.text), which starts no formula
        assert any(cell.value.startswith(start + PAYLOAD) for cell in risky)


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=["=", "+", "-", "@", "tab", "CR"])
def test_no_cell_starts_a_formula(start: str) -> None:
    doc = _document(start)
    _check_csv(render_bytes(doc, ExportFormat.CSV))
    _check_xlsx(render_bytes(doc, ExportFormat.XLSX), start)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(FORMULA_STARTS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
def test_no_cell_starts_a_formula_for_any_text(start: str, tail: str) -> None:
    doc = _document(start, PAYLOAD + tail)
    _check_csv(render_bytes(doc, ExportFormat.CSV))
    _check_xlsx(render_bytes(doc, ExportFormat.XLSX), start)


def test_plain_text_is_left_as_it_is() -> None:
    doc = _document("", "学习")
    cells = _csv_cells(render_bytes(doc, ExportFormat.CSV))
    assert not any(cell.startswith("'") for cell in cells)
