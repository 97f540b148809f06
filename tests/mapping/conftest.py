"""Fixtures for the map's tests: the demo post with its map records, themed widgets,
settings in a temporary file, and small helpers that make tiles independently of the
code under test (plain sqlite3 and QImage)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings
from PySide6.QtGui import QColor, QImage

from ops_console.demo import build_demo_post
from ops_console.mapping.demo import build_demo_map


@pytest.fixture
def map_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "map.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_post(post):
    """The test post filled like ``--demo``: roster, incidents, tasks, risk points, shelters, zones."""
    build_demo_post(post)
    build_demo_map(post)
    return post


def _png_tile(colour: str, size: int = 256) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _write_mbtiles(
    path: Path, tiles: dict[tuple[int, int, int], bytes], metadata: dict[str, str] | None
) -> Path:
    """``tiles`` keyed by XYZ (z, x, y); stored with TMS rows as the MBTiles spec says."""
    conn = sqlite3.connect(path)
    if metadata is not None:
        conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", list(metadata.items()))
    conn.execute(
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
    )
    conn.executemany(
        "INSERT INTO tiles VALUES (?, ?, ?, ?)",
        [(z, x, (1 << z) - 1 - y, data) for (z, x, y), data in tiles.items()],
    )
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def png_tile():
    """Makes a one-colour PNG tile with QImage (conftest modules are not importable by name)."""
    return _png_tile


@pytest.fixture
def write_mbtiles():
    """Writes an MBTiles file with plain sqlite3, independent of the map's reader."""
    return _write_mbtiles
