"""Whether this machine has a font that can draw Chinese.

HongTu ships no font: on a Linux install without one (a ``pip install`` on a bare system), every
Chinese character on screen and in the PDFs is an empty box. The window says so once, in English
(the only text such a machine can show), and the PDFs are refused rather than written as boxes.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

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
