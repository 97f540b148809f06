"""Hide the stale tab bars QMainWindow leaves behind.

Tabifying docks into a group that is also split (Incidents above, Activity/Radio/Alerts
below) leaves earlier, smaller tab bars of that group alive and visible at their old
place (on a 1280x720 window one was drawn across the gap between Incidents and Radio),
and View → Reset layout (restoreState) leaves the old bars lying under the new ones,
their highlighted tab naming a dock that is no longer in front.

Bars of one group start with the same dock. The one to keep is the biggest, and among
equals the newest (the window's later child: the one the layout made last).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabBar


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
