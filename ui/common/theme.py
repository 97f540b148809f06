"""The console's look: a calm light Fusion palette and colours that carry meaning.

Severity colours follow the Okabe–Ito palette (distinguishable with the common kinds
of colour blindness) and are never the only cue: every cell also shows a word and a
row of level marks, so the table still reads in greyscale or on a washed-out projector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from ops_console.domain import IncidentStatus, Severity

# background tint, strong swatch colour — per severity
SEVERITY_COLOURS: dict[Severity, tuple[str, str]] = {
    Severity.MINOR: ("#e3f1fb", "#56b4e9"),  # sky blue
    Severity.MODERATE: ("#fbf7d2", "#c9b800"),  # yellow (darkened for a visible swatch)
    Severity.SERIOUS: ("#fde9c8", "#e69f00"),  # orange
    Severity.CRITICAL: ("#f9d6c4", "#d55e00"),  # vermillion
}
STATUS_COLOURS: dict[IncidentStatus, str] = {
    IncidentStatus.OPEN: "#0072b2",
    IncidentStatus.ACTIVE: "#b34700",
    IncidentStatus.MONITORING: "#6b4c9a",
    IncidentStatus.CLOSED: "#6e6e6e",
}
EXERCISE_RED = "#c0171d"

STYLESHEET = f"""
QMainWindow::separator {{ background: #d5d9de; width: 4px; height: 4px; }}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{ background: #e4e8ec; padding: 5px 8px; border-bottom: 1px solid #c9ced4; }}
QTableView {{ gridline-color: #e2e5e9; selection-background-color: #2b6cb0; selection-color: white; }}
QHeaderView::section {{ background: #eef1f4; padding: 4px 6px; border: none;
                        border-right: 1px solid #d5d9de; border-bottom: 1px solid #c9ced4; font-weight: 600; }}
QLabel#exerciseBanner {{ background: {EXERCISE_RED}; color: white; font-weight: 700; padding: 2px 12px; }}
QLabel#problem {{ color: #b00020; }}
QLabel#signOnError {{ color: #b00020; font-weight: 600; }}
QLabel#placeholderTitle {{ font-size: 15pt; font-weight: 600; color: #3a4450; }}
QLabel#placeholderText {{ color: #4a5563; }}
QStatusBar QLabel {{ padding: 0 8px; }}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion with a light palette looks the same on every OS the posts use."""
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f2f5f8"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2b6cb0"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)


def severity_marks(severity: Severity) -> str:
    """Level marks that read without colour: ■■■□ for Serious."""
    return "■" * int(severity) + "□" * (len(Severity) - int(severity))


def swatch_icon(colour: str, size: int = 12) -> QIcon:
    """A small filled square for combo boxes and cells, painted (no image files)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(140))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 2, 2)
    painter.end()
    return QIcon(pixmap)
