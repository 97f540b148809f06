"""The map canvas: the widget that stacks the layers and draws a frame, the bitmap cache
that makes a pan cost a scroll (frame_cache.py), and what it paints over the layers every
frame (overlays.py: selection, drawing tools, scale bar). Other packages import from here.
"""

from __future__ import annotations

from .canvas import MapCanvas
from .overlays import Tool

__all__ = ["MapCanvas", "Tool"]
