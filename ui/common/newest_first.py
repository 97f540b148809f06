"""A lazy, newest-first table model for logs that grow to hundreds of thousands of rows.

The activity log and the radio comms log page the same way: older rows come in pages
(canFetchMore/fetchMore) read on a worker thread with keyset paging on the id, so page
2,000 costs what page 1 does and even a filter that scans the table never freezes the
window; newer rows are an indexed range read inserted at the top. A generation counter
drops pages that arrive for a filter no longer shown. Subclasses say how to read and
how a row looks.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Filter = TypeVar("Filter")


class PagedService(Protocol):
    """The service a log model pages through (ActivityService, RadioService): Qt-free, thread-safe."""

    def page(self, flt: Any, *, before_id: int | None, limit: int) -> list[Any]: ...


def read_page_job(
    service: PagedService, flt: Any, no_filter: Any, before_id: int | None, limit: int
) -> tuple[list[Any], int | None]:
    """Worker side: one page and, for the first, the newest id of the whole log (the service only).

    The log's newest id is read *before* the page: a row committed between the two reads
    is then either in the page or above the remembered id, where ``fetch_newer`` finds it.
    Read after the page, that row's id became the top while the page lacked it, and the
    line never showed until the filter changed.
    """
    top = service.page(no_filter, before_id=None, limit=1) if before_id is None else []
    rows = service.page(flt, before_id=before_id, limit=limit)
    newest = None
    if before_id is None:  # first page: remember where "newer" starts, whatever the filter
        newest = max([r.id for r in rows[:1] + top] or [0])
    return rows, newest


class NewestFirstModel(QAbstractTableModel, Generic[Row, Filter]):
    """Rows (frozen views with an ``id``), newest first; holds only what was scrolled to."""

    PAGE_SIZE = 200
    NEWER_LIMIT = 5000  # a bigger burst of newer rows means reload instead of insert
    LATE_IDS = 64  # how far below the top a row committed late is looked for (fetch_newer)
    CONTEXT = ""  # translation context of COLUMNS
    COLUMNS: tuple[str, ...] = ()

    # a page arrived and was shown: its generation
    page_loaded = Signal(int)
    # a known error the panel should show (database unavailable …): carries the exception
    problem = Signal(object)

    def __init__(self, post: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.post = post
        self._rows: list[Row] = []
        self._filter: Filter = self.no_filter()
        self._generation = 0
        self.loading = False
        self.exhausted = False
        self.top_id: int | None = None  # None until the first page arrived
        self._lane = JobLane("log-pages", parent=self)  # one thread: pages arrive in order

    # --- what subclasses provide ---------------------------------------------------
    def no_filter(self) -> Filter:
        raise NotImplementedError

    def paged_service(self) -> PagedService:
        """The service whose ``page`` is read on the worker thread (never the model itself)."""
        raise NotImplementedError

    def read_newer(self, top_id: int, flt: Filter, limit: int) -> list[Row]:
        """Called on the GUI thread (an indexed range read): rows newer than ``top_id``, newest first."""
        raise NotImplementedError

    # --- Qt interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's names and signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self._start_page(self._rows[-1].id if self._rows else None)  # type: ignore[attr-defined]

    # --- loading ------------------------------------------------------------------
    def reload(self, flt: Filter | None = None) -> None:
        """Start again from the newest row (a new filter, exercise switched, purge)."""
        if flt is not None:
            self._filter = flt
        self._generation += 1
        self.beginResetModel()
        self._rows, self.exhausted, self.top_id = [], False, None
        self.endResetModel()
        self._start_page(None)

    def _start_page(self, before_id: int | None) -> None:
        self.loading = True
        generation = self._generation
        work = partial(
            read_page_job, self.paged_service(), self._filter, self.no_filter(), before_id, self.PAGE_SIZE
        )
        start_job(
            self._lane,
            work,
            partial(self._on_page, generation),
            partial(self._on_failure, generation),
            owner=self,
        )

    def _on_page(self, generation: int, page: tuple[list[Row], int | None]) -> None:
        rows, newest = page
        if generation != self._generation:
            return  # a page for a filter that is no longer shown
        self.loading = False
        self.exhausted = len(rows) < self.PAGE_SIZE
        if newest is not None:
            self.top_id = newest
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(generation)

    def _on_failure(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if isinstance(exc, KNOWN_ERRORS):
            self.problem.emit(exc)
            return
        raise exc  # a bug: let the crash handler show it

    @Slot()
    def fetch_newer(self) -> int:
        """Insert rows committed since the last look; returns how many came.

        The read reaches ``LATE_IDS`` below the newest id known: on PostgreSQL an id is
        taken when a row is inserted, not when it commits, so two workstations' (or two
        radios') transactions can commit in the other order, and the smaller id shows up
        after the larger one was already read. Such a late row goes in at its place."""
        if self.top_id is None:
            return 0  # the first page is still loading and will include them
        top = self.top_id
        try:
            newer = self.read_newer(max(top - self.LATE_IDS, 0), self._filter, self.NEWER_LIMIT)
        except KNOWN_ERRORS as exc:
            self.problem.emit(exc)
            return 0
        if len(newer) >= self.NEWER_LIMIT:
            self.reload()
            return len(newer)
        # the rows above the floor are among the first LATE_IDS (ids are distinct, newest first)
        known = {row.id for row in self._rows[: self.LATE_IDS]}  # type: ignore[attr-defined]
        fresh = [row for row in newer if row.id not in known]  # type: ignore[attr-defined]
        above = [row for row in fresh if row.id > top]  # type: ignore[attr-defined]
        if above:
            self.top_id = above[0].id  # type: ignore[attr-defined]
            self.beginInsertRows(QModelIndex(), 0, len(above) - 1)
            self._rows[:0] = above
            self.endInsertRows()
        for row in fresh[len(above) :]:
            self._insert_late(row)
        return len(fresh)

    def _insert_late(self, row: Row) -> None:
        """A row whose id is below the top: between its newer and older neighbours."""
        at = next(
            (i for i, held in enumerate(self._rows) if held.id < row.id),  # type: ignore[attr-defined]
            len(self._rows),
        )
        if at == len(self._rows) and not self.exhausted:
            return  # below what was scrolled to: the next older page brings it
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self.endInsertRows()

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Let a running page read finish (before the database is closed)."""
        return self._lane.waitForDone(msecs)
