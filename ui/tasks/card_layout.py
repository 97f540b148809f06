"""Where a task card's parts go, decided for the card's width and font before painting.

The due time and the overdue mark are what a card must never lose: at a raised text size
or in a narrow column the due line moves below the priority badge, then splits into
short pieces on rows of their own; the card grows a row for each, and only past two
does the title give up its second line (a long title is elided, never the time). The
title is what tells one card from the next: at 1280x720 four columns are ~120 px wide,
and a one-row title read "Escort resid…" on every other card. A column is never
narrower than the widest single piece (``minimum_text_width``), so no supported text
size in either language cuts the time.

Pure arithmetic over font metrics (no painter, no widget), so the delegate's sizeHint
and paint use one decision and the tests can measure it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QFontMetricsF

from ops_console.ui.common.formatting import clock_time, local_day, local_short, local_when

BASE_ROWS = 5  # badge and due, title (two rows), team, incident
PILL_GAP = 6  # between the badge and a due line beside it
PILL_PADDING = 10  # the badge's colour around its word


def tr(text: str) -> str:
    return QCoreApplication.translate("TaskBoard", text)


def _today(at: datetime, now: datetime | None) -> bool:
    today = (now or datetime.now(timezone.utc)).astimezone().date()
    return at.astimezone().date() == today


def due_candidates(
    due_at: datetime | None, overdue: bool, now: datetime | None = None
) -> Iterator[tuple[str, ...]]:
    """The ways to write a card's due line, most wanted first; each is one or more lines.

    Every way keeps the whole due time (the day when it is not today, and the clock), and
    an overdue card keeps the word OVERDUE (a red card alone says nothing to everyone).
    Made as asked for: most cards take the first or second, and each written date costs
    QLocale's formatting."""
    if due_at is None:
        if overdue:
            yield (tr("OVERDUE"),)
        return
    when, mark = local_when(due_at, now), tr("OVERDUE")
    if overdue:
        yield (tr("OVERDUE · due %1").replace("%1", when),)
        yield (tr("OVERDUE %1").replace("%1", when),)
    else:
        yield (tr("Due %1").replace("%1", when),)
        yield (when,)
    if _today(due_at, now):  # the clock alone is the whole time
        if overdue:
            yield (mark, when)
        return
    short = local_short(due_at, now)  # no weekday; then the day and the clock apart
    pieces = (local_day(due_at, now), clock_time(due_at))
    if overdue:
        yield (tr("OVERDUE %1").replace("%1", short),)
        yield (mark, when)
        yield (mark, short)
        yield (mark, *pieces)
    else:
        yield (short,)
        yield pieces


@dataclass(frozen=True)
class DuePlacement:
    """The due line(s) chosen, and whether the first sits beside the priority badge."""

    lines: tuple[str, ...] = ()
    beside: bool = False

    @property
    def extra_rows(self) -> int:
        """Rows the due takes below the badge's row."""
        return len(self.lines) - (1 if self.beside and self.lines else 0)


def choose_due(widths: Sequence[Sequence[int]], text_width: int, pill_width: int) -> tuple[int, bool] | None:
    """Which way to write the due (its index in ``widths``, the widths of each way's lines)
    and whether its first line goes beside the badge: the way that costs the fewest rows
    (ties: the most wanted), beside the badge when it fits there; None when none fits.
    Arithmetic only, so a column reflowing 500 cards on a resize measures no text."""
    beside_width = text_width - pill_width - PILL_GAP
    best: tuple[int, int, bool] | None = None
    for rank, lines in enumerate(widths):
        if any(w > text_width for w in lines[1:]):
            continue
        for beside in (True, False):
            if lines[0] > (beside_width if beside else text_width):
                continue
            extra = len(lines) - (1 if beside else 0)
            if best is None or (extra, rank) < best[:2]:
                best = (extra, rank, beside)
    return None if best is None else (best[1], best[2])


def line_widths(metrics: QFontMetricsF, candidates: Iterable[tuple[str, ...]]) -> list[tuple[int, ...]]:
    return [tuple(width_of(metrics, line) for line in lines) for lines in candidates]


def place_due(
    metrics: QFontMetricsF, text_width: int, pill_width: int, candidates: Iterable[tuple[str, ...]]
) -> DuePlacement:
    """``choose_due`` over written candidates. With nothing that fits (a column below its
    minimum width), the last way on rows of its own: its pieces are the shortest there are."""
    ways = list(candidates)
    if not ways:
        return DuePlacement()
    chosen = choose_due(line_widths(metrics, ways), text_width, pill_width)
    if chosen is None:
        return DuePlacement(ways[-1], False)
    return DuePlacement(ways[chosen[0]], chosen[1])


def extra_rows(widths: Sequence[Sequence[int]], text_width: int, pill_width: int) -> int:
    """The due's rows below the badge's row, from measured widths (what sizeHint needs)."""
    if not widths:
        return 0
    chosen = choose_due(widths, text_width, pill_width)
    if chosen is None:
        return len(widths[-1])
    return len(widths[chosen[0]]) - (1 if chosen[1] else 0)


@dataclass(frozen=True)
class CardRows:
    """The rows of one card's text area, by what they hold."""

    badge: QRect  # the badge's row (the due line's first row when it sits beside)
    due: tuple[QRect, ...]  # one per due line
    title: tuple[QRect, ...]  # one or two
    team: QRect
    incident: QRect


TITLE_KEPT_WHOLE_UP_TO = 2
"""Due rows below the badge with which the title keeps its two rows (the card grows)."""


def rows_needed(placement: DuePlacement | int) -> int:
    """Five rows and one more for each due row below the badge, less the title's second
    row once there are more than two (the tallest due, at the largest text, takes three)."""
    extra = placement if isinstance(placement, int) else placement.extra_rows
    return BASE_ROWS + extra - (2 - _title_rows(extra))


def _title_rows(extra: int) -> int:
    return 2 if extra <= TITLE_KEPT_WHOLE_UP_TO else 1


def card_rows(text: QRect, line_height: int, pill_width: int, placement: DuePlacement) -> CardRows:
    """Rows from the top of ``text``: badge, due rows, title (two rows, or one when the due
    took more than two rows of its own), team, incident."""
    rows = [
        QRect(text.left(), text.top() + i * line_height, text.width(), line_height)
        for i in range(rows_needed(placement))
    ]
    badge, below = rows[0], rows[1:]
    due: list[QRect] = []
    if placement.beside and placement.lines:
        due.append(badge.adjusted(pill_width + PILL_GAP, 0, 0, 0))
    due += below[: placement.extra_rows]
    below = below[placement.extra_rows :]
    kept = _title_rows(placement.extra_rows)
    return CardRows(badge, tuple(due), tuple(below[:kept]), below[kept], below[kept + 1])


def due_pieces(now: datetime | None = None) -> list[str]:
    """The shortest pieces a due line can split into, over a year (each month's widest
    day, another year's day, a late clock): a column must hold the widest of them."""
    now = now or datetime.now(timezone.utc)
    year = now.astimezone().year
    days = [datetime(year, month, 28, 23, 58).astimezone(timezone.utc) for month in range(1, 13)]
    days.append(days[-1] + timedelta(days=366))
    return [tr("OVERDUE"), clock_time(days[0]), *(local_day(d, now) for d in days)]


def width_of(metrics: QFontMetricsF, text: str) -> int:
    """Whole pixels ``text`` takes, rounded up: QFontMetrics rounds to the nearest pixel,
    and a text 0.4 px wider than its rect is elided by Qt ("12:…")."""
    return math.ceil(metrics.horizontalAdvance(text))


def pill_width(metrics: QFontMetricsF, word: str) -> int:
    """The priority badge's width: its word and the colour around it."""
    return width_of(metrics, word) + PILL_PADDING


def minimum_text_width(metrics: QFontMetricsF, badges: Sequence[str], badge_metrics: QFontMetricsF) -> int:
    """The narrowest text area in which every due piece and every priority badge fits."""
    widest_piece = max(width_of(metrics, p) for p in due_pieces())
    return max(widest_piece, *(pill_width(badge_metrics, b) for b in badges))
