"""A button painted in a colour of its own still looks disabled when it is.

A style sheet's background replaces the style's disabled look: SOUND SIRENS, disabled
until the pattern's name and a PIN are typed, looked as ready to press as when enabled,
and a viewer's CANCEL ALL SIRENS in the sirens panel looked pressable (seen under Xvfb).
Every coloured button on screen at the worst moment, and the wizard's, is drawn both ways
and must differ."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton

from helpers.alerts import the_worst_moment
from ops_console.ui.app import build_main_window


def _mean_saturation(button: QPushButton) -> float:
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    points = [QColor(image.pixel(x, y)) for x in range(2, w - 2, 3) for y in range(2, h - 2, 3)]
    return sum(c.hsvSaturationF() for c in points) / max(1, len(points))


def _looks_differ(button: QPushButton) -> bool:
    was = button.isEnabled()
    try:
        button.setEnabled(True)
        QApplication.processEvents()
        enabled = _mean_saturation(button)
        button.setEnabled(False)
        QApplication.processEvents()
        disabled = _mean_saturation(button)
    finally:
        button.setEnabled(was)
    return enabled - disabled > 0.15


def _coloured(root) -> list[QPushButton]:  # type: ignore[no-untyped-def]
    return [b for b in root.findChildren(QPushButton) if b.isVisible() and "background" in b.styleSheet()]


def test_every_coloured_button_looks_disabled_when_it_is(full_demo_post, qtbot, themed, layout_settings):
    the_worst_moment(full_demo_post)
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.docks["sirens"].raise_()
    qtbot.waitUntil(lambda: window.features.siren_strip.isVisible())
    qtbot.waitUntil(lambda: window.features.sirens.cancel_all_button.isVisible())
    panel = window.features.sirens
    qtbot.waitUntil(lambda: panel.table.model().rowCount() == 6)
    panel.table.selectRow(2)  # the wizard opens with the selected siren ticked
    wizard = panel.make_wizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.pattern_box.setCurrentIndex(0)
    wizard.live_radio.setChecked(True)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.go.isVisible() and not wizard.go.isEnabled()  # nothing typed yet
    buttons = list({id(b): b for b in _coloured(window) + _coloured(wizard)}.values())
    names = [b.text() for b in buttons]
    assert "SOUND SIRENS" in names and sum("CANCEL ALL" in n for n in names) >= 2, names  # strip, panel
    same = [b.text() for b in buttons if not _looks_differ(b)]
    assert not same, f"drawn the same enabled and disabled: {same}"
    wizard.close()
