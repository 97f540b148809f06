"""View → Night theme, text size and keyboard reach: remembered, readable, and the severity
colours still distinguishable with the common kinds of colour blindness in both themes."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu

from helpers.clipping import clipped_buttons
from ops_console.domain import Severity
from ops_console.ui.alerts.model import SEVERITY_TINTS
from ops_console.ui.app import build_main_window
from ops_console.ui.common import theme
from ops_console.ui.common.theme import SEVERITY_COLOURS, night_tint
from ops_console.ui.view_options import FONT_KEY, NIGHT_KEY, apply_saved_look

# Machado, Oliveira & Fernandes (2009), severity 1.0: linear-RGB matrices simulating dichromacy
CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen(colour: QColor, kind: str | None) -> tuple[float, float, float]:
    rgb = tuple(_linear(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    if kind is not None:
        m = CVD[kind]
        rgb = tuple(min(max(sum(m[i][j] * rgb[j] for j in range(3)), 0.0), 1.0) for i in range(3))
    return _lab(rgb)  # type: ignore[arg-type]


def _closest_pair(colours: dict[Severity, QColor], kind: str | None) -> tuple[float, str]:
    worst = (math.inf, "")
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        distance = math.dist(_seen(ca, kind), _seen(cb, kind))
        worst = min(worst, (distance, f"{a.name}/{b.name}"))
    return worst


@pytest.mark.parametrize("kind", [None, *CVD])
@pytest.mark.parametrize("part", ["swatch", "tint", "night tint", "alert tint", "alert night tint"])
def test_severity_colours_stay_apart_for_colour_blind_eyes_in_both_themes(kind, part):
    colours: dict = {s: QColor(SEVERITY_COLOURS[s][1 if part == "swatch" else 0]) for s in Severity}
    if part.startswith("alert"):
        colours = {s: QColor(SEVERITY_TINTS[s][0]) for s in SEVERITY_TINTS}
    if "night" in part:
        colours = {s: night_tint(c) for s, c in colours.items()}
    distance, pair = _closest_pair(colours, kind)
    # ΔE*ab: ~2.3 is just noticeable; 5 tells cells apart at a glance beside their words and marks
    assert distance >= 5.0, f"{part} {pair} only ΔE {distance:.1f} apart for {kind or 'normal vision'}"


@pytest.fixture
def restore_look(qapp):
    style, palette, sheet, font = qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.font()
    yield
    theme.apply_theme(qapp)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_the_night_theme_is_chosen_in_the_view_menu_and_remembered(
    full_demo_post, qtbot, themed, restore_look, layout_settings, screenshot_dir, tmp_path
):
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(QSize(1366, 768))
    window.show()
    qtbot.waitExposed(window)
    window.resize(QSize(1366, 768))  # again: the first show takes the (test) screen's size
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 768))
    light_window = QApplication.palette().color(QPalette.ColorRole.Window)
    action = window.view_options.night_action
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.menu() and action in a.menu().actions()
    )
    assert view_menu is not None and action.shortcut().toString() == "Ctrl+Shift+N"
    action.trigger()
    assert theme.is_night() and action.isChecked()
    dark = QApplication.palette().color(QPalette.ColorRole.Window)
    assert dark.lightnessF() < 0.2 < light_window.lightnessF()
    assert QApplication.palette().color(QPalette.ColorRole.Text).lightnessF() > 0.8
    assert layout_settings.value(NIGHT_KEY) in (True, "true")

    # a severity cell is drawn dark, in the hue of its light tint, its words light
    table = window.incidents.table
    window.docks["incidents"].raise_()
    for _ in range(3):
        QApplication.processEvents()
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).isValid())
    picture = window.grab().toImage()
    severity_col = next(c for c in range(model.columnCount()) if "■" in str(model.index(row, c).data() or ""))
    rect = table.visualRect(model.index(row, severity_col))
    corner = table.viewport().mapTo(window, rect.topRight()) + type(rect.topRight())(-3, 3)
    drawn = QColor(picture.pixel(corner))
    assert drawn.lightnessF() < 0.35, f"a night cell drawn {drawn.name()}"
    for key in ("alerts", "tasks"):  # the tour's picture: incidents, alerts and the task board
        if key in window.docks:
            window.docks[key].raise_()
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(screenshot_dir / "night_theme.png"))

    # remembered: the next start's look comes from the same settings
    window.close()
    theme.apply_theme(QApplication.instance())
    assert not theme.is_night()
    apply_saved_look(QApplication.instance(), layout_settings)
    assert theme.is_night()
    again = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(again)
    assert again.view_options.night_action.isChecked()
    again.view_options.night_action.trigger()  # and back to the day
    assert not theme.is_night() and layout_settings.value(NIGHT_KEY) in (False, "false")
    again.close()


def test_text_size_follows_ctrl_plus_and_minus_is_remembered_and_keeps_buttons_whole(
    full_demo_post, qtbot, themed, restore_look, layout_settings
):
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    size = QSize(1366, 768)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start = QApplication.font().pointSizeF()
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == start + 2
    assert float(layout_settings.value(FONT_KEY)) == start + 2
    window.resize(size)
    problems: list[str] = []
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        for _ in range(5):
            QApplication.processEvents()
        problems += [f"{key}: {p}" for p in clipped_buttons(window, dock)[0]]
    assert not problems, "\n".join(problems)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == start + 1
    fresh = QSettings(layout_settings.fileName(), QSettings.Format.IniFormat)
    assert float(fresh.value(FONT_KEY)) == start + 1
    window.close()


def test_every_menu_and_action_is_reachable_from_the_keyboard(post, qtbot, layout_settings):
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    problems = []
    for menu in window.menuBar().findChildren(QMenu):
        if menu.parent() is window.menuBar() and "&" not in menu.title():
            problems.append(f"menu {menu.title()!r} has no Alt key")
    for action in window.menuBar().actions():
        if action.menu() is not None and "&" not in action.text():
            problems.append(f"menu {action.text()!r} has no Alt key")
    for button in window.findChildren(QAbstractButton):
        if button.text() and button.focusPolicy() == Qt.FocusPolicy.NoFocus and button.isVisibleTo(window):
            problems.append(f"button {button.text()!r} cannot take the keyboard focus")
    assert not problems, "\n".join(problems)
    window.close()


def test_the_readme_lists_the_same_shortcuts_as_the_guide(post, qtbot, layout_settings):
    """One list: the guide's shortcuts are read from the window's actions; the README's
    table must name each of them (and nothing the window does not have)."""
    from pathlib import Path

    from ops_console.ui.help_dialog import shortcuts

    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| keys | what |") :].split("\n\n", 1)[0]
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in table.splitlines()[2:]}
    listed = shortcuts(window)
    missing = [(k, w) for k, w in listed if not rows.get(k, "").startswith(w)]
    assert not missing, f"README's shortcut table lacks {missing}"
    assert set(rows) == {k for k, _ in listed}, set(rows) ^ {k for k, _ in listed}
    window.close()
