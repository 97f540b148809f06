"""Offline tile archives (MBTiles, PMTiles) as map tile sources.

Jobs on one lane per archive read and decode tiles, newest request first, so a slow
USB stick never stalls the GUI; the reader is anything with ``info``, ``tile(z, x, y)``
and ``close()``, so both formats share the same worker. Opening a reader can be done on
another thread (the basemap loader does) and the open reader handed to ``ArchiveSource``.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QImage

from ops_console.mapping.geo import to_mercator
from ops_console.mapping.mbtiles import MBTilesReader, TileArchiveError
from ops_console.mapping.pmtiles_reader import PMTilesReader
from ops_console.ui.common.jobs import JobLane, start_job

from .tile_source import Bounds, TileKey, TileSource, decode_tile

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


class Wishes:
    """Tiles wanted, newest request first: what is in view now replaces older wishes.

    Shared by the GUI thread (which replaces the wishes) and the reading job (which takes them).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._keys: list[TileKey] = []

    def replace(self, keys: list[TileKey]) -> None:
        with self._lock:
            self._keys = list(reversed(keys))

    def take(self, count: int) -> list[TileKey]:
        with self._lock:
            taken = self._keys[-count:][::-1]
            del self._keys[-count:]
            return taken

    def __bool__(self) -> bool:
        with self._lock:
            return bool(self._keys)


def read_tiles(
    reader: ArchiveReader, name: str, wishes: Wishes, count: int
) -> list[tuple[TileKey, QImage | None]]:
    """Job: the next ``count`` wished tiles, decoded (None: absent; BAD_TILE: not an image;
    READ_FAILED: the file could not be read there now, logged)."""
    tiles: list[tuple[TileKey, QImage | None]] = []
    for key in wishes.take(count):
        try:
            data = reader.tile(*key)
        except (TileArchiveError, OSError) as exc:
            log.warning("%s", exc.english if isinstance(exc, TileArchiveError) else exc)
            tiles.append((key, READ_FAILED))
            continue
        image = decode_tile(data) if data else None
        if data and image is None:
            log.warning("%s: tile %s is not a PNG/JPEG/WebP image; skipped", name, key)
        tiles.append((key, image if image is not None else (BAD_TILE if data else None)))
    return tiles


BAD_TILE = QImage()  # marks a tile that had bytes but no image: counted, then treated as missing
READ_FAILED = QImage()  # marks a tile the file could not give now (a pulled stick): asked again later


def mercator_bounds(bounds: tuple[float, float, float, float]) -> Bounds | None:
    """An archive's (west, south, east, north) degrees in Mercator metres; None for the whole world."""
    west, south, east, north = bounds
    if east - west >= 359.0 and north - south >= 170.0:
        return None
    min_x, min_y = to_mercator(south, west)
    max_x, max_y = to_mercator(north, east)
    return min_x, min_y, max_x, max_y


class ArchiveSource(TileSource):
    """An open tile archive, read and decoded by jobs on its own one-thread lane, newest request first."""

    BATCH = 8  # tiles per job: small enough that a new view's wishes are served soon

    def __init__(self, reader: ArchiveReader, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.reader = reader
        info = reader.info
        super().__init__(info.name, info.min_zoom, info.max_zoom, info.attribution, cache_bytes)
        self.bounds = mercator_bounds(info.bounds)  # what the package says, not the config
        self.read_failures = 0  # tiles the file could not give when asked (asked again later)
        self._wishes = Wishes()
        self._lane = JobLane(f"tiles-{reader.path.name}", parent=self)
        self._reading = False
        self._closed = False

    def _fetch(self, keys: list[TileKey]) -> None:
        self._wishes.replace(keys)
        self._read_more()

    def busy(self) -> bool:
        """Tiles are still being read (tests wait for this to end)."""
        return self._reading or bool(self._wishes)

    def _read_more(self) -> None:
        if self._reading or self._closed or not self._wishes:
            return
        self._reading = True
        start_job(
            self._lane,
            partial(read_tiles, self.reader, self.name, self._wishes, self.BATCH),
            self._tiles_read,
            self._read_failed,
            owner=self,
        )

    def _tiles_read(self, tiles: list[tuple[TileKey, QImage | None]]) -> None:
        self._reading = False
        self.bad_tiles += sum(1 for _, image in tiles if image is BAD_TILE)
        failed = [key for key, image in tiles if image is READ_FAILED]
        for key in failed:
            self._fetch_failed(key)
        self.read_failures += len(failed)
        if failed:
            self._set_state(
                f"{self.name}: tiles cannot be read from {self.reader.path.name} now (see log); "
                f"trying again in {self.RETRY_S:.0f} s"
            )
        elif any(image is not None for _, image in tiles):
            self._set_state("")
        self._arrived(
            [(key, None if image is BAD_TILE else image) for key, image in tiles if image is not READ_FAILED]
        )
        self._read_more()

    def _read_failed(self, exc: Exception) -> None:
        self._reading = False
        log.error("%s: reading tiles failed", self.name, exc_info=exc)

    def close(self) -> None:
        super().close()
        self._closed = True
        self._wishes.replace([])
        self._lane.waitForDone(2000)
        self.reader.close()


class MBTilesSource(ArchiveSource):
    """An MBTiles package (raises MBTilesError with words for a person)."""

    def __init__(self, path: str | Path, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        super().__init__(MBTilesReader(path), cache_bytes)


class PMTilesSource(ArchiveSource):
    """A PMTiles raster archive (raises PMTilesError with words for a person)."""

    def __init__(self, path: str | Path, cache_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        super().__init__(PMTilesReader(path), cache_bytes)
