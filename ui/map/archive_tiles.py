"""Offline tile archives (MBTiles, PMTiles) as map tile sources.

One worker thread per archive reads and decodes tiles, newest request first, so a slow
USB stick never stalls the GUI; the reader is anything with ``info``, ``tile(z, x, y)``
and ``close()``, so both formats share the same worker. Opening a reader can be done on
another thread (the basemap loader does) and the open reader handed to ``ArchiveSource``.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol

from ops_console.mapping.mbtiles import MBTilesReader, TileArchiveError
from ops_console.mapping.pmtiles_reader import PMTilesReader

from .tile_source import TileKey, TileSource, decode_tile

log = logging.getLogger(__name__)
DEFAULT_CACHE_BYTES = 96 * 1024 * 1024


class ArchiveReader(Protocol):
    """What the worker needs from an open archive (``MBTilesReader``, ``PMTilesReader``)."""

    path: Path

    @property
    def info(self):  # type: ignore[no-untyped-def]  # name, min_zoom, max_zoom, attribution
        ...

    def tile(self, z: int, x: int, y: int) -> bytes | None: ...

    def close(self) -> None: ...


class ArchiveSource(TileSource):
    """An open tile archive, read and decoded by one worker thread, newest request first."""

    def __init__(self, reader: ArchiveReader, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.reader = reader
        info = reader.info
        super().__init__(info.name, info.min_zoom, info.max_zoom, info.attribution, cache_bytes)
        self._wanted: list[TileKey] = []
        self._queued: set[TileKey] = set()
        self._wake = threading.Condition()
        self._stop = False
        self._working = False
        self._thread = threading.Thread(target=self._work, name=f"tiles-{reader.path.name}", daemon=True)
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
            image = self._read(key)
            with self._wake:
                self._deliver(key, image)
                self._working = False

    def _read(self, key: TileKey):  # type: ignore[no-untyped-def]
        """The decoded tile, or None (absent, unreadable or not an image: counted and logged)."""
        try:
            data = self.reader.tile(*key)
        except TileArchiveError as exc:
            self.bad_tiles += 1
            log.warning("%s", exc)
            return None
        image = decode_tile(data) if data else None
        if data and image is None:
            self.bad_tiles += 1
            log.warning("%s: tile %s is not a PNG/JPEG/WebP image; skipped", self.name, key)
        return image

    def close(self) -> None:
        self._poll.stop()
        with self._wake:
            self._stop = True
            self._wake.notify()
        self._thread.join(timeout=2)
        self.reader.close()


class MBTilesSource(ArchiveSource):
    """An MBTiles package (raises MBTilesError with words for a person)."""

    def __init__(self, path: str | Path, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        super().__init__(MBTilesReader(path), cache_bytes)


class PMTilesSource(ArchiveSource):
    """A PMTiles raster archive (raises PMTilesError with words for a person)."""

    def __init__(self, path: str | Path, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        super().__init__(PMTilesReader(path), cache_bytes)
