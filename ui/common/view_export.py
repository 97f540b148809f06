"""Export what a panel shows, as it shows it: the rows its filters let through, in its sort
order, the columns it does not hide, the words in its cells. As CSV (UTF-8 with BOM,
cells escaped against formulas) or GeoJSON (rows whose record has a position get a point).
Times are the exception: a cell that answers ``ExportRole`` (ui/common/export_role.py)
is written as that raw value, ISO 8601 with the year and offset, not the screen's words.

The snapshot is taken on the GUI thread (the models live there; reading display texts is
what painting does anyway); the file is written by a job on the reports lane.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QTreeView, QWidget

from ops_console.exports.writers import Layer, Shape, write_csv, write_geojson
from ops_console.ui.common.export_role import export_text
from ops_console.ui.common.jobs import Job, start_job

_ROW_OBJECTS = ("view_at", "entry_at", "message_at", "level_at", "request_at")


def item_views(panel: QWidget) -> list[QAbstractItemView]:
    """The panel's tables (or, for a board of lists, its lists) that are on screen."""
    views = [
        v for v in panel.findChildren(QAbstractItemView) if v.model() is not None and v.isVisibleTo(panel)
    ]
    tables = [v for v in views if isinstance(v, (QTableView, QTreeView))]
    return tables or [v for v in views if isinstance(v, QListView)]


def _record(model: QAbstractItemModel, index: QModelIndex) -> object | None:
    """The record behind a shown row, through any proxy models (filters, sorting)."""
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    for name in _ROW_OBJECTS:
        getter: Callable[[int], object] | None = getattr(model, name, None)
        if getter is not None and index.isValid():
            try:
                return getter(index.row())
            except (IndexError, KeyError):
                return None
    return None


def _shape(record: object | None) -> Shape | None:
    lat, lon = getattr(record, "lat", None), getattr(record, "lon", None)
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return Shape("point", [(float(lat), float(lon))])
    return None


def snapshot(panel: QWidget, name: str) -> Layer:
    """The panel's shown rows as a layer (column headings as the view shows them)."""
    views = item_views(panel)
    layer: Layer | None = None
    for view in views:
        model = view.model()
        header: QHeaderView | None = (
            view.horizontalHeader()
            if isinstance(view, QTableView)
            else (view.header() if isinstance(view, QTreeView) else None)
        )
        if isinstance(view, QListView):  # a list model's columnCount is private in Qt
            columns = [view.modelColumn()]
        else:
            columns = [
                c for c in range(model.columnCount()) if header is None or not header.isSectionHidden(c)
            ]
        if header is not None:
            columns.sort(key=header.visualIndex)
        titles = [
            str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") or name
            for c in columns
        ]
        if layer is None:
            layer = Layer(name, titles)
        for row in range(model.rowCount()):
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            cells = [export_text(model.index(row, c)) for c in columns]
            layer.add(cells, _shape(_record(model, model.index(row, 0))))
    return layer or Layer(name, [name])


def write_layer(layer: Layer, path: Path, fmt: str) -> int:
    """Worker side: the file, whole or not at all."""
    if fmt == "geojson":
        return write_geojson(path, [layer])
    return write_csv(path, layer.columns, layer.rows)


def export_panel(
    panel: QWidget,
    name: str,
    path: Path,
    fmt: str,
    done: Callable[[int], None],
    failed: Callable[[Exception], None],
) -> Job:
    """Snapshot ``panel`` now and write it off the GUI thread."""
    from ops_console.ui.reports.dialog import report_lane

    layer = snapshot(panel, name)
    return start_job(report_lane(), partial(write_layer, layer, path, fmt), done, failed, owner=panel)
