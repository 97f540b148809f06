"""How a sensor level reads on screen: a word, a colour and marks, as severity does
(ui/common/theme.py): never colour alone, so it reads in greyscale and on a projector."""

from __future__ import annotations

from ops_console.sensors.kinds import Level

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


def age_words(seconds: float | None) -> str:
    """How long ago the last reading was taken, in the fewest words that still say it."""
    if seconds is None:
        return "never"
    if seconds < 0:
        return "in the future"
    if seconds < 90:
        return f"{seconds:.0f} s ago"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 172_800:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} days ago"
