"""Alert rows for the alert dock: colour and a word for the severity, newest data on refresh."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ops_console.alerts import PostAlert, Severity
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import local_short

Index = QModelIndex | QPersistentModelIndex

# background tint, text colour (Okabe–Ito, as the incident severities): never the only cue
SEVERITY_TINTS: dict[Severity, tuple[str, str]] = {
    Severity.CRITICAL: ("#f5c0a8", "#8a3000"),  # the incidents' Critical and Serious tints
    Severity.WARNING: ("#fbdba6", "#6b4a00"),
    Severity.NOTICE: ("#e3f1fb", "#1f4e6e"),
}
SOURCE_NAMES = {
    "radio": "Radio",
    "sirens": "Sirens",
    "inventory": "Stock",
    "risks": "Risks",
    "shelters": "Shelters",
    "teams": "Teams",
    "mayday": "MAYDAY",
    "sensors": "Sensors",
    "notice": "Notices",  # the notice board's problems (ops_console/notices.py)
    "cap": "CAP inbox",
    "warnings": "Warnings",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Alerts", text)


class AlertModel(QAbstractTableModel):
    """Replaces its rows in one go: the list is short (tens), so a reset is cheaper than a diff
    and the view keeps the selection by key (see AlertPanel)."""

    HEADERS = ("Severity", "Source", "Alert", "Details", "Since")

    def __init__(self) -> None:
        super().__init__()
        self.alerts: list[PostAlert] = []

    def set_alerts(self, alerts: list[PostAlert]) -> None:
        self.beginResetModel()
        self.alerts = list(alerts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.alerts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        alert = self.alerts[index.row()]
        if role == ExportRole:  # since when, whole, for the city's GIS and paper backup
            return iso_time(alert.since) if index.column() == 4 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(alert, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(SEVERITY_TINTS[alert.severity][0])
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QColor(SEVERITY_TINTS[alert.severity][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = tr("Needs acknowledging") if alert.needs_ack else tr("Clears when its cause is dealt with")
            return f"{alert.title}\n{alert.detail}\n{hint}"
        if role == Qt.ItemDataRole.UserRole:
            return alert
        return None

    def reading_of(self, alert: PostAlert) -> tuple[str, str]:
        """The heading and the words of the reading pane: the alert whole, which its Alert and
        Details columns cut in a dock at 1280×720."""
        parts = [self._text(alert, 0), self._text(alert, 1)]
        if alert.since is not None:
            parts.append(self._text(alert, 4))
        parts.append(
            tr("Needs acknowledging") if alert.needs_ack else tr("Clears when its cause is dealt with")
        )
        return " · ".join(parts), f"{alert.title}\n{alert.detail}" if alert.detail else alert.title

    def _text(self, alert: PostAlert, column: int) -> str:
        if column == 0:
            marks = {Severity.CRITICAL: "▲▲▲", Severity.WARNING: "▲▲", Severity.NOTICE: "▲"}[alert.severity]
            return f"{marks} {tr(alert.severity.label)}"
        if column == 1:
            return tr(SOURCE_NAMES.get(alert.source, alert.source.capitalize()))
        if column == 2:
            return alert.title + ("  ●" if alert.needs_ack else "")
        if column == 3:
            return alert.detail
        return local_short(alert.since) if alert.since is not None else ""
