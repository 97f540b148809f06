"""What a resident needs, how urgent each need is, and where they are in an evacuation.

One home for the words and the order (architecture: every rule lives once): the register,
the walk lists, the welfare-check tasks' priority and the panels all rank needs here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from ops_console.domain import Priority
from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels


class Need(Labelled, str, Enum):
    """Declared most urgent first: life-sustaining power and treatment cannot wait."""

    OXYGEN = "oxygen"
    DIALYSIS = "dialysis"
    MOBILITY = "mobility"
    INFANT = "infant"
    HEARING_SIGHT = "hearing_sight"
    LANGUAGE = "language"


labels(
    Need,
    OXYGEN=QT_TRANSLATE_NOOP("Labels", "Oxygen"),
    DIALYSIS=QT_TRANSLATE_NOOP("Labels", "Dialysis"),
    MOBILITY=QT_TRANSLATE_NOOP("Labels", "Mobility"),
    INFANT=QT_TRANSLATE_NOOP("Labels", "Infant"),
    HEARING_SIGHT=QT_TRANSLATE_NOOP("Labels", "Hearing/sight"),
    LANGUAGE=QT_TRANSLATE_NOOP("Labels", "Language"),
)

# rank: higher is more urgent (0: registered with no listed need)
URGENCY: dict[Need, int] = {need: len(Need) - i for i, need in enumerate(Need)}


def urgency(needs: Iterable[Need]) -> int:
    """The rank of the most urgent need (0 for none)."""
    return max((URGENCY[n] for n in needs), default=0)


def task_priority(rank: int) -> Priority:
    """A welfare check's priority from its most urgent resident: oxygen and dialysis are
    urgent (equipment fails when the power does), mobility and infants high."""
    if rank >= URGENCY[Need.DIALYSIS]:
        return Priority.URGENT
    if rank >= URGENCY[Need.INFANT]:
        return Priority.HIGH
    return Priority.NORMAL


def parse_needs(text: str) -> tuple[Need, ...]:
    """Stored text (comma-separated values) → needs in urgency order; unknown words dropped."""
    found = {w.strip() for w in text.split(",")}
    return tuple(n for n in Need if n.value in found)


def store_needs(needs: Iterable[Need]) -> str:
    chosen = set(needs)
    return ",".join(n.value for n in Need if n in chosen)


class Whereabouts(Labelled, str, Enum):
    """Where a resident is during an evacuation; UNACCOUNTED until someone says otherwise."""

    UNACCOUNTED = "unaccounted"
    EVACUATED = "evacuated"
    STAYING = "staying"
    NOT_FOUND = "not_found"
    NEEDS_TRANSPORT = "needs_transport"

    @property
    def accounted(self) -> bool:
        """Evacuated or deliberately staying: the post knows where they are. Not found and
        needs transport are still open work, so they count as unaccounted in the report."""
        return self in (Whereabouts.EVACUATED, Whereabouts.STAYING)


labels(
    Whereabouts,
    UNACCOUNTED=QT_TRANSLATE_NOOP("Labels", "Unaccounted"),
    EVACUATED=QT_TRANSLATE_NOOP("Labels", "Evacuated"),
    STAYING=QT_TRANSLATE_NOOP("Labels", "Staying"),
    NOT_FOUND=QT_TRANSLATE_NOOP("Labels", "Not found"),
    NEEDS_TRANSPORT=QT_TRANSLATE_NOOP("Labels", "Needs transport"),
)
