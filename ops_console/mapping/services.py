"""The map's services in one bundle, built from a post's database, bus and shift.

The main window (and the radio feature) construct this once: ``MapServices.for_post(post)``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .risks import RiskService
from .shelters import ShelterService
from .zones import ZoneService


@dataclass(frozen=True)
class MapServices:
    risks: RiskService
    shelters: ShelterService
    zones: ZoneService

    @classmethod
    def for_post(cls, post: Any) -> MapServices:
        return cls(RiskService(post.db, post.bus, post.shift), ShelterService(post.db, post.bus, post.shift),
                   ZoneService(post.db, post.bus, post.shift))
