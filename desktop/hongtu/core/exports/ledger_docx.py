"""DOCX ledger (台账): the year's summary, then one 活动记录 page per Party-day in the same
official style as the 活动方案 (A4, 仿宋 body, 宋体 tables; the headings over its tables flush
left, not indented like the 活动方案's 一、二、…). Photos are placed two to a row at
about 7 cm wide, upright by their EXIF orientation, scaled down for print (the originals stay as
they are); a photo that is missing or unreadable is named in the text instead, never a crash."""

from __future__ import annotations

import io
import math
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from hongtu.core import paths
from hongtu.core.atomic import ExportError, write_atomic
from hongtu.core.exports.docx import (
    CELL,
    CENTRED_CELL,
    TABLE,
    TABLE_BOLD,
    TABLE_DETAIL,
    TABLE_FONT,
    TITLE,
    add_body,
    add_heading,
    add_title,
    new_document,
    table_cell,
)
from hongtu.core.exports.ledger_labels import LedgerLabels
from hongtu.core.exports.ledger_summary import LedgerSummary, build_ledger_summary
from hongtu.core.exports.ledger_text import record_fields
from hongtu.core.exports.wordml import (
    CELL_MARGIN,
    Document,
    Font,
    Picture,
    Piece,
    Spacing,
    cm,
    column_width,
    line_width,
)
from hongtu.core.ledger import LedgerDay, YearLedger, rate_text
from hongtu.core.records import PhotoRef
from hongtu.core.text import display_width

# Two photos side by side fill the 14.66 cm text width; a portrait photo is as wide, 4:3 tall.
PHOTO_BOX = (cm(7.15), cm(9.5))
PHOTO_GAP = cm(0.35)  # between two photos of a row (an en space)
PRINT_SIDE = 1000  # px on the long side: about 350 dpi at the printed size, a small document
PRINT_QUALITY = 85
PRINT_FOLDER = "photos/print"  # scaled copies for print, by content hash
_HASH = re.compile(r"[0-9a-f]{64}")
TABLE_DETAIL_BOLD = replace(TABLE_DETAIL, bold=True)
# 小五 (as the PDF's 9.5 pt): the twelve months across the portrait page with 已开展 unbroken,
# and the days' ten columns with room for their themes, places and reasons
SMALL = Font(TABLE_FONT, 9)
SMALL_BOLD = replace(SMALL, bold=True)


def render_ledger_docx(ledger: YearLedger, labels: LedgerLabels | None = None) -> bytes:
    """The year in the words and the order of the PDF (one ``LedgerSummary``): 各月开展情况 (the
    twelve months), the months without a Party-day, the days' table with its places and
    reasons, 参观地点, then 成员全年出勤 on a landscape page (the XLSX's member sheet is
    landscape too), then a 活动记录 page per Party-day. Every table is the text's width."""
    labels = labels or LedgerLabels()
    summary = build_ledger_summary(ledger, labels)
    document = new_document(summary.title, labels.page_format)
    add_title(document, *_title(ledger, labels, summary.title, document.page.text_width))
    _heading(document, summary.months_heading)
    _months_table(document, summary)
    add_body(document, summary.months_without)
    _heading(document, summary.summary_heading)
    _days_table(document, summary, labels.rate)
    add_body(document, summary.counted_note)
    for note in summary.roster_notes:  # recorded days the roster now disagrees with
        add_body(document, note)
    _heading(document, summary.places_heading)
    add_body(document, summary.places)
    portrait = document.page
    if summary.member_rows:
        document.new_section(portrait.landscape())
        _heading(document, summary.members_heading)
        _members_table(document, summary, labels.rate)
        add_body(document, summary.marks_note)
    for number, day in enumerate(ledger.days):
        if number == 0 and summary.member_rows:
            document.new_section(portrait)
        else:
            document.page_break()
        _record_page(document, day, labels)
    return document.to_bytes()


TITLE_LINE_COLUMNS = 37  # half-width columns of 二号 宋体 on a line of the portrait page
LEAST_TITLE_SIZE = 18.0  # 小二


def _title(ledger: YearLedger, labels: LedgerLabels, title: str, width: int) -> tuple[str, Font]:
    """The title and its type. On one line where 宋体 fits it in 二号 — in half-points smaller
    where the widest face it may print in would not (LibreOffice without 宋体 took DejaVu
    Sans's digits: "机关第一党支部2025年主题党日活动台" / "账"), down to 小二 — else broken
    after the branch ("…第二党支部" / "2026年主题党日活动台账"), not inside a word
    ("主题党日活" / "动台账")."""
    if display_width(title) <= TITLE_LINE_COLUMNS:
        font = TITLE
        while line_width(title, font) > width and font.size > LEAST_TITLE_SIZE:
            font = replace(font, size=font.size - 0.5)
        return title, font
    rest = labels.title_format.format(branch="", year=ledger.year)
    if ledger.branch and title == ledger.branch + rest:
        return f"{ledger.branch}\n{rest}", TITLE
    return title, TITLE


DENSE_CELL_MARGIN = 57  # twips (1 mm) each side in the members × months table: 18 figures wide
NAME_WIDTH = cm(3.6)  # the members' names at least: "阿依古丽·买买提" on one line

# the days' table, all ten columns of the PDF's in 小五: 日期, 主题, 地点, then the figures
# 应到 … 列席 (centred), then 缺席及原因
DAY_FIGURES = range(3, 9)
# what the date and the figures leave goes to 主题, 地点 and 缺席及原因 as in the PDF (14:15:25)
DAY_TEXT_SHARES = {1: 14, 2: 15, 9: 25}


def _heading(document: Document, text: str) -> None:
    """A heading over a table or a list: flush left (not indented like the body)."""
    add_heading(document, text, indent=0)


def _months_table(document: Document, summary: LedgerSummary) -> None:
    """各月开展情况: one row of twelve equal cells, each the month, 已开展 / 未开展 / 待开展 /
    无记录 and, for a month held, 实到/应到 — centred, as in the PDF."""
    cells = [
        [(text, SMALL, CENTRED_CELL) for text in (name, mark, figures) if text]
        for name, mark, figures in summary.months
    ]
    text_width = document.page.text_width
    widths = [text_width // len(cells)] * len(cells)
    widths[0] += text_width - sum(widths)
    document.table([cells], widths, cell_margin=DENSE_CELL_MARGIN)


def _days_table(document: Document, summary: LedgerSummary, rate: str) -> None:
    """全年情况 with the PDF's columns: the date and the figures each as wide as their widest
    line, 出席率 as a bold "100.0%" whatever the year's rates (LibreOffice and WPS keep the
    widths; Word may refit them); the theme, the places and the reasons share the rest."""
    rows = [summary.day_header, *summary.day_rows]
    last = len(rows) - 1
    cells = [
        [
            [
                (
                    line,
                    SMALL_BOLD if r in (0, last) else SMALL,
                    CENTRED_CELL if r == 0 or column in DAY_FIGURES else CELL,
                )
                for line in value.split("\n")
            ]
            for column, value in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    widths = [
        _fitted(cells, column, rate, DENSE_CELL_MARGIN) for column in range(len(rows[0]))
    ]
    shares = sum(DAY_TEXT_SHARES.values())
    rest = document.page.text_width - sum(
        width for column, width in enumerate(widths) if column not in DAY_TEXT_SHARES
    )
    for column, share in DAY_TEXT_SHARES.items():
        widths[column] = rest * share // shares
    widths[-1] += document.page.text_width - sum(widths)
    document.table(cells, widths, header_rows=1, cell_margin=DENSE_CELL_MARGIN)


def _members_table(document: Document, summary: LedgerSummary, rate: str) -> None:
    """姓名, the twelve months (实到/应到, 假, 缺, 列席, 已离开) and the year's 应到 … 出席率 and
    列席, 五号 type, 1 mm from the lines: each column as wide as its widest line, the name at least
    ``NAME_WIDTH``, and what is left shared by the months and the figures."""
    cells = [
        [
            table_cell(value, TABLE_DETAIL_BOLD if r == 0 or column == 0 else TABLE_DETAIL)
            for column, value in enumerate(row)
        ]
        for r, row in enumerate([summary.member_header, *summary.member_rows])
    ]
    widths = [
        _fitted(cells, column, rate, DENSE_CELL_MARGIN)
        for column in range(len(summary.member_header))
    ]
    room = document.page.text_width - sum(widths[1:])
    widths[0] = min(room, max(widths[0], NAME_WIDTH))
    spare = (room - widths[0]) // (len(widths) - 1)  # shared by the months and the figures
    widths[1:] = [width + spare for width in widths[1:]]
    widths[0] = document.page.text_width - sum(widths[1:])
    document.table(cells, widths, header_rows=1, cell_margin=DENSE_CELL_MARGIN)


def _fitted(
    cells: list[list[list[tuple[str, Font, Spacing]]]],
    column: int,
    rate: str,
    cell_margin: int = CELL_MARGIN,
) -> int:
    """``column``'s width: each of its lines on one line, and under the heading ``rate``
    (出席率) a "100.0%" in each of its fonts too."""
    lines = [(text, font) for row in cells for text, font, _spacing in row[column]]
    if lines and lines[0][0] == rate:
        lines += [(rate_text(1.0), font) for _text, font in lines]
    return column_width(lines, cell_margin)


def _cells(values: list[str]) -> list[list[tuple[str, Font, Spacing]]]:
    """A row's cells: the first column bold (its first line)."""
    return [
        table_cell(value, TABLE_BOLD if column == 0 else TABLE, TABLE)
        for column, value in enumerate(values)
    ]


def _record_page(document: Document, day: LedgerDay, labels: LedgerLabels) -> None:
    add_title(document, labels.record_title)
    rows = record_fields(day, labels, by_stop=True)
    document.table([_cells([label, value]) for label, value in rows], [cm(3.2), cm(11.4)])
    if day.photos:
        _heading(document, labels.photos)  # kept with the photos, never alone at a foot
        _photos(document, day.photos, labels)


def _photos(document: Document, photos: tuple[PhotoRef, ...], labels: LedgerLabels) -> None:
    """Two photos to a row (each fitted into ``PHOTO_BOX``, upright), captions under them; a
    photo that cannot be read is named on a line of its own and the export goes on."""
    placed: list[tuple[PhotoRef, PrintImage]] = []
    for photo in photos:
        image = print_image(photo)
        if image is None:
            name = photo.caption or Path(photo.path).name
            document.paragraph([(labels.photo_missing.format(name=name), TABLE)], CENTRED_CELL)
        else:
            placed.append((photo, image))
    for first in range(0, len(placed), 2):
        pair = placed[first : first + 2]
        pieces: list[tuple[Piece, Font]] = []
        widths = []
        for number, (_photo, image) in enumerate(pair):
            if number:
                pieces.append(("\u2002", TABLE))
            width, height = image.fitted(PHOTO_BOX)
            pieces.append((Picture(image.data, width, height), TABLE))
            widths.append(width)
        document.paragraph(pieces, CENTRED_CELL)
        if any(photo.caption for photo, _image in pair):
            _captions(document, [photo.caption for photo, _image in pair], widths)


def _captions(document: Document, captions: list[str], widths: list[int]) -> None:
    """Each caption centred under its photo (centre tab stops where the photos' middles are)."""
    text_width = document.page.text_width
    gap = PHOTO_GAP if len(widths) == 2 else 0
    left = (text_width - sum(widths) - gap) // 2
    middles = [left + widths[0] // 2]
    if len(widths) == 2:
        middles.append(left + widths[0] + gap + widths[1] // 2)
    document.paragraph([("\t" + "\t".join(captions), TABLE)], Spacing(centre_tabs=tuple(middles)))


@dataclass(frozen=True, slots=True)
class PrintImage:
    data: bytes  # JPEG, upright
    width: int  # pixels
    height: int

    def fitted(self, box: tuple[int, int]) -> tuple[int, int]:
        """(width, height) in EMU inside ``box``, keeping the photo's proportions."""
        scale = min(box[0] / self.width, box[1] / self.height)
        return int(self.width * scale), int(self.height * scale)


def print_image(photo: PhotoRef) -> PrintImage | None:
    """The photo for the page: the original scaled to ``PRINT_SIDE`` px and turned upright by
    its EXIF orientation; the stored thumbnail if the original cannot be read; None if neither
    can (missing, unreadable, damaged).

    The scaled copy of an original is kept in ``photos/print/<hash>.jpg`` (beside the
    thumbnails, so backups carry it), and the next export reads it instead of decoding the
    camera's file again; a copy that cannot be written or read is simply made again."""
    cached = _print_copy(photo)
    if cached is not None:
        try:
            return _read_print_copy(cached)
        except Exception:  # damaged or half-written by hand: made again below
            pass
    for number, stored in enumerate((photo.path, photo.thumbnail_path)):
        if not stored:
            continue
        path = photo_file(PhotoRef(photo.content_hash, stored))
        try:
            image = _scaled(path)
        except Exception:  # any failure to read or decode: try the next, then name it
            continue
        if number == 0 and cached is not None:
            _keep(cached, image.data)
        return image
    return None


def _print_copy(photo: PhotoRef) -> Path | None:
    if not _HASH.fullmatch(photo.content_hash):
        return None
    return paths.data_dir() / PRINT_FOLDER / f"{photo.content_hash}.jpg"


def _read_print_copy(path: Path) -> PrintImage | None:
    from PIL import Image

    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as image:  # the header only: the size
        return PrintImage(data, image.width, image.height)


def _keep(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except (OSError, ExportError):  # a cache: the export goes on without it
        pass


def _scaled(path: Path) -> PrintImage:
    from PIL import Image, ImageOps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            width, height = image.size
            scale = PRINT_SIDE / max(width, height, 1)
            # JPEG: decode at the smallest DCT scale that still gives PRINT_SIDE on the long
            # side (a 12-megapixel photo is decoded at a quarter of its width: ~16× faster)
            image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
            image.load()
            picture = ImageOps.exif_transpose(image)
            if picture.mode != "RGB":
                background = Image.new("RGB", picture.size, (255, 255, 255))
                rgba = picture.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                picture = background
            if max(picture.size) > PRINT_SIDE:
                picture.thumbnail((PRINT_SIDE, PRINT_SIDE), Image.Resampling.BICUBIC)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=PRINT_QUALITY)
            return PrintImage(out.getvalue(), picture.width, picture.height)


def photo_file(photo: PhotoRef) -> Path:
    """Where a photo is: stored paths are relative to the user's data folder."""
    path = Path(photo.path)
    return path if path.is_absolute() else paths.data_dir() / path
