"""Paints a task card: priority bar and label, title, team, incident and due time.

Painting in a delegate (instead of a widget per card) keeps a board of hundreds of
cards fast. Priority is a coloured bar AND a word, and overdue is a red card AND the
word "Overdue", so nothing depends on telling colours apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ops_console.domain import Priority
from ops_console.exercise_view import LIVE_MARK
from ops_console.services.tasks import TaskView
from ops_console.text_match import match_spans
from ops_console.ui.common.formatting import local_when
from ops_console.ui.common.theme import for_night, is_night, night_tint
from ops_console.ui.tasks.model import LiveRole, OverdueRole, TaskRole

PRIORITY_COLOURS = {
    Priority.LOW: QColor("#607d8b"),
    Priority.NORMAL: QColor("#1e88e5"),
    Priority.HIGH: QColor("#d84315"),
    Priority.URGENT: QColor("#b71c1c"),
}
CARD_BACKGROUND = QColor("#ffffff")
CARD_BORDER = QColor("#cfd8dc")
OVERDUE_BACKGROUND = QColor("#ffe3e3")
OVERDUE_BORDER = QColor("#d32f2f")
OVERDUE_TEXT = QColor("#b71c1c")
SELECTED_BORDER = QColor("#1565c0")
MUTED_TEXT = QColor("#546e7a")
TITLE_TEXT = QColor("#1a1a1a")
BODY_TEXT = QColor("#263238")
MATCH_BACKGROUND = QColor("#ffe066")  # a search match, like a highlighter pen
MARGIN, PADDING, BAR_WIDTH, LINES = 5, 8, 6, 5


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskBoard", text)


def priority_label(priority: Priority) -> str:
    """The translated word for a priority (also used by the filter and the dialog)."""
    return {
        Priority.LOW: tr("Low"),
        Priority.NORMAL: tr("Normal"),
        Priority.HIGH: tr("High"),
        Priority.URGENT: tr("Urgent"),
    }[Priority(priority)]


def local_time_text(when: datetime, now: datetime | None = None) -> str:
    """A stored UTC time as the operator's local clock time, with the day when not today
    and the year when not this year (ui/common/formatting.py writes it in the locale's way)."""
    return local_when(when, now)


def _two_lines(metrics: QFontMetrics, text: str, width: int) -> tuple[str, str]:
    """Split a title over two lines at a word break; the second line is elided if needed."""
    if metrics.horizontalAdvance(text) <= width:
        return text, ""
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance(f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word: let the first line elide it
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
    return first, metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)


def _due_texts(view: TaskView, overdue: bool) -> list[str]:
    """The due line, longest first; a narrow card shows the first that fits."""
    if view.due_at is None:
        return [tr("OVERDUE")] if overdue else [""]
    when = local_time_text(view.due_at)
    if overdue:
        return [
            tr("OVERDUE · due %1").replace("%1", when),
            tr("OVERDUE %1").replace("%1", when),
            tr("OVERDUE"),
        ]
    return [tr("Due %1").replace("%1", when), when]


def _fitting(metrics: QFontMetrics, width: int, texts: list[str]) -> str:
    return next((t for t in texts if metrics.horizontalAdvance(t) <= width), texts[-1])


@dataclass(frozen=True)
class CardLook:
    """The colours a card is painted with; tests read this decision directly."""

    background: QColor
    border: QColor
    bar: QColor
    overdue: bool


def card_look(view: TaskView, overdue: bool, selected: bool = False) -> CardLook:
    border = SELECTED_BORDER if selected else (OVERDUE_BORDER if overdue else CARD_BORDER)
    background = OVERDUE_BACKGROUND if overdue else CARD_BACKGROUND
    if is_night():  # a dark card with the same meaning (ui/common/theme.py)
        background = night_tint(background) if overdue else QColor("#262b32")
        border = border if selected or overdue else QColor("#3a414a")
    return CardLook(background, border, PRIORITY_COLOURS[Priority(view.priority)], overdue)


class TaskCardDelegate(QStyledItemDelegate):
    """Draws one card per row of a TaskColumnModel."""

    query = ""  # the board's search text: matched words are highlighted on the cards

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(220, LINES * (line + 2) + 2 * PADDING + 2 * MARGIN)

    def look(self, index: QModelIndex | QPersistentModelIndex, selected: bool = False) -> CardLook:
        return card_look(index.data(TaskRole), bool(index.data(OverdueRole)), selected)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        view: TaskView | None = index.data(TaskRole)
        if view is None:
            return super().paint(painter, option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        look = self.look(index, selected)
        base, bold, small = self._fonts(option)
        card = option.rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(look.border, 2 if selected or look.overdue else 1))
        painter.setBrush(look.background)
        painter.drawRoundedRect(card, 5, 5)
        bar = QRect(card.left() + 1, card.top() + 1, BAR_WIDTH, card.height() - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.bar)
        painter.drawRoundedRect(bar, 3, 3)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(SELECTED_BORDER, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), 4, 4)

        text = card.adjusted(BAR_WIDTH + PADDING, PADDING - 2, -PADDING, -PADDING + 2)
        line_h = QFontMetrics(base).height() + 2
        rows = [QRect(text.left(), text.top() + i * line_h, text.width(), line_h) for i in range(LINES)]
        pill_width = self._pill(painter, rows[0], small, look.bar, priority_label(view.priority).upper())
        due_rect = rows[0].adjusted(pill_width + 6, 0, 0, 0)
        due_font = QFont(small)
        due_font.setBold(look.overdue)
        due = _fitting(QFontMetrics(due_font), due_rect.width(), _due_texts(view, look.overdue))
        self._text(
            painter,
            due_rect,
            due_font,
            OVERDUE_TEXT if look.overdue else MUTED_TEXT,
            due,
            Qt.AlignmentFlag.AlignRight,
        )
        title = view.title
        if index.data(LiveRole):  # a real task on the board during an exercise
            title = f"● {tr(LIVE_MARK)} · {title}"
        first, second = _two_lines(QFontMetrics(bold), title, text.width())
        if self.query:  # the words the search found, marked behind the text
            self._highlight(painter, rows[1], bold, first)
            self._highlight(painter, rows[2], bold, second)
        self._text(painter, rows[1], bold, TITLE_TEXT, first)
        self._text(painter, rows[2], bold, TITLE_TEXT, second)
        team = view.team_name or tr("No team")
        id_width = QFontMetrics(small).horizontalAdvance(f"#{view.id}") + PADDING
        self._text(
            painter,
            rows[3].adjusted(0, 0, -id_width, 0),
            base,
            BODY_TEXT if view.team_name else MUTED_TEXT,
            tr("Team: %1").replace("%1", team),
        )
        self._text(painter, rows[3], small, MUTED_TEXT, f"#{view.id}", Qt.AlignmentFlag.AlignRight)
        incident = view.incident_title or tr("no incident")
        self._text(painter, rows[4], small, MUTED_TEXT, tr("Incident: %1").replace("%1", incident))
        painter.restore()
        return None

    def highlights(self, line: str) -> list[tuple[int, int]]:
        """The spans of ``line`` that the current search matched (what paint marks)."""
        return [span for word in self.query.split() for span in (match_spans(word, line) or [])]

    def _highlight(self, painter: QPainter, row: QRect, font: QFont, line: str) -> None:
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, row.width())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MATCH_BACKGROUND)
        for start, end in self.highlights(elided):
            left = row.left() + metrics.horizontalAdvance(elided[:start])
            painter.drawRect(
                QRect(left, row.top() + 1, metrics.horizontalAdvance(elided[start:end]), row.height() - 2)
            )

    @staticmethod
    def _pill(painter: QPainter, row: QRect, font: QFont, colour: QColor, text: str) -> int:
        """The priority word, white on its colour: readable without telling colours apart."""
        font = QFont(font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        pill = QRect(row.left(), row.top() + 1, metrics.horizontalAdvance(text) + 10, row.height() - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(pill, 3, 3)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        return pill.width()

    @staticmethod
    def _text(
        painter: QPainter,
        rect: QRect,
        font: QFont,
        colour: QColor,
        text: str,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        """One elided line of text, so long titles never spill into the next line."""
        painter.setFont(font)
        painter.setPen(for_night(colour, background=False))
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)
