"""Sizing a dialog so that all of it, its title bar and its buttons included, is on screen.

The radio devices dialog asked for 720 px of height: on a 1280x720 screen the window
manager put it below the top bar and its Close button fell off the bottom edge.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = 60  # the title bar and borders the window manager adds, and a panel


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """``widget.resize(width, height)``, smaller where the screen it opens on is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_ALLOWANCE // 2)
        height = min(height, room.height() - FRAME_ALLOWANCE)
    widget.resize(
        max(width, widget.minimumSizeHint().width()), max(height, widget.minimumSizeHint().height())
    )
