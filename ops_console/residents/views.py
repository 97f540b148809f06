"""Plain copies of residents for widgets, the report and the walk lists (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .needs import Need, Whereabouts


@dataclass(frozen=True)
class ResidentDraft:
    """What a person fills in on the register's form; ``lat``/``lon`` may both be None."""

    name: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    needs: tuple[Need, ...] = ()
    contact: str = ""
    neighbour_contact: str = ""
    checker: str = ""  # the volunteer who usually checks on them (free text)
    notes: str = ""


@dataclass(frozen=True)
class ResidentRow:
    """One line of a list: enough to find the person and decide what to do first.
    Contacts and notes are left out: they are read by opening the record (audited)."""

    id: int
    name: str
    address: str
    street: str
    lat: float | None
    lon: float | None
    needs: tuple[Need, ...]
    urgency: int
    whereabouts: Whereabouts = Whereabouts.UNACCOUNTED
    shelter: str = ""

    @property
    def on_map(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class ResidentDetails:
    """A resident's record as opened by an operator (every opening is audited)."""

    row: ResidentRow
    contact: str
    neighbour_contact: str
    checker: str
    notes: str
    updated_at: datetime
    version: int

    def draft(self) -> ResidentDraft:
        r = self.row
        return ResidentDraft(
            r.name,
            r.address,
            r.lat,
            r.lon,
            r.needs,
            self.contact,
            self.neighbour_contact,
            self.checker,
            self.notes,
        )


@dataclass(frozen=True)
class ResidentCounts:
    """What every role may see: how many, how many on the map, how many per need."""

    total: int
    on_map: int
    by_need: dict[Need, int] = field(default_factory=dict)

    @property
    def without_position(self) -> int:
        return self.total - self.on_map


@dataclass(frozen=True)
class ZoneProgress:
    """A zone's evacuation in counts (every role may see it): the progress bar's numbers."""

    zone_id: int
    total: int
    by_status: dict[Whereabouts, int]

    @property
    def accounted(self) -> int:
        return sum(n for w, n in self.by_status.items() if w.accounted)

    @property
    def ratio(self) -> float:
        return self.accounted / self.total if self.total else 1.0
