"""Driving the real MapCanvas in frame tests: a drag like a person's, and the full
render a scrolled frame must equal (the map's bitmaps and the basemap's both use them)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.mapping.geo import to_mercator
from ops_console.ui.mapping.canvas import MapCanvas

W, H = 640, 480
CX, CY = to_mercator(CENTRE_LAT, CENTRE_LON)


def full_render(canvas: MapCanvas) -> QImage:
    """The last frame's view drawn from empty caches: what the map must look like."""
    saved = canvas.vp
    canvas.vp = canvas.frame_vp
    canvas.frames.clear()
    image = canvas.grab().toImage()
    canvas.vp = saved
    return image


def drag(qtbot, canvas: MapCanvas, moves: list[tuple[int, int]]) -> list[QImage]:  # type: ignore[no-untyped-def]
    """Drag the map like a person, grabbing the picture after every move (a frame each)."""
    frames = []
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*moves[0]))
    for pos in moves[1:]:
        qtbot.mouseMove(canvas, QPoint(*pos))
        frames.append(canvas.grab().toImage())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*moves[-1]))
    return frames
