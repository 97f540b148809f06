"""The post's notice board: background failures said in words, not only logged.

A failure on a thread nobody watches (a map layer that would not load, a radio link that
lost its port, a write the spool had to take) is invisible at a post if it only reaches the
log file. ``Notices`` logs it, keeps the recent ones for the alert list, and publishes a
NOTICE event that the UI bridge turns into a status-bar message (as qutebrowser's
``message`` module does). Qt-free and thread-safe: any part with the post's bus may call
``say(bus, …)``; the post's ``Notices`` hears every NOTICE on that bus and keeps it.

The text may be a stored sentence (ops_console/said.py: ``said(N_("…{x}…"), x=…)``), so a
notice said on a worker thread reads in the language of whoever reads it: the log gets
its English, the status bar and the alert list translate it when they show it.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ops_console.events import Event, EventBus
from ops_console.said import english, shown
from ops_console.topics import Topic

log = logging.getLogger(__name__)

KEEP = 100  # notices remembered for the alert list
SHOWN_FOR = timedelta(minutes=30)  # a problem stays on the alert list this long after it was said


@dataclass(frozen=True)
class Notice:
    """One thing said: ``level`` is info, warning or problem; ``source`` names the part that said
    it; ``text`` may be a stored sentence (said.py), shown through ``said.shown``."""

    level: str
    text: str
    source: str
    at: datetime

    @property
    def words(self) -> str:
        """The text in the reader's language (a stored sentence translated, else as said)."""
        return shown(self.text)


LEVELS = ("info", "warning", "problem")


def say(bus: EventBus, level: str, text: str, *, source: str = "") -> None:
    """Log ``text`` and publish it as a NOTICE: the status bar shows it, the alert list keeps it."""
    if level not in LEVELS:
        raise ValueError(f"notice level {level!r} is not one of {LEVELS}")
    log.log(
        logging.INFO if level == "info" else logging.WARNING,
        "%s%s",
        f"{source}: " if source else "",
        english(text),
    )
    bus.publish(Event(Topic.NOTICE, None, {"level": level, "text": text, "source": source}))


class Notices:
    """The post's notice board: says background failures in words and remembers recent ones."""

    def __init__(self, bus: EventBus) -> None:
        self._bus = bus
        self._recent: deque[Notice] = deque(maxlen=KEEP)
        self._lock = threading.Lock()
        bus.subscribe(self._heard)

    def info(self, text: str, *, source: str = "") -> None:
        self._say("info", text, source)

    def warning(self, text: str, *, source: str = "") -> None:
        self._say("warning", text, source)

    def problem(self, text: str, *, source: str = "") -> None:
        self._say("problem", text, source)

    def recent(
        self, now: datetime | None = None, *, levels: tuple[str, ...] = ("warning", "problem")
    ) -> list[Notice]:
        """Notices of ``levels`` said within SHOWN_FOR, newest last."""
        since = (now or datetime.now(timezone.utc)) - SHOWN_FOR
        with self._lock:
            return [n for n in self._recent if n.level in levels and n.at >= since]

    def _say(self, level: str, text: str, source: str) -> None:
        say(self._bus, level, text, source=source)

    def _heard(self, event: Event) -> None:
        if event.topic != Topic.NOTICE:
            return
        data = event.data
        notice = Notice(
            str(data.get("level", "warning")),
            str(data.get("text", "")),
            str(data.get("source", "")),
            datetime.now(timezone.utc),
        )
        with self._lock:
            self._recent.append(notice)
