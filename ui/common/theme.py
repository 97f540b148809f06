"""The console's look: a calm light Fusion palette and colours that carry meaning.

Severity colours follow the Okabe–Ito palette (distinguishable with the common kinds
of colour blindness) and are never the only cue: every cell also shows a word and a
row of level marks, so the table still reads in greyscale or on a washed-out projector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOptionViewItem, QWidget

from ops_console.domain import IncidentStatus, Severity

# background tint, strong swatch colour — per severity
SEVERITY_COLOURS: dict[Severity, tuple[str, str]] = {
    Severity.MINOR: ("#e3f1fb", "#56b4e9"),  # sky blue
    Severity.MODERATE: ("#fdf9d0", "#e6d620"),  # yellow
    Severity.SERIOUS: ("#fbdba6", "#d98200"),  # orange, darker than the yellow
    Severity.CRITICAL: ("#f5c0a8", "#a33a00"),  # vermillion, darkest
}  # tests/ui/test_view_options.py keeps every pair apart for protan, deutan and tritan eyes, day and night
STATUS_COLOURS: dict[IncidentStatus, str] = {
    IncidentStatus.OPEN: "#0072b2",
    IncidentStatus.ACTIVE: "#b34700",
    IncidentStatus.MONITORING: "#6b4c9a",
    IncidentStatus.CLOSED: "#6e6e6e",
}
EXERCISE_RED = "#c0171d"

# the two looks: light for the day, night for a darkened command post (View → Night theme)
LIGHT = {
    "window": "#f4f6f8",
    "base": "#ffffff",
    "alt": "#f2f5f8",
    "text": "#1a1f24",
    "button": "#eef1f4",
    "highlight": "#2b6cb0",
    "highlighted_text": "#ffffff",
    "separator": "#d5d9de",
    "dock_title": "#e4e8ec",
    "dock_border": "#c9ced4",
    "grid": "#e2e5e9",
    "header": "#eef1f4",
    "problem": "#b00020",
    "placeholder_title": "#3a4450",
    "placeholder_text": "#4a5563",
    "muted": "#5c6670",
    # inks: words that carry a meaning (set_ink), each >= 4.5:1 on window, base and button
    "warning": "#8a5a00",
    "ok": "#176b33",
    "live": "#b00020",
    "exercise": "#3949ab",
    "test": "#00695c",
    "hint": "#4a5563",
    # the siren timeline's track (ui/sirens/timeline.py)
    "track": "#e9ecef",
    "track_border": "#c9ced4",
}
NIGHT = {
    "window": "#1c2026",
    "base": "#14171b",
    "alt": "#1a1e23",
    "text": "#e3e7ec",
    "button": "#2a3037",
    "highlight": "#3d7cc9",
    "highlighted_text": "#ffffff",
    "separator": "#3a414a",
    "dock_title": "#262b32",
    "dock_border": "#3a414a",
    "grid": "#2c323a",
    "header": "#242930",
    "problem": "#ff8a80",
    "placeholder_title": "#d0d6dd",
    "placeholder_text": "#aab3bd",
    "muted": "#9aa4ae",
    "warning": "#ffcd70",
    "ok": "#89e6a7",
    "live": "#ff8a80",
    "exercise": "#a5b0ff",
    "test": "#5fd3c0",
    "hint": "#aab3bd",
    "track": "#2a3037",
    "track_border": "#4a525c",
}
INKS = ("problem", "warning", "ok", "live", "exercise", "test", "muted", "hint")


def stylesheet(c: dict[str, str]) -> str:
    return f"""
QMainWindow::separator {{ background: {c["separator"]}; width: 4px; height: 4px; }}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{ background: {c["dock_title"]}; padding: 5px 8px; border-bottom: 1px solid {c["dock_border"]}; }}
QTableView {{ gridline-color: {c["grid"]}; selection-background-color: {c["highlight"]}; selection-color: white; }}
QHeaderView::section {{ background: {c["header"]}; color: {c["text"]}; padding: 4px 6px; border: none;
                        border-right: 1px solid {c["separator"]}; border-bottom: 1px solid {c["dock_border"]}; font-weight: 600; }}
QLabel#exerciseBanner {{ background: {EXERCISE_RED}; color: white; font-weight: 700; padding: 2px 12px; }}
QLabel#problem {{ color: {c["problem"]}; }}
QLabel#signOnError {{ color: {c["problem"]}; font-weight: 600; }}
QLabel#placeholderTitle {{ font-size: 15pt; font-weight: 600; color: {c["placeholder_title"]}; }}
QLabel#placeholderText {{ color: {c["placeholder_text"]}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QFrame#radioLinkStrip {{ background: {c["alt"]}; border: 1px solid {c["separator"]}; border-radius: 4px; }}
""" + "".join(f'*[ink="{ink}"] {{ color: {c[ink]}; }}\n' for ink in INKS)


STYLESHEET = stylesheet(LIGHT)
FONT_MIN_PT, FONT_DEFAULT_PT, FONT_MAX_PT = 8.0, 10.0, 20.0
_night = False


def is_night() -> bool:
    """Whether the night theme is on (colours painted by hand ask this)."""
    return _night


def colours() -> dict[str, str]:
    """The theme in use (colours painted by hand take theirs from here)."""
    return NIGHT if _night else LIGHT


def ink(name: str) -> str:
    """A meaningful text colour ("problem", "live", …) of the theme in use, for rich text."""
    return colours()[name]


def set_ink(widget: QWidget, name: str | None) -> None:
    """Colour a widget's words by meaning, not by a fixed colour: the application's style
    sheet holds each ink for both themes, so the words stay readable when the night theme
    is switched on. None gives the theme's ordinary text colour back."""
    widget.setProperty("ink", name or "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21; text wants 4.5 or more)."""

    def luminance(colour: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(app: QApplication, c: dict[str, str]) -> QPalette:
    palette = QStyleFactory.create("Fusion").standardPalette()
    roles = QPalette.ColorRole
    for role, key in (
        (roles.Window, "window"),
        (roles.Base, "base"),
        (roles.AlternateBase, "alt"),
        (roles.Highlight, "highlight"),
        (roles.HighlightedText, "highlighted_text"),
    ):
        palette.setColor(role, QColor(c[key]))
    if c is NIGHT:
        for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText, roles.BrightText):
            palette.setColor(role, QColor(c["text"]))
        palette.setColor(roles.Button, QColor(c["button"]))
        palette.setColor(roles.ToolTipBase, QColor(c["button"]))
        palette.setColor(roles.PlaceholderText, QColor(c["muted"]))
        palette.setColor(roles.Link, QColor("#8ab4f8"))
        palette.setColor(roles.Light, QColor("#3a414a"))
        palette.setColor(roles.Midlight, QColor("#30363e"))
        palette.setColor(roles.Mid, QColor("#262b31"))
        palette.setColor(roles.Dark, QColor("#101316"))
        palette.setColor(roles.Shadow, QColor("#000000"))
        disabled = QPalette.ColorGroup.Disabled
        for role in (roles.WindowText, roles.Text, roles.ButtonText):
            palette.setColor(disabled, role, QColor("#6d7680"))
        palette.setColor(disabled, roles.Button, QColor("#23282e"))
    return palette


def apply_theme(app: QApplication, *, night: bool = False, font_pt: float | None = None) -> None:
    """Fusion looks the same on every OS the posts use; light by day, dark at night.

    ``font_pt`` is the workstation's chosen size (View → Larger/Smaller text); layouts take
    their sizes from the application font, so every panel grows with it."""
    global _night
    _night = night
    style = NightCells() if night else QStyleFactory.create("Fusion")
    app._ops_style = style  # type: ignore[attr-defined]  # kept alive as long as it is in use
    app.setStyle(style)
    app.setPalette(_palette(app, NIGHT if night else LIGHT))
    font = QFont(app.font())
    size = font_pt if font_pt is not None else max(font.pointSizeF(), FONT_DEFAULT_PT)
    font.setPointSizeF(min(max(size, FONT_MIN_PT), FONT_MAX_PT))
    app.setFont(font)
    app.setStyleSheet(stylesheet(NIGHT if night else LIGHT))


def night_tint(colour: QColor) -> QColor:
    """A light background tint (a severity row) as its dark counterpart: the same hue, so
    the colour still means the same, dark enough for the night palette's light text."""
    h, s, _l, a = colour.getHslF()
    return QColor.fromHslF(max(h, 0.0), min(s, 0.75) * 0.8, 0.18, a)


def night_ink(colour: QColor) -> QColor:
    """A dark text colour (a status word) lightened to read on the night palette."""
    h, s, l, a = colour.getHslF()
    return QColor.fromHslF(max(h, 0.0), s, max(l, 0.78), a)


def for_night(colour: QColor, *, background: bool) -> QColor:
    """What a colour chosen for the light theme becomes at night (unchanged by day)."""
    if not _night:
        return colour
    if background:
        return night_tint(colour) if colour.lightnessF() > 0.6 else colour
    return night_ink(colour) if colour.lightnessF() < 0.6 else colour


def night_cell(text: QColor, background: QColor | None) -> tuple[QColor, QColor | None]:
    """A table cell's (text, background) as drawn at night: a light tint turns dark and its
    dark text light; a strong background of its own (a yellow PAR-due cell, a red MAYDAY)
    keeps its colours, which were chosen to read on each other."""
    if background is not None:
        background = for_night(background, background=True)
        if background.lightnessF() >= 0.45:  # still light: the cell's own dark text reads on it
            return text, background
    return (night_ink(text) if text.lightnessF() < 0.6 else text), background


class NightCells(QProxyStyle):
    """Fusion, with the table cells' own colours turned for the night in one place: every
    model picks its severity tints and status colours for a light background, and rather
    than teach each model two themes, this style darkens a cell's light tint (same hue)
    and lightens its dark text as the cell is drawn."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawControl(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]  # noqa: N802
        if element == QStyle.ControlElement.CE_ItemViewItem and isinstance(option, QStyleOptionViewItem):
            option = QStyleOptionViewItem(option)
            brush = option.backgroundBrush
            background = brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None
            text, background = night_cell(option.palette.color(QPalette.ColorRole.Text), background)
            if background is not None:
                option.backgroundBrush = QBrush(background)
            option.palette.setColor(QPalette.ColorRole.Text, text)
        super().drawControl(element, option, painter, widget)


def strong_button_style(colour: str, *, large: bool = False) -> str:
    """A button in a colour of its own (SOUND SIRENS, CANCEL ALL SIRENS), which must still
    look disabled when it is: a style sheet's background replaces the style's disabled
    look, so a disabled SOUND SIRENS once looked as ready to press as an enabled one."""
    washed = QColor(colour)
    washed.setHsl(washed.hslHue(), max(0, washed.hslSaturation() // 3), min(255, washed.lightness() + 90))
    hover = QColor(colour).darker(125).name()
    size = (
        "font-weight: 800; font-size: 12pt; padding: 4px 18px;"
        if large
        else "font-weight: 700; padding: 4px 14px;"
    )
    return (
        f"QPushButton {{ background: {colour}; color: white; {size} border-radius: 4px; }} "
        f"QPushButton:hover {{ background: {hover}; }} "
        f"QPushButton:disabled {{ background: {washed.name()}; color: #f4f4f4; }}"
    )


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
