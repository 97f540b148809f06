"""What every tile source shares: the decoded-tile cache, decoding, and the hand-off to the GUI.

Reading and decoding a tile happens in jobs (ui/common/jobs.py) that touch only bytes and
QImage values; the GUI thread puts what comes back into the cache and draws images that
are ready. Decoded tiles live in a byte-bounded LRU cache, so panning across a city cannot
grow memory without limit.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ops_console.mapping.mbtiles import sniff_format

TileKey = tuple[int, int, int]


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
        self.cache = TileCache(cache_bytes)
        self.bad_tiles = 0  # damaged or wrong-format tiles skipped
        self.state = ""
        self._missing: set[TileKey] = set()

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

    def _arrived(self, tiles: list[tuple[TileKey, QImage | None]]) -> None:
        """GUI thread: decoded tiles into the cache (None: the source has no such tile)."""
        added = False
        for key, image in tiles:
            if image is None:
                if len(self._missing) > 50_000:
                    self._missing.clear()
                self._missing.add(key)
            else:
                self.cache.put(key, image)
                added = True
        if added:
            self.updated.emit()

    def close(self) -> None:
        """Stop background work (before the map closes)."""
