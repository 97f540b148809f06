"""Reading a resource request out of a radio message: a pure function, easy to fuzz.

Field traffic is short and informal ("NEED 200 SANDBAGS AT CANAL RD UNDERPASS URGENT BY
18:00"), so this looks for the parts a request needs — an item from the catalogue, a
quantity, a priority, a place and a time — and says which parts it could not find, so
the radio operator fills only those in instead of retyping the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ops_console.domain import Priority

from .views import MAX_QUANTITY

_WORD = re.compile(r"[a-z0-9]+")
_QUANTITY = re.compile(r"(?<![\d:.])(\d{1,3}(?:,\d{3})+|\d+)(?![\d:])")
_BY_TIME = re.compile(r"\bby\s+(\d{1,2})[:.h](\d{2})\b", re.I)
_WITHIN = re.compile(r"\b(?:within|in)\s+(\d{1,3})\s*(min|minutes?|h|hrs?|hours?)\b", re.I)
_PLACE = re.compile(
    r"\b(?:to|at|for)\s+([^,.;!\n]{3,80}?)(?=\s+(?:by|within|urgent|asap|immediately|please)\b|[,.;!\n]|$)",
    re.I,
)
_URGENT = ("urgent", "immediate", "immediately", "asap", "emergency", "flash", "critical")
_HIGH = ("priority", "high", "soon", "quickly")
_STOP = {"the", "and", "for", "with", "of", "pack", "box", "set", "kit"}


@dataclass(frozen=True)
class ParsedRequest:
    """What was understood; ``missing`` names the parts the operator must still give."""

    item_id: int | None = None
    quantity: int | None = None
    priority: Priority = Priority.NORMAL
    needed_by: datetime | None = None
    deliver_to_location_id: int | None = None
    deliver_to_text: str = ""
    missing: dict[str, str] = field(default_factory=dict)


def _words(text: str) -> set[str]:
    found = set()
    for word in _WORD.findall(text.casefold()):
        found.add(word)
        if len(word) > 3 and word.endswith("s"):
            found.add(word[:-1])  # "sandbags" finds "sandbag"
    return found


def _best(text_words: set[str], names: dict[int, str]) -> int | None:
    """The name whose significant words are most fully present; None when unclear."""
    scored = []
    for key, name in names.items():
        wanted = {w for w in _words(name) if len(w) > 2 and w not in _STOP}
        wanted = {w for w in wanted if not (w.endswith("s") and w[:-1] in wanted)}
        if not wanted:
            continue
        hits = len(wanted & text_words)
        if hits:
            scored.append((hits / len(wanted), hits, key))
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None  # two items fit equally well: let the operator choose
    return scored[0][2] if scored[0][0] >= 0.5 else None


def parse_request_message(
    text: str, items: dict[int, str], locations: dict[int, str], *, now: datetime
) -> ParsedRequest:
    """Understand ``text`` against the catalogue; never raises on any input."""
    text = text if isinstance(text, str) else ""
    words = _words(text)
    missing: dict[str, str] = {}
    item_id = _best(words, items)
    if item_id is None:
        missing["item_id"] = "Which item? The message names none from the catalogue clearly."
    quantity = None
    for match in _QUANTITY.finditer(text):
        if _BY_TIME.search(text[max(0, match.start() - 4) : match.end() + 3]):
            continue
        value = int(match.group(1).replace(",", ""))
        if 0 < value <= MAX_QUANTITY:
            quantity = value
            break
    if quantity is None:
        missing["quantity"] = "How many? The message gives no usable quantity."
    lowered = words
    priority = (
        Priority.URGENT
        if any(w in lowered for w in _URGENT)
        else Priority.HIGH
        if any(w in lowered for w in _HIGH)
        else Priority.NORMAL
    )
    needed_by = None
    by = _BY_TIME.search(text)
    if by and int(by.group(1)) < 24 and int(by.group(2)) < 60:
        local = now.astimezone()
        at = local.replace(hour=int(by.group(1)), minute=int(by.group(2)), second=0, microsecond=0)
        needed_by = at if at > local else at + timedelta(days=1)
    within = _WITHIN.search(text)
    if needed_by is None and within:
        amount = int(within.group(1))
        needed_by = now + (
            timedelta(minutes=amount) if within.group(2).lower().startswith("m") else timedelta(hours=amount)
        )
    location_id = _best(words, locations)
    place = _PLACE.search(text)
    deliver_text = place.group(1).strip() if place else ""
    if location_id is None and not deliver_text:
        missing["deliver_to"] = "Deliver where? The message names no place."
    return ParsedRequest(item_id, quantity, priority, needed_by, location_id, deliver_text[:200], missing)
