"""A splitter that puts its two parts side by side when there is room, one above the
other when there is not.

The radio panel shows the comms log beside the nodes list: 940 px at least. In a dock
of a 1280x720 screen it gets about 610 px, so side by side the right half (and the
buttons in it) ran off the panel. Stacked, every part keeps its full width and the panel
scrolls vertically instead. The splitter never asks for more width than its widest part,
so the panel around it is never pushed wider than the dock.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class ResponsiveSplitter(QSplitter):
    """Horizontal when its width holds every part's minimum side by side, else vertical."""

    def __init__(self, parent: QWidget | None = None, *, objectName: str = "") -> None:  # noqa: N803 (Qt keyword)
        super().__init__(Qt.Orientation.Horizontal, parent)
        if objectName:
            self.setObjectName(objectName)
        self._wide_sizes: list[int] = []

    def _parts(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]

    def side_by_side_width(self) -> int:
        """The width the parts need next to each other."""
        parts = self._parts()
        return sum(p.minimumSizeHint().width() for p in parts) + self.handleWidth() * max(len(parts) - 1, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        parts = self._parts()
        width = max((p.minimumSizeHint().width() for p in parts), default=0)
        if self.orientation() == Qt.Orientation.Horizontal:
            height = max((p.minimumSizeHint().height() for p in parts), default=0)
        else:
            height = sum(p.minimumSizeHint().height() for p in parts) + self.handleWidth() * max(
                len(parts) - 1, 0
            )
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        wide = event.size().width() >= self.side_by_side_width()
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        if wide != horizontal:
            if horizontal:
                self._wide_sizes = self.sizes()
            self.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
            if wide and self._wide_sizes:
                self.setSizes(self._wide_sizes)
            self.updateGeometry()  # the minimum height changed: the scroll area around us must know
        super().resizeEvent(event)
