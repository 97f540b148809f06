"""Map layers, in one import: the layer protocol, markers and areas.

The code lives by responsibility in layer_base.py (the protocol, hits, labels),
marker_layer.py and marker_dots.py (point layers), and shape_layer.py (areas); this
package keeps the one import path the other map modules and the benchmarks use. The
concrete layers live beside them: basemap (with basemap_geometry, polylines), record_layers,
live_layers, and the symbols they share.
"""

from __future__ import annotations

from .layer_base import Hit, Label, MapLayer, draw_label, place_labels
from .marker_layer import CELL_M, ICON_LIMIT, LABEL_LIMIT, GridIndex, Marker, MarkerLayer
from .shape_layer import SHAPE_DETAIL_LIMIT, Shape, ShapeLayer

__all__ = [
    "CELL_M",
    "ICON_LIMIT",
    "LABEL_LIMIT",
    "SHAPE_DETAIL_LIMIT",
    "GridIndex",
    "Hit",
    "Label",
    "MapLayer",
    "Marker",
    "MarkerLayer",
    "Shape",
    "ShapeLayer",
    "draw_label",
    "place_labels",
]
