"""One kanban column: a header with counts over a list view that takes card drops.

The view only decodes a drop and says which task landed here; saving the move (with
its version check and conflict handling) stays in the panel, in one place for drag
and keyboard alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ops_console.domain import TaskStatus
from ops_console.ui.common.formatting import number
from ops_console.ui.common.theme import ink
from ops_console.ui.tasks.delegate import TaskCardDelegate, minimum_card_width
from ops_console.ui.tasks.model import TaskColumnModel, decode_drag

LAYOUT_BATCH = 50  # cards laid out per turn of the event loop


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("TaskBoard", text, None, n)


def status_label(status: TaskStatus) -> str:
    """The translated column title of a status."""
    return {
        TaskStatus.NEW: tr("New"),
        TaskStatus.ASSIGNED: tr("Assigned"),
        TaskStatus.IN_PROGRESS: tr("In progress"),
        TaskStatus.DONE: tr("Done"),
        TaskStatus.CANCELLED: tr("Cancelled"),
    }[TaskStatus(status)]


# Cards are white on a grey column, so they read as cards and the columns as lanes; the
# column takes the palette's colours, so the night theme darkens it with the cards.
COLUMN_STYLE = """
TaskColumn { background: palette(window); border: 1px solid palette(mid); border-radius: 6px; }
QLabel#taskColumnHeader { font-size: 11pt; padding: 2px 4px; }
QListView { background: transparent; border: none; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 0; }
QScrollBar::handle:vertical { background: #b0bec5; border-radius: 4px; min-height: 32px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""


class TaskListView(QListView):
    """The cards of a column; accepts task-card drags from any column.

    A card is as wide as the viewport and as tall as its width and text size need (a due
    line that moved below the badge can take a row), so the cards are laid out again when
    the width, the text size or a card changes, and the column never gets narrower than
    the widest piece of a due time."""

    # a task card was dropped here: carries (task id, version it was dragged at)
    card_dropped = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(TaskCardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)  # an overdue card from another day can be a row taller
        # each card's height asks the delegate: 5,000 cards laid out at once held the GUI
        # thread 0.3-0.5 s at the board's first paint; in batches, no slice took over ~25 ms
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._keep_due_times_whole()

    def _keep_due_times_whole(self) -> None:
        """At least as wide as the card that holds every due piece, with the scroll bar."""
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        self.setMinimumWidth(minimum_card_width(self.font()) + extra)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Ctrl + / Ctrl -: the items relayout themselves
            self._keep_due_times_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        """The viewport's width changed (the dock, or the scroll bar came): cards reflow."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def dataChanged(  # noqa: N802 (Qt name)
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A card changed (a new due time, an overdue flip): when its height did too, the
        column is laid out again (a live update of one card usually keeps its height)."""
        super().dataChanged(top_left, bottom_right, list(roles))
        if any(self._height_changed(row) for row in range(top_left.row(), bottom_right.row() + 1)):
            self.scheduleDelayedItemsLayout()

    def _height_changed(self, row: int) -> bool:
        index = self.model().index(row, 0)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rect = self.visualRect(index)  # invalid: not laid out yet (batched), it gets its height then
        return rect.isValid() and self.itemDelegate().sizeHint(option, index).height() != rect.height()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_drag(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if decode_drag(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        """Report the drop; the model is not touched here (the saved move updates it)."""
        dragged = decode_drag(event.mimeData())
        if dragged is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.card_dropped.emit(dragged.task_id, dragged.version)


class TaskColumn(QFrame):
    """Header (title, card count, overdue count) and the list of one status."""

    # a card was dropped on this column: carries (task id, version, target status value)
    card_dropped = Signal(int, int, str)

    def __init__(self, status: TaskStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setObjectName(f"taskColumn_{status.value}")
        self.setStyleSheet(COLUMN_STYLE)
        self.model = TaskColumnModel(status, self)
        self.header = QLabel(self)
        self.header.setObjectName("taskColumnHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)  # "· 3 overdue" wraps in a narrow dock instead of widening it
        self.view = TaskListView(self)
        self.view.setObjectName(f"taskList_{status.value}")
        self.view.setModel(self.model)
        self.view.setAccessibleName(status_label(status))
        self.view.card_dropped.connect(lambda tid, ver: self.card_dropped.emit(tid, ver, self.status.value))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self.update_header)
        self.update_header()

    def count(self) -> int:
        return self.model.rowCount()

    def update_header(self) -> None:
        """Rewrite the header, so counts follow every insert, removal and overdue flip."""
        overdue = self.model.overdue_count()
        late = (
            f" <span style='color:{ink('problem')}'>· {tr('%n overdue', overdue)}</span>" if overdue else ""
        )
        self.header.setText(
            f"<b>{status_label(self.status)}</b> <span style='color:{ink('muted')}'>({number(self.count())})</span>{late}"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        """The header's rich text carries the theme's colours: rewrite it when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.update_header()
