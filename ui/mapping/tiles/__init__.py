"""Raster tiles on the map: where tiles come from, and the layer that draws them.

Sources are split by where tiles come from: ``archive_tiles`` (offline MBTiles and
PMTiles files, read by a worker thread), ``online_tiles`` (XYZ servers through a disk
cache, with an offline state) and ``tile_source`` (the cache, decoding and GUI hand-off
they share); ``tile_layer`` draws any of them. Other packages import from here,
``from ops_console.ui.mapping.tiles import …``, not from the modules.
"""

from __future__ import annotations

from .archive_tiles import ArchiveSource, MBTilesSource, PMTilesSource
from .online_tiles import XYZSource
from .tile_layer import TileLayer
from .tile_source import TileCache, TileKey, TileSource, decode_tile

__all__ = [
    "ArchiveSource",
    "MBTilesSource",
    "PMTilesSource",
    "TileCache",
    "TileKey",
    "TileLayer",
    "TileSource",
    "XYZSource",
    "decode_tile",
]
