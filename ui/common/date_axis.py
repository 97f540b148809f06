"""A chart's time axis in the console's language: pyqtgraph's DateAxisItem writes its
ticks with Python's time formats ("Sun 06", "Dec"), which is English whatever the locale; this one
asks ui/common/formatting.py, so a Chinese chart reads "12月6日" and "14:00".

Its words never overlap: pyqtgraph draws the coarser ticks' words ("Dec 2026") and then
the finer ones' ("28 Nov", "3 Dec") without checking one level against the other, and the
stock chart read "28 NovDec 2026 3 Dec"."""

from __future__ import annotations

from datetime import datetime, timezone

import pyqtgraph as pg

from ops_console.ui.common.formatting import clock_time, local_clock, local_day, local_month

DAY, MONTH = 86_400, 28 * 86_400
WORD_GAP = 4  # px kept clear between two words on the axis


class LocaleDateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis (its tick placement kept), labelled by the locale."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        words = []
        for value in values:
            try:
                at = datetime.fromtimestamp(value, timezone.utc)
            except (OverflowError, ValueError, OSError):  # far outside any record's time
                words.append("")
                continue
            if spacing >= 365 * DAY:
                words.append(str(at.astimezone().year))
            elif spacing >= MONTH:
                words.append(local_month(at))
            elif spacing >= DAY:
                words.append(local_day(at))
            elif spacing >= 60:
                words.append(clock_time(at))
            else:
                words.append(local_clock(at, at))  # seconds, on a zoomed-in axis
        return words

    def generateDrawSpecs(self, p):  # type: ignore[no-untyped-def]  # noqa: N802 (pyqtgraph name)
        """pyqtgraph's, less each word that would touch one placed before it (the coarser
        level's words come first, so they stay)."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        kept: list = []  # type: ignore[type-arg]
        for rect, flags, words in texts:
            room = rect.adjusted(-WORD_GAP, 0, WORD_GAP, 0)
            if not any(room.intersects(other) for other, _, _ in kept):
                kept.append((rect, flags, words))
        return axis, ticks, kept
