"""The embedded map: one page load, then small JS calls out and one QWebChannel object back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 4096


class MapBridge(QObject):
    """The page's only way back into Python. Every message is validated before use."""

    ready = Signal()
    site_clicked = Signal(int)
    add_stop_requested = Signal(int)
    marker_dragged = Signal(int, float, float)
    map_clicked = Signal(float, float)
    preview_moved = Signal(float, float)  # the "new place" pin was dragged (display CRS)
    tiles_failed = Signal(str)
    message_rejected = Signal(str)

    @Slot(str)
    def receive(self, text: str) -> None:
        message = parse_bridge_message(text)
        if message is None:
            log.warning("rejected a map message: %.200s", text)
            self.message_rejected.emit(text[:200])
            return
        kind = message["type"]
        if kind == "ready":
            self.ready.emit()
        elif kind == "site_clicked":
            self.site_clicked.emit(message["id"])
        elif kind == "add_stop":
            self.add_stop_requested.emit(message["id"])
        elif kind == "marker_dragged":
            self.marker_dragged.emit(message["id"], message["lat"], message["lon"])
        elif kind == "map_clicked":
            self.map_clicked.emit(message["lat"], message["lon"])
        elif kind == "preview_moved":
            self.preview_moved.emit(message["lat"], message["lon"])
        elif kind == "tiles_failed":
            self.tiles_failed.emit(message["provider"])


_SCHEMAS: dict[str, dict[str, type]] = {
    "ready": {},
    "site_clicked": {"id": int},
    "add_stop": {"id": int},
    "marker_dragged": {"id": int, "lat": float, "lon": float},
    "map_clicked": {"lat": float, "lon": float},
    "preview_moved": {"lat": float, "lon": float},
    "tiles_failed": {"provider": str},
}


def parse_bridge_message(text: object) -> dict[str, Any] | None:
    """Return the message if it is well-formed, else None. Numbers must be finite and in range."""
    if not isinstance(text, str) or len(text) > MAX_MESSAGE_CHARS:
        return None
    import json  # not before the page starts: the helper thread has it by the first message

    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("type") not in _SCHEMAS:
        return None
    schema = _SCHEMAS[message["type"]]
    if set(message) != {"type", *schema}:
        return None
    clean: dict[str, Any] = {"type": message["type"]}
    for name, kind in schema.items():
        value = _coerce(message[name], kind)
        if value is None:
            return None
        clean[name] = value
    if "lat" in clean and not (-90 <= clean["lat"] <= 90 and -180 <= clean["lon"] <= 180):
        return None
    return clean


def _coerce(value: object, kind: type) -> Any:
    if kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31
        return value if ok else None
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        number = float(value)
        return number if number == number and abs(number) != float("inf") else None
    if kind is str:
        return value if isinstance(value, str) and 0 < len(value) <= 64 else None
    return None


class _Prefetched:
    """A call made ahead; its answer goes to whoever makes the same call later."""

    def __init__(self, function: str, args: tuple[Any, ...]) -> None:
        self.function = function
        self.args = args
        self._answered = False
        self._answer: Any = None
        self._callback: Callable[[Any], None] | None = None

    def answered(self, value: Any) -> None:
        self._answered, self._answer = True, value
        if self._callback is not None:
            self._callback(value)

    def hand_to(self, callback: Callable[[Any], None] | None) -> None:
        if callback is None:
            return
        if self._answered:  # answered before it was asked for: the answer comes on the next turn
            answer = self._answer
            QTimer.singleShot(0, lambda: callback(answer))
        else:
            self._callback = callback


#: A page whose process ends (killed, out of memory, a driver fault) is loaded again up to this
#: many times in a session; a page that keeps dying is left (the window says so).
MAX_PAGE_RELOADS = 3


def _take_keys_on_click(widget: QWidget) -> None:
    from PySide6.QtCore import Qt

    widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)


class _ClickFocusChildren(QObject):
    """Gives the view's new children (the page's widget, made anew with each page) click
    focus only (``MapView.keep_tab_outside``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent  # built once the window is up, not before the page

        if event.type() == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                _take_keys_on_click(child)
        return super().eventFilter(watched, event)


class MapView(QWebEngineView):
    """Loads the cached Folium page once; Python → page calls are queued until it is ready."""

    map_ready = Signal()
    page_lost = Signal(bool)  # its process ended; True: loaded again (map_ready follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = MapBridge(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self.bridge)
        self.page().setWebChannel(self._channel)
        settings = self.page().settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, True)
        self._ready = False
        self._queue: list[tuple[str, Callable[[Any], None] | None]] = []
        self._prefetched: _Prefetched | None = None
        self._source: Path | str | None = None  # what load_page loaded, to load it again
        self._reloads = 0
        self._gone = False  # the page died too often: calls are dropped, not queued for ever
        self._tab_outside: _ClickFocusChildren | None = None  # keep_tab_outside
        self.bridge.ready.connect(self._on_bridge_ready)
        self.page().renderProcessTerminated.connect(self._on_render_process_terminated)

    @property
    def is_ready(self) -> bool:
        return self._ready

    def keep_tab_outside(self) -> None:
        """Tab goes past the map, from pane to pane: in the page it would stop at every site's
        marker. The page's widget (made anew when the page is) takes the keys on a click, to
        pan and zoom. Called once the window is up: start-up's page does not wait for it (Qt's
        namespace alone, ~13 ms on first use, is kept off the way to the first markers)."""
        if self._tab_outside is None:
            self._tab_outside = _ClickFocusChildren(self)
            self.installEventFilter(self._tab_outside)
        for child in self.findChildren(QWidget):
            _take_keys_on_click(child)

    def load_page(self, page: Path | str) -> None:
        """``page``: the cached page's file, or the page itself (HTML) when it could not be
        cached (``hongtu.core.mappage.map_page``); its assets are local files either way."""
        from hongtu.qt.tile_handler import install_tile_handler

        # offline map packages (hongtu-tiles://); installed before the load: installing it on a
        # profile whose page is loading made that load slower (measured side by side)
        install_tile_handler(map_profile())
        self._ready = False
        self._source = page
        if isinstance(page, Path):
            self.load(QUrl.fromLocalFile(str(page)))
        else:  # a local page's origin, so that it may load HongTu's scripts and styles
            from hongtu.core.paths import resource_path

            self.setHtml(page, QUrl.fromLocalFile(str(resource_path("web")) + "/"))

    def call(
        self, function: str, *args: Any, callback: Callable[[Any], None] | None = None
    ) -> None:
        """Call ``hongtuMap.<function>(*args)``; arguments are JSON, never spliced text."""
        if not function.isidentifier():
            raise ValueError(f"not a map function: {function}")
        prefetched = self._prefetched
        if prefetched is not None and prefetched.function == function:
            self._prefetched = None
            if prefetched.args == args:  # already sent: its answer is this call's
                prefetched.hand_to(callback)
                return
        script = f"hongtuMap.{function}({', '.join(js_literal(a) for a in args)})"
        if self._ready:
            self._run(script, callback)
        elif not self._gone:
            self._queue.append((script, callback))

    def prefetch(self, function: str, *args: Any) -> None:
        """Call ``hongtuMap.<function>(*args)`` now; the next ``call`` of that function takes
        its answer instead of sending it again if its arguments are the same (start-up: the
        first markers are drawn while the window is still being built)."""
        self._prefetched = None
        self.call(function, *args, callback=(ahead := _Prefetched(function, args)).answered)
        self._prefetched = ahead

    def _run(self, script: str, callback: Callable[[Any], None] | None) -> None:
        page: QWebEnginePage = self.page()
        if callback is None:
            page.runJavaScript(script)
        else:
            page.runJavaScript(script, 0, callback)

    def _on_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, exit_code: int
    ) -> None:
        """The page's process ended (not by closing it): the map would stay blank, so the page
        is loaded again and whoever draws on it is told (``page_lost``) to draw it again."""
        if status is QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            return
        log.warning("the map page's process ended (%s, exit code %d)", status.name, exit_code)
        self._ready = False
        self._prefetched = None
        if self._source is None or self._reloads >= MAX_PAGE_RELOADS:
            self._gone = True
            self._queue.clear()
            self.page_lost.emit(False)
            return
        self._reloads += 1
        self.load_page(self._source)
        self.page_lost.emit(True)

    def _on_bridge_ready(self) -> None:
        self._ready = True
        queued, self._queue = self._queue, []
        for script, callback in queued:
            self._run(script, callback)
        self.map_ready.emit()


def map_profile() -> QWebEngineProfile:
    """The web profile of the map's page (Qt's default one, as the view's own page has), asked
    without ``page().profile()``: PySide would make the profile's one Python wrapper the page's
    child (its return-value rule), and pages go with their windows while the profile lives on
    (as with screens: ``window_state.screen_of``)."""
    return QWebEngineProfile.defaultProfile()


def js_literal(value: Any) -> str:
    """JSON is valid JS; also escape the characters that could end a script or break a string."""
    import json  # not before the page starts: the helper thread has it by the first call

    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def delete_now(widget: QWidget) -> None:
    """Deletes ``widget`` and its children at once, not at some later turn of the event loop.

    A window holding a map view is deleted this way when it closes for good: the view's web
    page must be gone before the web profile it belongs to, which Qt releases when the
    application ends ("Release of profile requested but WebEnginePage still not deleted").
    """
    from PySide6.QtCore import QEvent  # its type's ~180 event kinds take ~4 ms to build

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
