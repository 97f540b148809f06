"""How a sensor level reads on screen: a word, a colour and marks, as severity does
(ui/common/theme.py): never colour alone, so it reads in greyscale and on a projector."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ops_console.sensors.kinds import Level
from ops_console.ui.common.formatting import number

# background tint, strong colour — Okabe–Ito, as the severity colours
LEVEL_COLOURS: dict[Level, tuple[str, str]] = {
    Level.NORMAL: ("#ffffff", "#009e73"),  # bluish green
    Level.ADVISORY: ("#fbf7d2", "#c9b800"),  # yellow
    Level.WARNING: ("#fde9c8", "#e69f00"),  # orange
    Level.EMERGENCY: ("#f9d6c4", "#d55e00"),  # vermillion
}
BAND_ALPHA = 45  # threshold bands behind the chart's line
TREND_ARROWS = {1: "↑", 0: "→", -1: "↓"}


def level_marks(level: Level) -> str:
    """■■□ for Warning: the level without colour."""
    return "■" * int(level) + "□" * (len(Level) - 1 - int(level))


def _tr(text: str) -> str:
    return QCoreApplication.translate("SensorTableModel", text)


def age_words(seconds: float | None) -> str:
    """How long ago the last reading was taken, in the fewest words that still say it."""
    if seconds is None:
        return _tr("never")
    if seconds < 0:
        return _tr("in the future")
    if seconds < 90:
        return _tr("%1 s ago").replace("%1", number(round(seconds)))
    if seconds < 5400:
        return _tr("%1 min ago").replace("%1", number(round(seconds / 60)))
    if seconds < 172_800:
        return _tr("%1 h ago").replace("%1", number(round(seconds / 3600)))
    return _tr("%1 days ago").replace("%1", number(round(seconds / 86400)))
