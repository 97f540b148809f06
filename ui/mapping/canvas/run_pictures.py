"""Drawing a run of cacheable layers into a bitmap, on the GUI thread or off it.

A bitmap is the view plus an unpainted margin of ``EDGE_PX`` round it (frame_cache.py says
why). The same ``draw_areas`` fills a QPixmap on the GUI thread (full renders, the strips a
pan uncovers) and a QImage on a worker (the basemap's tiles, layers/basemap_tiles.py): both
are raster images of the same format drawn by the same engine.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPaintDevice, QPainter

from ..layers.layer_base import EDGE_PX, MapLayer
from ..viewport import Viewport

Run = tuple[MapLayer, ...]


def edge(dpr: float) -> int:
    """The margin in whole device pixels (so the view starts on a pixel at any scale)."""
    return round(EDGE_PX * dpr)


def size_for(vp: Viewport, dpr: float) -> QSize:
    return QSize(round(vp.width * dpr) + 2 * edge(dpr), round(vp.height * dpr) + 2 * edge(dpr))


def draw_areas(device: QPaintDevice, run: Run, vp: Viewport, areas: list[QRectF]) -> None:
    """Clear each area and draw the run's layers into it, in view coordinates.

    The clip masks pixels only: Qt still steps lines from the bitmap's own edges, which
    are the same (the view plus EDGE_PX) in every frame."""
    p = QPainter(device)
    dpr = device.devicePixelRatio()
    p.translate(edge(dpr) / dpr, edge(dpr) / dpr)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for area in areas:
        p.save()
        p.setClipRect(area)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.fillRect(area, Qt.GlobalColor.transparent)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for layer in run:
            layer.draw(p, vp, area)
        p.restore()
    p.end()
