"""Dock tab bars a person can read: whole titles, and no stale bars left behind.

QMainWindow elides dock titles when a group's tabs do not fit: at 1280x720 the right
group read "Task bo…", "Sire…", "Sens…", "Warnin…", "Team bo…". A title a person must
guess under pressure is a title lost, so the bars keep whole titles and scroll instead
(the arrows say there is more).

Tabifying docks into a group that is also split (Incidents above, Activity/Radio/Alerts
below) leaves earlier, smaller tab bars of that group alive and visible at their old
place (on a 1280x720 window one was drawn across the gap between Incidents and Radio),
and View → Reset layout (restoreState) leaves the old bars lying under the new ones,
their highlighted tab naming a dock that is no longer in front.

Bars of one group start with the same dock. The one to keep is the biggest, and among
equals the newest (the window's later child: the one the layout made last).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar


def tidy_tab_bars(window: QMainWindow) -> None:
    """Hide the stale bars; the others show whole titles (scrolling when they do not fit)."""
    hide_stale_tab_bars(window)
    for bar in window.findChildren(QTabBar):
        if bar.parentWidget() is window:
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)


def hide_stale_tab_bars(window: QMainWindow) -> int:
    """Hide the stale bars among the window's dock tab bars; returns how many."""
    bars = [
        b
        for b in window.findChildren(QTabBar)
        if b.parentWidget() is window and not b.isHidden() and b.count()
    ]
    order = {id(w): n for n, w in enumerate(window.children())}
    keep: dict[str, QTabBar] = {}
    for bar in bars:
        best = keep.get(bar.tabText(0))
        if best is None or (bar.count(), order.get(id(bar), -1)) > (best.count(), order.get(id(best), -1)):
            keep[bar.tabText(0)] = bar
    stale = [b for b in bars if keep[b.tabText(0)] is not b]
    for bar in stale:
        bar.hide()
    return len(stale)
