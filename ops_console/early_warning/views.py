"""Frozen views of warnings and their deliveries, handed to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ops_console.labels import QT_TRANSLATE_NOOP

# warning states
DRAFT, APPROVED, ISSUED, UPDATED, CANCELLED, ALL_CLEAR = (
    "draft",
    "approved",
    "issued",
    "updated",
    "cancelled",
    "all_clear",
)
LIVE_STATES = (ISSUED, UPDATED)  # out there now: may be updated, cancelled or cleared
# delivery states
PENDING, SENDING, DELIVERED, FAILED = "pending", "sending", "delivered", "failed"
CHANNELS = ("sirens", "radio", "cap", "pdf")
CHANNEL_NAMES = {  # shown through QCoreApplication.translate("Warnings", …)
    "sirens": QT_TRANSLATE_NOOP("Warnings", "Sirens"),
    "radio": QT_TRANSLATE_NOOP("Warnings", "Radio broadcast"),
    "cap": QT_TRANSLATE_NOOP("Warnings", "CAP 1.2 file"),
    "pdf": QT_TRANSLATE_NOOP("Warnings", "Printed notice"),
}


@dataclass(frozen=True)
class WarningArea:
    """Where the warning applies: polygons of (lat, lon) and circles (lat, lon, radius_km)."""

    kind: str  # zone | sirens
    desc: str
    polygons: tuple[tuple[tuple[float, float], ...], ...] = ()
    circles: tuple[tuple[float, float, float], ...] = ()
    zone_id: int | None = None
    siren_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class WarningView:
    id: int
    identifier: str
    hazard: str
    state: str
    texts: dict[str, dict[str, str]]
    place: str
    area: WarningArea
    exercise: bool
    expires_at: datetime
    drafted_by: str
    approved_by: str | None
    issued_by: str | None
    created_at: datetime
    changed_at: datetime
    version: int

    def headline(self, lang: str = "en-US") -> str:
        return self.texts.get(lang, {}).get("headline", "")

    def headlines_for(self, speaking: str) -> tuple[str, str]:
        """The headline a reader of ``speaking`` (a BCP 47 tag, "zh-CN" or "en") reads first,
        and the other language's ("" when there is none, or it says the same): a warning
        carries its text in both languages, and a Chinese console listed the English one.
        The English one comes first when the warning has none in the reader's language."""
        zh, en = self.headline("zh-CN"), self.headline("en-US")
        first, other = (zh, en) if speaking.lower().startswith("zh") and zh else (en, zh)
        return first, "" if other == first else other

    def headline_for(self, speaking: str) -> str:
        return self.headlines_for(speaking)[0]


@dataclass(frozen=True)
class DeliveryView:
    id: int
    message_id: int
    msg_type: str
    channel: str
    state: str
    detail: str
    ref: str
    attempts: int
    changed_at: datetime


@dataclass(frozen=True)
class MessageSummary:
    """One CAP message of a warning and how its channels fared, side by side."""

    id: int
    seq: int
    msg_type: str
    identifier: str
    sent_at: datetime
    deliveries: tuple[DeliveryView, ...]

    @property
    def outcome(self) -> str:
        """sent (every channel delivered), partial (some failed, some reached people), failed,
        or sending — a siren that refused while the radio went out is partial, never sent."""
        states = [d.state for d in self.deliveries]
        if not states:
            return "not sent"
        if all(s == DELIVERED for s in states):
            return "sent"
        if all(s == FAILED for s in states):
            return "failed"
        return "partial" if FAILED in states else "sending"


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    who: str
    action: str
    words: str
