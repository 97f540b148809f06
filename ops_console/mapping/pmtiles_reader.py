"""Read-only access to PMTiles (version 3) raster archives: one file, no database.

A PMTiles file is a 127-byte header, a gzip'd root directory, JSON metadata, leaf
directories and the tile data, each found by an offset in the header; tiles are keyed by
their position on a Hilbert curve. The ``pmtiles`` package parses the header and the
directories; this module adds what a post needs on top of it. Archives come from USB
sticks and half-finished downloads, so opening checks that every section the header names
is really in the file and says in words what is wrong (``pmtiles.reader.Reader`` would
fail deep inside with an IndexError). Vector archives are refused by name: the map only
draws raster images. Leaf directories are cached, so drawing a screen of tiles does not
inflate the same directory twenty times. The file is read with plain reads, not the
package's ``MmapSource``: a memory-mapped file that shrinks or whose USB stick is pulled
kills the process with SIGBUS, where a read only raises an error we can put into words.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pmtiles.tile import (
    Compression,
    Entry,
    MagicNumberNotFound,
    SpecVersionUnsupported,
    TileType,
    deserialize_directory,
    deserialize_header,
    find_tile,
    zxy_to_tileid,
)

from ops_console.said import N_, said

from .mbtiles import TileArchiveError

log = logging.getLogger(__name__)

HEADER_BYTES = 127
MAX_DEPTH = 4  # the root and up to three levels of leaf directories, as the spec allows
LEAF_CACHE = 64
RASTER_TYPES = {TileType.PNG: "png", TileType.JPEG: "jpg", TileType.WEBP: "webp"}
# byte offsets of the fields checked before the header is handed to the pmtiles package
_INTERNAL_COMPRESSION, _TILE_COMPRESSION, _TILE_TYPE = 97, 98, 99
ROOT = N_("the root directory")
_DAMAGE = (OSError, EOFError, zlib.error, ValueError, IndexError)  # what a damaged directory raises


class PMTilesError(TileArchiveError):
    """The file cannot be used as a PMTiles archive."""


@dataclass(frozen=True)
class PMTilesInfo:
    """What the header and metadata say (same fields as ``MBTilesInfo``, plus the compression)."""

    name: str
    format: str  # png, jpg or webp
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float]  # west, south, east, north in degrees
    center: tuple[float, float, int] | None  # lon, lat, zoom
    attribution: str
    tile_compression: str  # "none" or "gzip"


class PMTilesReader:
    """One open PMTiles file; thread-safe (reads and the leaf cache sit behind a lock)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise PMTilesError(said(N_("The tile archive {path} does not exist."), path=str(self.path)))
        self._lock = threading.Lock()
        self._leaves: OrderedDict[tuple[int, int], list[Entry]] = OrderedDict()
        self._file: BinaryIO | None = None
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    # opening -------------------------------------------------------------------------------
    def _open(self) -> None:
        try:
            self._file = open(self.path, "rb")  # noqa: SIM115 - closed in close()
            self.size = self.path.stat().st_size
            if self.size < HEADER_BYTES:
                raise PMTilesError(
                    said(
                        N_(
                            "{name} is only {size} bytes: too short for a PMTiles archive (an unfinished copy?)."
                        ),
                        name=self.path.name,
                        size=self.size,
                    )
                )
        except OSError as exc:
            raise _unreadable(self.path, exc) from exc
        self.header = self._read_header(self._bytes(0, HEADER_BYTES))
        self._check_sections()
        h = self.header
        self._root = self._directory(h["root_offset"], h["root_length"], ROOT)
        self.info = self._read_info()

    def _read_header(self, raw: bytes) -> dict:
        name = self.path.name
        if raw.startswith(b"SQLite format 3"):
            raise PMTilesError(
                said(
                    N_(
                        '{name} is an SQLite file, not a PMTiles archive: is it an MBTiles package (kind = "mbtiles")?'
                    ),
                    name=name,
                )
            )
        try:
            tile_type = TileType(raw[_TILE_TYPE])
        except ValueError:
            tile_type = None
        if raw.startswith(b"PMTiles") and raw[7] == 3:
            self._refuse_unusable(tile_type, raw)
        try:
            return dict(deserialize_header(raw))
        except MagicNumberNotFound:
            raise PMTilesError(
                said(N_("{name} is not a PMTiles archive (it does not start with 'PMTiles')."), name=name)
            ) from None
        except SpecVersionUnsupported:
            raise PMTilesError(
                said(
                    N_(
                        "{name} is a version {version} PMTiles archive; only version 3 can be read "
                        "(convert it with 'pmtiles convert')."
                    ),
                    name=name,
                    version=raw[7],
                )
            ) from None
        except ValueError as exc:
            raise PMTilesError(
                said(N_("{name}: the PMTiles header is damaged ({why})."), name=name, why=str(exc))
            ) from exc

    def _refuse_unusable(self, tile_type: TileType | None, raw: bytes) -> None:
        """Words for archives that are sound but cannot be drawn here."""
        name = self.path.name
        if tile_type in (TileType.MVT, TileType.MLT):
            raise PMTilesError(
                said(
                    N_(
                        "{name} holds vector tiles ({type}); only PNG, JPEG and WebP raster "
                        "archives can be shown (vector maps are not supported)."
                    ),
                    name=name,
                    type=tile_type.name,
                )
            )
        if tile_type not in RASTER_TYPES:
            what = tile_type.name if tile_type is not None else said(N_("code {code}"), code=raw[_TILE_TYPE])
            raise PMTilesError(
                said(
                    N_(
                        "{name} holds tiles of an unknown or unsupported type ({type}); only PNG, JPEG "
                        "and WebP raster archives can be shown."
                    ),
                    name=name,
                    type=what,
                )
            )
        if raw[_INTERNAL_COMPRESSION] != Compression.GZIP.value:
            raise PMTilesError(
                said(
                    N_(
                        "{name}: its directories are not gzip-compressed ({compression}); only gzip archives can be read."
                    ),
                    name=name,
                    compression=_compression(raw[97]),
                )
            )
        if raw[_TILE_COMPRESSION] not in (
            Compression.NONE.value,
            Compression.UNKNOWN.value,
            Compression.GZIP.value,
        ):
            raise PMTilesError(
                said(
                    N_(
                        "{name}: its tiles are compressed with {compression}; only uncompressed or gzip tiles can be read."
                    ),
                    name=name,
                    compression=_compression(raw[98]),
                )
            )

    def _check_sections(self) -> None:
        """Every section the header names must lie inside the file (a truncated copy does not)."""
        h = self.header
        if h["root_length"] == 0:
            raise PMTilesError(
                said(N_("{name} has no tile directory: it is empty or damaged."), name=self.path.name)
            )
        for what, offset, length in (
            (N_("root directory"), h["root_offset"], h["root_length"]),
            (N_("metadata"), h["metadata_offset"], h["metadata_length"]),
            (N_("leaf directories"), h["leaf_directory_offset"], h["leaf_directory_length"]),
            (N_("tile data"), h["tile_data_offset"], h["tile_data_length"]),
        ):
            if offset + length > self.size:
                raise PMTilesError(
                    said(
                        N_(
                            "{name} ends early: its {part} should reach byte {end} "
                            "but the file has {size} bytes (an unfinished download or copy?)."
                        ),
                        name=self.path.name,
                        part=said(what),
                        end=offset + length,
                        size=self.size,
                    )
                )

    def _read_info(self) -> PMTilesInfo:
        h, meta = self.header, self._metadata()
        west, south, east, north = (
            h[k] / 1e7 for k in ("min_lon_e7", "min_lat_e7", "max_lon_e7", "max_lat_e7")
        )
        bounds = (
            (west, south, east, north)
            if west < east and south < north
            else (-180.0, -85.0511, 180.0, 85.0511)
        )
        center = (h["center_lon_e7"] / 1e7, h["center_lat_e7"] / 1e7, int(h["center_zoom"]))
        name, attribution = meta.get("name"), meta.get("attribution")
        return PMTilesInfo(
            name if isinstance(name, str) and name else self.path.stem,
            RASTER_TYPES[h["tile_type"]],
            min(h["min_zoom"], h["max_zoom"]),
            max(h["min_zoom"], h["max_zoom"]),
            bounds,
            center,
            attribution if isinstance(attribution, str) else "",
            "gzip" if h["tile_compression"] == Compression.GZIP else "none",
        )

    def _metadata(self) -> dict:
        """The JSON metadata; a damaged block only costs the name and attribution, not the map."""
        h = self.header
        if h["metadata_length"] == 0:
            return {}
        try:
            data = json.loads(gzip.decompress(self._bytes(h["metadata_offset"], h["metadata_length"])))
        except (*_DAMAGE, json.JSONDecodeError) as exc:
            log.warning("%s: metadata unreadable (%s); using defaults", self.path.name, exc)
            return {}
        return data if isinstance(data, dict) else {}

    # reading -------------------------------------------------------------------------------
    def _bytes(self, offset: int, length: int) -> bytes:
        with self._lock:
            if self._file is None:
                raise PMTilesError(said(N_("{name} is closed."), name=self.path.name))
            try:
                self._file.seek(offset)
                data = self._file.read(length)
            except OSError as exc:  # the stick was pulled, the share went away
                raise _unreadable(self.path, exc) from exc
        if len(data) != length:
            raise PMTilesError(
                said(
                    N_("{name} ends early at byte {size} (an unfinished copy?)."),
                    name=self.path.name,
                    size=self.size,
                )
            )
        return data

    def _directory(self, offset: int, length: int, what: str) -> list[Entry]:
        try:
            entries = deserialize_directory(self._bytes(offset, length))
        except _DAMAGE as exc:
            raise PMTilesError(
                said(
                    N_("{name}: {part} is damaged ({why})."),
                    name=self.path.name,
                    part=said(what),
                    why=str(exc) or type(exc).__name__,
                )
            ) from exc
        if not entries and what == ROOT:
            raise PMTilesError(said(N_("{name} contains no tiles."), name=self.path.name))
        return entries

    def _leaf(self, offset: int, length: int) -> list[Entry]:
        key = (offset, length)
        with self._lock:
            if key in self._leaves:
                self._leaves.move_to_end(key)
                return self._leaves[key]
        entries = self._directory(
            self.header["leaf_directory_offset"] + offset, length, N_("a leaf directory")
        )
        with self._lock:
            self._leaves[key] = entries
            while len(self._leaves) > LEAF_CACHE:
                self._leaves.popitem(last=False)
        return entries

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The bytes of XYZ tile (z, x, y), None where the archive has none.

        Raises PMTilesError when the file is damaged at this tile (a truncated copy).
        """
        if not self.info.min_zoom <= z <= self.info.max_zoom:
            return None
        try:
            tile_id = zxy_to_tileid(z, x, y)
        except (ValueError, OverflowError):
            return None
        entries = self._root
        for _ in range(MAX_DEPTH):
            entry = find_tile(entries, tile_id)
            if entry is None:
                return None
            if entry.run_length > 0:
                return self._tile_data(entry, (z, x, y))
            entries = self._leaf(entry.offset, entry.length)
        return None

    def _tile_data(self, entry: Entry, key: tuple[int, int, int]) -> bytes:
        start = self.header["tile_data_offset"] + entry.offset
        if start + entry.length > self.size:
            raise PMTilesError(
                said(
                    N_("{name}: tile {tile} lies past the end of the file (an unfinished copy?)."),
                    name=self.path.name,
                    tile="/".join(map(str, key)),
                )
            )
        data = self._bytes(start, entry.length)
        if self.info.tile_compression != "gzip":
            return data
        try:
            return gzip.decompress(data)
        except _DAMAGE as exc:
            raise PMTilesError(
                said(
                    N_("{name}: tile {tile} is damaged ({why})."),
                    name=self.path.name,
                    tile="/".join(map(str, key)),
                    why=str(exc),
                )
            ) from exc

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def _compression(code: int) -> str:
    try:
        return Compression(code).name.lower()
    except ValueError:
        return said(N_("unknown code {code}"), code=code)


def _unreadable(path: Path, exc: OSError) -> PMTilesError:
    return PMTilesError(
        said(N_("{name} cannot be read ({why})."), name=path.name, why=exc.strerror or str(exc))
    )
