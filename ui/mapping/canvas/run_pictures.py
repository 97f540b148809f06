"""Drawing a run of cacheable layers into a bitmap, on the GUI thread or off it, and the
scaled stand-in shown while a new zoom level of a slow run is drawn off the GUI thread.

A bitmap is the view plus an unpainted margin of ``EDGE_PX`` round it (frame_cache.py says
why). The same ``draw_areas`` fills a QPixmap on the GUI thread (full renders, the strips a
pan uncovers) and a QImage on a worker (``render_run``): both are raster images of the
same format drawn by the same engine, so the picture a worker hands back is, pixel for
pixel, the one the GUI thread would have drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPaintDevice, QPainter, QPixmap

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


def render_run(run: Run, vp: Viewport, dpr: float) -> QImage:
    """Worker side: the run's whole bitmap for ``vp``. Only for runs whose layers say
    ``draws_off_thread`` (their ``draw`` reads nothing that the GUI thread changes)."""
    size = size_for(vp, dpr)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(dpr)
    draw_areas(image, run, vp, [QRectF(0, 0, vp.width, vp.height)])
    return image


def draw_scaled(p: QPainter, pixmap: QPixmap, drawn_for: Viewport, vp: Viewport) -> None:
    """The bitmap drawn for another zoom level, scaled and moved to where its world is in
    ``vp``: what the run showed a moment ago, until its picture for ``vp`` is ready."""
    dpr = pixmap.devicePixelRatio()
    e = edge(dpr) / dpr
    left = drawn_for.cx - (drawn_for.width / 2 + e) * drawn_for.res
    top = drawn_for.cy + (drawn_for.height / 2 + e) * drawn_for.res
    corner = vp.to_screen(left, top)
    k = drawn_for.res / vp.res
    target = QRectF(corner.x(), corner.y(), pixmap.width() / dpr * k, pixmap.height() / dpr * k)
    p.save()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # a stand-in for a few frames
    p.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
    p.restore()
