"""A pattern's timeline drawn small: tone bars on a time axis, silences as gaps."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ops_console.siren_patterns import SirenPattern
from ops_console.ui.common.theme import colours

TONE_COLOURS = {
    "steady": "#c0171d",
    "wavering": "#e69f00",
    "rise_fall": "#d55e00",
    "hi": "#cc79a7",
    "lo": "#6b4c9a",
    "growl": "#8c6d1f",
    "rotate": "#009e73",
}


# the tones' words under the bar, in the reader's language
TONE_WORDS = {
    "steady": QT_TRANSLATE_NOOP("PatternTimeline", "steady"),
    "wavering": QT_TRANSLATE_NOOP("PatternTimeline", "wavering"),
    "rise_fall": QT_TRANSLATE_NOOP("PatternTimeline", "rise fall"),
    "hi": QT_TRANSLATE_NOOP("PatternTimeline", "hi"),
    "lo": QT_TRANSLATE_NOOP("PatternTimeline", "lo"),
    "growl": QT_TRANSLATE_NOOP("PatternTimeline", "growl"),
    "rotate": QT_TRANSLATE_NOOP("PatternTimeline", "rotate"),
}


def tone_words(tones: set[str]) -> str:
    """'rise fall, steady' — each tone named in the reader's language."""
    return ", ".join(
        QCoreApplication.translate("PatternTimeline", TONE_WORDS.get(t, t.replace("_", " ")))
        for t in sorted(tones)
    )


class PatternTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pattern: SirenPattern | None = None
        self.duration_s = 0
        self.setMinimumHeight(44)
        self.setMaximumHeight(60)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 48)

    def set_pattern(self, pattern: SirenPattern | None, duration_s: int | None = None) -> None:
        self.pattern = pattern
        self.duration_s = duration_s or (pattern.total_s if pattern else 0)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        """Drawn in the theme's colours (asked at each paint, so a switch to night shows at once)."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width() - 2, self.height()
        bar = QRectF(1, 4, w, h - 20)
        look = colours()  # the theme in use: a light track by day, a dark one at night
        p.fillRect(bar, QColor(look["track"]))
        p.setPen(QPen(QColor(look["track_border"])))
        p.drawRect(bar)
        if self.pattern is None:
            return
        total = max(1, self.pattern.total_s)
        for start, end, tone in self.pattern.timeline():
            if start >= self.duration_s:
                break
            x0, x1 = bar.left() + w * start / total, bar.left() + w * min(end, self.duration_s) / total
            p.fillRect(
                QRectF(x0, bar.top() + 3, max(1.0, x1 - x0), bar.height() - 6),
                QColor(TONE_COLOURS.get(tone, "#555")),
            )
        if self.duration_s < total:  # the part cut off by a shorter duration
            x = bar.left() + w * self.duration_s / total
            veil = QColor(look["track"])
            veil.setAlpha(170)
            p.fillRect(QRectF(x, bar.top(), bar.right() - x, bar.height()), veil)
        p.setPen(QColor(look["hint"]))
        font = p.font()
        font.setPointSizeF(8.0)
        p.setFont(font)
        p.drawText(QRectF(0, h - 15, w, 14), Qt.AlignmentFlag.AlignLeft, "0 s")
        p.drawText(QRectF(0, h - 15, w, 14), Qt.AlignmentFlag.AlignRight, f"{total} s")
        tones = tone_words({t for _, _, t in self.pattern.timeline()})
        p.drawText(QRectF(0, h - 15, w, 14), Qt.AlignmentFlag.AlignHCenter, tones)
        p.end()
