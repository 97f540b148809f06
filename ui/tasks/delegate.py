"""Paints a task card: priority bar and label, title, team, incident and due time.

Painting in a delegate (instead of a widget per card) keeps a board of hundreds of
cards fast. Priority is a coloured bar AND a word, and overdue is a red card AND the
word "Overdue", so nothing depends on telling colours apart. Where each part goes for
the card's width and text size is decided once (ui/tasks/card_layout.py) and used alike
by sizeHint, paint and the tests: the due time and the overdue mark are never cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ops_console.domain import Priority
from ops_console.exercise_view import live_words
from ops_console.services.tasks import TaskView
from ops_console.text_match import match_spans
from ops_console.ui.common.formatting import local_when, locale
from ops_console.ui.common.theme import for_night, is_night, night_tint
from ops_console.ui.tasks.card_layout import (
    BASE_ROWS,
    CardRows,
    DuePlacement,
    card_rows,
    due_candidates,
    extra_rows,
    line_widths,
    minimum_text_width,
    pill_width,
    place_due,
    rows_needed,
    width_of,
)
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
MARGIN, PADDING, BAR_WIDTH = 5, 6, 6  # padding 6: four Chinese columns fit a 1280x720 dock
CHROME_WIDTH = 2 * MARGIN + BAR_WIDTH + 2 * PADDING  # a card's width around its text
DEFAULT_WIDTH = 220  # a card's width when no view says how wide it is


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


def _two_lines(metrics: QFontMetricsF, text: str, width: int) -> tuple[str, str]:
    """Split a title over two lines at a word break; the second line is elided if needed."""
    if width_of(metrics, text) <= width:
        return text, ""
    words, first = text.split(), ""
    while words and width_of(metrics, f"{first} {words[0]}".strip()) <= width:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one very long word: let the first line elide it
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
    return first, metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)


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


class CardFonts(NamedTuple):
    base: QFont  # team
    bold: QFont  # title
    small: QFont  # incident, #id
    badge: QFont  # the priority word
    due: QFont  # the due line: bold when overdue


class CardPlan(NamedTuple):
    """One card's layout at one width: what the delegate paints and what tests measure."""

    card: QRect
    fonts: CardFonts
    badge: str
    badge_width: int
    due: DuePlacement
    rows: CardRows


def card_fonts(font: QFont, overdue: bool) -> CardFonts:
    base = QFont(font)
    bold = QFont(base)
    bold.setBold(True)
    small = QFont(base)
    small.setPointSizeF(max(base.pointSizeF() - 1, 7))
    badge = QFont(small)
    badge.setBold(True)
    due = QFont(small)
    due.setBold(overdue)
    return CardFonts(base, bold, small, badge, due)


def minimum_card_width(font: QFont) -> int:
    """The narrowest card that holds every due piece and priority word in ``font``."""
    fonts = card_fonts(font, overdue=True)
    badges = [priority_label(p).upper() for p in Priority]
    return minimum_text_width(QFontMetricsF(fonts.due), badges, QFontMetricsF(fonts.badge)) + CHROME_WIDTH


def _line_height(font: QFont) -> int:
    return QFontMetrics(font).height() + 2


@lru_cache(maxsize=8192)
def _due_widths(
    due_at: datetime | None, overdue: bool, priority: Priority, font: str, _locale: str, _day: date
) -> tuple[int, tuple[tuple[int, ...], ...]]:
    """A card's badge width and the widths of every way to write its due, kept per due
    time and font: a column of 500 cards is laid out again on every resize step, and
    writing and measuring a card's due costs ~150 µs (then placing it is arithmetic)."""
    qfont = QFont()
    qfont.fromString(font)
    fonts = card_fonts(qfont, overdue)
    badge = pill_width(QFontMetricsF(fonts.badge), priority_label(priority).upper())
    return badge, tuple(line_widths(QFontMetricsF(fonts.due), due_candidates(due_at, overdue)))


def plan_card(
    due_at: datetime | None, priority: Priority, overdue: bool, font: QFont, rect: QRect
) -> CardPlan:
    """Where every part of a card goes in ``rect`` (the item's rect): only the due time,
    the priority and the text size move anything (the rest is elided on its row)."""
    fonts = card_fonts(font, overdue)
    card = rect.adjusted(MARGIN, MARGIN // 2, -MARGIN, -MARGIN // 2)
    text = card.adjusted(BAR_WIDTH + PADDING, PADDING - 2, -PADDING, -PADDING + 2)
    badge = priority_label(priority).upper()
    badge_width = pill_width(QFontMetricsF(fonts.badge), badge)
    due = place_due(QFontMetricsF(fonts.due), text.width(), badge_width, due_candidates(due_at, overdue))
    rows = card_rows(text, _line_height(fonts.base), badge_width, due)
    return CardPlan(card, fonts, badge, badge_width, due, rows)


class TaskCardDelegate(QStyledItemDelegate):
    """Draws one card per row of a TaskColumnModel."""

    query = ""  # the board's search text: matched words are highlighted on the cards

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """As wide as the view's viewport, as tall as this card's rows at that width."""
        width, font = self.card_width(option), option.font
        view: TaskView | None = index.data(TaskRole)
        rows = BASE_ROWS
        if view is not None:
            today = datetime.now(timezone.utc).astimezone().date()  # "today" writes the clock alone
            key = (font.toString(), locale().bcp47Name(), today)
            badge, widths = _due_widths(view.due_at, bool(index.data(OverdueRole)), view.priority, *key)
            rows = rows_needed(extra_rows(widths, width - CHROME_WIDTH, badge))
        return QSize(width, rows * _line_height(font) + 2 * PADDING + 2 * MARGIN)

    @staticmethod
    def card_width(option: QStyleOptionViewItem) -> int:
        """The viewport's width: a card fills its column (never wider than what is seen).
        The column keeps itself at least ``minimum_card_width`` wide (ui/tasks/column.py)."""
        widget = option.widget  # type: ignore[attr-defined]
        if isinstance(widget, QAbstractItemView):
            return widget.viewport().width()
        return DEFAULT_WIDTH

    def plan(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> CardPlan | None:
        """The layout ``paint`` draws for this card in ``option.rect`` (None for no task)."""
        view: TaskView | None = index.data(TaskRole)
        if view is None:
            return None
        return plan_card(view.due_at, view.priority, bool(index.data(OverdueRole)), option.font, option.rect)

    def look(self, index: QModelIndex | QPersistentModelIndex, selected: bool = False) -> CardLook:
        return card_look(index.data(TaskRole), bool(index.data(OverdueRole)), selected)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        view: TaskView | None = index.data(TaskRole)
        plan = self.plan(option, index)
        if view is None or plan is None:
            return super().paint(painter, option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        look = self.look(index, selected)
        painter.save()
        self._card(painter, plan.card, look, selected, bool(option.state & QStyle.StateFlag.State_HasFocus))
        fonts, rows = plan.fonts, plan.rows
        self._pill(painter, rows.badge, fonts.badge, look.bar, plan.badge)
        due_colour = OVERDUE_TEXT if look.overdue else MUTED_TEXT
        for i, (rect, line) in enumerate(zip(rows.due, plan.due.lines)):
            beside = i == 0 and plan.due.beside
            align = Qt.AlignmentFlag.AlignRight if beside else Qt.AlignmentFlag.AlignLeft
            self._text(painter, rect, fonts.due, due_colour, line, align)
        self._title(painter, rows.title, fonts.bold, view, bool(index.data(LiveRole)))
        team = view.team_name or tr("No team")
        id_width = QFontMetrics(fonts.small).horizontalAdvance(f"#{view.id}") + PADDING
        self._text(
            painter,
            rows.team.adjusted(0, 0, -id_width, 0),
            fonts.base,
            BODY_TEXT if view.team_name else MUTED_TEXT,
            tr("Team: %1").replace("%1", team),
        )
        self._text(painter, rows.team, fonts.small, MUTED_TEXT, f"#{view.id}", Qt.AlignmentFlag.AlignRight)
        incident = view.incident_title or tr("no incident")
        self._text(
            painter, rows.incident, fonts.small, MUTED_TEXT, tr("Incident: %1").replace("%1", incident)
        )
        painter.restore()
        return None

    @staticmethod
    def _card(painter: QPainter, card: QRect, look: CardLook, selected: bool, focused: bool) -> None:
        """The card's body, border and priority bar (and the focus ring)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(look.border, 2 if selected or look.overdue else 1))
        painter.setBrush(look.background)
        painter.drawRoundedRect(card, 5, 5)
        bar = QRect(card.left() + 1, card.top() + 1, BAR_WIDTH, card.height() - 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.bar)
        painter.drawRoundedRect(bar, 3, 3)
        if focused:
            painter.setPen(QPen(SELECTED_BORDER, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), 4, 4)

    def _title(
        self, painter: QPainter, rows: tuple[QRect, ...], font: QFont, view: TaskView, live: bool
    ) -> None:
        """The title on its rows (two, or one elided when the due line took more than two)."""
        title = view.title
        if live:  # a real task on the board during an exercise
            title = f"● {live_words()} · {title}"
        width = rows[0].width()
        lines = _two_lines(QFontMetricsF(font), title, width) if len(rows) > 1 else (title,)
        for row, line in zip(rows, lines):
            if self.query:  # the words the search found, marked behind the text
                self._highlight(painter, row, font, line)
            self._text(painter, row, font, TITLE_TEXT, line)

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
        pill = QRect(row.left(), row.top() + 1, pill_width(QFontMetricsF(font), text), row.height() - 2)
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
