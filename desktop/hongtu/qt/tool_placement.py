"""Where the map tools (更正位置, 添加地点) open: beside the map, never over the marker.

Both tools ask the organiser to drag a marker that the map has just centred, so their window
goes next to the map view (right of it, else left of it), narrowed to the room there when it can
be; only when neither side has room does it go into a corner of the map away from its centre.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

from hongtu.qt.window_state import available_area


def map_rect(map_view: QWidget) -> QRect:
    """The map view's rectangle in global (screen) coordinates."""
    return QRect(map_view.mapToGlobal(QPoint(0, 0)), map_view.size())


def place_beside(tool: QWidget, map_view: QWidget) -> QRect:
    """Move (and if need be narrow) ``tool`` so it does not cover ``map_view``; its new frame."""
    area = available_area(map_view)
    target = map_rect(map_view)
    frame = tool.frameGeometry()
    extra = QSize(frame.width() - tool.width(), frame.height() - tool.height())  # title bar
    wanted = tool.size().expandedTo(tool.minimumSizeHint())
    least = tool.minimumSizeHint().width() + extra.width()
    height = min(wanted.height() + extra.height(), area.height())
    top = max(area.top(), min(target.top(), area.bottom() + 1 - height))
    right_room = area.right() - target.right()
    left_room = target.left() - area.left()
    width = wanted.width() + extra.width()
    if right_room >= least:
        width = min(width, right_room)
        spot = QRect(target.right() + 1, top, width, height)
    elif left_room >= least:
        width = min(width, left_room)
        spot = QRect(target.left() - width, top, width, height)
    else:  # no room beside: the map corner farthest from its centre, bottom right
        width = min(width, area.width())
        spot = QRect(
            max(area.left(), min(target.right() + 1, area.right() + 1) - width),
            # a map shorter than the tool: its top (title bar) stays on the screen
            max(area.top(), min(target.bottom() + 1, area.bottom() + 1) - height),
            width,
            height,
        )
    tool.resize(spot.width() - extra.width(), spot.height() - extra.height())
    tool.move(spot.topLeft())
    return spot
