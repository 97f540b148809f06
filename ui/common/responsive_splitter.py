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

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        objectName: str = "",  # noqa: N803 (Qt keyword)
        stacked_share: float | None = None,
    ) -> None:
        """``stacked_share``: the part of the height the first part takes when stacked
        (None: Qt shares it by the parts' size hints)."""
        super().__init__(Qt.Orientation.Horizontal, parent)
        if objectName:
            self.setObjectName(objectName)
        self._stacked_share = stacked_share
        self._wide_sizes: list[int] = []
        self._wanted: dict[int, int] = {}  # id(part) -> width it needs beside the others

    def want_width(self, part: QWidget, width: int) -> None:
        """Side by side, ``part`` needs ``width`` (more than its minimum, e.g. a table's
        columns a person acts on); stacked, it may still shrink to its minimum."""
        self._wanted[id(part)] = width

    def _parts(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]

    def _width_beside(self, part: QWidget) -> int:
        return max(part.minimumSizeHint().width(), self._wanted.get(id(part), 0))

    def side_by_side_width(self) -> int:
        """The width the parts need next to each other."""
        parts = self._parts()
        return sum(self._width_beside(p) for p in parts) + self.handleWidth() * max(len(parts) - 1, 0)

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
        self._orient(event.size())
        super().resizeEvent(event)

    def relayout(self) -> None:
        """Orient again at the present size: after a part was shown or hidden, which
        changes the width the parts need side by side but resizes nothing."""
        turned = self._orient(self.size())
        stacked = self.orientation() == Qt.Orientation.Vertical
        if not turned and stacked and self._stacked_share is not None:  # a turn shared it already
            self.setSizes(self._stacked_sizes(self.height(), self._stacked_share))

    def _orient(self, size: QSize) -> bool:
        """Side by side or stacked for ``size``; whether the orientation changed."""
        wide = size.width() >= self.side_by_side_width()
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        if wide != horizontal:
            if horizontal:
                self._wide_sizes = self.sizes()
            self.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
            if wide and self._wide_sizes:
                self.setSizes(self._wide_sizes)
            elif not wide and self._stacked_share is not None:
                self.setSizes(self._stacked_sizes(size.height(), self._stacked_share))
            self.updateGeometry()  # the minimum height changed: the scroll area around us must know
        return wide != horizontal

    def _stacked_sizes(self, height: int, share: float) -> list[int]:
        """One above the other: the first part gets ``share`` of the height, the rest the remainder."""
        count = self.count()
        if count < 2:
            return [height]
        rest = int(height * (1 - share)) // (count - 1)
        return [height - rest * (count - 1)] + [rest] * (count - 1)
