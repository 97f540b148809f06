"""What every tile source shares: the decoded-tile cache, decoding, and the hand-off to the GUI.

Reading and decoding a tile happens in jobs (ui/common/jobs.py) that touch only bytes and
QImage values; the GUI thread puts what comes back into the cache and draws images that
are ready. Decoded tiles live in a byte-bounded LRU cache, so panning across a city cannot
grow memory without limit.

A tile the source does not have (an HTTP 404, an empty MBTiles row, bytes that are no image)
is *missing*: the layer then asks for its nearest ancestor and scales it. A tile that could
not be fetched (a server down, a pulled USB stick) is only *failed*: it is asked for again
after ``RETRY_S``, by the source's own timer, so a map never stays blank after the source
comes back.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from ops_console.mapping.mbtiles import sniff_format

TileKey = tuple[int, int, int]
Bounds = tuple[float, float, float, float]  # min_x, min_y, max_x, max_y in Mercator metres


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
    """Where tiles come from; ``updated`` fires when new tiles can be drawn (or are known missing)."""

    updated = Signal()
    # the source's state changed: carries a sentence for the map's status badge ("" when fine)
    state_changed = Signal(str)
    RETRY_S = 30.0  # a tile that could not be fetched is asked for again after this long

    def __init__(
        self,
        name: str,
        min_zoom: int,
        max_zoom: int,
        attribution: str = "",
        cache_bytes: int = 96 * 1024 * 1024,
    ) -> None:
        super().__init__()
        self.name, self.min_zoom, self.max_zoom, self.attribution = name, min_zoom, max_zoom, attribution
        # the area the tiles cover, as the package says (None: the world, or unknown); for Show all and the
        # map's note only: tiles outside it are still drawn, since a package's metadata can be wrong
        self.bounds: Bounds | None = None
        self.cache = TileCache(cache_bytes)
        self.bad_tiles = 0  # damaged or wrong-format tiles skipped
        self.retries = 0  # times the retry timer asked again for tiles that had failed
        self.state = ""
        self._missing: set[TileKey] = set()
        self._failed: dict[TileKey, float] = {}  # key -> monotonic time before which it is not asked again
        self._last_keys: list[TileKey] = []  # what the layer asked for last: asked again on a retry
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % early
        self._retry_timer.timeout.connect(self._retry)

    def image(self, key: TileKey) -> QImage | None:
        return self.cache.get(key)

    def known_missing(self, key: TileKey) -> bool:
        return key in self._missing

    def failed_recently(self, key: TileKey) -> bool:
        """The tile could not be fetched and its retry time has not come yet."""
        return self._failed.get(key, 0.0) > time.monotonic()

    def wants(self, key: TileKey) -> bool:
        """Worth asking for: not in memory, not known missing, not waiting for a retry."""
        return key not in self._missing and not self.failed_recently(key) and self.cache.get(key) is None

    def request(self, keys: list[TileKey]) -> None:
        """Ask for ``keys`` (most wanted first); subclasses fetch, then call ``_arrived``/``_fetch_failed``."""
        self._last_keys = list(keys)
        self._fetch([k for k in keys if self.wants(k)])

    def _fetch(self, keys: list[TileKey]) -> None:
        raise NotImplementedError

    def _set_state(self, text: str) -> None:
        if text != self.state:
            self.state = text
            self.state_changed.emit(text)

    def _mark_missing(self, key: TileKey) -> None:
        if len(self._missing) > 50_000:
            self._missing.clear()
        self._missing.add(key)
        self._failed.pop(key, None)

    def _fetch_failed(self, key: TileKey, after_s: float | None = None) -> None:
        """GUI thread: ``key`` could not be fetched now; ask again later (never 'missing')."""
        delay = self.RETRY_S if after_s is None else after_s
        self._failed[key] = time.monotonic() + delay
        self.schedule_retry(delay)

    def schedule_retry(self, after_s: float) -> None:
        """Ask again for the last wanted tiles in ``after_s`` seconds (the earliest of several wins)."""
        ms = max(1, int(after_s * 1000))
        if not self._retry_timer.isActive() or self._retry_timer.remainingTime() > ms:
            self._retry_timer.start(ms)

    def _retry(self) -> None:
        now = time.monotonic()
        self._failed = {k: t for k, t in self._failed.items() if t > now}
        self.retries += 1
        self.request(self._last_keys)
        self.updated.emit()  # the layer repaints and asks for what is in view now
        if self._failed:
            self.schedule_retry(max(0.05, min(self._failed.values()) - now))

    def _arrived(self, tiles: list[tuple[TileKey, QImage | None]]) -> None:
        """GUI thread: decoded tiles into the cache (None: the source has no such tile)."""
        for key, image in tiles:
            if image is None:
                self._mark_missing(key)  # the layer now asks for an ancestor instead
            else:
                self._failed.pop(key, None)
                self.cache.put(key, image)
        if tiles:
            self.updated.emit()

    def close(self) -> None:
        """Stop background work (before the map closes)."""
        self._retry_timer.stop()
