"""The map's services in one bundle, built from a post's database, bus and shift.

The composition root builds this once (``post.map``); ``for_post`` serves code that holds
only a post.
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
    def create(cls, db: Any, bus: Any, shift: Any) -> MapServices:
        return cls(RiskService(db, bus, shift), ShelterService(db, bus, shift), ZoneService(db, bus, shift))

    @classmethod
    def for_post(cls, post: Any) -> MapServices:
        return cls.create(post.db, post.bus, post.shift)
