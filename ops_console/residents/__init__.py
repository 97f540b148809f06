"""Residents who need help: the register, the residents inside a drawn zone, welfare-check
tasks by street, and evacuation accounting (issue 17). Qt-free services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .accounting import EvacuationService
from .needs import Need, Whereabouts
from .register import ResidentService
from .views import ResidentCounts, ResidentDetails, ResidentDraft, ResidentRow, ZoneProgress

__all__ = [
    "EvacuationService",
    "Need",
    "ResidentCounts",
    "ResidentDetails",
    "ResidentDraft",
    "ResidentRow",
    "ResidentServices",
    "ResidentService",
    "Whereabouts",
    "ZoneProgress",
]


@dataclass(frozen=True)
class ResidentServices:
    """The register and the evacuation accounting, built once by the composition root."""

    register: ResidentService
    evacuation: EvacuationService

    @classmethod
    def create(cls, db: Any, bus: Any, shift: Any, tasks: Any, zones: Any) -> ResidentServices:
        return cls(ResidentService(db, bus, shift), EvacuationService(db, bus, shift, tasks, zones))
