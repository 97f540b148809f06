"""Read-only access to MBTiles raster files (the SQLite tile packages posts are given).

An MBTiles file is a SQLite database with a ``metadata`` table (name/value) and a
``tiles`` table whose rows count from the *south* (TMS), so every lookup flips the row:
``tms_y = 2^z - 1 - y``. Files come from USB sticks and half-finished downloads, so
opening checks the file is really a tile package and says in words what is wrong;
a single bad tile is counted and skipped by the caller instead of stopping the map.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from ops_console.errors import OpsError
from ops_console.said import N_, said

log = logging.getLogger(__name__)

RASTER_FORMATS = ("png", "jpg", "jpeg", "webp")


class TileArchiveError(OpsError):
    """An offline tile file (MBTiles, PMTiles) cannot be used; the message says why, for a person.

    One base so the map's tile worker and basemap loader handle every archive format alike.
    """


class MBTilesError(TileArchiveError):
    """The file cannot be used as an MBTiles package."""


@dataclass(frozen=True)
class MBTilesInfo:
    """What the metadata says, with defaults where the file is silent."""

    name: str
    format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float]  # west, south, east, north in degrees
    center: tuple[float, float, int] | None  # lon, lat, zoom
    attribution: str


def sniff_format(data: bytes) -> str | None:
    """The image format of a tile from its first bytes (metadata can lie)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:2] == b"\x1f\x8b":
        return "pbf"  # gzipped vector tile: not drawable here
    return None


def _floats(text: str, count: int) -> tuple[float, ...] | None:
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError:
        return None
    return values if len(values) == count else None


def _tile_corner(z: int, x: int, y: int) -> tuple[float, float]:
    """(lon, lat) of the north-west corner of XYZ tile (z, x, y)."""
    n = 1 << z
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))
    return x / n * 360.0 - 180.0, lat


class MBTilesReader:
    """One open MBTiles file; thread-safe (one connection behind a lock, opened read-only)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MBTilesError(said(N_("The tile package {path} does not exist."), path=str(self.path)))
        try:
            with self.path.open("rb") as file:
                head = file.read(16)
        except OSError as exc:
            raise MBTilesError(
                said(N_("{name} cannot be read ({why})."), name=self.path.name, why=exc.strerror or str(exc))
            ) from exc
        if (
            head and head != b"SQLite format 3\x00"
        ):  # sqlite's own words ("file is not a database") are English
            raise MBTilesError(
                said(
                    N_(
                        "{name} is not a readable tile package: an MBTiles file is an SQLite database "
                        "and this one is not (another kind of file, or a damaged copy?)."
                    ),
                    name=self.path.name,
                )
            )
        try:
            self._conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            tables = {
                r[0]
                for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")
            }
        except sqlite3.DatabaseError as exc:
            raise MBTilesError(
                said(N_("{name} is not a readable tile package ({why})."), name=self.path.name, why=str(exc))
            ) from exc
        if "tiles" not in tables:
            self._conn.close()
            raise MBTilesError(
                said(N_("{name} has no 'tiles' table: it is not an MBTiles file."), name=self.path.name)
            )
        self._lock = threading.Lock()
        self.info = self._read_info("metadata" in tables)

    def _read_info(self, has_metadata: bool) -> MBTilesInfo:
        meta: dict[str, str] = {}
        if has_metadata:
            try:
                meta = {str(k): str(v) for k, v in self._conn.execute("SELECT name, value FROM metadata")}
            except sqlite3.DatabaseError as exc:
                log.warning("%s: metadata unreadable (%s); using defaults", self.path.name, exc)
        else:
            log.warning("%s: no metadata table; guessing zooms and format from the tiles", self.path.name)
        fmt = meta.get("format", "").lower().strip() or self._guess_format()
        if fmt not in RASTER_FORMATS:
            words = (
                N_(
                    "{name} holds '{format}' tiles; only PNG, JPEG and "
                    "WebP raster tiles can be shown (vector .pbf packages are not supported)."
                )
                if fmt
                else N_(
                    "{name} holds tiles of an unknown format; only PNG, JPEG and "
                    "WebP raster tiles can be shown (vector .pbf packages are not supported)."
                )
            )
            raise MBTilesError(said(words, name=self.path.name, format=fmt))
        zooms = self._zoom_range()
        try:
            min_zoom = int(meta.get("minzoom", zooms[0]))
            max_zoom = int(meta.get("maxzoom", zooms[1]))
        except ValueError:
            min_zoom, max_zoom = zooms
        bounds = _floats(meta.get("bounds", ""), 4) or self._tile_bounds(zooms[0])
        center = _floats(meta.get("center", ""), 3)
        return MBTilesInfo(
            meta.get("name", self.path.stem),
            "jpg" if fmt == "jpeg" else fmt,
            min_zoom,
            max_zoom,
            bounds,  # type: ignore[arg-type]
            (center[0], center[1], int(center[2])) if center else None,
            meta.get("attribution", ""),
        )

    def _zoom_range(self) -> tuple[int, int]:
        try:
            row = self._conn.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from exc
        if row is None or row[0] is None:
            raise MBTilesError(said(N_("{name} contains no tiles."), name=self.path.name))
        return int(row[0]), int(row[1])

    def _tile_bounds(self, z: int) -> tuple[float, float, float, float]:
        """(west, south, east, north) of the tiles at zoom ``z``, for a package that does not say
        (GDAL can write none): few tiles at the top level, so the index answers at once."""
        world = (-180.0, -85.0511, 180.0, 85.0511)
        try:
            row = self._conn.execute(
                "SELECT MIN(tile_column), MAX(tile_column), MIN(tile_row), MAX(tile_row) "
                "FROM tiles WHERE zoom_level=?",
                (z,),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            log.warning("%s: tile extent unreadable (%s); assuming the world", self.path.name, exc)
            return world
        if row is None or row[0] is None:
            return world
        n = 1 << z
        x0, x1, row0, row1 = (int(v) for v in row)
        west, north = _tile_corner(z, x0, n - 1 - row1)  # TMS rows count from the south
        east, south = _tile_corner(z, x1 + 1, n - row0)
        return west, south, east, north

    def _guess_format(self) -> str:
        try:
            row = self._conn.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from exc
        return (sniff_format(bytes(row[0])) or "") if row and row[0] is not None else ""

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The bytes of XYZ tile (z, x, y), None where the package has none.

        Raises MBTilesError when the file is damaged at this tile (a truncated copy).
        """
        tms_y = (1 << z) - 1 - y
        try:
            with self._lock:
                row = self._conn.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                    (z, x, tms_y),
                ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise MBTilesError(
                said(
                    N_("{name}: tile {tile} cannot be read ({why})."),
                    name=self.path.name,
                    tile=f"{z}/{x}/{y}",
                    why=str(exc),
                )
            ) from exc
        return bytes(row[0]) if row and row[0] is not None else None

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _damaged(path: Path, exc: Exception) -> MBTilesError:
    return MBTilesError(said(N_("{name}: the tiles table is damaged ({why})."), name=path.name, why=str(exc)))
