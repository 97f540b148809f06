"""Online tile servers, played by a local http.server: tiles arrive and are cached; a
server that errors or hangs puts the map in a clear offline state within the timeout."""

import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QTimer

from ops_console.ui.mapping.tiles import XYZSource

KEYS = [(3, 6, 3), (3, 7, 3), (3, 6, 4)]


SERVER = r"""
import sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
tile = open(sys.argv[1], "rb").read()

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        mode = self.path.split("/")[1]
        if mode == "hang":
            time.sleep(30)
            return
        if mode == "error":
            self.send_error(503, "overloaded")
            return
        body, kind = (tile, "image/png") if mode == "ok" else (b"<html>captive portal</html>", "text/html")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_port, flush=True)
server.serve_forever()
"""


@pytest.fixture(scope="module")
def tile_server(tmp_path_factory):
    """A local tile server in its own process (127.0.0.1 only); the path's first part says
    how it behaves: /ok/, /error/ (HTTP 503), /html/ (not an image) or /hang/ (never answers)."""
    from PySide6.QtGui import QColor, QImage

    folder = tmp_path_factory.mktemp("server")
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#2266aa"))
    image.save(str(folder / "tile.png"))
    proc = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(folder / "tile.png")], stdout=subprocess.PIPE, text=True
    )
    port = int(proc.stdout.readline())
    yield lambda mode: f"http://127.0.0.1:{port}/{mode}/{{z}}/{{x}}/{{y}}.png"
    proc.kill()
    proc.wait()


def test_tiles_arrive_and_are_kept_in_the_disk_cache(qtbot, tile_server, tmp_path):
    source = XYZSource(tile_server("ok"), cache_dir=tmp_path / "cache", timeout_ms=3000)
    source.request(KEYS)
    qtbot.waitUntil(lambda: len(source.cache) == 3, timeout=5000)
    assert source.state == "" and source.failures == 0
    assert any((tmp_path / "cache").rglob("*")), "the disk cache holds the tiles for offline use"
    source.close()


def test_server_errors_are_counted_and_lead_to_offline(qtbot, tile_server):
    source = XYZSource(tile_server("error"), timeout_ms=3000)
    with qtbot.waitSignal(source.state_changed, timeout=5000) as blocker:
        source.request(KEYS)
    assert blocker.args[0].startswith("Offline:") and source.failures >= 3
    source.request([(4, 1, 1), (4, 2, 2)])  # while offline, only the disk cache is asked
    qtbot.waitUntil(lambda: not source._in_flight, timeout=2000)
    assert source.failures == 3, "no further network failures while offline"
    source.close()


def test_hanging_server_times_out_quickly_and_the_gui_stays_responsive(qtbot, tile_server):
    source = XYZSource(tile_server("hang"), timeout_ms=400)
    started = time.monotonic()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    with qtbot.waitSignal(source.state_changed, timeout=4000) as blocker:
        source.request(KEYS)
    timer.stop()
    assert "not answering" in blocker.args[0]
    assert time.monotonic() - started < 3
    assert len(ticks) >= 5, "the event loop kept running while the server hung"
    source.close()


def test_a_non_image_answer_is_skipped_and_counted(qtbot, tile_server, caplog):
    source = XYZSource(tile_server("html"), timeout_ms=3000)
    source.request(KEYS[:1])
    qtbot.waitUntil(lambda: source.bad_tiles == 1, timeout=5000)
    assert "not an image" in caplog.text
    # not "missing" (a captive portal answers so for every tile): asked again later, not at once
    assert not source.known_missing(KEYS[0]) and source.failed_recently(KEYS[0])
    source.close()


def test_unreachable_server_goes_offline(qtbot):
    source = XYZSource("http://127.0.0.1:9/{z}/{x}/{y}.png", timeout_ms=1000)  # port 9 (discard): refused
    with qtbot.waitSignal(source.state_changed, timeout=5000) as blocker:
        source.request(KEYS)
    assert blocker.args[0].startswith("Offline:")
    source.close()
