"""A tile server on 127.0.0.1 that a test starts, and the one opening in the no-network rule
that it needs: connections to the loopback address only (anything else still fails)."""

from __future__ import annotations

import functools
import http.server
import socket
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

_REAL_CONNECT = socket.socket.connect  # taken at import, before conftest's autouse patch
_REAL_CREATE = socket.create_connection
LOOPBACK = "127.0.0.1"


@functools.cache
def tile_bytes(z: int, x: int, y: int) -> bytes:
    """A real 256 px PNG (a browser draws it), different for every tile."""
    return _png((x * 37 % 256, y * 53 % 256, z * 12 % 256))


def _png(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    rows = (b"\x00" + bytes(rgb) * size) * size
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@dataclass
class TileServer:
    port: int = 0
    requests: list[str] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    fail_first: int = 0  # every tile answers 503 this many times before it is served
    always_fail: set[str] = field(default_factory=set)  # paths that always answer 503
    fail_status: int = 503  # the answer of a failing path (403: the provider refuses)
    hold_after: int | None = None  # after this many answers, requests wait for ``release``
    release: threading.Event = field(default_factory=threading.Event)
    _failures: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/{{z}}/{{x}}/{{y}}.png?key={{key}}"


def _handler(server: TileServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.partition("?")[0]
            with server.lock:
                server.requests.append(self.path)
                server.user_agents.append(self.headers.get("User-Agent", ""))
                seen = server._failures.get(path, 0)
                server._failures[path] = seen + 1
                held = server.hold_after is not None and len(server.requests) > server.hold_after
            if held:
                server.release.wait(30)
            if path in server.always_fail or seen < server.fail_first:
                self.send_error(server.fail_status)
                return
            try:
                z, x, y = (int(p) for p in path.strip("/").removesuffix(".png").split("/"))
            except ValueError:
                self.send_error(404)
                return
            body = tile_bytes(z, x, y)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


def allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on in this test, sockets may connect to 127.0.0.1 and nowhere else."""

    def connect(sock: socket.socket, address: object) -> None:
        if not (isinstance(address, tuple) and address[0] == LOOPBACK):
            raise OSError("network access is not allowed in tests")
        _REAL_CONNECT(sock, address)

    def create_connection(address: tuple[str, int], *args: object, **kwargs: object) -> object:
        if address[0] != LOOPBACK:
            raise OSError("network access is not allowed in tests")
        return _REAL_CREATE(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", create_connection)


@contextmanager
def serve_tiles() -> Iterator[TileServer]:
    """A tile server on 127.0.0.1 for Python clients (pair with ``allow_loopback``)."""
    state = TileServer()
    httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)
