"""Residents who need help on the map: a small diamond each, coloured by whereabouts.

Only residents with a position are put here (one with none is listed in the Residents
panel, never guessed onto the map), and only for a role that may see the register: where
a vulnerable person lives is personal data too. Hidden by default; the legend turns it on.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap

from ops_console.mapping.geo import to_mercator
from ops_console.residents import ResidentRow, Whereabouts

from . import symbols
from .marker_layer import Marker, MarkerLayer


def tr(text: str) -> str:
    return QCoreApplication.translate("Map", text)


class ResidentLayer(MarkerLayer):
    label_priority = 6
    kind = "resident"

    def set_residents(self, rows: Iterable[ResidentRow]) -> None:
        self.set_markers([m for m in (self._marker(r) for r in rows) if m is not None])

    @staticmethod
    def _marker(r: ResidentRow) -> Marker | None:
        if r.lat is None or r.lon is None:
            return None
        x, y = to_mercator(r.lat, r.lon)
        needs = ", ".join(n.label for n in r.needs)
        detail = f"{needs}\n{r.address}\n{r.whereabouts.label}" + (f" · {r.shelter}" if r.shelter else "")
        return Marker(r.id, x, y, r.whereabouts.value, f"R-{r.id}", detail)

    def pixmap(self, style: Hashable) -> QPixmap:
        return symbols.resident_symbol(str(style))

    def dot_colour(self, style: Hashable) -> str:
        return symbols.RESIDENT_COLOURS.get(str(style), "#e69f00")

    def legend(self) -> list[tuple[QPixmap, str]]:
        return [(symbols.resident_symbol(w.value), f"{tr('Resident')}: {w.label}") for w in Whereabouts]
