"""Raster tiles: offline MBTiles packages and online XYZ servers, never blocking the GUI.

Reading and decoding a tile happens on worker threads; the GUI thread only draws
images that are ready (and, meanwhile, a scaled-up ancestor so the map is never blank).
Decoded tiles live in a byte-bounded LRU cache, so panning across a city cannot grow
memory without limit. An online server that stops answering puts the source in an
"offline" state after a few failures or one timeout: requests pause, tiles come only
from the disk cache, and a retry happens later, so a dead link never freezes the map.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkDiskCache, QNetworkReply, QNetworkRequest

from ops_console.mapping.geo import tile_bounds, tile_range, zoom_for_resolution
from ops_console.mapping.mbtiles import MBTilesError, MBTilesReader, sniff_format

from .layers import MapLayer
from .viewport import Viewport

log = logging.getLogger(__name__)
TileKey = tuple[int, int, int]
_DECODERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="tile-decode")


class TileCache:
    """Decoded tiles, least recently drawn evicted first once ``max_bytes`` is reached."""

    def __init__(self, max_bytes: int = 96 * 1024 * 1024) -> None:
        self.max_bytes, self.bytes, self.peak_bytes = max_bytes, 0, 0
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()

    def get(self, key: TileKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: TileKey, image: QImage) -> None:
        if key in self._images:
            self.bytes -= self._images.pop(key).sizeInBytes()
        self._images[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._images) > 1:
            _, old = self._images.popitem(last=False)
            self.bytes -= old.sizeInBytes()
        self.peak_bytes = max(self.peak_bytes, self.bytes)

    def __len__(self) -> int:
        return len(self._images)


def decode_tile(data: bytes) -> QImage | None:
    """A raster tile's image, or None for bytes that are not a drawable PNG/JPEG/WebP."""
    if sniff_format(data) not in ("png", "jpg", "webp"):
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class TileSource(QObject):
    """Where tiles come from; ``updated`` fires when new tiles can be drawn."""

    updated = Signal()
    # the source's state changed: carries a sentence for the map's status badge ("" when fine)
    state_changed = Signal(str)

    def __init__(self, name: str, min_zoom: int, max_zoom: int, attribution: str = "",
                 cache_bytes: int = 96 * 1024 * 1024) -> None:
        super().__init__()
        self.name, self.min_zoom, self.max_zoom, self.attribution = name, min_zoom, max_zoom, attribution
        self.cache = TileCache(cache_bytes)
        self.bad_tiles = 0  # damaged or wrong-format tiles skipped
        self.state = ""
        self._missing: set[TileKey] = set()
        # Workers never emit Qt signals (a cross-thread emit from a Python thread crashes this
        # PySide6 build): they put results in a queue that a GUI-thread timer drains while busy.
        self._results: queue.SimpleQueue[tuple[TileKey, QImage | None]] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(15)
        self._poll.timeout.connect(self._drain)

    def image(self, key: TileKey) -> QImage | None:
        return self.cache.get(key)

    def known_missing(self, key: TileKey) -> bool:
        return key in self._missing

    def request(self, keys: list[TileKey]) -> None:
        raise NotImplementedError

    def _set_state(self, text: str) -> None:
        if text != self.state:
            self.state = text
            self.state_changed.emit(text)

    def _deliver(self, key: TileKey, image: QImage | None) -> None:
        """Hand a result from any thread to the GUI thread (picked up by ``_drain``)."""
        self._results.put((key, image))

    def _busy(self) -> bool:
        return False

    def _start_polling(self) -> None:
        if not self._poll.isActive():
            self._poll.start()

    @Slot()
    def _drain(self) -> None:
        added = False
        while True:
            try:
                key, image = self._results.get_nowait()
            except queue.Empty:
                break
            if image is None:
                if len(self._missing) > 50_000:
                    self._missing.clear()
                self._missing.add(key)
            else:
                self.cache.put(key, image)
                added = True
        if added:
            self.updated.emit()
        if not self._busy() and self._results.empty():
            self._poll.stop()

    def close(self) -> None:
        """Stop background work (before the map closes)."""


class MBTilesSource(TileSource):
    """An offline tile package, read and decoded by one worker thread, newest request first."""

    def __init__(self, path: str | Path, cache_bytes: int = 96 * 1024 * 1024) -> None:
        self.reader = MBTilesReader(path)  # raises MBTilesError with words for a person
        info = self.reader.info
        super().__init__(info.name, info.min_zoom, info.max_zoom, info.attribution, cache_bytes)
        self._wanted: list[TileKey] = []
        self._queued: set[TileKey] = set()
        self._wake = threading.Condition()
        self._stop = False
        self._working = False
        self._thread = threading.Thread(target=self._work, name=f"mbtiles-{Path(path).name}", daemon=True)
        self._thread.start()

    def request(self, keys: list[TileKey]) -> None:
        fresh = [k for k in keys if k not in self._missing and self.cache.get(k) is None]
        with self._wake:
            self._wanted = list(reversed(fresh))  # what is in view now replaces older wishes
            self._queued = set(fresh)
            self._wake.notify()
        if fresh:
            self._start_polling()

    def _busy(self) -> bool:
        with self._wake:
            return bool(self._wanted) or self._working

    def _work(self) -> None:
        while True:
            with self._wake:
                while not self._wanted and not self._stop:
                    self._wake.wait()
                if self._stop:
                    return
                key = self._wanted.pop()
                self._working = True
            try:
                data = self.reader.tile(*key)
            except MBTilesError as exc:
                self.bad_tiles += 1
                log.warning("%s", exc)
                data = None
            image = decode_tile(data) if data else None
            if data and image is None:
                self.bad_tiles += 1
                log.warning("%s: tile %s is not a PNG/JPEG/WebP image; skipped", self.name, key)
            with self._wake:
                self._deliver(key, image)
                self._working = False

    def close(self) -> None:
        self._poll.stop()
        with self._wake:
            self._stop = True
            self._wake.notify()
        self._thread.join(timeout=2)
        self.reader.close()


class XYZSource(TileSource):
    """An online tile server (``https://…/{z}/{x}/{y}.png``) through a size-bounded disk cache."""

    OFFLINE_RETRY_S = 30.0

    def __init__(self, url_template: str, *, name: str = "Online map", attribution: str = "", max_zoom: int = 19,
                 cache_dir: str | Path | None = None, disk_cache_mb: int = 200, timeout_ms: int = 8000,
                 max_in_flight: int = 6, cache_bytes: int = 96 * 1024 * 1024) -> None:
        super().__init__(name, 0, max_zoom, attribution, cache_bytes)
        self.url_template, self.timeout_ms, self.max_in_flight = url_template, timeout_ms, max_in_flight
        self.failures = 0
        self._nam = QNetworkAccessManager(self)
        if cache_dir is not None:
            disk = QNetworkDiskCache(self)
            disk.setCacheDirectory(str(cache_dir))
            disk.setMaximumCacheSize(disk_cache_mb * 1024 * 1024)
            self._nam.setCache(disk)
        self._nam.finished.connect(self._finished)  # one connection; the key rides on the request
        self._in_flight: dict[TileKey, QNetworkReply] = {}
        self._pending: list[TileKey] = []
        self._offline_until = 0.0
        self._consecutive = 0
        self._decoding = 0

    @property
    def offline(self) -> bool:
        return time.monotonic() < self._offline_until

    def url(self, key: TileKey) -> str:
        z, x, y = key
        return self.url_template.format(z=z, x=x, y=y, s="abc"[(x + y) % 3])

    def request(self, keys: list[TileKey]) -> None:
        self._pending = [k for k in keys if k not in self._missing and k not in self._in_flight
                         and self.cache.get(k) is None]
        self._pump()

    def _pump(self) -> None:
        while self._pending and len(self._in_flight) < self.max_in_flight:
            key = self._pending.pop(0)
            req = QNetworkRequest(QUrl(self.url(key)))
            req.setTransferTimeout(self.timeout_ms)
            req.setRawHeader(b"User-Agent", b"OpsConsole map (community emergency post)")
            control = (QNetworkRequest.CacheLoadControl.AlwaysCache if self.offline
                       else QNetworkRequest.CacheLoadControl.PreferCache)
            req.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute, control)
            req.setAttribute(QNetworkRequest.Attribute.User, list(key))
            self._in_flight[key] = self._nam.get(req)

    @Slot(QNetworkReply)
    def _finished(self, reply: QNetworkReply) -> None:
        key = tuple(reply.request().attribute(QNetworkRequest.Attribute.User) or ())
        self._in_flight.pop(key, None)  # type: ignore[arg-type]
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        error = reply.error()
        data = bytes(reply.readAll().data()) if error == QNetworkReply.NetworkError.NoError else b""
        from_cache = bool(reply.attribute(QNetworkRequest.Attribute.SourceIsFromCacheAttribute))
        reason = reply.errorString()
        reply.deleteLater()
        if error == QNetworkReply.NetworkError.NoError:
            self._consecutive = 0
            if not self.offline or from_cache:
                self._set_state("" if not self.offline else self.state)
            self._decoding += 1
            self._start_polling()
            _DECODERS.submit(self._decode_job, key, data)
        elif status == 404 or error == QNetworkReply.NetworkError.ContentNotFoundError:
            self._missing.add(key)  # the server has no tile here: not a fault
        elif not self.offline:
            self.failures += 1
            self._consecutive += 1
            log.warning("tile %s from %s failed: %s (HTTP %s)", key, self.name, reason, status)
            timed_out = error in (QNetworkReply.NetworkError.OperationCanceledError,
                                  QNetworkReply.NetworkError.TimeoutError)
            if timed_out or self._consecutive >= 3 or status is None:
                self._offline_until = time.monotonic() + self.OFFLINE_RETRY_S
                why = "not answering" if timed_out else f"failing ({reason[:60]})"
                self._set_state(f"Offline: {self.name} is {why}; showing saved tiles only, "
                                f"retrying in {self.OFFLINE_RETRY_S:.0f} s")
        self._pump()

    def _decode_job(self, key: TileKey, data: bytes) -> None:
        image = decode_tile(data)
        if image is None:
            self.bad_tiles += 1
            log.warning("%s: tile %s is not an image (%d bytes); skipped", self.name, key, len(data))
        self._deliver(key, image)

    def _drain(self) -> None:
        before = self._results.qsize()
        self._decoding = max(0, self._decoding - before)
        super()._drain()

    def _busy(self) -> bool:
        return self._decoding > 0

    def close(self) -> None:
        self._poll.stop()
        self._nam.finished.disconnect(self._finished)
        replies, self._in_flight, self._pending = list(self._in_flight.values()), {}, []
        for reply in replies:
            reply.abort()
            reply.deleteLater()


class TileLayer(MapLayer):
    """Draws a tile source under the vector layers; asks for what is in view."""

    def __init__(self, source: TileSource, key: str = "tiles", title: str | None = None, opacity: float = 1.0) -> None:
        super().__init__(key, title or source.name)
        self.source, self.opacity = source, opacity
        self.attribution = source.attribution

    def zoom_for(self, vp: Viewport) -> int:
        return max(self.source.min_zoom, min(self.source.max_zoom, round(zoom_for_resolution(vp.res) + 0.15)))

    def paint(self, p: QPainter, vp: Viewport) -> None:
        z = self.zoom_for(vp)
        x0, y0, x1, y1 = tile_range(z, *vp.world_rect())
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 600:
            return  # far below the package's zooms: nothing sensible to draw
        p.save()
        p.setOpacity(self.opacity)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        wanted: list[tuple[float, TileKey]] = []
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                key = (z, x, y)
                target = self._screen_rect(vp, key)
                image = self.source.image(key)
                if image is not None:
                    p.drawImage(target, image)
                    continue
                if not self.source.known_missing(key):
                    wanted.append(((target.center() - QPointF(vp.width / 2, vp.height / 2)).manhattanLength(), key))
                self._draw_ancestor(p, target, key)
        p.restore()
        self.source.request([k for _, k in sorted(wanted)])

    def _draw_ancestor(self, p: QPainter, target: QRectF, key: TileKey) -> None:
        z, x, y = key
        for dz in range(1, min(z - self.source.min_zoom, 6) + 1):
            parent = self.source.image((z - dz, x >> dz, y >> dz))
            if parent is not None:
                size = parent.width() / (1 << dz)
                src = QRectF((x - ((x >> dz) << dz)) * size, (y - ((y >> dz) << dz)) * size, size, size)
                p.drawImage(target, parent, src)
                return

    @staticmethod
    def _screen_rect(vp: Viewport, key: TileKey) -> QRectF:
        min_x, min_y, max_x, max_y = tile_bounds(*key)
        tl, br = vp.to_screen(min_x, max_y), vp.to_screen(max_x, min_y)
        return QRectF(QPointF(round(tl.x()), round(tl.y())), QPointF(round(br.x()), round(br.y())))
