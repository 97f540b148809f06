"""Find buttons a person cannot fully see or read: outside the window, cut by a scroll
area, splitter or dock, or narrower than their own text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QWidget


def visible_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` (in its own coordinates) not cut by any ancestor up to ``window``."""
    seen = QRect(QPoint(0, 0), widget.size())
    ancestor = widget.parentWidget()
    while ancestor is not None:
        offset = widget.mapTo(ancestor, QPoint(0, 0))
        seen = seen.intersected(QRect(QPoint(0, 0), ancestor.size()).translated(-offset))
        if ancestor is window:
            break
        ancestor = ancestor.parentWidget()
    return seen


def clipped_buttons(window: QWidget, within: QWidget) -> tuple[list[str], list[QAbstractButton]]:
    """(problems, buttons checked) for every enabled, visible button under ``within``."""
    problems: list[str] = []
    checked: list[QAbstractButton] = []
    for button in within.findChildren(QAbstractButton):
        if not (button.isVisible() and button.isEnabled()):
            continue
        checked.append(button)
        name = f"{type(button).__name__} {button.objectName() or ''} {button.text()!r}".strip()
        seen = visible_part(button, window)
        if seen != QRect(QPoint(0, 0), button.size()):
            problems.append(
                f"{name}: only {seen.width()}x{seen.height()} of {button.width()}x{button.height()} in sight"
            )
        elif button.text() and button.width() < button.sizeHint().width():
            problems.append(f"{name}: {button.width()} px wide, its text needs {button.sizeHint().width()}")
    return problems, checked
