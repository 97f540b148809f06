"""A window-wide menu action with its keyboard shortcut, made one way everywhere.

The shortcut works from anywhere in the window (``ApplicationShortcut``), a form being typed
in included; the Help guide and the README's table list every action that has one
(ui/help_dialog.py ``shortcuts``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


def window_action(
    parent: QObject,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    name: str = "",
    slot: Callable[..., object] | None = None,
) -> QAction:
    """``text`` as a QAction of ``parent``, with ``shortcut`` for the whole window, named
    ``name`` (tests find it by it) and triggering ``slot``."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    return action
