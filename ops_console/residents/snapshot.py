"""What the residents panel shows, read in one go off the GUI thread.

A zone with 5,000 residents inside takes a few hundred milliseconds to list, so the
panel runs ``zone_snapshot`` as a job (ui/common/jobs.py) and only renders the result.
What the role on shift may not see is simply not read: a viewer's snapshot has counts
and ``rows = None`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ops_console.mapping.shelters import ShelterService, ShelterStatus
from ops_console.mapping.zones import ZoneService, ZoneView

from . import ResidentServices
from .views import ResidentCounts, ResidentRow, ZoneProgress

HIDDEN = "Names and addresses are shown to operators and supervisors; a viewer sees counts only."


@dataclass(frozen=True)
class ZoneSnapshot:
    counts: ResidentCounts
    zones: list[ZoneView]
    zone_id: int | None
    progress: ZoneProgress | None
    rows: list[ResidentRow] | None  # None: the role may not see names (``hidden_because`` says why)
    shelters: list[tuple[int, str]]  # open shelters a resident can be checked in at
    may_edit: bool
    may_export: bool
    hidden_because: str = ""


def zone_snapshot(
    residents: ResidentServices, zones: ZoneService, shelters: ShelterService, zone_id: int | None
) -> ZoneSnapshot:
    """Counts, the active zones, and for ``zone_id`` (or the first evacuation zone) its
    progress and, where the role allows, its residents most urgent first."""
    register, evacuation = residents.register, residents.evacuation
    listed = zones.list()
    if zone_id is None or all(z.id != zone_id for z in listed):
        preferred = [z for z in listed if z.kind.value == "evacuation"] or listed
        zone_id = preferred[0].id if preferred else None
    progress = evacuation.progress(zone_id) if zone_id is not None else None
    see = register.may_see_details
    rows = evacuation.residents_in(zone_id) if see and zone_id is not None else ([] if see else None)
    # where a resident can go: shelters with room first, a full one still listed (people arrive anyway)
    ordered = sorted(shelters.list(), key=lambda s: (s.status is not ShelterStatus.OPEN, s.name))
    open_shelters = [(s.id, s.name) for s in ordered if s.status is not ShelterStatus.CLOSED]
    return ZoneSnapshot(
        register.counts(),
        listed,
        zone_id,
        progress,
        rows,
        open_shelters,
        may_edit=see and register.may_edit,
        may_export=register.may_export,
        hidden_because="" if see else HIDDEN,
    )
