"""Every dialog opens whole on the smallest screen a post uses, 1280x720, with room for
the title bar the window manager adds: the radio devices dialog asked for 720 px and,
under Xvfb at 1280x720, its Close button fell off the bottom edge."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from helpers.clipping import clipped_buttons
from helpers.dialogs import every_dialog
from ops_console.ui.app import build_main_window
from ops_console.ui.common.screen_fit import FRAME_ALLOWANCE, resize_within_screen

SMALLEST = QSize(1280, 720)


def test_every_dialog_opens_whole_on_a_1280x720_screen(full_demo_post, qtbot, themed, layout_settings):
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(SMALLEST)
    window.show()
    qtbot.waitExposed(window)
    room = QSize(SMALLEST.width(), SMALLEST.height() - FRAME_ALLOWANCE)
    problems: list[str] = []
    for name, make in every_dialog(full_demo_post, window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        for _ in range(3):
            QApplication.processEvents()
        size, least = dialog.size(), dialog.minimumSizeHint()
        if size.width() > room.width() or size.height() > room.height():
            problems.append(
                f"{name}: opens {size.width()}x{size.height()}, more than {room.width()}x{room.height()}"
            )
        if least.height() > room.height():
            problems.append(f"{name}: needs {least.height()} px of height at least")
        problems += [f"{name}: cut off: {p}" for p in clipped_buttons(dialog, dialog)[0]]
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    window.close()
    assert not problems, "\n".join(problems)


def test_a_dialog_asking_more_than_the_screen_gets_the_screen(qtbot):
    button = QPushButton("a stand-in for a dialog")
    qtbot.addWidget(button)
    room = button.screen().availableGeometry()
    resize_within_screen(button, room.width() * 3, room.height() * 3)
    assert button.width() <= room.width() and button.height() <= room.height() - FRAME_ALLOWANCE
    resize_within_screen(button, 300, 200)  # what fits is given as asked
    assert (button.width(), button.height()) == (300, 200)
