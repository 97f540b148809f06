"""What every map layer shares: the layer protocol, hits, and collision-free labels.

A layer either paints itself whole each frame (``paint``: tiles, which arrive
asynchronously), or is *cacheable*: it draws its geometry through ``draw`` and hands its
labels back from ``labels_for``. A cacheable layer's picture depends only on its data and
the view, and every data change goes through ``changed()`` (which bumps ``version``), so
the canvas may keep it as a bitmap and scroll that bitmap while the view pans (see
canvas/frame_cache.py). Labels stay out of the bitmap: they are placed afresh each frame, over
all layers. A cacheable layer whose text must stay *under* the layers above it (the
basemap's street names, turned along their streets) sets ``has_overlay`` and draws that
text in ``overlay``, also fresh each frame, right over its own bitmap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from ..viewport import Viewport

EDGE_PX = 64  # the unpainted margin round each cached bitmap (logical pixels; see canvas/frame_cache.py)


@dataclass(frozen=True)
class Hit:
    """An object under the cursor: which layer kind, its id, and words for a details card."""

    kind: str
    id: int
    label: str
    detail: str
    x: float
    y: float


def draw_label(p: QPainter, x: float, y: float, text: str, colour: str = "#1d2733") -> None:
    """Text with a white halo, readable over any basemap."""
    p.setPen(QColor(255, 255, 255, 230))
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1)):
        p.drawText(QPointF(x + dx, y + dy), text)
    p.setPen(QColor(colour))
    p.drawText(QPointF(x, y), text)


@dataclass(order=True)
class Label:
    """A label waiting for placement: lower ``priority`` is placed first and wins overlaps."""

    priority: int
    x: float = field(compare=False)
    y: float = field(compare=False)
    text: str = field(compare=False)
    colour: str = field(compare=False, default="#1d2733")
    font: QFont | None = field(compare=False, default=None)
    centred: bool = field(compare=False, default=False)  # x is the middle of the text, not its start


def place_labels(p: QPainter, labels: list[Label], keep_clear: list[QRectF] | None = None) -> int:
    """Draw labels best first, skipping any that would overlap one already drawn or a
    symbol that must stay in sight (``keep_clear``: e.g. serious and critical incidents)."""
    taken: list[QRectF] = list(keep_clear or [])
    drawn = 0
    for label in sorted(labels):
        if label.font is not None:
            p.setFont(label.font)
        m = p.fontMetrics()
        width = m.horizontalAdvance(label.text)
        x = label.x - width / 2 if label.centred else label.x
        rect = QRectF(x - 2, label.y - m.ascent() - 1, width + 4, m.height() + 2)
        if any(rect.intersects(t) for t in taken):
            continue
        taken.append(rect)
        draw_label(p, x, label.y, label.text, label.colour)
        drawn += 1
    return drawn


class MapLayer:
    """Base of every layer: a key, a title for the legend, visibility and a change callback."""

    kind = ""  # the record kind for object_activated ("incident", "task", …); "" = not clickable
    label_priority = 5
    cacheable = False  # True: implements draw() and labels_for(); see the module docstring
    has_overlay = False  # cacheable layers: True when overlay() draws something (ends the layer's bitmap)
    # True when paint() blits pictures drawn for the view's pixel lattice (the tiled basemap): the
    # canvas then snaps the view onto it even with no cached layer in view (canvas/frame_cache.py)
    needs_lattice = False

    def __init__(self, key: str, title: str, visible: bool = True) -> None:
        self.key, self.title, self.visible = key, title, visible
        self.on_change: Callable[[], None] | None = None
        self.labels: list[Label] | None = None  # set by the canvas for one frame (layers that paint whole)
        self.version = 0  # bumped by every data change: a cached bitmap of an older version is stale

    def label(self, p: QPainter, x: float, y: float, text: str, colour: str, font: QFont) -> None:
        """Queue a label for collision-free placement (or draw it at once outside a canvas frame)."""
        if self.labels is None:
            p.setFont(font)
            draw_label(p, x, y, text, colour)
        else:
            self.labels.append(Label(self.label_priority, x, y, text, colour, font))

    def settling(self) -> bool:
        """Whether part of this layer's picture is still being drawn off the GUI thread."""
        return False

    def changed(self) -> None:
        self.version += 1
        if self.on_change is not None:
            self.on_change()

    def paint(self, p: QPainter, vp: Viewport) -> None:
        """The whole layer for one frame; a cacheable layer draws its geometry, overlay, then labels."""
        if not self.cacheable:
            raise NotImplementedError
        self.draw(p, vp, QRectF(0, 0, vp.width, vp.height))
        self.overlay(p, vp)
        labels = self.labels_for(vp)
        if self.labels is not None:
            self.labels.extend(labels)
        else:
            place_labels(p, labels)

    def draw(self, p: QPainter, vp: Viewport, area: QRectF) -> None:
        """Cacheable layers: the geometry touching ``area`` (screen pixels of ``vp``; the painter
        is clipped to it, and may be offset into a bitmap, so a transform must be combined
        with the painter's, never replace it). Level-of-detail choices must depend on ``vp``
        alone, never on ``area``, so that strips drawn in separate frames join into the
        picture a full render would give."""
        raise NotImplementedError

    def labels_for(self, vp: Viewport) -> list[Label]:
        """Cacheable layers: the labels this view shows (placed by the canvas every frame)."""
        return []

    def keep_clear(self, vp: Viewport) -> list[QRectF]:
        """Screen boxes no label may cover (symbols a person must see at once)."""
        return []

    def overlay(self, p: QPainter, vp: Viewport) -> None:
        """Cacheable layers with ``has_overlay``: what is drawn each frame straight over this layer's
        geometry and under the layers above it (text that is not a placed label). The painter
        has the canvas's own transform; restore any state changed."""

    def hit(self, vp: Viewport, pos: QPointF) -> Hit | None:
        return None

    def bounds(self) -> tuple[float, float, float, float] | None:
        return None

    def note(self, vp: Viewport) -> str:
        """Words the map shows while this layer has nothing to draw in ``vp`` that it would
        have elsewhere (a basemap out of its area or its zoom levels); '' when all is well."""
        return ""

    def legend(self) -> list[tuple[QPixmap, str]]:
        return []

    def search(self, text: str) -> list[Hit]:
        return []

    def count(self) -> int:
        return 0
