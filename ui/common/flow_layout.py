"""A row of buttons that wraps onto a second line instead of running off the panel.

A toolbar of eleven buttons is 1,250 px wide: on a 1280x720 laptop, where a dock gets
about 620 px, a plain QHBoxLayout pushes its right half out of sight. This layout (after
Qt's Flow Layout example) places items left to right and starts a new line when the next
one would not fit, so every button stays whole and in view. A stretch item (``addStretch``)
pushes what follows to the right end of its line, as in a QHBoxLayout.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Left-to-right rows that wrap; its height follows its width (heightForWidth)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # --- QLayout ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt name)
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def addStretch(self, _stretch: int = 1) -> None:  # noqa: N802 (the QBoxLayout name, on purpose)
        """What follows goes to the right end of its line."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt name)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt name)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Everything on one line."""
        width = sum(self._hint(i).width() for i in self._shown()) + self._spacing * max(
            len(self._shown()) - 1, 0
        )
        height = max((self._hint(i).height() for i in self._shown()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt name)
        """As wide as the widest item: every item whole, one per line at worst."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- placing ---------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    @staticmethod
    def _hint(item: QLayoutItem) -> QSize:
        return QSize(0, 0) if item.spacerItem() is not None else item.sizeHint()

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            w = self._hint(item).width()
            if lines[-1] and used + self._spacing + w > width and item.spacerItem() is None:
                lines.append([])
                used = 0
            used += (self._spacing if lines[-1] else 0) + w
            lines[-1].append(item)
        return [line for line in lines if any(i.spacerItem() is None for i in line)]

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            height = max(self._hint(i).height() for i in line)
            widths = [self._hint(i).width() for i in line]
            spare = area.width() - sum(widths) - self._spacing * (len(line) - 1)
            stretches = sum(1 for i in line if i.spacerItem() is not None)
            x = area.x()
            for item, w in zip(line, widths):
                if item.spacerItem() is not None:
                    w = max(spare, 0) // max(stretches, 1)
                elif move:
                    top = y + (height - self._hint(item).height()) // 2
                    item.setGeometry(
                        QRect(QPoint(x, top), QSize(min(w, area.width()), self._hint(item).height()))
                    )
                x += w + self._spacing
            y += height + self._spacing
        return y - area.y() - (self._spacing if y > area.y() else 0) + m.top() + m.bottom()
