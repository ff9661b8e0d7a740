"""Whether this machine has a font that can draw Chinese.

HongTu ships no font: on a Linux install without one (a ``pip install`` on a bare system), every
Chinese character on screen and in the PDFs is an empty box. The window says so once, in English
(the only text such a machine can show), and the PDFs are refused rather than written as boxes.
A font that draws Chinese may still lack a rare character of someone's name (𠮷, in CJK
Extension B): ``unprintable_characters`` finds those, so the organiser is told before printing.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QTextLayout

from hongtu.core.text import shortened

SAMPLE = "红途党支部"  # what a usable font must draw, every character

NO_FONT_NOTICE = (
    "No font that can show Chinese is installed on this computer, so Chinese text shows as "
    "empty boxes and HongTu will not make PDFs. Install one, for example "
    "“sudo apt install fonts-wqy-microhei” (or fonts-noto-cjk), then start HongTu again."
)
NO_FONT_STATUS = "No Chinese font installed: install fonts-wqy-microhei"


@functools.cache
def chinese_font_family() -> str | None:
    """A font family that draws every character of ``SAMPLE``, or None when there is none.
    Needs a QGuiApplication; the answer is kept for the process (fonts are read at start)."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(character)) for character in SAMPLE):
            return family
    return None


def has_chinese_font() -> bool:
    return chinese_font_family() is not None


_RUNS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)


def unprintable_characters(texts: Iterable[str], families: Sequence[str]) -> list[str]:
    """The characters of ``texts`` (each once, in the order met) that would print as empty
    boxes: no font Qt draws them with (``families``, then Qt's own fallbacks) has them. A rare
    name's character (𠮷, in CJK Extension B) is the usual one; needs a QGuiApplication."""
    seen: dict[str, None] = {}
    for text in texts:
        for character in text:
            if not character.isascii() and character.isprintable() and not character.isspace():
                seen.setdefault(character)
    if not seen:
        return []
    characters = list(seen)
    font = QFont()
    font.setFamilies(list(families))
    layout = QTextLayout("".join(characters), font)
    layout.beginLayout()
    layout.createLine().setLineWidth(1e9)
    layout.endLayout()
    starts = itertools.accumulate((_utf16(c) for c in characters[:-1]), initial=0)
    at = dict(zip(starts, characters, strict=True))
    missing: dict[str, None] = {}
    for run in layout.glyphRuns(-1, -1, _RUNS):
        for index, glyph in zip(run.stringIndexes(), run.glyphIndexes(), strict=True):
            if glyph == 0 and index in at:
                missing.setdefault(at[index])
    return [c for c in characters if c in missing]


def _utf16(character: str) -> int:
    """How many UTF-16 code units ``character`` takes (Qt's string indexes count these)."""
    return 2 if ord(character) > 0xFFFF else 1


def unprintable_warning(missing: Sequence[str], texts: Iterable[str]) -> str:
    """What to tell the organiser about ``missing`` characters: which, where (up to three of
    the texts holding them) and which font to install."""
    holding = [t for t in dict.fromkeys(texts) if any(c in t for c in missing)]
    where = "、".join(shortened(t, 20) for t in holding[:3])
    # the code point too: on a screen without the font the character itself is an empty box
    named = "、".join(f"{c}（U+{ord(c):04X}）" for c in missing)
    return QCoreApplication.translate(
        "Fonts",
        "这台电脑的字体里没有这些字：{0}（见：{1}），打印或导出的 PDF 上它们会是空白方框。"
        "请安装含这些字的字体后重试：Debian/Ubuntu 可安装 fonts-hanazono（含 CJK 扩展 B 区汉字）"
        "或 fonts-noto-cjk；Windows 可在“设置 › 可选功能”中添加“中文(简体)补充字体”"
        "（含 SimSun-ExtB）。",
    ).format(named, where)
