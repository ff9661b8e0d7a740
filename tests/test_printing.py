"""The printed 日程安排表 and 签到表: PDFs read back with poppler, page layout, atomic writes."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from hongtu.core.atomic import ExportError, ExportErrorCode
from hongtu.core.document import PlanDocument
from hongtu.core.exports import ExportFormat
from hongtu.core.plans import ItemKind
from hongtu.qt.printing import (
    PrintKind,
    _a4,
    _body_size,
    _row_span,
    _tables,
    _Units,
    build_text_document,
    export_document,
    print_document,
    print_preview,
    render_schedule_pdf,
    render_signin_pdf,
    schedule_html,
)
from test_exports import EVIL, build_sample, unplaced_gathering_sample

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def _page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    return float(match.group(1)), float(match.group(2))


def _text(pdf: Path, page: int | None = None, *, layout: bool = True) -> str:
    """The text with all white space removed; ``layout`` keeps table rows on their lines
    (poppler's raw order reads a table column by column, which keeps wrapped cells whole)."""
    options = ["-f", str(page), "-l", str(page)] if page else []
    options += ["-layout"] if layout else []
    out = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", "", out)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_order(haystack: str, needles: list[str]) -> bool:
    position = 0
    for needle in needles:
        found = haystack.find(_squash(needle), position)
        if found < 0:
            return False
        position = found + len(_squash(needle))
    return True


@pytest.fixture
def doc() -> PlanDocument:
    return build_sample()[2]


def test_schedule_pdf_has_every_row_in_order_on_one_a4_page(qapp, doc, tmp_path: Path) -> None:
    pdf = render_schedule_pdf(doc, tmp_path / "日程.pdf")
    assert _pages(pdf) == 1
    width, height = _page_size(pdf)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = _text(pdf)
    assert _in_order(text, [doc.title, "日程安排表", "集合时间", doc.gathering_time_text])
    cells = [piece for row in doc.rows for piece in (row.time_range, row.title)]
    assert _in_order(text, cells)
    visits = [r.title for r in doc.rows if r.kind is ItemKind.VISIT]
    assert _in_order(text, visits) and visits == [s.name for s in doc.stops]
    assert _squash(EVIL) in text  # user markup printed as text, not interpreted
    assert _in_order(text, ["注意事项", *doc.notes])
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts


def test_schedule_uses_the_printer_layout_and_the_map(qapp, doc) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    text_doc = build_text_document(doc, PrintKind.SCHEDULE, printer)
    image = text_doc.resource(QTextDocument.ResourceType.ImageResource, "hongtu-print:map.png")
    assert isinstance(image, QImage) and image.width() > 800
    tables = [f for f in text_doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    schedule = next(t for t in tables if t.rows() == len(doc.rows) + 1)
    assert schedule.format().headerRowCount() == 1


def test_long_plan_breaks_between_rows_and_repeats_the_header(qapp, tmp_path: Path) -> None:
    doc = build_sample(evil=False, stops=16)[2]
    pdf = render_schedule_pdf(doc, tmp_path / "long.pdf")
    pages = _pages(pdf)
    assert pages >= 3
    texts = [_text(pdf, page) for page in range(1, pages + 1)]
    for page_text in texts:
        assert "站点时间内容说明" in page_text  # the header row on every page
        assert re.search(r"第\d+页/共\d+页", page_text)
    assert _in_order("".join(texts), [r.time_range for r in doc.rows])
    raw = [_text(pdf, page, layout=False) for page in range(1, pages + 1)]
    wrapped = [r for r in doc.rows if len(r.title) > 24]
    assert wrapped  # the check below matters only if some rows take several lines
    for row in doc.rows:  # each row (time, whole title, whole details) on one page
        parts = (row.time_range, _squash(row.title), _squash(row.details))
        assert any(all(part in t for part in parts) for t in raw), row


def test_signin_sheet_lists_names_then_blank_rows(qapp, doc, tmp_path: Path) -> None:
    names = ["张三\t组织委员", "李四", "", EVIL]
    pdf = render_signin_pdf(doc, tmp_path / "签到.pdf", names, blank_rows=4)
    assert _pages(pdf) == 1
    assert _page_size(pdf) == pytest.approx((595.276, 841.89), abs=1)
    text = _text(pdf)
    assert _in_order(text, [doc.title, "签到表", "序号", "姓名", "职务/所在支部", "签名", "备注"])
    assert _in_order(text, ["1", "张三", "组织委员", "2", "李四", "3", _squash(EVIL), "7"])
    assert "8" not in text.split("备注", 1)[1].split("应到")[0]  # 3 names + 4 blank rows
    assert "应到3人" in text


def test_signin_sheet_from_participant_count_spans_pages(qapp, doc, tmp_path: Path) -> None:
    pdf = render_signin_pdf(doc, tmp_path / "签到.pdf", [], blank_rows=10)
    pages = _pages(pdf)
    assert pages >= 2  # 30 participants + 10 blank rows
    for page in range(1, pages + 1):
        assert "序号姓名职务/所在支部签名备注" in _text(pdf, page)
    assert "40" in _text(pdf, pages) and "41" not in _text(pdf, pages)


def test_rendered_pages_look_like_a4_images(qapp, doc, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs pdftoppm")
    for kind, pdf in (
        ("schedule", render_schedule_pdf(doc, tmp_path / "s.pdf")),
        ("signin", render_signin_pdf(doc, tmp_path / "q.pdf", ["张三"], 3)),
    ):
        prefix = tmp_path / kind
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(prefix)], check=True)
        image = QImage(str(next(tmp_path.glob(f"{kind}*.png"))))
        assert image.height() / image.width() == pytest.approx(297 / 210, abs=0.01)


def test_failed_pdf_write_keeps_the_old_file(qapp, doc, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "日程.pdf"
    target.write_bytes(b"old pdf")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError) as info:
        render_schedule_pdf(doc, target)
    assert info.value.code is ExportErrorCode.DISK_FULL
    assert target.read_bytes() == b"old pdf"
    assert [p.name for p in tmp_path.iterdir()] == ["日程.pdf"]


def test_export_document_handles_every_format(qapp, tmp_path: Path) -> None:
    plan, sites, doc = build_sample()
    for fmt in ExportFormat:
        path = tmp_path / f"plan-{fmt.value}{fmt.suffix}"
        export_document(doc, fmt, path, plan=plan, sites=sites, signin_names=["张三"])
        assert path.stat().st_size > 0
    with pytest.raises(ExportError) as info:
        export_document(doc, ExportFormat.PDF, tmp_path / "plan-pdf.pdf")
    assert info.value.code is ExportErrorCode.EXISTS


def test_a_gathering_point_without_a_coordinate_prints_and_exports(qapp, tmp_path: Path) -> None:
    plan, sites, doc = unplaced_gathering_sample()
    pdf = render_schedule_pdf(doc, tmp_path / "日程.pdf")
    assert _in_order(_text(pdf), ["单位大门", doc.stops[0].name])
    for fmt in ExportFormat:
        path = tmp_path / f"plan-{fmt.value}{fmt.suffix}"
        export_document(doc, fmt, path, plan=plan, sites=sites, signin_names=["张三"])
        assert path.stat().st_size > 0


def test_the_printed_schedule_marks_times_after_an_unknown_leg_and_prints_road_km(
    qapp, tmp_path: Path
) -> None:
    """The 日程安排表 of a day gathering at a place without a coordinate: every time after the
    way out says （待定）, the return too, and the totals say why and that the km are an
    estimate of the road, not the straight line."""
    _plan, _sites, doc = unplaced_gathering_sample()
    pdf = render_schedule_pdf(doc, tmp_path / "日程.pdf")
    assert _pages(pdf) == 1  # the marked times fit their column: no row grows a line
    text = _text(pdf)
    back = doc.rows[-1]
    assert back.kind is ItemKind.RETURN and back.provisional
    assert _in_order(text, [f"{back.start:%H:%M}（待定）", back.title])
    marked = [r.time_range for r in doc.rows if r.provisional]
    assert len(marked) > 3 and _in_order(text, marked)
    assert "实际会更晚" in text and "公里（估算）" in text


def test_print_document_on_a_given_printer(qapp, doc, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "direct.pdf"))
    print_document(doc, PrintKind.SIGNIN, printer, names=["王五"])
    assert "王五" in _text(tmp_path / "direct.pdf")


def test_print_preview_paints_through_the_same_path(qapp, doc, monkeypatch) -> None:
    painted: list[int] = []

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(os.devnull)
        dialog.paintRequested.emit(printer)
        painted.append(printer.pageLayout().pageSize().id().value)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert print_preview(doc, PrintKind.SCHEDULE) is None  # closed without printing
    assert painted


def _catalogue_day(stops: int = 10, *, filled: bool = False) -> PlanDocument:
    """Real catalogue sites (ten unless said) with their (long, wrapping) addresses: the kind
    of day whose rows Qt alone would split at a page boundary; ``filled``: with the organiser,
    the number of members and three notes, as a plan usually has them."""
    from dataclasses import replace
    from datetime import date

    from hongtu.core.catalogue import load_catalogue
    from hongtu.core.document import build_document
    from hongtu.core.geo import LatLon
    from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint, Plan, Stop
    from hongtu.core.routing import DEFAULT_SETTINGS
    from hongtu.core.schedule import compute_schedule

    entries = [e for e in load_catalogue() if e.position is not None][:stops]
    sites = {i: entry.to_site(i) for i, entry in enumerate(entries, start=1)}
    tour = [Activity(ActivityKind.TOUR, 40), Activity(ActivityKind.OATH, 15)]
    plan = Plan(
        title="学习红色历史 传承红色基因",
        date=date(2025, 10, 15),
        branch="第一党支部",
        gathering=GatheringPoint(custom=CustomPlace("单位大门", LatLon(37.8706, 112.5489))),
        stops=[Stop(site_id=i, activities=list(tour)) for i in sites],
    )
    if filled:
        plan = replace(
            plan,
            participants=40,
            organiser="王书记",
            phone="13800000000",
            notes="着装整齐\n携带身份证\n注意安全，听从指挥",
        )
    return build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)


def test_no_row_straddles_a_page_in_a_real_ten_stop_day(qapp, tmp_path: Path) -> None:
    from hongtu.qt.printing import _body_size, first_straddling_row

    doc = _catalogue_day()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    render_schedule_pdf(doc, tmp_path / "ten.pdf")
    text_doc = build_text_document(doc, PrintKind.SCHEDULE, printer)
    text_doc.setPageSize(_body_size(printer))
    assert first_straddling_row(text_doc, _body_size(printer).height()) is None
    pdf = tmp_path / "ten.pdf"
    pages = _pages(pdf)
    raw = [_text(pdf, page, layout=False) for page in range(1, pages + 1)]
    for row in doc.rows:
        parts = (row.time_range, _squash(row.title), _squash(row.details))
        assert any(all(part in t for part in parts) for t in raw), row


def _straddling_after_build(doc: PlanDocument) -> int | None:
    from hongtu.qt.printing import _body_size, first_straddling_row

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    text_doc = build_text_document(doc, PrintKind.SCHEDULE, printer)
    return first_straddling_row(text_doc, _body_size(printer).height())


def test_a_long_plan_is_laid_out_twice_with_every_row_whole(qapp, monkeypatch) -> None:
    """All page breaks come from one layout: a 60-stop day is laid out once to measure and
    once with its breaks (it took a layout per break), and still no row straddles a page; at
    most once more to place the map and the notes after the rows (here: a page of their own,
    the same row breaks)."""
    doc = build_sample(evil=False, stops=60)[2]
    layouts: list[int] = []
    set_html = QTextDocument.setHtml

    def counting(self: QTextDocument, text: str) -> None:
        layouts.append(text.count("page-break-before"))
        set_html(self, text)

    monkeypatch.setattr(QTextDocument, "setHtml", counting)
    assert _straddling_after_build(doc) is None
    assert 2 <= len(layouts) <= 3 and layouts[1] >= 4  # a table of its own on each later page
    assert all(count in (layouts[1], layouts[1] + 1) for count in layouts[2:])


def test_a_mistaken_page_plan_still_keeps_every_row_whole(qapp, tmp_path, monkeypatch) -> None:
    """When the planned breaks do not fit the layout, the rest is found row by row."""
    from hongtu.qt import printing

    doc = build_sample(evil=False, stops=16)[2]
    plan = printing.planned_breaks
    mistaken = lambda *args: plan(*args)._replace(breaks=frozenset({3}))  # noqa: E731
    monkeypatch.setattr(printing, "planned_breaks", mistaken)
    assert _straddling_after_build(doc) is None
    pdf = render_schedule_pdf(doc, tmp_path / "long.pdf")
    pages = _pages(pdf)
    raw = [_text(pdf, page, layout=False) for page in range(1, pages + 1)]
    assert all("站点时间内容说明" in _text(pdf, page) for page in range(1, pages + 1))
    for row in doc.rows:
        parts = (row.time_range, _squash(row.title), _squash(row.details))
        assert any(all(part in t for part in parts) for t in raw), row


def _page_bottoms(pdf: Path, tmp_path: Path) -> list[tuple[float, float]]:
    """For each page: how far down the body (0 top, 1 the footer) its lowest ink is, and how
    much of the page's width that lowest line of ink covers (a table's bottom line: most)."""
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(pdf), str(prefix)], check=True)
    found = []
    for png in sorted(tmp_path.glob(f"{pdf.stem}-*.png")):
        image = QImage(str(png))
        per_mm = image.height() / 297
        body_top, footer_top = 15 * per_mm, (297 - 12 - 7) * per_mm
        for y in range(int(footer_top) - 1, int(body_top), -1):
            dark = sum(1 for x in range(image.width()) if image.pixelColor(x, y).lightness() < 160)
            if dark:
                found.append(((y - body_top) / (footer_top - body_top), dark / image.width()))
                break
        else:
            found.append((0.0, 0.0))
    return found


@pytest.mark.parametrize("title_lines", [1, 2, 3])
@pytest.mark.parametrize("stops", [16, 40])
def test_every_page_of_a_long_schedule_is_full_but_the_last(
    qapp, tmp_path: Path, stops: int, title_lines: int
) -> None:
    """No page holds a lone row (a 40-stop day printed a page with one row on it): each page
    but the last is filled to its foot and closed by its table's bottom line, and the
    schedule takes no more pages than its rows need."""
    from dataclasses import replace

    doc = build_sample(evil=False, stops=stops)[2]
    doc = replace(doc, title="中共太原市某某区某某街道第一党支部主题党日" * title_lines)
    pdf = render_schedule_pdf(doc, tmp_path / "long.pdf")
    bottoms = _page_bottoms(pdf, tmp_path)
    texts = [_text(pdf, page) for page in range(1, len(bottoms) + 1)]
    assert _in_order("".join(texts), [r.time_range for r in doc.rows])
    with_rows = [n for n, text in enumerate(texts) if "站点时间内容说明" in text]
    assert with_rows == list(range(len(with_rows)))  # the header on each page of rows
    assert len(texts) - len(with_rows) <= 1  # then at most the map and notes on their own
    for depth, line in bottoms[: with_rows[-1]]:  # each page before the last with rows
        assert depth > 0.85 and line > 0.6, bottoms
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4(printer)
    unbroken = build_text_document(replace(doc, rows=doc.rows[:1]), PrintKind.SCHEDULE, printer)
    unbroken.setHtml(schedule_html(doc, _Units(printer)))  # Qt's own flow, rows packed tight
    table = next(t for t in _tables(unbroken) if t.format().headerRowCount())
    last_row_bottom = _row_span(unbroken, table, table.rows() - 1)[1]
    assert len(with_rows) <= last_row_bottom // _body_size(printer).height() + 1


def test_every_signin_row_keeps_its_box_on_its_page(qapp, doc, tmp_path: Path) -> None:
    """The last row of each full page of a 60-name 签到表 is closed by its bottom line (the
    page cut rows 19 and 43 open), and each page but the last is full."""
    names = [f"成员{number:02d}" for number in range(1, 61)]
    pdf = render_signin_pdf(doc, tmp_path / "签到.pdf", names, blank_rows=5)
    bottoms = _page_bottoms(pdf, tmp_path)
    assert len(bottoms) == 3
    for depth, line in bottoms[:-1]:
        assert depth > 0.85 and line > 0.6, bottoms
    for page in range(1, 4):
        assert "序号姓名职务/所在支部签名备注" in _text(pdf, page)
    assert _in_order(_text(pdf), [str(n) for n in range(1, 66)])


def test_the_preview_opens_large_enough_to_read_the_page(qapp, doc) -> None:
    """Qt's own size (~690×370 on a laptop at 125 %) showed the A4 page at a quarter of its
    size: the preview now takes the screen's height and shows the page as wide as it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication

    seen: list[tuple[int, int, object, float]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(10, look)
            return
        view = dialog.findChild(QPrintPreviewWidget)
        seen.append((dialog.width(), dialog.height(), view.zoomMode(), view.zoomFactor()))
        dialog.reject()

    QTimer.singleShot(0, look)
    assert print_preview(doc, PrintKind.SCHEDULE) is None
    width, height, mode, zoom = seen[0]
    area = QApplication.primaryScreen().availableGeometry()  # 1366×768
    assert height >= area.height() - 80 and width >= 1000, (width, height)
    assert mode is QPrintPreviewWidget.ZoomMode.FitToWidth and zoom > 0.9, (mode, zoom)


TYPICAL_NOTES = "着正装，佩戴党员徽章，携带身份证；\n准时集合，不得迟到。"
LONG_NOTE = (
    "为深入学习贯彻党的二十届四中全会精神，进一步传承红色基因、赓续红色血脉，引导全体党员"
    "干部坚定理想信念、牢记初心使命，经支部委员会研究决定，组织全体党员赴太原市及周边红色"
    "教育基地开展主题党日活动。活动期间，全体党员要严格遵守纪律，服从统一安排。"
)


def _typical_day(notes: str = TYPICAL_NOTES) -> PlanDocument:
    """A typical Party-day as a secretary plans it: gathering at 07:30, 高君宇故居 (参观学习,
    誓词), lunch at a farm restaurant, 太原解放纪念馆 (参观学习, 花篮), 八路军驻晋办事处旧址
    (参观学习, a 现场党课 with its subject), back to the gathering point; two lines of notes."""
    from datetime import date, time

    from hongtu.core.catalogue import load_catalogue
    from hongtu.core.document import build_document
    from hongtu.core.geo import LatLon
    from hongtu.core.plans import Activity, ActivityKind, CustomPlace, GatheringPoint, Plan, Stop
    from hongtu.core.routing import DEFAULT_SETTINGS
    from hongtu.core.schedule import compute_schedule

    catalogue = load_catalogue()
    keys = ("gao-junyu-guju", "taiyuan-jiefang-jinianguan", "balujun-zhujin-banshichu-jiuzhi")
    sites = {i: catalogue.get(key).to_site(i) for i, key in enumerate(keys, start=1)}
    tour = Activity(ActivityKind.TOUR, 60)
    lesson = Activity(ActivityKind.LESSON, 45, "八路军驻晋办事处的历史与太原早期党组织")
    plan = Plan(
        title="追寻红色足迹 赓续红色血脉主题党日活动",
        date=date(2026, 11, 20),
        branch="第一党支部",
        participants=45,
        organiser="王书记",
        phone="13800000000",
        gathering=GatheringPoint(
            custom=CustomPlace("市工商局机关大院北门", LatLon(37.8706, 112.5489))
        ),
        gathering_time=time(7, 30),
        notes=notes,
        stops=[
            Stop(site_id=1, activities=[tour, Activity(ActivityKind.OATH, 15)]),
            Stop(
                custom=CustomPlace("娄烦县某农家饭店", LatLon(38.066, 111.797)),
                activities=[Activity(ActivityKind.LUNCH, 60)],
            ),
            Stop(site_id=2, activities=[tour, Activity(ActivityKind.WREATH, 20)]),
            Stop(site_id=3, activities=[Activity(ActivityKind.TOUR, 30), lesson]),
        ],
    )
    return build_document(plan, compute_schedule(plan, sites, DEFAULT_SETTINGS), sites)


MAP_PAPER = (251, 248, 243)  # the schematic map's background (svgmap), as printed


def _pages_with_map(pdf: Path, tmp_path: Path) -> list[int]:
    """The pages (from 1) on which the printed map's paper colour covers a real area."""
    prefix = tmp_path / f"{pdf.stem}-map"
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(prefix)], check=True)
    found = []
    for number, png in enumerate(sorted(tmp_path.glob(f"{prefix.name}-*.png")), start=1):
        image = QImage(str(png))
        hits = sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if abs(image.pixelColor(x, y).red() - MAP_PAPER[0]) <= 2
            and abs(image.pixelColor(x, y).green() - MAP_PAPER[1]) <= 2
            and abs(image.pixelColor(x, y).blue() - MAP_PAPER[2]) <= 2
        )
        if hits > 200:
            found.append(number)
    return found


def test_a_typical_day_prints_on_one_page_with_its_map_and_notes(qapp, tmp_path: Path) -> None:
    """The map went to page 2 alone while 注意事项 stayed on page 1 in a narrow column: the
    closing section now stays on the rows' page (its map a little smaller if need be)."""
    doc = _typical_day()
    pdf = render_schedule_pdf(doc, tmp_path / "typical.pdf")
    assert _pages(pdf) == 1
    assert _pages_with_map(pdf, tmp_path) == [1]
    text = _text(pdf)
    assert _in_order(text, [doc.rows[-1].title, doc.totals.text, "注意事项", *doc.notes])


def _line_boxes(pdf: Path, page: int) -> list[tuple[float, float, float, str]]:
    """(x from, x to, y, text) of each printed line of ``page``, from poppler's layout."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    lines = []
    line = r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>'
    for match in re.finditer(line, out, re.DOTALL):
        words = "".join(re.findall(r">([^<]*)</word>", match.group(4)))
        lines.append((float(match.group(1)), float(match.group(3)), float(match.group(2)), words))
    return lines


def test_long_notes_run_full_width_under_the_map(qapp, tmp_path: Path) -> None:
    """Five paragraphs of notes were a 20-character column beside the map for two pages: they
    now run the page's width under the map, on the map's page."""
    notes = "\n".join(LONG_NOTE for _ in range(5))
    doc = _typical_day(notes)
    pdf = render_schedule_pdf(doc, tmp_path / "long-notes.pdf")
    pages = _pages(pdf)
    on_map_page = _pages_with_map(pdf, tmp_path)
    assert len(on_map_page) == 1
    heading_page = next(p for p in range(1, pages + 1) if "注意事项" in _text(pdf, p))
    assert heading_page == on_map_page[0]
    width, _ = _page_size(pdf)
    note_lines = [
        (left, right)
        for page in range(heading_page, pages + 1)
        for left, right, _y, text in _line_boxes(pdf, page)
        if "党员" in text or "纪律" in text
    ]
    assert note_lines and max(right - left for left, right in note_lines) > 0.7 * width
    assert pages <= 2


def test_names_the_map_has_no_room_for_are_printed_under_it(qapp, tmp_path: Path) -> None:
    from hongtu.core.exports.svgmap import schematic_map
    from test_exports import _city_and_far_day

    doc = _city_and_far_day()
    unlabelled = schematic_map(doc).unlabelled
    assert unlabelled  # eight city stops and a long lunch name: not every name fits
    pdf = render_schedule_pdf(doc, tmp_path / "city.pdf")
    text = _text(pdf)
    assert _in_order(text, [doc.totals.text, "图上未注名称的站点：", *unlabelled])


SHORT_BRANCH = "小店区某某社区第一党支部"
LONG_BRANCH = "中共太原市小店区某某街道某某社区第一党支部"


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # 31 characters: one "动" was left alone on a second line; it fits a half point smaller
        (
            f"{SHORT_BRANCH}“年终组织生活会前参观”主题党日活动",
            [f"{SHORT_BRANCH}“年终组织生活会前参观”主题党日活动"],
        ),
        # too long for one line even two points smaller: broken before the quoted theme
        (
            f"{LONG_BRANCH}“学习贯彻全会精神”主题党日活动",
            [LONG_BRANCH, "“学习贯彻全会精神”主题党日活动"],
        ),
    ],
)
def test_a_long_title_breaks_before_its_theme_never_inside_a_word(
    qapp, doc, tmp_path: Path, title: str, lines: list[str]
) -> None:
    """QA s28: the 签到表 of “年终组织生活会前参观” printed "…主题党日活" over a lone "动"."""
    from dataclasses import replace

    titled = replace(doc, title=title)
    for name, pdf in (
        ("签到表", render_signin_pdf(titled, tmp_path / "签到表.pdf", [], blank_rows=5)),
        ("日程安排表", render_schedule_pdf(titled, tmp_path / "日程安排表.pdf")),
    ):
        out = subprocess.run(
            ["pdftotext", "-layout", "-l", "1", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        top = [_squash(line) for line in out.splitlines() if line.strip()][: len(lines)]
        assert top == lines, name


def test_the_totals_under_a_full_page_of_rows_are_printed_on_one_page(qapp, tmp_path) -> None:
    """Days whose rows end near a page's end: the totals line (共N个站点，全程约…) is printed
    once, on one page. When the rows' table ran past the end of its last row's page (its
    bottom border and margin), Qt set the totals across the page's end and they were printed
    in two: the top of the characters under the table, the rest atop the next page (the
    catalogue's first six sites: pages 1 and 2)."""
    for stops in range(4, 10):
        doc = _catalogue_day(stops, filled=True)
        pdf = render_schedule_pdf(doc, tmp_path / f"{stops}.pdf")
        totals = _squash(doc.totals.text)
        holding = [p for p in range(1, _pages(pdf) + 1) if totals in _text(pdf, p)]
        assert len(holding) == 1, (stops, holding)
