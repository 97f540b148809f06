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


def clipped_headers(within: QWidget) -> list[str]:
    """Column titles of visible tables under ``within`` narrower than their own words (Qt
    draws them elided: "报告…"), and tabs narrower than their title. A table's last column
    stretches and is left out; the sort arrow is not counted (only the sorted column has one)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QTabBar

    problems: list[str] = []
    for header in within.findChildren(QHeaderView):
        if (
            not header.isVisible()
            or header.orientation() != Qt.Orientation.Horizontal
            or header.model() is None
        ):
            continue
        table = header.parentWidget()
        name = (table.objectName() if table else "") or type(table).__name__
        last = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
        arrow = header.isSortIndicatorShown()
        header.setSortIndicatorShown(False)  # measure the words alone
        try:
            for i in range(header.count()):
                text = str(header.model().headerData(i, Qt.Orientation.Horizontal) or "")
                if header.isSectionHidden(i) or i == last or not text:
                    continue
                needed = header.sectionSizeFromContents(i).width()
                if header.sectionSize(i) < needed:
                    problems.append(
                        f"{name} column {text!r}: {header.sectionSize(i)} px, its title needs {needed}"
                    )
        finally:
            header.setSortIndicatorShown(arrow)
    for bar in within.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            if bar.isTabVisible(i) and bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                problems.append(
                    f"tab {bar.tabText(i)!r}: {bar.tabRect(i).width()} px, its title needs {bar.tabSizeHint(i).width()}"
                )
    return problems
